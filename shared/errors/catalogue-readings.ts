// Codes SAL-2xxx: meter readings (merged into CATALOGUE, shared/errors/catalogue.ts).
// SAL-2001…2029: the rules' verdicts on one reading (main/readings/rules.ts; the severity is the
// default outcome: error = reject, review = hold, warning = warn — the settings may change it).
// SAL-2030…2049: a file the importers refuse whole (nothing of it is imported).
// SAL-2050…: the readings service.

import type { CatalogueEntry } from './catalogue';

export const READINGS_CATALOGUE = {
  // ---- 2001…2029 rules (main/readings/validate.ts) ----
  'SAL-2001': {
    severity: 'error',
    pl: { message: 'Żaden licznik nie pasuje do {ref}', hint: 'Sprawdź numer licznika w odczycie; jeśli licznik radiowy ma inny numer radiowy niż fabryczny, wpisz numer radiowy przy liczniku w systemie czynszowym.' },
    uk: { message: 'Жоден лічильник не відповідає {ref}', hint: 'Перевірте номер лічильника в показнику; якщо радіономер лічильника відрізняється від заводського, внесіть радіономер до лічильника в обліковій системі.' },
    en: { message: 'No meter matches {ref}', hint: 'Check the meter number in the reading; if a radio meter’s radio id differs from its serial, enter the radio id on the meter in the accounting system.' },
  },
  'SAL-2002': {
    severity: 'error',
    pl: { message: 'Licznik {meter} nie działa w dniu {date} (zamontowany {installed}, zdjęty {removed})', hint: 'Sprawdź datę odczytu i daty montażu oraz demontażu licznika w systemie czynszowym.' },
    uk: { message: 'Лічильник {meter} не діє на {date} (встановлений {installed}, знятий {removed})', hint: 'Перевірте дату показника та дати встановлення і зняття лічильника в обліковій системі.' },
    en: { message: 'Meter {meter} is not in service on {date} (installed {installed}, removed {removed})', hint: 'Check the reading date and the meter’s installation and removal dates in the accounting system.' },
  },
  'SAL-2003': {
    severity: 'error',
    pl: { message: '{ref} pasuje do kilku liczników: {meters}', hint: 'Dodaj do pliku kolumnę z numerem konta lokalu albo popraw zdublowane numery liczników w systemie czynszowym.' },
    uk: { message: '{ref} відповідає кільком лічильникам: {meters}', hint: 'Додайте до файлу стовпець із номером особового рахунку або виправте дубльовані номери лічильників в обліковій системі.' },
    en: { message: '{ref} matches several meters: {meters}', hint: 'Add the premises’ account number column to the file, or correct the duplicated meter numbers in the accounting system.' },
  },
  'SAL-2004': {
    severity: 'error',
    pl: { message: 'Licznik {meter} należy do lokalu {meterAccount}, a odczyt podano dla {account}', hint: 'Sprawdź, czy mieszkaniec nie pomylił licznika, i czy licznik jest przypisany do właściwego lokalu.' },
    uk: { message: 'Лічильник {meter} належить до рахунку {meterAccount}, а показник подано для {account}', hint: 'Перевірте, чи мешканець не переплутав лічильник і чи лічильник прив’язаний до правильного приміщення.' },
    en: { message: 'Meter {meter} belongs to premises {meterAccount}, but the reading was given for {account}', hint: 'Check whether the resident mixed up meters, and that the meter is assigned to the right premises.' },
  },
  'SAL-2005': {
    severity: 'error',
    pl: { message: 'Data odczytu {date} nie jest prawidłową datą', hint: 'Odczyt musi mieć datę dnia w postaci RRRR-MM-DD; poproś o ponowne podanie odczytu.' },
    uk: { message: 'Дата показника {date} не є правильною датою', hint: 'Показник повинен мати дату у вигляді РРРР-ММ-ДД; попросіть подати показник ще раз.' },
    en: { message: 'The reading date {date} is not a valid date', hint: 'A reading needs a calendar date as YYYY-MM-DD; ask for the reading again.' },
  },
  'SAL-2006': {
    severity: 'error',
    pl: { message: 'Data odczytu {date} jest w przyszłości (dziś {today})', hint: 'Sprawdź datę w pliku lub w urządzeniu odczytowym (zegar inkasenta); odczyt z przyszłości nie może być rozliczony.' },
    uk: { message: 'Дата показника {date} у майбутньому (сьогодні {today})', hint: 'Перевірте дату у файлі або годинник пристрою зчитування; показник з майбутнього не можна врахувати.' },
    en: { message: 'The reading date {date} is in the future (today is {today})', hint: 'Check the date in the file or the reading device’s clock; a reading from the future cannot be billed.' },
  },
  'SAL-2007': {
    severity: 'error',
    pl: { message: 'Wartość „{value}” nie jest liczbą', hint: 'Stan licznika to liczba z przecinkiem lub kropką, np. 123,456; popraw wartość lub poproś o ponowny odczyt.' },
    uk: { message: 'Значення «{value}» не є числом', hint: 'Показник — це число з комою або крапкою, напр. 123,456; виправте значення або попросіть зчитати ще раз.' },
    en: { message: 'The value “{value}” is not a number', hint: 'A register value is a number with a decimal comma or point, e.g. 123.456; correct it or ask for a new reading.' },
  },
  'SAL-2008': {
    severity: 'error',
    pl: { message: 'Wartość {value} jest ujemna', hint: 'Licznik nie pokazuje wartości ujemnych; popraw odczyt.' },
    uk: { message: 'Значення {value} від’ємне', hint: 'Лічильник не показує від’ємних значень; виправте показник.' },
    en: { message: 'The value {value} is negative', hint: 'A meter never shows a negative value; correct the reading.' },
  },
  'SAL-2009': {
    severity: 'error',
    pl: { message: 'Wartość {value} ma {decimals} miejsc po przecinku, a licznik {meter} pokazuje {allowed}', hint: 'Mieszkaniec przepisał zapewne czerwone cyfry lub dodatkowe kółka; podaj tyle miejsc, ile ma liczydło licznika.' },
    uk: { message: 'Значення {value} має {decimals} знаків після коми, а лічильник {meter} показує {allowed}', hint: 'Мешканець, ймовірно, переписав зайві червоні цифри; вкажіть стільки знаків, скільки має лічильний механізм.' },
    en: { message: 'The value {value} has {decimals} decimal places, but meter {meter} shows {allowed}', hint: 'The resident probably copied extra red digits or dials; give as many decimals as the meter’s register has.' },
  },
  'SAL-2010': {
    severity: 'error',
    pl: { message: 'Wartość {value} nie mieści się w liczydle licznika {meter} ({digits} cyfr przed przecinkiem)', hint: 'Sprawdź, czy przecinek nie jest przesunięty albo czy nie dopisano cyfr.' },
    uk: { message: 'Значення {value} не вміщується в лічильний механізм лічильника {meter} ({digits} цифр до коми)', hint: 'Перевірте, чи не зсунута кома і чи не дописано зайвих цифр.' },
    en: { message: 'The value {value} does not fit the register of meter {meter} ({digits} digits before the point)', hint: 'Check for a misplaced decimal point or extra digits.' },
  },
  'SAL-2011': {
    severity: 'error',
    pl: { message: 'Licznik {meter} nie ma strefy {zone} (ma {zones})', hint: 'Sprawdź kolumnę strefy w pliku lub liczbę stref licznika w systemie czynszowym.' },
    uk: { message: 'Лічильник {meter} не має зони {zone} (має {zones})', hint: 'Перевірте стовпець зони у файлі або кількість тарифних зон лічильника в обліковій системі.' },
    en: { message: 'Meter {meter} has no tariff zone {zone} (it has {zones})', hint: 'Check the zone column of the file or the meter’s number of zones in the accounting system.' },
  },
  'SAL-2012': {
    severity: 'error',
    pl: { message: 'Dla licznika {meter} podano {given} stref, a licznik ma {zones}', hint: 'Licznik wielostrefowy odczytuje się we wszystkich strefach naraz; poproś o komplet odczytów.' },
    uk: { message: 'Для лічильника {meter} подано {given} зон, а лічильник має {zones}', hint: 'Багатозонний лічильник зчитують у всіх зонах одночасно; попросіть повний комплект показників.' },
    en: { message: '{given} tariff zones were given for meter {meter}, which has {zones}', hint: 'A multi-zone meter is read in all zones at once; ask for the complete set of readings.' },
  },
  'SAL-2013': {
    severity: 'error',
    pl: { message: 'Licznik {meter} jest odczytywany radiowo; odczytu wpisanego przez mieszkańca się nie przyjmuje', hint: 'Rozliczenie pójdzie według odczytu radiowego; jeśli nadajnik nie działa, zgłoś to firmie odczytowej.' },
    uk: { message: 'Лічильник {meter} зчитується дистанційно; показник, введений мешканцем, не приймається', hint: 'Розрахунок буде за радіопоказником; якщо передавач не працює, повідомте компанію зчитування.' },
    en: { message: 'Meter {meter} is read by radio; a reading typed in by a resident is not taken', hint: 'Billing uses the radio reading; if the transmitter is broken, report it to the reading company.' },
  },
  'SAL-2014': {
    severity: 'error',
    pl: { message: 'Licznik {meter} miał ważną legalizację do {due}; odczyt z {date}', hint: 'Wymień lub zalegalizuj licznik i wpisz nową datę w systemie czynszowym; do tego czasu rozlicz ryczałtem.' },
    uk: { message: 'Повірка лічильника {meter} була дійсна до {due}; показник від {date}', hint: 'Замініть або повірте лічильник і внесіть нову дату в облікову систему; доти нараховуйте за нормою.' },
    en: { message: 'Meter {meter} was verified until {due}; the reading is of {date}', hint: 'Replace or re-verify the meter and enter the new date in the accounting system; until then bill by the norm.' },
  },
  'SAL-2015': {
    severity: 'error',
    pl: { message: 'Wartość {value} licznika {meter} jest niższa od poprzedniego odczytu {previous} z {previousDate}', hint: 'Sprawdź odczyt u mieszkańca; jeśli licznik wymieniono, wpisz wymianę w systemie czynszowym i sprawdź odczyt ponownie.' },
    uk: { message: 'Значення {value} лічильника {meter} менше за попередній показник {previous} від {previousDate}', hint: 'Перевірте показник у мешканця; якщо лічильник замінили, внесіть заміну в облікову систему і перевірте ще раз.' },
    en: { message: 'The value {value} of meter {meter} is lower than the previous reading {previous} of {previousDate}', hint: 'Check the reading with the resident; if the meter was replaced, record the replacement in the accounting system and re-check.' },
  },
  'SAL-2016': {
    severity: 'review',
    pl: { message: 'Wartość {value} jest niższa od poprzedniej {previous}: przyjęto przekręcenie liczydła ({digits} cyfr), zużycie {consumption} {unit}', hint: 'Potwierdź, że licznik się przekręcił (zużycie jest wiarygodne), albo odrzuć odczyt.' },
    uk: { message: 'Значення {value} менше за попереднє {previous}: прийнято перехід лічильного механізму через нуль ({digits} цифр), споживання {consumption} {unit}', hint: 'Підтвердьте, що лічильник перейшов через нуль (споживання правдоподібне), або відхиліть показник.' },
    en: { message: 'The value {value} is lower than the previous {previous}: taken as a register rollover ({digits} digits), consumption {consumption} {unit}', hint: 'Confirm that the register wrapped round (the consumption is plausible), or reject the reading.' },
  },
  'SAL-2017': {
    severity: 'review',
    pl: { message: 'Wartość {value} jest niższa od poprzedniego odczytu {previous} z {previousDate} licznika {previousMeter}; licznik {meter} wymieniono po tym odczycie', hint: 'Sprawdź protokół wymiany licznika (stan początkowy nowego licznika) i zaakceptuj albo odrzuć odczyt.' },
    uk: { message: 'Значення {value} менше за попередній показник {previous} від {previousDate} лічильника {previousMeter}; лічильник {meter} замінено після того показника', hint: 'Перевірте акт заміни лічильника (початковий показник нового) і прийміть або відхиліть показник.' },
    en: { message: 'The value {value} is lower than the previous reading {previous} of {previousDate} of meter {previousMeter}; meter {meter} was replaced after that reading', hint: 'Check the replacement record (the new meter’s initial value), then accept or reject the reading.' },
  },
  'SAL-2018': {
    severity: 'review',
    pl: { message: 'Zużycie {consumption} {unit} przekracza normę {limit} {unit} ({norm} na osobę na miesiąc × {residents} os. × {months} mies.)', hint: 'Sprawdź odczyt (przecinek, cyfry) i liczbę mieszkańców; jeśli odczyt jest prawdziwy, zaakceptuj go.' },
    uk: { message: 'Споживання {consumption} {unit} перевищує норму {limit} {unit} ({norm} на особу на місяць × {residents} ос. × {months} міс.)', hint: 'Перевірте показник (кома, цифри) і кількість мешканців; якщо показник правильний, прийміть його.' },
    en: { message: 'Consumption {consumption} {unit} is above the norm {limit} {unit} ({norm} per person per month × {residents} persons × {months} months)', hint: 'Check the reading (decimal point, digits) and the number of residents; if the reading is true, accept it.' },
  },
  'SAL-2019': {
    severity: 'review',
    pl: { message: 'Zużycie {perMonth} {unit} na miesiąc to ponad {factor} × średnia lokalu {average} {unit}', hint: 'Sprawdź odczyt i czy w lokalu nie ma awarii (wyciek); jeśli odczyt jest prawdziwy, zaakceptuj go.' },
    uk: { message: 'Споживання {perMonth} {unit} на місяць перевищує {factor} × середнє приміщення {average} {unit}', hint: 'Перевірте показник і чи немає в приміщенні аварії (витоку); якщо показник правильний, прийміть його.' },
    en: { message: 'Consumption {perMonth} {unit} per month is more than {factor} × the premises’ average {average} {unit}', hint: 'Check the reading and whether the premises has a fault (a leak); if the reading is true, accept it.' },
  },
  'SAL-2020': {
    severity: 'review',
    pl: { message: 'Odczyt podano {date}, poza terminem zbierania odczytów (dni {from}–{to} miesiąca)', hint: 'Zdecyduj, czy przyjąć spóźniony odczyt do rozliczenia tego miesiąca.' },
    uk: { message: 'Показник подано {date}, поза строком прийому показників ({from}–{to} число місяця)', hint: 'Вирішіть, чи приймати запізнілий показник до розрахунку цього місяця.' },
    en: { message: 'The reading was submitted on {date}, outside the submission window (days {from}–{to} of the month)', hint: 'Decide whether to take the late reading into this month’s billing.' },
  },
  'SAL-2021': {
    severity: 'warning',
    pl: { message: 'Licznik {meter} zgłosił alarm: {alarms}', hint: 'Odczyt przyjęto; zgłoś alarm (wyciek, sabotaż, przepływ wsteczny) administratorowi budynku.' },
    uk: { message: 'Лічильник {meter} повідомив тривогу: {alarms}', hint: 'Показник прийнято; повідомте про тривогу (витік, втручання, зворотний потік) керуючого будинком.' },
    en: { message: 'Meter {meter} reported an alarm: {alarms}', hint: 'The reading was taken; report the alarm (leak, tampering, reverse flow) to the building’s manager.' },
  },
  'SAL-2022': {
    severity: 'warning',
    pl: { message: 'Licznik {meter} nie ma wcześniejszego odczytu; zużycia nie sprawdzono', hint: 'To pierwszy odczyt licznika; porównaj go ze stanem początkowym z protokołu montażu.' },
    uk: { message: 'Лічильник {meter} не має попереднього показника; споживання не перевірено', hint: 'Це перший показник лічильника; порівняйте його з початковим показником з акта встановлення.' },
    en: { message: 'Meter {meter} has no earlier reading; the consumption was not checked', hint: 'This is the meter’s first reading; compare it with the initial value in the installation record.' },
  },
  'SAL-2023': {
    severity: 'review',
    pl: { message: 'Odczyt z {date} jest starszy niż ostatni zapisany odczyt licznika {meter} z {lastDate}', hint: 'Zdecyduj, czy zaległy odczyt ma trafić do systemu czynszowego.' },
    uk: { message: 'Показник від {date} старший за останній записаний показник лічильника {meter} від {lastDate}', hint: 'Вирішіть, чи має запізнілий показник потрапити до облікової системи.' },
    en: { message: 'The reading of {date} is older than the latest recorded reading of meter {meter}, of {lastDate}', hint: 'Decide whether the late reading should go into the accounting system.' },
  },
  'SAL-2024': {
    severity: 'review',
    pl: { message: 'Dla licznika {meter} na dzień {date} zapisano już wartość {recorded}, a odczyt podaje {value}', hint: 'Sprawdź, który odczyt jest prawidłowy; zaakceptowanie dopisze drugi odczyt tego dnia.' },
    uk: { message: 'Для лічильника {meter} на {date} вже записано значення {recorded}, а показник подає {value}', hint: 'Перевірте, який показник правильний; прийняття допише другий показник цього дня.' },
    en: { message: 'Meter {meter} already has {recorded} recorded for {date}; this reading says {value}', hint: 'Check which reading is right; accepting adds a second reading for that day.' },
  },
  'SAL-2025': {
    severity: 'warning',
    pl: { message: 'Odczyt {value} licznika {meter} z {date} jest już zapisany w systemie czynszowym', hint: 'Nic nie trzeba robić; odczytu nie zapisano drugi raz.' },
    uk: { message: 'Показник {value} лічильника {meter} від {date} вже записаний в обліковій системі', hint: 'Нічого робити не потрібно; показник не записано вдруге.' },
    en: { message: 'The reading {value} of meter {meter} of {date} is already recorded in the accounting system', hint: 'Nothing to do; the reading was not written twice.' },
  },
  'SAL-2026': {
    severity: 'warning',
    pl: { message: 'Duplikat: ten sam licznik {meter}, wartość {value} i dzień {date} co w innym odczycie', hint: 'Nic nie trzeba robić; odczyt policzono raz.' },
    uk: { message: 'Дублікат: той самий лічильник {meter}, значення {value} і день {date}, що в іншому показнику', hint: 'Нічого робити не потрібно; показник враховано один раз.' },
    en: { message: 'Duplicate: the same meter {meter}, value {value} and day {date} as another reading', hint: 'Nothing to do; the reading was counted once.' },
  },
  'SAL-2027': {
    severity: 'warning',
    pl: { message: 'Późniejszy odczyt licznika {meter} z {date} zastępuje ten w okresie {period}', hint: 'Nic nie trzeba robić; do rozliczenia idzie ostatni odczyt okresu.' },
    uk: { message: 'Пізніший показник лічильника {meter} від {date} замінює цей у періоді {period}', hint: 'Нічого робити не потрібно; до розрахунку йде останній показник періоду.' },
    en: { message: 'A later reading of meter {meter}, of {date}, replaces this one in {period}', hint: 'Nothing to do; the latest reading of the period is the one billed.' },
  },
  'SAL-2028': {
    severity: 'error',
    pl: { message: 'Wartość {value} podano w {given}, a licznik {meter} liczy w {unit}', hint: 'Przelicz jednostkę u źródła (w wmbusmeters np. calculate_total_gj=total_energy_consumption_kwh) albo popraw jednostkę licznika w systemie czynszowym.' },
    uk: { message: 'Значення {value} подано в {given}, а лічильник {meter} рахує в {unit}', hint: 'Перерахуйте одиницю в джерелі (у wmbusmeters напр. calculate_total_gj=total_energy_consumption_kwh) або виправте одиницю лічильника в обліковій системі.' },
    en: { message: 'The value {value} is given in {given}, but meter {meter} counts in {unit}', hint: 'Convert the unit at the source (in wmbusmeters e.g. calculate_total_gj=total_energy_consumption_kwh), or correct the meter’s unit in the accounting system.' },
  },
  // ---- 2030…2049 files refused whole (main/readings/decode.ts, main/readings/import/*) ----
  'SAL-2030': {
    severity: 'error',
    pl: { message: 'Plik nie zawiera żadnych odczytów (wiersz {line})', hint: 'Sprawdź, czy wybrano właściwy plik i czy eksport z urządzenia odczytowego się zakończył; nic nie zaimportowano.' },
    uk: { message: 'Файл не містить жодного показника (рядок {line})', hint: 'Перевірте, чи вибрано правильний файл і чи завершився експорт із пристрою зчитування; нічого не імпортовано.' },
    en: { message: 'The file holds no readings (line {line})', hint: 'Check that this is the right file and that the export from the reading device finished; nothing was imported.' },
  },
  'SAL-2031': {
    severity: 'error',
    pl: { message: 'Plik nie jest plikiem tekstowym (dane binarne w wierszu {line})', hint: 'Wybierz plik CSV lub JSON z odczytami, nie arkusz Excela ani archiwum; nic nie zaimportowano.' },
    uk: { message: 'Файл не є текстовим (двійкові дані в рядку {line})', hint: 'Виберіть файл CSV або JSON із показниками, а не книгу Excel чи архів; нічого не імпортовано.' },
    en: { message: 'The file is not a text file (binary data on line {line})', hint: 'Choose the CSV or JSON file of readings, not an Excel workbook or an archive; nothing was imported.' },
  },
  'SAL-2032': {
    severity: 'error',
    pl: { message: 'Pliku nie da się odczytać w kodowaniu {encoding} (wiersz {line})', hint: 'Wybierz kodowanie pliku (UTF-8, Windows-1250 lub Windows-1251) albo zapisz plik ponownie jako CSV UTF-8; nic nie zaimportowano.' },
    uk: { message: 'Файл неможливо прочитати в кодуванні {encoding} (рядок {line})', hint: 'Виберіть кодування файлу (UTF-8, Windows-1250 або Windows-1251) або збережіть файл знову як CSV UTF-8; нічого не імпортовано.' },
    en: { message: 'The file cannot be read as {encoding} (line {line})', hint: 'Choose the file’s encoding (UTF-8, Windows-1250 or Windows-1251), or save the file again as CSV UTF-8; nothing was imported.' },
  },
  'SAL-2033': {
    severity: 'error',
    pl: { message: 'Wiersz {line} ma {count} kolumn, a oczekiwano {expected}', hint: 'Plik jest uszkodzony lub ma inny układ niż mapowanie kolumn; popraw plik albo mapowanie. Nic nie zaimportowano.' },
    uk: { message: 'Рядок {line} має {count} стовпців, а очікувалося {expected}', hint: 'Файл пошкоджений або має інший формат, ніж зіставлення стовпців; виправте файл або зіставлення. Нічого не імпортовано.' },
    en: { message: 'Line {line} has {count} columns, {expected} expected', hint: 'The file is damaged or laid out differently from the column mapping; correct the file or the mapping. Nothing was imported.' },
  },
  'SAL-2034': {
    severity: 'error',
    pl: { message: 'Wiersz {line}: pole w cudzysłowie nie jest zamknięte albo ma tekst za cudzysłowem', hint: 'Popraw cudzysłowy w pliku (cudzysłów wewnątrz pola zapisuje się podwójnie); nic nie zaimportowano.' },
    uk: { message: 'Рядок {line}: поле в лапках не закрите або має текст після лапок', hint: 'Виправте лапки у файлі (лапки всередині поля записуються подвійно); нічого не імпортовано.' },
    en: { message: 'Line {line}: a quoted field is not closed, or has text after its closing quote', hint: 'Correct the quotes in the file (a quote inside a field is written twice); nothing was imported.' },
  },
  'SAL-2035': {
    severity: 'error',
    pl: { message: 'Wiersz {line}: nie można odczytać daty „{value}” (oczekiwano {formats})', hint: 'Ustaw w mapowaniu format daty pliku albo popraw datę; nic nie zaimportowano.' },
    uk: { message: 'Рядок {line}: неможливо прочитати дату «{value}» (очікувалося {formats})', hint: 'Вкажіть у зіставленні формат дати файлу або виправте дату; нічого не імпортовано.' },
    en: { message: 'Line {line}: the date “{value}” cannot be read ({formats} expected)', hint: 'Set the file’s date format in the mapping, or correct the date; nothing was imported.' },
  },
  'SAL-2036': {
    severity: 'error',
    pl: { message: 'Wiersz {line} nie jest poprawnym JSON: {detail}', hint: 'Plik jest uszkodzony lub to nie jest wynik wmbusmeters --format=json; nic nie zaimportowano.' },
    uk: { message: 'Рядок {line} не є правильним JSON: {detail}', hint: 'Файл пошкоджений або це не вивід wmbusmeters --format=json; нічого не імпортовано.' },
    en: { message: 'Line {line} is not valid JSON: {detail}', hint: 'The file is damaged or is not wmbusmeters --format=json output; nothing was imported.' },
  },
  'SAL-2037': {
    severity: 'error',
    pl: { message: 'Wiersz {line}: brak pola {field}', hint: 'Każdy odczyt radiowy potrzebuje identyfikatora licznika (id) i czasu (timestamp); wygeneruj plik ponownie z tymi polami. Nic nie zaimportowano.' },
    uk: { message: 'Рядок {line}: немає поля {field}', hint: 'Кожен радіопоказник потребує ідентифікатора лічильника (id) і часу (timestamp); згенеруйте файл знову з цими полями. Нічого не імпортовано.' },
    en: { message: 'Line {line}: the field {field} is missing', hint: 'Every radio reading needs the meter’s id and a timestamp; produce the file again with those fields. Nothing was imported.' },
  },
  'SAL-2038': {
    severity: 'error',
    pl: { message: 'W pliku nie ma kolumny {column} z mapowania (nagłówek w wierszu {line})', hint: 'Popraw mapowanie kolumn albo wybierz mapowanie pasujące do tego pliku; nic nie zaimportowano.' },
    uk: { message: 'У файлі немає стовпця {column} із зіставлення (заголовок у рядку {line})', hint: 'Виправте зіставлення стовпців або виберіть зіставлення, що відповідає цьому файлу; нічого не імпортовано.' },
    en: { message: 'The file has no column {column} of the mapping (header on line {line})', hint: 'Correct the column mapping, or choose the mapping that fits this file; nothing was imported.' },
  },
  'SAL-2039': {
    severity: 'error',
    pl: { message: 'Mapowanie kolumn {name} jest niepoprawne: {detail}', hint: 'Otwórz mapowanie w zakładce Odczyty i popraw je; nic nie zaimportowano.' },
    uk: { message: 'Зіставлення стовпців {name} неправильне: {detail}', hint: 'Відкрийте зіставлення на вкладці Показники і виправте його; нічого не імпортовано.' },
    en: { message: 'The column mapping {name} is not valid: {detail}', hint: 'Open the mapping on the Readings tab and correct it; nothing was imported.' },
  },
  'SAL-2040': {
    severity: 'error',
    pl: { message: 'Wiersz {line}: nie można odczytać strefy „{value}” z kolumny {column}', hint: 'Strefa to numer 1–4 (lub T1, T2); popraw plik lub mapowanie; nic nie zaimportowano.' },
    uk: { message: 'Рядок {line}: неможливо прочитати зону «{value}» зі стовпця {column}', hint: 'Зона — це номер 1–4 (або T1, T2); виправте файл або зіставлення; нічого не імпортовано.' },
    en: { message: 'Line {line}: the zone “{value}” in column {column} cannot be read', hint: 'A zone is a number 1–4 (or T1, T2); correct the file or the mapping; nothing was imported.' },
  },
  // ---- 2050… the readings service (main/readings/service.ts and its files) — below this line ----
  'SAL-2050': {
    severity: 'warning',
    pl: { message: 'Pominięto {count} odczytów już przetworzonych wcześniej ({source})', hint: 'Te odczyty są już w archiwum; ich wynik widać w historii licznika. Nic nie trzeba robić.' },
    uk: { message: 'Пропущено {count} показників, уже оброблених раніше ({source})', hint: 'Ці показники вже є в архіві; їхній результат видно в історії лічильника. Нічого робити не треба.' },
    en: { message: 'Skipped {count} readings already processed before ({source})', hint: 'They are in the archive already; the meter history shows their outcome. Nothing to do.' },
  },
  'SAL-2051': {
    severity: 'error',
    pl: { message: 'Zapis partii {count} odczytów do systemu czynszowego nie powiódł się: {detail}', hint: 'Żaden odczyt tej partii nie został zapisany. Usuń przyczynę i uruchom import ponownie: dokończy zapis, niczego nie dublując.' },
    uk: { message: 'Не вдалося записати партію з {count} показників до облікової системи: {detail}', hint: 'Жоден показник цієї партії не записано. Усуньте причину й запустіть імпорт знову: він допише решту без дублювання.' },
    en: { message: 'Writing a batch of {count} readings to the accounting database failed: {detail}', hint: 'Nothing of that batch was written. Fix the cause and run the import again: it finishes the job without writing anything twice.' },
  },
  'SAL-2052': {
    severity: 'error',
    pl: { message: 'Nie ma zapisanego mapowania kolumn {name}', hint: 'Wybierz jedno z zapisanych mapowań albo zapisz nowe (każdy operator ma własne).' },
    uk: { message: 'Немає збереженого зіставлення стовпців {name}', hint: 'Виберіть одне зі збережених зіставлень або збережіть нове (кожен оператор має власні).' },
    en: { message: 'There is no saved column mapping {name}', hint: 'Choose one of the saved mappings or save a new one (each operator has their own).' },
  },
  'SAL-2053': {
    severity: 'error',
    pl: { message: 'Nie zapisano mapowania kolumn {name}: {detail}', hint: 'Wskaż kolumnę daty, kolumnę wartości (lub wartości stref) i kolumnę z identyfikatorem licznika: numer, numer fabryczny albo identyfikator radiowy.' },
    uk: { message: 'Зіставлення стовпців {name} не збережено: {detail}', hint: 'Вкажіть стовпець дати, стовпець значення (або значень зон) і стовпець з ідентифікатором лічильника: номер, заводський номер або радіоідентифікатор.' },
    en: { message: 'The column mapping {name} was not saved: {detail}', hint: 'Name the date column, the value column (or the zone value columns) and a column that names the meter: meter id, serial or radio id.' },
  },
  'SAL-2054': {
    severity: 'error',
    resolvedBy: 'vendor',
    pl: { message: 'System czynszowy odrzucił odczyt licznika {meter}: {detail}', hint: 'Odczyt nie został zapisany. Sprawdź licznik w systemie czynszowym, popraw go i sprawdź odczyt ponownie.' },
    uk: { message: 'Облікова система відхилила показник лічильника {meter}: {detail}', hint: 'Показник не записано. Перевірте лічильник в обліковій системі, виправте його й перевірте показник знову.' },
    en: { message: 'The accounting database refused the reading of meter {meter}: {detail}', hint: 'The reading was not written. Check the meter in the accounting system, correct it and re-check the reading.' },
  },
  'SAL-2055': {
    severity: 'error',
    pl: { message: 'Odczyt {key} nie czeka na decyzję (jest: {outcome})', hint: 'Przyjąć lub odrzucić można tylko odczyty wstrzymane do sprawdzenia. Odśwież listę.' },
    uk: { message: 'Показник {key} не чекає на рішення (стан: {outcome})', hint: 'Прийняти чи відхилити можна лише показники, затримані для перевірки. Оновіть список.' },
    en: { message: 'Reading {key} is not waiting for a decision (it is {outcome})', hint: 'Only readings held for review can be accepted or rejected. Refresh the list.' },
  },
  'SAL-2056': {
    severity: 'error',
    pl: { message: 'Nie ma odczytu {key} w archiwum', hint: 'Odśwież listę odczytów i wybierz je ponownie.' },
    uk: { message: 'Показника {key} немає в архіві', hint: 'Оновіть список показників і виберіть їх знову.' },
    en: { message: 'There is no reading {key} in the archive', hint: 'Refresh the list of readings and select them again.' },
  },
  'SAL-2057': {
    severity: 'warning',
    pl: { message: 'Potwierdzenia {count} odczytów nie dotarły do portalu: {detail}', hint: 'Wyniki są zapisane; potwierdzenia zostaną wysłane przy następnym imporcie z portalu (uruchamia go osoba z prawem wymiany danych).' },
    uk: { message: 'Підтвердження {count} показників не надійшли на портал: {detail}', hint: 'Результати збережено; підтвердження буде надіслано під час наступного імпорту з порталу (його запускає особа з правом обміну даними).' },
    en: { message: 'The acknowledgements of {count} readings did not reach the portal: {detail}', hint: 'The outcomes are saved; the acknowledgements go with the next portal import (run by someone allowed to run the exchange).' },
  },
  'SAL-2058': {
    severity: 'error',
    pl: { message: 'Odrzucony przez operatora {operator}: {note}', hint: 'Decyzja operatora po sprawdzeniu odczytu; mieszkaniec widzi odrzucenie w portalu i może podać odczyt ponownie.' },
    uk: { message: 'Відхилено оператором {operator}: {note}', hint: 'Рішення оператора після перевірки показника; мешканець бачить відхилення на порталі й може подати показник знову.' },
    en: { message: 'Rejected by operator {operator}: {note}', hint: 'The operator’s decision after review; the resident sees the rejection on the portal and may submit again.' },
  },
  'SAL-2059': {
    severity: 'warning',
    pl: { message: 'Przyjęty przez operatora {operator} po sprawdzeniu: {note}', hint: 'Odczyt wstrzymany przez regułę został przyjęty decyzją operatora i zapisany w systemie czynszowym.' },
    uk: { message: 'Прийнято оператором {operator} після перевірки: {note}', hint: 'Показник, затриманий правилом, прийнято рішенням оператора й записано до облікової системи.' },
    en: { message: 'Accepted by operator {operator} after review: {note}', hint: 'A reading a rule held was accepted by the operator’s decision and written to the accounting database.' },
  },
  'SAL-2060': {
    severity: 'error',
    pl: { message: 'Plik CSV {file} wymaga mapowania kolumn', hint: 'Wybierz zapisane mapowanie (w wierszu poleceń: --mapping NAZWA) albo zapisz nowe dla pliku operatora odczytów.' },
    uk: { message: 'Файл CSV {file} потребує зіставлення стовпців', hint: 'Виберіть збережене зіставлення (у командному рядку: --mapping НАЗВА) або збережіть нове для файлу оператора зчитування.' },
    en: { message: 'The CSV file {file} needs a column mapping', hint: 'Choose a saved mapping (on the command line: --mapping NAME) or save a new one for the reading operator’s file.' },
  },
  'SAL-2061': {
    severity: 'error',
    pl: { message: 'Nie można odczytać pliku {file}: {detail}', hint: 'Sprawdź ścieżkę i prawa do pliku; plik nie może być pusty i może mieć najwyżej 64 MiB.' },
    uk: { message: 'Не вдається прочитати файл {file}: {detail}', hint: 'Перевірте шлях і права на файл; файл не може бути порожнім і може мати щонайбільше 64 МіБ.' },
    en: { message: 'The file {file} cannot be read: {detail}', hint: 'Check the path and the file’s permissions; a file must not be empty and may have at most 64 MiB.' },
  },
  'SAL-2062': {
    severity: 'error',
    pl: { message: 'Przebieg {runId} nie jest importem odczytów', hint: 'Sprawdzić ponownie można odczyty z przebiegu importu odczytów; wybierz go w dzienniku.' },
    uk: { message: 'Запуск {runId} не є імпортом показників', hint: 'Повторно перевірити можна показники із запуску імпорту показників; виберіть його в журналі.' },
    en: { message: 'Run {runId} is not a readings import', hint: 'Re-check works on the readings of a readings import run; pick one in the journal.' },
  },
  'SAL-2063': {
    severity: 'error',
    pl: { message: 'Ustawienia reguł odczytów są niepoprawne: {detail}', hint: 'Popraw ustawienia (normy, okno zgłaszania, działania reguł); do tego czasu import odczytów nie działa.' },
    uk: { message: 'Налаштування правил показників некоректні: {detail}', hint: 'Виправте налаштування (норми, вікно подання, дії правил); доти імпорт показників не працює.' },
    en: { message: 'The readings rules settings are not valid: {detail}', hint: 'Correct the settings (norms, submission window, rule actions); until then readings cannot be imported.' },
  },
  'SAL-2064': {
    severity: 'warning',
    pl: { message: 'Import przerwany: zapisano {written} z {accepted} przyjętych odczytów', hint: 'Zapisane odczyty są w archiwum; pozostałe przetworzy ponowny import (z portalu lub tego samego pliku).' },
    uk: { message: 'Імпорт перервано: записано {written} з {accepted} прийнятих показників', hint: 'Записані показники є в архіві; решту обробить повторний імпорт (з порталу або того самого файлу).' },
    en: { message: 'Import interrupted: {written} of {accepted} accepted readings written', hint: 'The written readings are archived; an import run again (from the portal or the same file) processes the rest.' },
  },
} satisfies Record<string, CatalogueEntry>;
