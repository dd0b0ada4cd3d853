// The error catalogue (DESIGN.md §5): every problem has a stable code, a severity, and a message and
// a hint in every UI language. `resolvedBy` marks the codes an operator cannot fix alone, so the
// hint says whom to call (Amisgest's IMP-1005…1007 idea). Messages may hold {placeholders}.
// Ranges: SAL-1xxx data to WWW, 2xxx meter readings, 3xxx bank statements, 4xxx portal,
// 5xxx accounting database, 6xxx configuration and access, 9xxx internal.
// tests/unit/error-catalogue.test.ts fails when an entry lacks a language, a message or a hint.

import type { Severity } from '../domain/types';
import { READINGS_CATALOGUE } from './catalogue-readings';
import { BANK_CATALOGUE } from './catalogue-bank';
import { ACCOUNTS_CATALOGUE } from './catalogue-accounts';

export interface CatalogueText {
  message: string;
  hint: string;
}

export interface CatalogueEntry {
  severity: Severity;
  /** Who resolves it when the operator cannot: support (Saldo's) or the accounting vendor's DBA. */
  resolvedBy?: 'support' | 'vendor';
  pl: CatalogueText;
  uk: CatalogueText;
  en: CatalogueText;
}

export const CATALOGUE = {
  // ---- 1xxx data to WWW ----
  'SAL-1001': {
    severity: 'error',
    resolvedBy: 'vendor',
    pl: { message: 'Lokal {premises} nie ma numeru konta', hint: 'Nadaj lokalowi numer konta w systemie czynszowym; do tego czasu nie jest wysyłany na portal.' },
    uk: { message: 'Приміщення {premises} не має номера особового рахунку', hint: 'Присвойте приміщенню номер рахунку в обліковій системі; доти воно не надсилається на портал.' },
    en: { message: 'Premises {premises} has no account number', hint: 'Give the premises an account number in the accounting system; until then it is not sent to the portal.' },
  },
  'SAL-1002': {
    severity: 'error',
    pl: { message: 'Numer konta {account} występuje w {count} lokalach', hint: 'Popraw numery w systemie czynszowym; żaden z tych lokali nie zostanie wysłany, by nie pomieszać danych mieszkańców.' },
    uk: { message: 'Номер рахунку {account} мають {count} приміщення', hint: 'Виправте номери в обліковій системі; жодне з цих приміщень не надсилається, щоб не змішати дані мешканців.' },
    en: { message: 'Account number {account} belongs to {count} premises', hint: 'Correct the numbers in the accounting system; none of these premises is sent, so residents’ data is not mixed up.' },
  },
  'SAL-1003': {
    severity: 'error',
    pl: { message: 'Rachunek wirtualny {iban} konta {account} ma błędną sumę kontrolną', hint: 'Sprawdź numer rachunku w systemie czynszowym; mieszkańcy nie mogą płacić na błędny rachunek.' },
    uk: { message: 'Віртуальний рахунок {iban} особового рахунку {account} має помилкову контрольну суму', hint: 'Перевірте номер рахунку в обліковій системі; мешканці не можуть платити на помилковий рахунок.' },
    en: { message: 'The virtual account {iban} of account {account} fails its checksum', hint: 'Check the bank account number in the accounting system; residents cannot pay into a wrong account.' },
  },
  'SAL-1004': {
    severity: 'error',
    pl: { message: 'Liczba mieszkańców {count} konta {account} jest niemożliwa', hint: 'Popraw liczbę osób w systemie czynszowym (0–30).' },
    uk: { message: 'Кількість мешканців {count} рахунку {account} неможлива', hint: 'Виправте кількість осіб в обліковій системі (0–30).' },
    en: { message: 'The residents count {count} of account {account} makes no sense', hint: 'Correct the number of residents in the accounting system (0–30).' },
  },
  'SAL-1005': {
    severity: 'error',
    pl: { message: 'Powierzchnia {area} m² konta {account} jest niemożliwa', hint: 'Popraw powierzchnię lokalu w systemie czynszowym (więcej niż 0, do 10 000 m²).' },
    uk: { message: 'Площа {area} м² рахунку {account} неможлива', hint: 'Виправте площу приміщення в обліковій системі (більше 0, до 10 000 м²).' },
    en: { message: 'The area {area} m² of account {account} makes no sense', hint: 'Correct the floor area in the accounting system (above 0, up to 10,000 m²).' },
  },
  'SAL-1006': {
    severity: 'error',
    resolvedBy: 'vendor',
    pl: { message: 'Naliczenie konta {account} dotyczy nieznanej usługi {service}', hint: 'Usługa nie występuje w słowniku usług okresu; uzupełnij słownik w systemie czynszowym.' },
    uk: { message: 'Нарахування рахунку {account} стосується невідомої послуги {service}', hint: 'Послуги немає в довіднику послуг періоду; доповніть довідник в обліковій системі.' },
    en: { message: 'A charge of account {account} is for an unknown service {service}', hint: 'The service is not in the period’s list of services; add it in the accounting system.' },
  },
  'SAL-1007': {
    severity: 'error',
    resolvedBy: 'vendor',
    pl: { message: 'Naliczenie {service} konta {account} nie sumuje się: {detail}', hint: 'Suma musi równać się zadłużeniu + kwocie + korekcie; zgłoś to dostawcy systemu czynszowego.' },
    uk: { message: 'Нарахування {service} рахунку {account} не сходиться: {detail}', hint: 'Разом має дорівнювати борг + сума + перерахунок; повідомте постачальника облікової системи.' },
    en: { message: 'The charge {service} of account {account} does not add up: {detail}', hint: 'The total must equal debt + amount + recalculation; report it to the accounting system’s vendor.' },
  },
  'SAL-1008': {
    severity: 'error',
    resolvedBy: 'vendor',
    pl: { message: 'Saldo konta {account} nie sumuje się: otwarcie + obroty ≠ zamknięcie ({detail})', hint: 'Zgłoś to dostawcy systemu czynszowego; mieszkaniec nie może zobaczyć błędnego salda.' },
    uk: { message: 'Сальдо рахунку {account} не сходиться: початкове + обороти ≠ кінцеве ({detail})', hint: 'Повідомте постачальника облікової системи; мешканець не повинен бачити помилкове сальдо.' },
    en: { message: 'The balance of account {account} does not add up: opening + turnovers ≠ closing ({detail})', hint: 'Report it to the accounting system’s vendor; a resident must not see a wrong balance.' },
  },
  'SAL-1009': {
    severity: 'warning',
    pl: { message: 'Licznik {meter} konta {account} ma przeterminowaną legalizację ({date})', hint: 'Wysłano; zaplanuj wymianę lub legalizację licznika — odczyty z niego mogą zostać odrzucone.' },
    uk: { message: 'Лічильник {meter} рахунку {account} має прострочену повірку ({date})', hint: 'Надіслано; заплануйте заміну або повірку — показання з нього можуть бути відхилені.' },
    en: { message: 'Meter {meter} of account {account} is past its verification date ({date})', hint: 'Sent; plan the meter’s replacement or verification — its readings may be rejected.' },
  },
  'SAL-1010': {
    severity: 'warning',
    pl: { message: 'Konto {account} jest zamknięte, a ma parametr „WWW”', hint: 'Wysłano ze statusem zamkniętym; zdejmij parametr „WWW”, jeśli mieszkaniec nie powinien już widzieć danych.' },
    uk: { message: 'Рахунок {account} закрито, але він має параметр «WWW»', hint: 'Надіслано зі статусом закритого; зніміть параметр «WWW», якщо мешканець не повинен бачити дані.' },
    en: { message: 'Account {account} is closed but has the “WWW” parameter', hint: 'Sent as closed; remove the “WWW” parameter if the resident should no longer see the data.' },
  },
  'SAL-1011': {
    severity: 'error',
    pl: { message: 'Konto {account} nie zostało wysłane z powodu błędu danych lokalu ({code})', hint: 'Popraw błąd wskazany dla konta; potem „Wyślij zmienione” wyśle wszystkie jego dane.' },
    uk: { message: 'Рахунок {account} не надіслано через помилку в даних приміщення ({code})', hint: 'Виправте помилку, вказану для рахунку; потім «Надіслати змінені» надішле всі його дані.' },
    en: { message: 'Account {account} was not sent because of an error in its premises data ({code})', hint: 'Fix the error shown for the account; then “send changed” sends all of its data.' },
  },
  'SAL-1020': {
    severity: 'error',
    pl: { message: 'Zatrzymano: wysyłka oznaczyłaby {count} z {total} kont ({pct}%) jako „poza rozliczeniem”, więcej niż dozwolone {max}%', hint: 'Sprawdź, czy baza księgowa jest kompletna. Jeśli ubytek jest prawdziwy, potwierdź (--confirm-drop lub „Potwierdź i wyślij”).' },
    uk: { message: 'Зупинено: надсилання позначило б {count} з {total} рахунків ({pct}%) як «поза обліком», більше дозволених {max}%', hint: 'Перевірте, чи облікова база повна. Якщо зменшення справжнє, підтвердьте (--confirm-drop або «Підтвердити й надіслати»).' },
    en: { message: 'Stopped: the send would mark {count} of {total} accounts ({pct}%) as not in billing, more than the allowed {max}%', hint: 'Check that the accounting data is complete. If the drop is real, confirm it (--confirm-drop or “Confirm and send”).' },
  },
  'SAL-1021': {
    severity: 'error',
    pl: { message: 'Zatrzymano: kategoria {category} jest pusta, a w ostatniej wysyłce miała {count} rekordów', hint: 'Sprawdź procedurę eksportu i dane okresu; jeśli kategoria naprawdę jest pusta, potwierdź (--confirm-drop).' },
    uk: { message: 'Зупинено: категорія {category} порожня, а в останньому надсиланні мала {count} записів', hint: 'Перевірте процедуру експорту й дані періоду; якщо категорія справді порожня, підтвердьте (--confirm-drop).' },
    en: { message: 'Stopped: category {category} is empty, but had {count} records in the last send', hint: 'Check the export procedure and the period’s data; if the category really is empty, confirm it (--confirm-drop).' },
  },
  'SAL-1022': {
    severity: 'error',
    pl: { message: 'Portal odrzucił rekord {account} ({category}): {detail}', hint: 'Rekord nie został dostarczony; popraw go — następne „Wyślij zmienione” wyśle go ponownie.' },
    uk: { message: 'Портал відхилив запис {account} ({category}): {detail}', hint: 'Запис не доставлено; виправте його — наступне «Надіслати змінені» надішле його знову.' },
    en: { message: 'The portal rejected record {account} ({category}): {detail}', hint: 'The record was not delivered; fix it — the next “send changed” sends it again.' },
  },
  'SAL-1023': {
    severity: 'error',
    pl: { message: 'Nie wybrano żadnego konta do wysłania', hint: 'Zaznacz lokale w tabeli albo podaj --accounts A,B.' },
    uk: { message: 'Не вибрано жодного рахунку для надсилання', hint: 'Позначте приміщення в таблиці або вкажіть --accounts A,B.' },
    en: { message: 'No account was chosen to send', hint: 'Tick premises in the grid or give --accounts A,B.' },
  },
  'SAL-1024': {
    severity: 'warning',
    pl: { message: 'Konta {account} nie ma wśród lokali z parametrem „WWW”', hint: 'Wybrane konto nie istnieje albo nie jest udostępniane na portalu; pominięto je.' },
    uk: { message: 'Рахунку {account} немає серед приміщень з параметром «WWW»', hint: 'Вибраний рахунок не існує або не показується на порталі; його пропущено.' },
    en: { message: 'Account {account} is not among the premises with the “WWW” parameter', hint: 'The chosen account does not exist or is not shown on the portal; it was skipped.' },
  },
  'SAL-1025': {
    severity: 'error',
    pl: { message: 'Komunikat nie ma adresatów ({audience})', hint: 'Wybierz grupę, w której są konta z parametrem „WWW”, albo konkretne konta.' },
    uk: { message: 'Повідомлення не має адресатів ({audience})', hint: 'Виберіть групу, у якій є рахунки з параметром «WWW», або конкретні рахунки.' },
    en: { message: 'The notice has no recipients ({audience})', hint: 'Choose a group that has accounts with the “WWW” parameter, or particular accounts.' },
  },
  // ---- 40xx portal transports: folder and HTTPS (main/portal) ----
  'SAL-4001': {
    severity: 'error',
    pl: { message: 'Adres portalu {url} używa nieszyfrowanego HTTP: dozwolone jest tylko https://', hint: 'Zmień w ustawieniach adres portalu na https://… . Zwykłe http:// jest dopuszczalne tylko dla testowego portalu na tym komputerze (127.0.0.1, ::1, localhost). Nic nie zostało wysłane.' },
    uk: { message: 'Адреса порталу {url} використовує незашифрований HTTP: дозволено лише https://', hint: 'Змініть у налаштуваннях адресу порталу на https://… . Звичайний http:// допускається лише для тестового порталу на цьому комп’ютері (127.0.0.1, ::1, localhost). Нічого не надіслано.' },
    en: { message: 'The portal address {url} uses plain HTTP: only https:// is allowed', hint: 'Change the portal address in Settings to https://… . Plain http:// is accepted only for a test portal on this computer (127.0.0.1, ::1, localhost). Nothing was sent.' },
  },
  'SAL-4002': {
    severity: 'error',
    pl: { message: 'Nie zapisano tokenu portalu o nazwie {name}', hint: 'Zapisz token otrzymany od operatora portalu poleceniem saldo secrets set {name} albo w ustawieniach. Zadania harmonogramu mogą użyć zmiennej środowiskowej SALDO_SECRET_….' },
    uk: { message: 'Токен порталу з назвою {name} не збережено', hint: 'Збережіть токен, отриманий від оператора порталу, командою saldo secrets set {name} або в налаштуваннях. Заплановані завдання можуть використати змінну середовища SALDO_SECRET_….' },
    en: { message: 'No portal token is stored under the name {name}', hint: 'Store the token the portal operator gave you with saldo secrets set {name}, or in Settings. Scheduled jobs can use the SALDO_SECRET_… environment variable.' },
  },
  'SAL-4003': {
    severity: 'error',
    pl: { message: 'Portal {host} odrzucił token (HTTP {status})', hint: 'Token mógł wygasnąć lub zostać unieważniony. Poproś operatora portalu o nowy i zapisz go poleceniem saldo secrets set NAZWA. Tej partii nie uznano za dostarczoną.' },
    uk: { message: 'Портал {host} відхилив токен (HTTP {status})', hint: 'Можливо, строк дії токена минув або його відкликано. Попросіть в оператора порталу новий і збережіть його командою saldo secrets set НАЗВА. Цю партію не зараховано як доставлену.' },
    en: { message: 'The portal {host} refused the token (HTTP {status})', hint: 'The token may have expired or been revoked. Ask the portal operator for a new one and store it with saldo secrets set NAME. This batch was not recorded as delivered.' },
  },
  'SAL-4004': {
    severity: 'error',
    pl: { message: 'Portal {host} odrzucił dane (HTTP {status}): {detail}', hint: 'Tej partii nie uznano za dostarczoną i nie ponawiano wysyłki. Jeśli komunikat portalu dotyczy danych, popraw je w systemie księgowym; jeśli partia jest za duża, zmniejsz rozmiar partii; w innym wypadku przekaż komunikat operatorowi portalu.' },
    uk: { message: 'Портал {host} відхилив дані (HTTP {status}): {detail}', hint: 'Цю партію не зараховано як доставлену, повторних спроб не було. Якщо повідомлення порталу стосується даних, виправте їх в обліковій системі; якщо партія завелика, зменште розмір партії; інакше передайте повідомлення операторові порталу.' },
    en: { message: 'The portal {host} refused the data (HTTP {status}): {detail}', hint: 'This batch was not recorded as delivered and was not retried. If the portal’s message is about the data, correct it in the accounting system; if the batch is too large, lower the batch size; otherwise pass the message to the portal operator.' },
  },
  'SAL-4005': {
    severity: 'error',
    pl: { message: 'Portal {host} jest niedostępny (HTTP {status}; prób: {attempts})', hint: 'Portal ma chwilową awarię. Tej partii nie uznano za dostarczoną; wyślij ponownie później — powtórzona partia nie zostanie zastosowana dwukrotnie.' },
    uk: { message: 'Портал {host} недоступний (HTTP {status}; спроб: {attempts})', hint: 'На порталі тимчасовий збій. Цю партію не зараховано як доставлену; надішліть знову пізніше — повторена партія не буде застосована двічі.' },
    en: { message: 'The portal {host} is unavailable (HTTP {status}; attempts: {attempts})', hint: 'The portal has a temporary fault. This batch was not recorded as delivered; send again later — a repeated batch is not applied twice.' },
  },
  'SAL-4006': {
    severity: 'error',
    pl: { message: 'Nie można połączyć się z portalem {host} (prób: {attempts}): {detail}', hint: 'Sprawdź połączenie z internetem, serwer proxy, zaporę i adres portalu w ustawieniach. Tej partii nie uznano za dostarczoną; ponowna wysyłka jest bezpieczna.' },
    uk: { message: 'Не вдається з’єднатися з порталом {host} (спроб: {attempts}): {detail}', hint: 'Перевірте з’єднання з інтернетом, проксі, брандмауер і адресу порталу в налаштуваннях. Цю партію не зараховано як доставлену; повторне надсилання безпечне.' },
    en: { message: 'Cannot reach the portal {host} (attempts: {attempts}): {detail}', hint: 'Check the internet connection, proxy, firewall and the portal address in Settings. This batch was not recorded as delivered; sending again is safe.' },
  },
  'SAL-4007': {
    severity: 'error',
    pl: { message: 'Portal {host} nie odpowiedział w ciągu {seconds} s (prób: {attempts})', hint: 'Portal lub łącze działa wolno. Tej partii nie uznano za dostarczoną; wyślij ponownie później, zmniejsz rozmiar partii albo zwiększ w konfiguracji limit czasu partii (batchTimeoutMs).' },
    uk: { message: 'Портал {host} не відповів протягом {seconds} с (спроб: {attempts})', hint: 'Портал або канал зв’язку працює повільно. Цю партію не зараховано як доставлену; надішліть знову пізніше, зменште розмір партії або збільште в конфігурації тайм-аут партії (batchTimeoutMs).' },
    en: { message: 'The portal {host} did not answer within {seconds} s (attempts: {attempts})', hint: 'The portal or the link is slow. This batch was not recorded as delivered; send again later, lower the batch size, or raise the batch timeout (batchTimeoutMs) in the configuration.' },
  },
  'SAL-4008': {
    severity: 'error',
    resolvedBy: 'support',
    pl: { message: 'Portal {host} odpowiedział w formie niezgodnej z API wymiany: {detail}', hint: 'Tej partii nie uznano za dostarczoną. Portal nie przestrzega API wymiany (docs/portal-api.json): przekaż ten komunikat operatorowi portalu.' },
    uk: { message: 'Портал {host} відповів у формі, що не відповідає API обміну: {detail}', hint: 'Цю партію не зараховано як доставлену. Портал не дотримується API обміну (docs/portal-api.json): передайте це повідомлення операторові порталу.' },
    en: { message: 'The portal {host} answered in a form that does not match the exchange API: {detail}', hint: 'This batch was not recorded as delivered. The portal does not follow the exchange API (docs/portal-api.json): pass this message to the portal operator.' },
  },
  'SAL-4009': {
    severity: 'error',
    pl: { message: 'Portal {host} jest przeciążony i prosi o wolniejszą wysyłkę (HTTP 429; prób: {attempts})', hint: 'Tej partii nie uznano za dostarczoną. Wyślij ponownie za kilka minut albo zmniejsz rozmiar partii.' },
    uk: { message: 'Портал {host} перевантажений і просить надсилати повільніше (HTTP 429; спроб: {attempts})', hint: 'Цю партію не зараховано як доставлену. Надішліть знову за кілька хвилин або зменште розмір партії.' },
    en: { message: 'The portal {host} is overloaded and asks Saldo to slow down (HTTP 429; attempts: {attempts})', hint: 'This batch was not recorded as delivered. Send again in a few minutes, or lower the batch size.' },
  },
  'SAL-4010': {
    severity: 'error',
    pl: { message: 'Nie można zapisać pliku wymiany {file}: {detail}', hint: 'Sprawdź, czy folder wymiany z portalem istnieje, czy można w nim zapisywać i czy jest wolne miejsce. Tej partii nie uznano za dostarczoną.' },
    uk: { message: 'Не вдається записати файл обміну {file}: {detail}', hint: 'Перевірте, чи існує папка обміну з порталом, чи дозволено в неї записувати і чи є вільне місце. Цю партію не зараховано як доставлену.' },
    en: { message: 'Cannot write the exchange file {file}: {detail}', hint: 'Check that the portal exchange folder exists, can be written to and has free space. This batch was not recorded as delivered.' },
  },
  'SAL-4011': {
    severity: 'error',
    pl: { message: 'Nie można odczytać potwierdzenia portalu {file}; przeniesiono je do folderu failed: {detail}', hint: 'Rekordy, które to potwierdzenie mogło odrzucać, pozostają uznane za dostarczone. Poproś operatora portalu o ponowne zapisanie potwierdzenia zgodnie z docs/portal-api.json.' },
    uk: { message: 'Не вдається прочитати підтвердження порталу {file}; його перенесено до папки failed: {detail}', hint: 'Записи, які це підтвердження могло відхиляти, і далі вважаються доставленими. Попросіть оператора порталу записати підтвердження повторно відповідно до docs/portal-api.json.' },
    en: { message: 'The portal’s receipt {file} cannot be read and was moved to the failed folder: {detail}', hint: 'Records this receipt may have rejected stay counted as delivered. Ask the portal operator to write the receipt again as docs/portal-api.json describes.' },
  },
  'SAL-4012': {
    severity: 'error',
    resolvedBy: 'support',
    pl: { message: 'Partia {batchId} została już wysłana z inną treścią', hint: 'Identyfikatora partii nie wolno użyć ponownie dla innych danych. Niczego nie nadpisano.' },
    uk: { message: 'Партію {batchId} уже надіслано з іншим вмістом', hint: 'Ідентифікатор партії не можна повторно використовувати для інших даних. Нічого не перезаписано.' },
    en: { message: 'Batch {batchId} was already sent with different content', hint: 'A batch identifier must never be reused for other data. Nothing was overwritten.' },
  },
  'SAL-4013': {
    severity: 'error',
    pl: { message: 'Adres portalu {url} jest nieprawidłowy: {detail}', hint: 'Wpisz w ustawieniach adres portalu w postaci https://host[:port][/ścieżka], bez nazwy użytkownika, hasła, zapytania i fragmentu; token jest przechowywany osobno.' },
    uk: { message: 'Адреса порталу {url} недійсна: {detail}', hint: 'Введіть у налаштуваннях адресу порталу у вигляді https://host[:port][/шлях], без імені користувача, пароля, запиту й фрагмента; токен зберігається окремо.' },
    en: { message: 'The portal address {url} is not valid: {detail}', hint: 'Enter the portal address in Settings as https://host[:port][/path], without a user name, password, query or fragment; the token is stored separately.' },
  },
  'SAL-4014': {
    severity: 'error',
    resolvedBy: 'support',
    pl: { message: 'Partii {batchId} nie można wysłać: {detail}', hint: 'To błąd programu Saldo, a nie Twoich danych. Niczego nie wysłano.' },
    uk: { message: 'Партію {batchId} не можна надіслати: {detail}', hint: 'Це помилка програми Saldo, а не ваших даних. Нічого не надіслано.' },
    en: { message: 'Batch {batchId} cannot be sent: {detail}', hint: 'This is a fault in Saldo, not in your data. Nothing was sent.' },
  },
  'SAL-4015': {
    severity: 'error',
    pl: { message: 'Nie można odczytać folderu potwierdzeń portalu {dir}: {detail}', hint: 'Sprawdź, czy folder wymiany jest dostępny i czy Saldo może odczytywać i przenosić w nim pliki.' },
    uk: { message: 'Не вдається прочитати папку підтверджень порталу {dir}: {detail}', hint: 'Перевірте, чи доступна папка обміну і чи може Saldo читати й переміщувати в ній файли.' },
    en: { message: 'Cannot read the portal’s receipts folder {dir}: {detail}', hint: 'Check that the exchange folder is reachable and that Saldo may read and move files in it.' },
  },
  'SAL-4016': {
    severity: 'error',
    pl: { message: 'Zapisany token portalu nie jest prawidłowym tokenem typu Bearer: {detail}', hint: 'Zapisz ponownie token otrzymany od operatora portalu poleceniem saldo secrets set NAZWA, bez spacji i znaków nowego wiersza.' },
    uk: { message: 'Збережений токен порталу не є дійсним токеном типу Bearer: {detail}', hint: 'Збережіть знову токен, отриманий від оператора порталу, командою saldo secrets set НАЗВА, без пробілів і символів нового рядка.' },
    en: { message: 'The stored portal token is not a valid bearer token: {detail}', hint: 'Store the token the portal operator gave you again with saldo secrets set NAME, without spaces or line breaks.' },
  },
  // ---- 4017–4029 portal feeds (readings, registrations, payments) and acknowledgements ----
  'SAL-4017': {
    severity: 'error',
    resolvedBy: 'support',
    pl: { message: 'Portal {host} przysłał stronę kanału {feed} niezgodną z API wymiany: {detail}', hint: 'Z tej strony nic nie zaimportowano, a pozycja odczytu kanału się nie przesunęła: następny import pobierze ją ponownie. Przekaż ten komunikat operatorowi portalu (docs/portal-api.json).' },
    uk: { message: 'Портал {host} надіслав сторінку каналу {feed}, що не відповідає API обміну: {detail}', hint: 'З цієї сторінки нічого не імпортовано, позиція читання каналу не змінилася: наступний імпорт отримає її знову. Передайте це повідомлення операторові порталу (docs/portal-api.json).' },
    en: { message: 'The portal {host} sent a page of the {feed} feed that does not follow the exchange API: {detail}', hint: 'Nothing of this page was imported and the feed position did not move: the next import fetches it again. Pass this message to the portal operator (docs/portal-api.json).' },
  },
  'SAL-4018': {
    severity: 'error',
    pl: { message: 'Nie można odczytać pliku portalu {file} (kanał {feed}); przeniesiono go do folderu failed: {detail}', hint: 'Z tego pliku nic nie zaimportowano. Poproś operatora portalu o zapisanie go ponownie (pod nową nazwą) zgodnie z docs/portal-api.json; pozostałe pliki zaimportowano.' },
    uk: { message: 'Не вдається прочитати файл порталу {file} (канал {feed}); його перенесено до папки failed: {detail}', hint: 'З цього файлу нічого не імпортовано. Попросіть оператора порталу записати його знову (під новою назвою) відповідно до docs/portal-api.json; решту файлів імпортовано.' },
    en: { message: 'The portal file {file} ({feed} feed) cannot be read and was moved to the failed folder: {detail}', hint: 'Nothing of this file was imported. Ask the portal operator to write it again (under a new name) as docs/portal-api.json describes; the other files were imported.' },
  },
  'SAL-4019': {
    severity: 'error',
    pl: { message: 'Nie można odczytać folderu kanału portalu {dir}: {detail}', hint: 'Sprawdź, czy folder wymiany jest dostępny i czy Saldo może odczytywać i przenosić w nim pliki. Nic nie zaimportowano.' },
    uk: { message: 'Не вдається прочитати папку каналу порталу {dir}: {detail}', hint: 'Перевірте, чи доступна папка обміну і чи може Saldo читати й переміщувати в ній файли. Нічого не імпортовано.' },
    en: { message: 'Cannot read the portal feed folder {dir}: {detail}', hint: 'Check that the exchange folder is reachable and that Saldo may read and move files in it. Nothing was imported.' },
  },
  'SAL-4020': {
    severity: 'error',
    resolvedBy: 'support',
    pl: { message: 'Potwierdzenia {ackId} (kanał {feed}) nie można wysłać: {detail}', hint: 'To błąd programu Saldo, a nie Twoich danych. Niczego nie wysłano; portal nadal czeka na potwierdzenie tych pozycji.' },
    uk: { message: 'Підтвердження {ackId} (канал {feed}) не можна надіслати: {detail}', hint: 'Це помилка програми Saldo, а не ваших даних. Нічого не надіслано; портал і далі чекає на підтвердження цих позицій.' },
    en: { message: 'Acknowledgement {ackId} ({feed} feed) cannot be sent: {detail}', hint: 'This is a fault in Saldo, not in your data. Nothing was sent; the portal still waits for these items to be acknowledged.' },
  },
  'SAL-4021': {
    severity: 'error',
    resolvedBy: 'support',
    pl: { message: 'Zapisana pozycja odczytu kanału {feed} jest nieprawidłowa: {cursor}', hint: 'Nic nie zaimportowano. Pozycja mogła zostać uszkodzona w magazynie lokalnym; pomoc techniczna może ją ustawić na ostatni przetworzony plik.' },
    uk: { message: 'Збережена позиція читання каналу {feed} недійсна: {cursor}', hint: 'Нічого не імпортовано. Позицію могло бути пошкоджено в локальному сховищі; служба підтримки може встановити її на останній оброблений файл.' },
    en: { message: 'The stored position in the {feed} feed is not valid: {cursor}', hint: 'Nothing was imported. The position may have been damaged in the local store; support can set it to the last processed file.' },
  },
  'SAL-4022': {
    severity: 'error',
    resolvedBy: 'support',
    pl: { message: 'Potwierdzenie {ackId} (kanał {feed}) zostało już zapisane z inną treścią', hint: 'Identyfikatora potwierdzenia nie wolno użyć ponownie dla innych pozycji. Niczego nie nadpisano.' },
    uk: { message: 'Підтвердження {ackId} (канал {feed}) уже записано з іншим вмістом', hint: 'Ідентифікатор підтвердження не можна повторно використовувати для інших позицій. Нічого не перезаписано.' },
    en: { message: 'Acknowledgement {ackId} ({feed} feed) was already written with different content', hint: 'An acknowledgement identifier must never be reused for other items. Nothing was overwritten.' },
  },
  'SAL-4023': {
    severity: 'error',
    pl: { message: 'Nie można pobrać kanału {feed} z portalu {host}: {detail}', hint: 'Nic nie zaimportowano, a pozycja odczytu się nie przesunęła: następny import zacznie od tego samego miejsca i niczego nie pominie. Sprawdź połączenie i adres portalu; jeśli portal odrzucił token, zapisz nowy poleceniem saldo secrets set NAZWA.' },
    uk: { message: 'Не вдається отримати канал {feed} з порталу {host}: {detail}', hint: 'Нічого не імпортовано, позиція читання не змінилася: наступний імпорт почне з того самого місця й нічого не пропустить. Перевірте з’єднання та адресу порталу; якщо портал відхилив токен, збережіть новий командою saldo secrets set НАЗВА.' },
    en: { message: 'Cannot fetch the {feed} feed from the portal {host}: {detail}', hint: 'Nothing was imported and the feed position did not move: the next import starts from the same place and skips nothing. Check the connection and the portal address; if the portal refused the token, store a new one with saldo secrets set NAME.' },
  },
  'SAL-4024': {
    severity: 'error',
    pl: { message: 'Portal {host} nie przyjął potwierdzenia {ackId} (kanał {feed}): {detail}', hint: 'Mieszkańcy jeszcze nie widzą wyniku tych pozycji. Wyślij potwierdzenie ponownie później — portal nie zastosuje go dwukrotnie. Jeśli portal odrzucił token, zapisz nowy poleceniem saldo secrets set NAZWA.' },
    uk: { message: 'Портал {host} не прийняв підтвердження {ackId} (канал {feed}): {detail}', hint: 'Мешканці ще не бачать результату цих позицій. Надішліть підтвердження знову пізніше — портал не застосує його двічі. Якщо портал відхилив токен, збережіть новий командою saldo secrets set НАЗВА.' },
    en: { message: 'The portal {host} did not take acknowledgement {ackId} ({feed} feed): {detail}', hint: 'Residents do not see the outcome of these items yet. Send the acknowledgement again later: the portal does not apply it twice. If the portal refused the token, store a new one with saldo secrets set NAME.' },
  },
  // ---- 5xxx accounting database ----
  'SAL-5001': {
    severity: 'error',
    pl: { message: 'Nie można otworzyć bazy księgowej: {detail}', hint: 'Sprawdź ścieżkę lub połączenie w ustawieniach i czy plik lub serwer są dostępne.' },
    uk: { message: 'Не вдається відкрити облікову базу: {detail}', hint: 'Перевірте шлях або з’єднання в налаштуваннях і доступність файлу чи сервера.' },
    en: { message: 'Cannot open the accounting database: {detail}', hint: 'Check the path or connection in Settings and that the file or server is reachable.' },
  },
  'SAL-5002': {
    severity: 'error',
    resolvedBy: 'vendor',
    pl: { message: 'Procedura {object} zwróciła dane niezgodne z kontraktem wymiany: {detail}', hint: 'Zgłoś to administratorowi bazy dostawcy systemu księgowego — treść procedury wymaga poprawy.' },
    uk: { message: 'Процедура {object} повернула дані, що не відповідають контракту обміну: {detail}', hint: 'Зверніться до адміністратора бази постачальника облікової системи — тіло процедури потребує виправлення.' },
    en: { message: 'Procedure {object} returned data that does not match the exchange contract: {detail}', hint: 'Call the accounting vendor’s database administrator: the procedure body needs fixing.' },
  },
  'SAL-5003': {
    severity: 'error',
    pl: { message: 'Brak danych za okres {period} w bazie księgowej', hint: 'Wybierz inny okres albo sprawdź, czy naliczenia za ten miesiąc zostały zamknięte.' },
    uk: { message: 'В обліковій базі немає даних за період {period}', hint: 'Виберіть інший період або перевірте, чи закрито нарахування за цей місяць.' },
    en: { message: 'The accounting database has no data for period {period}', hint: 'Choose another period, or check that the month’s charges have been closed.' },
  },
  // ---- 501x–504x SQL Server connection, exchange objects and least privilege (main/accounting/mssql) ----
  'SAL-5010': {
    severity: 'error',
    pl: { message: 'Nie można połączyć się z serwerem SQL Server {server}: {detail}', hint: 'Sprawdź nazwę serwera i port w ustawieniach, czy serwer przyjmuje połączenia TCP/IP i czy zapora przepuszcza ruch (domyślnie TCP 1433).' },
    uk: { message: 'Не вдається з’єднатися з SQL Server {server}: {detail}', hint: 'Перевірте ім’я сервера й порт у налаштуваннях, чи приймає сервер з’єднання TCP/IP і чи брандмауер пропускає трафік (типово TCP 1433).' },
    en: { message: 'Cannot reach SQL Server {server}: {detail}', hint: 'Check the server name and port in Settings, that the server accepts TCP/IP connections and that the firewall lets the traffic through (TCP 1433 by default).' },
  },
  'SAL-5011': {
    severity: 'error',
    pl: { message: 'Nie można odnaleźć nazwy serwera {server} (DNS): {detail}', hint: 'Sprawdź pisownię nazwy serwera albo podaj jego adres IP; jeśli serwer jest dostępny przez VPN, najpierw połącz się z VPN.' },
    uk: { message: 'Не вдається знайти ім’я сервера {server} (DNS): {detail}', hint: 'Перевірте написання імені сервера або вкажіть його IP-адресу; якщо сервер доступний через VPN, спершу під’єднайтеся до VPN.' },
    en: { message: 'The server name {server} cannot be found (DNS): {detail}', hint: 'Check the spelling of the server name, or give its IP address; if the server is reached through a VPN, connect the VPN first.' },
  },
  'SAL-5012': {
    severity: 'error',
    pl: { message: 'Nie można odnaleźć nazwanej instancji na serwerze {server} przez usługę SQL Server Browser: {detail}', hint: 'Poproś administratora o uruchomienie usługi SQL Server Browser i otwarcie portu UDP 1434 albo wpisz w ustawieniach stały port TCP instancji zamiast jej nazwy.' },
    uk: { message: 'Не вдається знайти іменований екземпляр на сервері {server} через службу SQL Server Browser: {detail}', hint: 'Попросіть адміністратора запустити службу SQL Server Browser і відкрити порт UDP 1434 або вкажіть у налаштуваннях постійний TCP-порт екземпляра замість його імені.' },
    en: { message: 'Cannot find the named instance on {server} through the SQL Server Browser: {detail}', hint: 'Ask the administrator to start the SQL Server Browser service and open UDP port 1434, or enter the instance’s fixed TCP port in Settings instead of its name.' },
  },
  'SAL-5013': {
    severity: 'error',
    pl: { message: 'Serwer SQL Server {server} nie odpowiedział w wyznaczonym czasie: {detail}', hint: 'Sprawdź sieć, VPN i zaporę (TCP 1433; dla nazwanej instancji także UDP 1434 usługi SQL Server Browser). Przy wolnym łączu zwiększ w ustawieniach limit czasu połączenia.' },
    uk: { message: 'SQL Server {server} не відповів вчасно: {detail}', hint: 'Перевірте мережу, VPN і брандмауер (TCP 1433; для іменованого екземпляра також UDP 1434 служби SQL Server Browser). На повільному каналі збільште в налаштуваннях тайм-аут з’єднання.' },
    en: { message: 'SQL Server {server} did not answer in time: {detail}', hint: 'Check the network, VPN and firewall (TCP 1433; for a named instance also UDP 1434 of the SQL Server Browser). On a slow link raise the connection timeout in Settings.' },
  },
  'SAL-5014': {
    severity: 'error',
    pl: { message: 'Zapytanie na serwerze SQL Server {server} trwało zbyt długo: {detail}', hint: 'Serwer może być obciążony (zamknięcie miesiąca, kopia zapasowa). Spróbuj później albo zwiększ w ustawieniach limit czasu zapytania.' },
    uk: { message: 'Запит на SQL Server {server} виконувався занадто довго: {detail}', hint: 'Сервер може бути завантажений (закриття місяця, резервне копіювання). Спробуйте пізніше або збільште в налаштуваннях тайм-аут запиту.' },
    en: { message: 'A query on SQL Server {server} took too long: {detail}', hint: 'The server may be busy (month closing, backups). Try again later or raise the query timeout in Settings.' },
  },
  'SAL-5015': {
    severity: 'error',
    pl: { message: 'Certyfikat serwera SQL Server {server} nie jest zaufany: {detail}', hint: 'Zainstaluj na tym komputerze dla Saldo certyfikat urzędu (CA), który wystawił certyfikat serwera, albo poproś administratora o certyfikat z zaufanego urzędu. Tylko w zaufanej sieci włącz jawnie w ustawieniach opcję „Ufaj certyfikatowi serwera”.' },
    uk: { message: 'Сертифікат SQL Server {server} не є довіреним: {detail}', hint: 'Установіть на цьому комп’ютері для Saldo сертифікат центру сертифікації (CA), який видав сертифікат сервера, або попросіть адміністратора про сертифікат від довіреного центру. Лише в довіреній мережі явно ввімкніть у налаштуваннях параметр «Довіряти сертифікату сервера».' },
    en: { message: 'The certificate of SQL Server {server} is not trusted: {detail}', hint: 'Install on this computer, for Saldo, the certificate of the authority (CA) that issued the server’s certificate, or ask the administrator for a certificate from a trusted CA. Only on a network you trust, switch on “Trust server certificate” explicitly in Settings.' },
  },
  'SAL-5016': {
    severity: 'error',
    pl: { message: 'Certyfikat serwera SQL Server {server} wystawiono na inną nazwę: {detail}', hint: 'Połącz się, używając nazwy zapisanej w certyfikacie serwera (zwykle pełnej nazwy DNS), albo poproś administratora o certyfikat na używaną nazwę.' },
    uk: { message: 'Сертифікат SQL Server {server} видано на інше ім’я: {detail}', hint: 'Під’єднуйтеся за ім’ям, записаним у сертифікаті сервера (зазвичай повне DNS-ім’я), або попросіть адміністратора видати сертифікат на ім’я, яке ви використовуєте.' },
    en: { message: 'The certificate of SQL Server {server} was issued for a different name: {detail}', hint: 'Connect using the name written in the server’s certificate (usually the full DNS name), or ask the administrator for a certificate issued for the name you use.' },
  },
  'SAL-5017': {
    severity: 'error',
    pl: { message: 'Nie udało się nawiązać szyfrowanego połączenia z serwerem SQL Server {server}: {detail}', hint: 'Pozostaw szyfrowanie włączone w ustawieniach; serwer musi obsługiwać TLS 1.2 — poproś administratora o instalację aktualizacji SQL Server, które to umożliwiają.' },
    uk: { message: 'Не вдалося встановити шифроване з’єднання з SQL Server {server}: {detail}', hint: 'Залиште шифрування ввімкненим у налаштуваннях; сервер має підтримувати TLS 1.2 — попросіть адміністратора встановити оновлення SQL Server, які це забезпечують.' },
    en: { message: 'The encrypted connection with SQL Server {server} failed: {detail}', hint: 'Keep encryption switched on in Settings; the server must support TLS 1.2 — ask its administrator to install the SQL Server updates that enable it.' },
  },
  'SAL-5018': {
    severity: 'error',
    pl: { message: 'Serwer SQL Server {server} odrzucił logowanie: {detail}', hint: 'Sprawdź nazwę użytkownika i zapisane hasło; administrator może sprawdzić, czy włączone jest uwierzytelnianie SQL Server i czy login nie jest wyłączony lub zablokowany (przyczyna jest w dzienniku serwera).' },
    uk: { message: 'SQL Server {server} відхилив вхід: {detail}', hint: 'Перевірте ім’я користувача і збережений пароль; адміністратор може перевірити, чи ввімкнено автентифікацію SQL Server і чи логін не вимкнено або не заблоковано (причина — у журналі сервера).' },
    en: { message: 'SQL Server {server} refused the login: {detail}', hint: 'Check the user name and the saved password; the administrator can check that SQL Server authentication is enabled and that the login is not disabled or locked (the server log gives the reason).' },
  },
  'SAL-5019': {
    severity: 'error',
    pl: { message: 'Serwer SQL Server {server} nie akceptuje logowania Windows z domeny tego komputera: {detail}', hint: 'Zaloguj się do Windows kontem domeny, której serwer ufa, albo przełącz w ustawieniach na login SQL Server.' },
    uk: { message: 'SQL Server {server} не приймає вхід Windows із домену цього комп’ютера: {detail}', hint: 'Увійдіть у Windows обліковим записом домену, якому довіряє сервер, або перемкніть у налаштуваннях на логін SQL Server.' },
    en: { message: 'SQL Server {server} does not accept the Windows login from this computer’s domain: {detail}', hint: 'Sign in to Windows with an account of a domain the server trusts, or switch to a SQL Server login in Settings.' },
  },
  'SAL-5020': {
    severity: 'error',
    pl: { message: 'Login nie może otworzyć bazy {database} na serwerze SQL Server {server}', hint: 'Sprawdź nazwę bazy w ustawieniach; administrator musi utworzyć w tej bazie użytkownika dla loginu wymiany (skrypt uprawnień).' },
    uk: { message: 'Логін не може відкрити базу {database} на SQL Server {server}', hint: 'Перевірте назву бази в налаштуваннях; адміністратор має створити в цій базі користувача для логіна обміну (скрипт прав).' },
    en: { message: 'The login cannot open database {database} on SQL Server {server}', hint: 'Check the database name in Settings; the administrator must create a user for the exchange login in that database (security script).' },
  },
  'SAL-5021': {
    severity: 'error',
    resolvedBy: 'vendor',
    pl: { message: 'Obiekt wymiany {object} nie istnieje na serwerze SQL Server {server}: {detail}', hint: 'Administrator bazy musi uruchomić w bazie księgowej skrypt instalacyjny wymiany (sql/mssql).' },
    uk: { message: 'Об’єкт обміну {object} не існує на SQL Server {server}: {detail}', hint: 'Адміністратор бази має запустити в обліковій базі інсталяційний скрипт обміну (sql/mssql).' },
    en: { message: 'The exchange object {object} does not exist on SQL Server {server}: {detail}', hint: 'The database administrator must run the exchange install script (sql/mssql) in the accounting database.' },
  },
  'SAL-5022': {
    severity: 'error',
    resolvedBy: 'vendor',
    pl: { message: 'W schemacie {schema} brakuje obiektów wymiany (albo login ich nie widzi): {objects}', hint: 'Administrator bazy musi uruchomić skrypt instalacyjny wymiany (sql/mssql), a potem skrypt uprawnień dla roli wymiany. SQL Server ukrywa obiekty, do których login nie ma żadnych uprawnień.' },
    uk: { message: 'У схемі {schema} бракує об’єктів обміну (або логін їх не бачить): {objects}', hint: 'Адміністратор бази має запустити інсталяційний скрипт обміну (sql/mssql), а потім скрипт прав для ролі обміну. SQL Server приховує об’єкти, на які логін не має жодних прав.' },
    en: { message: 'Exchange objects missing from schema {schema} (or not visible to the login): {objects}', hint: 'The database administrator must run the exchange install script (sql/mssql), then the security script for the exchange role. SQL Server hides objects on which a login has no right at all.' },
  },
  'SAL-5023': {
    severity: 'error',
    resolvedBy: 'vendor',
    pl: { message: 'Serwer SQL Server {server} odmówił uprawnienia {permission} do {object}', hint: 'Administrator bazy musi nadać je roli wymiany (skrypt uprawnień): GRANT {permission} ON {object}.' },
    uk: { message: 'SQL Server {server} відмовив у дозволі {permission} на {object}', hint: 'Адміністратор бази має надати його ролі обміну (скрипт прав): GRANT {permission} ON {object}.' },
    en: { message: 'SQL Server {server} denied the {permission} permission on {object}', hint: 'The database administrator must grant it to the exchange role (security script): GRANT {permission} ON {object}.' },
  },
  'SAL-5024': {
    severity: 'error',
    resolvedBy: 'vendor',
    pl: { message: 'Serwer SQL Server {server} odmówił wykonania działania z powodu braku uprawnień: {detail}', hint: 'Administrator bazy musi porównać uprawnienia roli wymiany ze skryptem uprawnień.' },
    uk: { message: 'SQL Server {server} відмовив у виконанні дії через брак прав: {detail}', hint: 'Адміністратор бази має звірити права ролі обміну зі скриптом прав.' },
    en: { message: 'SQL Server {server} refused an action for lack of permission: {detail}', hint: 'The database administrator must check the exchange role against the security script.' },
  },
  'SAL-5025': {
    severity: 'error',
    resolvedBy: 'support',
    pl: { message: 'Serwer SQL Server {server} zgłosił błąd: {detail}', hint: 'Sprawdź ustawienia połączenia i spróbuj ponownie; jeśli błąd się powtarza, prześlij ten komunikat pomocy technicznej.' },
    uk: { message: 'SQL Server {server} повідомив про помилку: {detail}', hint: 'Перевірте налаштування з’єднання і спробуйте ще раз; якщо помилка повторюється, надішліть це повідомлення до служби підтримки.' },
    en: { message: 'SQL Server {server} reported an error: {detail}', hint: 'Check the connection settings and try again; if it persists, send this message to support.' },
  },
  'SAL-5026': {
    severity: 'error',
    pl: { message: 'Brak zapisanego hasła do loginu SQL Server (sekret {secret})', hint: 'Wpisz hasło w Ustawienia → Połączenie; Saldo przechowuje je w magazynie sekretów systemu, nigdy w pliku konfiguracji.' },
    uk: { message: 'Для логіна SQL Server не збережено пароль (секрет {secret})', hint: 'Введіть пароль у Налаштування → З’єднання; Saldo зберігає його в системному сховищі секретів, ніколи у файлі конфігурації.' },
    en: { message: 'No password is saved for the SQL Server login (secret {secret})', hint: 'Enter the password in Settings → Connection; Saldo keeps it in the system’s secret store, never in the configuration file.' },
  },
  'SAL-5027': {
    severity: 'warning',
    pl: { message: 'Połączenie z serwerem SQL Server {server} nie jest szyfrowane', hint: 'Włącz szyfrowanie w ustawieniach: bez niego hasło i dane mieszkańców są przesyłane przez sieć bez ochrony.' },
    uk: { message: 'З’єднання з SQL Server {server} не шифрується', hint: 'Увімкніть шифрування в налаштуваннях: без нього пароль і дані мешканців передаються мережею без захисту.' },
    en: { message: 'The connection to SQL Server {server} is not encrypted', hint: 'Switch on encryption in Settings: without it the password and the residents’ data cross the network unprotected.' },
  },
  'SAL-5028': {
    severity: 'warning',
    pl: { message: 'Certyfikat serwera SQL Server {server} nie jest weryfikowany (włączono „Ufaj certyfikatowi serwera”)', hint: 'Każdy na drodze sieciowej mógłby podszyć się pod serwer. Zainstaluj certyfikat urzędu, który go wystawił, i wyłącz tę opcję.' },
    uk: { message: 'Сертифікат SQL Server {server} не перевіряється (увімкнено «Довіряти сертифікату сервера»)', hint: 'Будь-хто на мережевому шляху може видати себе за сервер. Установіть сертифікат центру, що його видав, і вимкніть цей параметр.' },
    en: { message: 'The certificate of SQL Server {server} is not verified (“Trust server certificate” is on)', hint: 'Anyone on the network path could impersonate the server. Install the certificate of the authority that issued it and switch the option off.' },
  },
  'SAL-5030': {
    severity: 'error',
    resolvedBy: 'vendor',
    pl: { message: 'Login wymiany nie ma uprawnienia {permission} do {object}', hint: 'Administrator bazy musi uruchomić skrypt uprawnień albo wykonać: {grant}' },
    uk: { message: 'Логін обміну не має дозволу {permission} на {object}', hint: 'Адміністратор бази має запустити скрипт прав або виконати: {grant}' },
    en: { message: 'The exchange login lacks the {permission} permission on {object}', hint: 'The database administrator must run the security script, or: {grant}' },
  },
  'SAL-5031': {
    severity: 'warning',
    pl: { message: 'Login wymiany należy do roli {role}, której wymiana nie potrzebuje', hint: 'Zasada minimalnych uprawnień: poproś administratora o usunięcie loginu z roli {role}; wystarczy mu rola wymiany ze skryptu uprawnień.' },
    uk: { message: 'Логін обміну входить до ролі {role}, яка обміну не потрібна', hint: 'Принцип мінімальних прав: попросіть адміністратора вилучити логін із ролі {role}; йому достатньо ролі обміну зі скрипту прав.' },
    en: { message: 'The exchange login is a member of the role {role}, which the exchange does not need', hint: 'Least privilege: ask the administrator to remove the login from {role}; the exchange role of the security script is all it needs.' },
  },
  'SAL-5032': {
    severity: 'warning',
    pl: { message: 'Login wymiany ma uprawnienie {permission} do {securable}, którego wymiana nie potrzebuje', hint: 'Zasada minimalnych uprawnień: poproś administratora o odebranie {permission} do {securable} (lub usunięcie roli, która je nadaje).' },
    uk: { message: 'Логін обміну має дозвіл {permission} на {securable}, який обміну не потрібен', hint: 'Принцип мінімальних прав: попросіть адміністратора відкликати {permission} на {securable} (або вилучити роль, що його надає).' },
    en: { message: 'The exchange login holds {permission} on {securable}, which the exchange does not need', hint: 'Least privilege: ask the administrator to revoke {permission} on {securable} (or remove the role that grants it).' },
  },
  'SAL-5033': {
    severity: 'warning',
    pl: { message: 'Login wymiany ma uprawnienia {permission} do {object} spoza wymiany', hint: 'Login może sięgać tylko do obiektów wymiany: poproś administratora o odebranie tych uprawnień do {object} (lub usunięcie roli, która je nadaje).' },
    uk: { message: 'Логін обміну має права {permission} на {object} поза обміном', hint: 'Логін має бачити лише об’єкти обміну: попросіть адміністратора відкликати ці права на {object} (або вилучити роль, що їх надає).' },
    en: { message: 'The exchange login has {permission} on {object}, outside the exchange', hint: 'The login must reach the exchange objects only: ask the administrator to revoke these rights on {object} (or remove the role that grants them).' },
  },
  'SAL-5035': {
    severity: 'error',
    resolvedBy: 'vendor',
    pl: { message: 'Login wymiany nie ma wymaganych uprawnień: {rights}', hint: 'Administrator bazy musi uruchomić skrypt uprawnień albo wykonać: {grant}' },
    uk: { message: 'Логін обміну не має потрібних дозволів: {rights}', hint: 'Адміністратор бази має запустити скрипт прав або виконати: {grant}' },
    en: { message: 'The exchange login lacks required permissions: {rights}', hint: 'The database administrator must run the security script, or: {grant}' },
  },
  // ---- 505x MSSQL adapter (main/accounting/mssql/gateway.ts) ----
  'SAL-5050': {
    severity: 'error',
    resolvedBy: 'support',
    pl: { message: 'Logowanie zintegrowane Windows do serwera SQL Server {server} wymaga sterownika msnodesqlv8, którego nie można załadować: {detail}', hint: 'Ta instalacja Saldo nie zawiera opcjonalnego sterownika msnodesqlv8 (tylko Windows, wymaga też „ODBC Driver 18 for SQL Server” firmy Microsoft). Poproś pomoc techniczną o instalację z tym sterownikiem albo przełącz w ustawieniach na login SQL Server lub login domenowy (NTLM).' },
    uk: { message: 'Інтегрований вхід Windows до SQL Server {server} потребує драйвера msnodesqlv8, який не вдається завантажити: {detail}', hint: 'Ця інсталяція Saldo не містить необов’язкового драйвера msnodesqlv8 (лише Windows, потрібен також «ODBC Driver 18 for SQL Server» від Microsoft). Попросіть службу підтримки про інсталяцію з цим драйвером або перемкніть у налаштуваннях на логін SQL Server чи доменний логін (NTLM).' },
    en: { message: 'The integrated Windows login to SQL Server {server} needs the msnodesqlv8 driver, which cannot be loaded: {detail}', hint: 'This Saldo installation lacks the optional msnodesqlv8 driver (Windows only; it also needs Microsoft’s “ODBC Driver 18 for SQL Server”). Ask support for an installation with that driver, or switch to a SQL Server login or a domain (NTLM) login in Settings.' },
  },
  // ---- 5051–5059 writing to the accounting database (importReadings) ----
  'SAL-5051': {
    severity: 'error',
    pl: { message: 'Baza księgowa odrzuciła partię odczytów; nic z niej nie zapisano: {detail}', hint: 'Cała partia została wycofana. Usuń przyczynę wskazaną w komunikacie (lub przekaż go administratorowi bazy) i uruchom import ponownie — odczyty już zapisane zostaną rozpoznane i nie zostaną zdublowane.' },
    uk: { message: 'Облікова база відхилила партію показників; з неї нічого не записано: {detail}', hint: 'Усю партію скасовано. Усуньте причину, названу в повідомленні (або передайте його адміністраторові бази), і запустіть імпорт знову — уже записані показники буде розпізнано, вони не задвояться.' },
    en: { message: 'The accounting database refused the batch of readings; nothing of it was written: {detail}', hint: 'The whole batch was rolled back. Remove the cause the message names (or pass it to the database administrator) and run the import again: readings already written are recognised and never doubled.' },
  },
  'SAL-5052': {
    severity: 'error',
    pl: { message: 'Nie można otworzyć bazy księgowej do zapisu: {detail}', hint: 'Sprawdź, czy plik bazy nie jest tylko do odczytu ani zablokowany przez inny program. Nic nie zapisano.' },
    uk: { message: 'Не вдається відкрити облікову базу для запису: {detail}', hint: 'Перевірте, чи файл бази не доступний лише для читання і не заблокований іншою програмою. Нічого не записано.' },
    en: { message: 'Cannot open the accounting database for writing: {detail}', hint: 'Check that the database file is not read-only or locked by another program. Nothing was written.' },
  },
  'SAL-5053': {
    severity: 'error',
    resolvedBy: 'support',
    pl: { message: 'Odczytu {key} nie można przekazać do bazy księgowej: {detail}', hint: 'To błąd programu Saldo, a nie Twoich danych. Z tej partii nic nie zapisano.' },
    uk: { message: 'Показник {key} не можна передати до облікової бази: {detail}', hint: 'Це помилка програми Saldo, а не ваших даних. З цієї партії нічого не записано.' },
    en: { message: 'Reading {key} cannot be passed to the accounting database: {detail}', hint: 'This is a fault in Saldo, not in your data. Nothing of this batch was written.' },
  },
  // ---- 6xxx configuration and access ----
  'SAL-6001': {
    severity: 'error',
    pl: { message: 'Nie znaleziono pliku konfiguracji {file}', hint: 'Podaj właściwy plik opcją --config albo utwórz obszar demo: saldo demo init --dir KATALOG.' },
    uk: { message: 'Файл конфігурації {file} не знайдено', hint: 'Вкажіть правильний файл параметром --config або створіть демо: saldo demo init --dir КАТАЛОГ.' },
    en: { message: 'Configuration file {file} not found', hint: 'Give the right file with --config, or create a demo workspace: saldo demo init --dir DIR.' },
  },
  'SAL-6002': {
    severity: 'error',
    pl: { message: 'Błędna konfiguracja: {detail}', hint: 'Popraw wskazane pole w pliku konfiguracji.' },
    uk: { message: 'Помилкова конфігурація: {detail}', hint: 'Виправте вказане поле у файлі конфігурації.' },
    en: { message: 'Invalid configuration: {detail}', hint: 'Correct the named field in the configuration file.' },
  },
  'SAL-6003': {
    severity: 'error',
    pl: { message: 'Operator {operator} (rola: {role}) nie ma uprawnienia „{permission}”', hint: 'Poproś administratora o nadanie uprawnienia albo zaloguj się jako inny operator.' },
    uk: { message: 'Оператор {operator} (роль: {role}) не має дозволу «{permission}»', hint: 'Попросіть адміністратора надати дозвіл або увійдіть як інший оператор.' },
    en: { message: 'Operator {operator} (role: {role}) lacks the permission “{permission}”', hint: 'Ask an administrator to grant it, or sign in as another operator.' },
  },
  'SAL-6004': {
    severity: 'error',
    pl: { message: 'Nieznany operator {operator}', hint: 'Podaj istniejącego operatora (--operator) lub dodaj go w Ustawieniach.' },
    uk: { message: 'Невідомий оператор {operator}', hint: 'Вкажіть наявного оператора (--operator) або додайте його в Налаштуваннях.' },
    en: { message: 'Unknown operator {operator}', hint: 'Name an existing operator (--operator) or add one in Settings.' },
  },
  'SAL-6005': {
    severity: 'error',
    pl: { message: 'Nieprawidłowe żądanie {channel}: {detail}', hint: 'Popraw wskazaną wartość i spróbuj ponownie.' },
    uk: { message: 'Неправильний запит {channel}: {detail}', hint: 'Виправте вказане значення і спробуйте ще раз.' },
    en: { message: 'Invalid request {channel}: {detail}', hint: 'Correct the named value and try again.' },
  },
  'SAL-6006': {
    severity: 'error',
    resolvedBy: 'support',
    pl: { message: 'Odrzucono żądanie z nieznanego źródła ({detail})', hint: 'Zamknij i uruchom ponownie program; jeśli się powtarza, zgłoś to pomocy technicznej.' },
    uk: { message: 'Запит із невідомого джерела відхилено ({detail})', hint: 'Закрийте й знову запустіть програму; якщо повторюється — зверніться до підтримки.' },
    en: { message: 'Rejected a request from an unknown sender ({detail})', hint: 'Close and restart the console; if it happens again, call support.' },
  },
  'SAL-6007': {
    severity: 'error',
    pl: { message: 'Katalog {dir} nie jest pusty', hint: 'Wskaż nowy lub pusty katalog na obszar demo.' },
    uk: { message: 'Каталог {dir} не порожній', hint: 'Вкажіть новий або порожній каталог для демо.' },
    en: { message: 'Directory {dir} is not empty', hint: 'Choose a new or empty directory for the demo workspace.' },
  },
  'SAL-6008': {
    severity: 'error',
    pl: { message: 'Nie znaleziono przebiegu nr {runId}', hint: 'Sprawdź numer w dzienniku (saldo journal).' },
    uk: { message: 'Запуск № {runId} не знайдено', hint: 'Перевірте номер у журналі (saldo journal).' },
    en: { message: 'Run {runId} not found', hint: 'Check the number in the journal (saldo journal).' },
  },
  'SAL-6009': {
    severity: 'error',
    pl: { message: 'Nieznany rodzaj raportu {kind}', hint: 'Dostępne raporty: {available}.' },
    uk: { message: 'Невідомий вид звіту {kind}', hint: 'Доступні звіти: {available}.' },
    en: { message: 'Unknown report kind {kind}', hint: 'Available reports: {available}.' },
  },
  'SAL-6010': {
    severity: 'error',
    pl: { message: 'Nie znaleziono przeglądarki do tworzenia PDF (Chromium lub Edge)', hint: 'Zainstaluj Microsoft Edge lub Chromium albo wskaż ją zmienną SALDO_BROWSER.' },
    uk: { message: 'Не знайдено браузер для створення PDF (Chromium або Edge)', hint: 'Встановіть Microsoft Edge або Chromium чи вкажіть його змінною SALDO_BROWSER.' },
    en: { message: 'No browser found to make PDFs (Chromium or Edge)', hint: 'Install Microsoft Edge or Chromium, or name it in the SALDO_BROWSER variable.' },
  },
  'SAL-6011': {
    severity: 'error',
    resolvedBy: 'support',
    pl: { message: 'Magazyn lokalny {file} pochodzi z nowszej wersji programu (schemat {found}, obsługiwany {supported})', hint: 'Zainstaluj aktualną wersję Saldo lub skontaktuj się z pomocą techniczną.' },
    uk: { message: 'Локальне сховище {file} створене новішою версією програми (схема {found}, підтримується {supported})', hint: 'Встановіть актуальну версію Saldo або зверніться до підтримки.' },
    en: { message: 'Local store {file} comes from a newer version (schema {found}, supported {supported})', hint: 'Install the current version of Saldo or call support.' },
  },
  'SAL-6012': {
    severity: 'error',
    pl: { message: 'Nieprawidłowy okres {period}', hint: 'Podaj miesiąc w postaci RRRR-MM, np. 2026-10.' },
    uk: { message: 'Неправильний період {period}', hint: 'Вкажіть місяць у вигляді РРРР-ММ, напр. 2026-10.' },
    en: { message: 'Invalid period {period}', hint: 'Give the month as YYYY-MM, e.g. 2026-10.' },
  },
  'SAL-6013': {
    severity: 'error',
    pl: { message: 'Nie można zapisać pliku {file}: {detail}', hint: 'Sprawdź, czy katalog istnieje i masz prawo zapisu.' },
    uk: { message: 'Не вдається записати файл {file}: {detail}', hint: 'Перевірте, чи існує каталог і чи є право запису.' },
    en: { message: 'Cannot write file {file}: {detail}', hint: 'Check that the folder exists and that you may write to it.' },
  },
  'SAL-6014': {
    severity: 'error',
    pl: { message: 'Nieprawidłowe użycie polecenia: {detail}', hint: 'Zobacz saldo --help.' },
    uk: { message: 'Неправильне використання команди: {detail}', hint: 'Див. saldo --help.' },
    en: { message: 'Invalid command usage: {detail}', hint: 'See saldo --help.' },
  },
  'SAL-6015': {
    severity: 'error',
    pl: { message: 'Zadanie {jobId} nie istnieje lub już się zakończyło', hint: 'Odśwież widok; wynik zakończonego zadania jest w dzienniku.' },
    uk: { message: 'Завдання {jobId} не існує або вже завершилося', hint: 'Оновіть вигляд; результат завершеного завдання є в журналі.' },
    en: { message: 'Job {jobId} does not exist or has already finished', hint: 'Refresh the view; a finished job’s result is in the journal.' },
  },
  // ---- 602x sign-in and operators ----
  'SAL-6020': {
    severity: 'error',
    pl: { message: 'Nieprawidłowa nazwa operatora lub hasło', hint: 'Sprawdź nazwę i hasło (wielkość liter w haśle ma znaczenie). Po kilku nieudanych próbach konto zostanie czasowo zablokowane.' },
    uk: { message: 'Неправильне ім’я оператора або пароль', hint: 'Перевірте ім’я та пароль (регістр у паролі має значення). Після кількох невдалих спроб обліковий запис тимчасово блокується.' },
    en: { message: 'Wrong operator name or password', hint: 'Check the name and password (the password is case-sensitive). After several failed attempts the account is locked for a while.' },
  },
  'SAL-6021': {
    severity: 'error',
    pl: { message: 'Konto {operator} jest zablokowane do {until} po zbyt wielu nieudanych próbach logowania', hint: 'Poczekaj do podanego czasu albo poproś administratora o ustawienie nowego hasła.' },
    uk: { message: 'Обліковий запис {operator} заблоковано до {until} після надто багатьох невдалих спроб входу', hint: 'Зачекайте до вказаного часу або попросіть адміністратора встановити новий пароль.' },
    en: { message: 'Account {operator} is locked until {until} after too many failed sign-ins', hint: 'Wait until then, or ask an administrator to set a new password.' },
  },
  'SAL-6022': {
    severity: 'error',
    pl: { message: 'Hasło musi mieć od 10 do 256 znaków', hint: 'Użyj co najmniej 10 znaków, najlepiej kilku słów.' },
    uk: { message: 'Пароль повинен мати від 10 до 256 символів', hint: 'Використайте щонайменше 10 символів, краще кілька слів.' },
    en: { message: 'The password must have 10 to 256 characters', hint: 'Use at least 10 characters, ideally a few words.' },
  },
  'SAL-6029': {
    severity: 'error',
    pl: { message: 'Hasło nie może zawierać nazwy operatora ({operator})', hint: 'Wybierz hasło niezwiązane z nazwą operatora.' },
    uk: { message: 'Пароль не може містити ім’я оператора ({operator})', hint: 'Виберіть пароль, не пов’язаний з ім’ям оператора.' },
    en: { message: 'The password must not contain the operator name ({operator})', hint: 'Choose a password unrelated to the operator name.' },
  },
  'SAL-6023': {
    severity: 'error',
    pl: { message: 'Uprawnienia „{permission}” nie można nadać roli {role}', hint: 'Zmień rolę operatora albo usuń to uprawnienie.' },
    uk: { message: 'Дозвіл «{permission}» не можна надати ролі {role}', hint: 'Змініть роль оператора або приберіть цей дозвіл.' },
    en: { message: 'The permission “{permission}” cannot be granted to the role {role}', hint: 'Change the operator’s role or remove that permission.' },
  },
  'SAL-6024': {
    severity: 'error',
    pl: { message: 'Nie można odebrać roli ani wyłączyć ostatniego administratora ({operator})', hint: 'Najpierw dodaj innego administratora.' },
    uk: { message: 'Не можна змінити роль або вимкнути останнього адміністратора ({operator})', hint: 'Спершу додайте іншого адміністратора.' },
    en: { message: 'Cannot change the role of, or disable, the last administrator ({operator})', hint: 'Add another administrator first.' },
  },
  'SAL-6025': {
    severity: 'error',
    pl: { message: 'Odnośnik {url} nie zostanie otwarty: {reason}', hint: 'Otwierane są tylko adresy https bez danych logowania w adresie.' },
    uk: { message: 'Посилання {url} не буде відкрито: {reason}', hint: 'Відкриваються лише адреси https без облікових даних в адресі.' },
    en: { message: 'The link {url} will not be opened: {reason}', hint: 'Only https addresses without credentials in them are opened.' },
  },
  'SAL-6026': {
    severity: 'error',
    pl: { message: 'Administrator jest już skonfigurowany', hint: 'Zaloguj się; nowych operatorów dodaje administrator w Ustawieniach.' },
    uk: { message: 'Адміністратора вже налаштовано', hint: 'Увійдіть; нових операторів додає адміністратор у Налаштуваннях.' },
    en: { message: 'An administrator is already set up', hint: 'Sign in; an administrator adds new operators in Settings.' },
  },
  'SAL-6027': {
    severity: 'error',
    pl: { message: 'Nowy operator {operator} musi mieć hasło', hint: 'Podaj hasło początkowe i przekaż je operatorowi osobiście.' },
    uk: { message: 'Новий оператор {operator} повинен мати пароль', hint: 'Вкажіть початковий пароль і передайте його операторові особисто.' },
    en: { message: 'The new operator {operator} needs a password', hint: 'Give an initial password and hand it to the operator in person.' },
  },
  'SAL-6028': {
    severity: 'error',
    pl: { message: 'Nieznany profil połączenia {profile}', hint: 'Wybierz profil z listy w Ustawieniach.' },
    uk: { message: 'Невідомий профіль з’єднання {profile}', hint: 'Виберіть профіль зі списку в Налаштуваннях.' },
    en: { message: 'Unknown connection profile {profile}', hint: 'Choose a profile from the list in Settings.' },
  },
  // ---- 61xx secrets (main/security/secrets) ----
  'SAL-6100': {
    severity: 'error',
    pl: { message: 'Nieprawidłowa nazwa sekretu {name}', hint: 'Nazwa ma od 1 do 64 znaków: litery łacińskie bez znaków diakrytycznych, cyfry, kropki, myślniki lub podkreślenia, np. mssql.password.' },
    uk: { message: 'Неправильна назва секрету {name}', hint: 'Назва має від 1 до 64 символів: латинські літери без діакритики, цифри, крапки, дефіси або підкреслення, напр. mssql.password.' },
    en: { message: 'Invalid secret name {name}', hint: 'A name has 1 to 64 characters: Latin letters without accents, digits, dots, dashes or underscores, e.g. mssql.password.' },
  },
  'SAL-6101': {
    severity: 'error',
    pl: { message: 'Wartość sekretu {name} jest nieprawidłowa', hint: 'Wartość musi mieć od 1 do 4096 znaków i nie może zawierać znaku NUL. Wartość nie jest tu pokazywana.' },
    uk: { message: 'Значення секрету {name} неправильне', hint: 'Значення має містити від 1 до 4096 символів і не містити символу NUL. Значення тут не показується.' },
    en: { message: 'The value of secret {name} is not valid', hint: 'A value has 1 to 4096 characters and no NUL character. The value is not shown here.' },
  },
  'SAL-6102': {
    severity: 'error',
    pl: { message: 'Bezpieczne przechowywanie sekretów nie jest dostępne na tym komputerze ({detail})', hint: 'Sekrety nigdy nie są zapisywane jawnym tekstem. W Linuksie uruchom pęk kluczy (GNOME Keyring lub KWallet) i uruchom Saldo ponownie albo podaj sekret w zmiennej środowiskowej SALDO_SECRET_….' },
    uk: { message: 'Безпечне зберігання секретів недоступне на цьому комп’ютері ({detail})', hint: 'Секрети ніколи не зберігаються відкритим текстом. У Linux запустіть сховище ключів (GNOME Keyring або KWallet) і перезапустіть Saldo або задайте секрет у змінній середовища SALDO_SECRET_….' },
    en: { message: 'Secure storage of secrets is not available on this computer ({detail})', hint: 'Secrets are never saved in plain text. On Linux, start a keyring (GNOME Keyring or KWallet) and restart Saldo, or give the secret in a SALDO_SECRET_… environment variable.' },
  },
  'SAL-6103': {
    severity: 'error',
    pl: { message: 'Dostęp do {file} jest zbyt szeroki (uprawnienia {mode}): inni użytkownicy mogą go odczytać lub zmienić', hint: 'Saldo nie użyje sekretów, dopóki tak jest. Wykonaj: {command}' },
    uk: { message: 'Доступ до {file} надто широкий (права {mode}): інші користувачі можуть його прочитати або змінити', hint: 'Saldo не використовує секрети, доки так є. Виконайте: {command}' },
    en: { message: 'Access to {file} is too open (mode {mode}): other users can read or change it', hint: 'Saldo does not use secrets while this is so. Run: {command}' },
  },
  'SAL-6104': {
    severity: 'error',
    pl: { message: 'Plik {file} należy do innego użytkownika (uid {owner})', hint: 'Zaufany jest tylko plik, którego jesteś właścicielem. Usuń go i ustaw sekrety ponownie poleceniem saldo secrets set NAZWA albo uruchom Saldo jako właściciel pliku.' },
    uk: { message: 'Файл {file} належить іншому користувачеві (uid {owner})', hint: 'Довіряємо лише файлу, власником якого є ви. Видаліть його і задайте секрети знову командою saldo secrets set НАЗВА або запустіть Saldo від імені власника файлу.' },
    en: { message: 'File {file} belongs to another user (uid {owner})', hint: 'Only a file you own is trusted. Remove it and set the secrets again with saldo secrets set NAME, or run Saldo as the file’s owner.' },
  },
  'SAL-6105': {
    severity: 'error',
    resolvedBy: 'support',
    pl: { message: 'Magazyn sekretów {file} jest uszkodzony lub został zmieniony ({detail})', hint: 'Sekret nie został użyty. Ustaw go ponownie poleceniem saldo secrets set NAZWA; jeśli to się powtórzy, zgłoś to.' },
    uk: { message: 'Сховище секретів {file} пошкоджене або змінене ({detail})', hint: 'Секрет не використано. Задайте його знову командою saldo secrets set НАЗВА; якщо це повториться, повідомте про це.' },
    en: { message: 'Secret store {file} is damaged or has been altered ({detail})', hint: 'The secret was not used. Set it again with saldo secrets set NAME; if it happens again, report it.' },
  },
  'SAL-6106': {
    severity: 'error',
    pl: { message: 'Sekrety ze zmiennych środowiskowych są tylko do odczytu: nie można tu zmienić {name} ({variable})', hint: 'Ustaw zmienną {variable} w środowisku harmonogramu zadań (Harmonogram zadań Windows, cron, usługa systemd) albo zapisz sekret poleceniem saldo secrets set.' },
    uk: { message: 'Секрети зі змінних середовища доступні лише для читання: {name} ({variable}) тут змінити не можна', hint: 'Задайте змінну {variable} у середовищі планувальника завдань (Планувальник завдань Windows, cron, служба systemd) або збережіть секрет командою saldo secrets set.' },
    en: { message: 'Secrets from environment variables are read-only: {name} ({variable}) cannot be changed here', hint: 'Set {variable} in the scheduler’s environment (Windows Task Scheduler, cron, a systemd unit), or save the secret with saldo secrets set.' },
  },
  'SAL-6107': {
    severity: 'error',
    pl: { message: 'Windows nie mógł zabezpieczyć ani odczytać sekretu (DPAPI przez PowerShell): {detail}', hint: 'Uruchom polecenie jako ten sam użytkownik Windows, który zapisał sekret, i sprawdź, czy Windows PowerShell jest dostępny. Sekretów zapisanych przez innego użytkownika nie da się odczytać.' },
    uk: { message: 'Windows не вдалося захистити або прочитати секрет (DPAPI через PowerShell): {detail}', hint: 'Запустіть команду від імені того самого користувача Windows, який зберіг секрет, і перевірте, чи доступний Windows PowerShell. Секрети, збережені іншим користувачем, прочитати неможливо.' },
    en: { message: 'Windows could not protect or read the secret (DPAPI through PowerShell): {detail}', hint: 'Run the command as the same Windows user who saved the secret, and check that Windows PowerShell is available. Secrets saved by another user cannot be read.' },
  },
  'SAL-6108': {
    severity: 'error',
    pl: { message: 'Brak pliku klucza {keyFile}, więc nie można odczytać sekretów z {file}', hint: 'Przywróć plik klucza z kopii zapasowej albo usuń {file} i ustaw sekrety ponownie poleceniem saldo secrets set NAZWA.' },
    uk: { message: 'Файл ключа {keyFile} відсутній, тому секрети з {file} прочитати неможливо', hint: 'Відновіть файл ключа з резервної копії або видаліть {file} і задайте секрети знову командою saldo secrets set НАЗВА.' },
    en: { message: 'Key file {keyFile} is missing, so the secrets in {file} cannot be read', hint: 'Restore the key file from a backup, or delete {file} and set the secrets again with saldo secrets set NAME.' },
  },
  'SAL-6109': {
    severity: 'error',
    pl: { message: 'Magazyn sekretów {file} zapisano z ochroną {found}, a ten program używa {expected}', hint: 'Sekrety zapisane w oknie Saldo odczyta tylko okno, a ustawione poleceniem saldo — tylko polecenie. Dla zadań harmonogramu użyj zmiennych środowiskowych SALDO_SECRET_… albo ustaw sekrety tam, gdzie są używane.' },
    uk: { message: 'Сховище секретів {file} записане із захистом {found}, а ця програма використовує {expected}', hint: 'Секрети, збережені у вікні Saldo, може прочитати лише вікно, а задані командою saldo — лише команда. Для запланованих завдань використовуйте змінні середовища SALDO_SECRET_… або задайте секрети там, де вони використовуються.' },
    en: { message: 'Secret store {file} was written with {found} protection, but this program uses {expected}', hint: 'Secrets saved in the Saldo window can be read only by the window, and those set with the saldo command only by the command. For scheduled jobs use SALDO_SECRET_… environment variables, or set the secrets where they are used.' },
  },
  // ---- 9xxx internal ----
  'SAL-9001': {
    severity: 'error',
    resolvedBy: 'support',
    pl: { message: 'Błąd wewnętrzny: {detail}', hint: 'Zgłoś to pomocy technicznej i dołącz plik dziennika z katalogu logs.' },
    uk: { message: 'Внутрішня помилка: {detail}', hint: 'Зверніться до підтримки та додайте файл журналу з каталогу logs.' },
    en: { message: 'Internal error: {detail}', hint: 'Call support and attach the log file from the logs folder.' },
  },
  // ---- 2xxx meter readings, 3xxx bank statements: each feature keeps its codes in its own file ----
  ...READINGS_CATALOGUE,
  ...BANK_CATALOGUE,
  ...ACCOUNTS_CATALOGUE,
} satisfies Record<string, CatalogueEntry>;

export type ErrorCode = keyof typeof CATALOGUE;
