// Codes SAL-41xx/42xx: portal accounts, registrations, portal payments and collected funds
// (merged into CATALOGUE, shared/errors/catalogue.ts).
// Part A: SAL-4101…4149 (portal accounts and activation letters 4101…4119, registrations 4120…4149).
// Part B: SAL-4150…4199 (portal payments, collected funds).

import type { CatalogueEntry } from './catalogue';

// ---- Part A: portal accounts, activation letters, registrations ----
const PART_A = {
  'SAL-4101': {
    severity: 'warning',
    pl: { message: 'Lokal {account} nie ma parametru „WWW” albo jest zamknięty: nie tworzy się dla niego konta na portalu', hint: 'Włącz parametr „WWW” dla lokalu w systemie czynszowym, jeśli mieszkaniec ma korzystać z portalu, i utwórz konto ponownie.' },
    uk: { message: 'Приміщення {account} не має параметра «WWW» або закрите: обліковий запис на порталі для нього не створюється', hint: 'Увімкніть параметр «WWW» для приміщення в обліковій системі, якщо мешканець має користуватися порталом, і створіть обліковий запис знову.' },
    en: { message: 'Premises {account} does not have the "WWW" parameter or is closed: no portal account is created for it', hint: 'Turn on the "WWW" parameter for the premises in the accounting system if the resident is to use the portal, then create the account again.' },
  },
  'SAL-4102': {
    severity: 'warning',
    pl: { message: 'Konto {account} jest już zarejestrowane na portalu: nie wydano kodu aktywacyjnego', hint: 'Mieszkaniec ma już konto. Jeśli lokal zmienił właściciela, poproś operatora portalu o zamknięcie starego konta; po synchronizacji rejestracji można wydać nowy kod.' },
    uk: { message: 'Рахунок {account} уже зареєстрований на порталі: код активації не видано', hint: 'Мешканець уже має обліковий запис. Якщо змінився власник, попросіть оператора порталу закрити старий запис; після синхронізації реєстрацій можна видати новий код.' },
    en: { message: 'Account {account} is already registered on the portal: no activation code was issued', hint: 'The resident already has an account. If the premises changed owner, ask the portal operator to close the old account; after the registrations sync a new code can be issued.' },
  },
  'SAL-4103': {
    severity: 'warning',
    pl: { message: 'Konto {account} ma ważny kod aktywacyjny {codeId} wydany {issued}', hint: 'Nowego kodu nie wydano. Jeśli list zaginął, wydaj kod ponownie (saldo portal accounts create --reissue): poprzedni kod przestanie działać.' },
    uk: { message: 'Рахунок {account} має чинний код активації {codeId}, виданий {issued}', hint: 'Новий код не видано. Якщо лист загубився, видайте код повторно (saldo portal accounts create --reissue): попередній код перестане діяти.' },
    en: { message: 'Account {account} has a live activation code {codeId} issued {issued}', hint: 'No new code was issued. If the letter was lost, re-issue the code (saldo portal accounts create --reissue): the earlier code then stops working.' },
  },
  'SAL-4104': {
    severity: 'error',
    pl: { message: 'Konta {account} nie ma w danych księgowych', hint: 'Sprawdź numer konta; konto portalu tworzy się tylko dla lokali z systemu czynszowego.' },
    uk: { message: 'Рахунку {account} немає в облікових даних', hint: 'Перевірте номер рахунку; обліковий запис на порталі створюється лише для приміщень з облікової системи.' },
    en: { message: 'Account {account} is not in the accounting data', hint: 'Check the account number; portal accounts are created only for premises of the accounting system.' },
  },
  'SAL-4105': {
    severity: 'error',
    pl: { message: 'Budynek {building} nie ma lokali w danych księgowych', hint: 'Sprawdź symbol budynku (tak jak w systemie czynszowym). Niczego nie wysłano.' },
    uk: { message: 'Будинок {building} не має приміщень в облікових даних', hint: 'Перевірте код будинку (як в обліковій системі). Нічого не надіслано.' },
    en: { message: 'Building {building} has no premises in the accounting data', hint: 'Check the building code (as in the accounting system). Nothing was sent.' },
  },
  'SAL-4106': {
    severity: 'error',
    pl: { message: 'Portal odrzucił konto {account}: {detail}', hint: 'Dla tego lokalu nie wydrukowano listu, a jego kod nie działa. Wyjaśnij przyczynę z operatorem portalu i utwórz konto ponownie.' },
    uk: { message: 'Портал відхилив рахунок {account}: {detail}', hint: 'Для цього приміщення лист не надруковано, а його код не діє. З’ясуйте причину з оператором порталу і створіть обліковий запис знову.' },
    en: { message: 'The portal refused account {account}: {detail}', hint: 'No letter was printed for this premises and its code does not work. Find out why with the portal operator and create the account again.' },
  },
  'SAL-4107': {
    severity: 'error',
    pl: { message: 'Portal przyjął kody aktywacyjne {count} lokali, ale nie udało się zapisać listów: {detail}', hint: 'Tych kodów nie da się odtworzyć (Saldo nigdzie ich nie przechowuje). Wydaj je ponownie: saldo portal accounts create --reissue z tym samym wyborem lokali; nowe kody zastąpią utracone.' },
    uk: { message: 'Портал прийняв коди активації {count} приміщень, але листи не вдалося записати: {detail}', hint: 'Ці коди неможливо відновити (Saldo ніде їх не зберігає). Видайте їх повторно: saldo portal accounts create --reissue з тим самим вибором приміщень; нові коди замінять втрачені.' },
    en: { message: 'The portal accepted the activation codes of {count} premises, but the letters could not be written: {detail}', hint: 'Those codes cannot be recovered (Saldo keeps them nowhere). Re-issue them: saldo portal accounts create --reissue with the same premises; the new codes replace the lost ones.' },
  },
  'SAL-4108': {
    severity: 'error',
    pl: { message: 'Za dużo listów naraz: {count} (najwięcej {max})', hint: 'Wybierz budynek (--building) albo listę kont (--accounts) i drukuj listy partiami. Niczego nie wysłano.' },
    uk: { message: 'Забагато листів за один раз: {count} (щонайбільше {max})', hint: 'Виберіть будинок (--building) або перелік рахунків (--accounts) і друкуйте листи частинами. Нічого не надіслано.' },
    en: { message: 'Too many letters at once: {count} (at most {max})', hint: 'Choose a building (--building) or a list of accounts (--accounts) and print the letters in parts. Nothing was sent.' },
  },
  'SAL-4109': {
    severity: 'warning',
    pl: { message: 'Żaden z {selected} wybranych lokali nie potrzebuje kodu aktywacyjnego', hint: 'Nie wysłano niczego i nie powstał plik z listami. Powody pominięcia są wymienione przy lokalach; aby zastąpić ważne kody, użyj --reissue.' },
    uk: { message: 'Жодне з {selected} вибраних приміщень не потребує коду активації', hint: 'Нічого не надіслано, файл із листами не створено. Причини пропуску наведено біля приміщень; щоб замінити чинні коди, використайте --reissue.' },
    en: { message: 'None of the {selected} premises chosen needs an activation code', hint: 'Nothing was sent and no letters file was written. The reasons are listed by premises; to replace live codes use --reissue.' },
  },
  'SAL-4110': {
    severity: 'error',
    pl: { message: 'Nie można przygotować listów aktywacyjnych: {detail}', hint: 'Niczego nie wysłano do portalu, więc żaden kod nie został wydany. Usuń przyczynę (np. zainstaluj przeglądarkę Chromium lub Edge) i spróbuj ponownie.' },
    uk: { message: 'Не вдається підготувати листи активації: {detail}', hint: 'На портал нічого не надіслано, тож жодного коду не видано. Усуньте причину (наприклад, установіть браузер Chromium або Edge) і спробуйте знову.' },
    en: { message: 'Cannot prepare the activation letters: {detail}', hint: 'Nothing was sent to the portal, so no code was issued. Remove the cause (e.g. install a Chromium or Edge browser) and try again.' },
  },
  'SAL-4111': {
    severity: 'error',
    resolvedBy: 'support',
    pl: { message: 'Partii kont portalu {batchId} nie można wysłać: {detail}', hint: 'To błąd programu Saldo, a nie Twoich danych. Niczego nie wysłano.' },
    uk: { message: 'Партію облікових записів порталу {batchId} не можна надіслати: {detail}', hint: 'Це помилка програми Saldo, а не ваших даних. Нічого не надіслано.' },
    en: { message: 'The portal accounts batch {batchId} cannot be sent: {detail}', hint: 'This is a fault in Saldo, not in your data. Nothing was sent.' },
  },
  'SAL-4112': {
    severity: 'error',
    pl: { message: 'Wysyłanie kont portalu przerwano po {sent} z {total} lokali: {detail}', hint: 'Listy lokali przyjętych przez portal zapisano; pozostałe nie dostały kodu. Uruchom tworzenie kont ponownie z tym samym wyborem: obejmie tylko lokale bez ważnego kodu.' },
    uk: { message: 'Надсилання облікових записів порталу перервано після {sent} з {total} приміщень: {detail}', hint: 'Листи для приміщень, прийнятих порталом, записано; решта коду не отримала. Запустіть створення облікових записів знову з тим самим вибором: воно охопить лише приміщення без чинного коду.' },
    en: { message: 'Sending portal accounts stopped after {sent} of {total} premises: {detail}', hint: 'The letters of the premises the portal accepted were written; the rest got no code. Run the account creation again with the same choice: it takes only premises without a live code.' },
  },
  // ---- registrations (4120…) ----
  'SAL-4120': {
    severity: 'error',
    pl: { message: 'Rejestracja {id} dotyczy konta {account}, którego nie ma w danych księgowych', hint: 'Nie zapisano jej w tabeli zarejestrowanych kont, a portal dostał odrzucenie. Sprawdź z operatorem portalu, skąd portal ma to konto.' },
    uk: { message: 'Реєстрація {id} стосується рахунку {account}, якого немає в облікових даних', hint: 'Її не записано до таблиці зареєстрованих рахунків, а портал отримав відмову. З’ясуйте з оператором порталу, звідки в порталі цей рахунок.' },
    en: { message: 'Registration {id} is for account {account}, which is not in the accounting data', hint: 'It was not written to the registered accounts table, and the portal was told it is rejected. Ask the portal operator where the portal got this account from.' },
  },
  'SAL-4121': {
    severity: 'warning',
    pl: { message: 'Nie wysłano do portalu potwierdzeń {count} rejestracji: {detail}', hint: 'Rejestracje zapisano w księgowości; potwierdzenia wyśle następna synchronizacja.' },
    uk: { message: 'Не надіслано на портал підтверджень {count} реєстрацій: {detail}', hint: 'Реєстрації записано в обліку; підтвердження надішле наступна синхронізація.' },
    en: { message: 'The acknowledgements of {count} registrations were not sent to the portal: {detail}', hint: 'The registrations are in the accounting database; the next sync sends the acknowledgements.' },
  },
  'SAL-4122': {
    severity: 'error',
    pl: { message: 'Nie można zapisać zmian w tabeli zarejestrowanych kont: {detail}', hint: 'Niczego z tej partii nie zapisano, a pozycja w kanale rejestracji się nie przesunęła: następna synchronizacja zacznie od tego samego miejsca. Sprawdź połączenie z bazą i uprawnienia SELECT/INSERT/DELETE do registered_accounts.' },
    uk: { message: 'Не вдається записати зміни до таблиці зареєстрованих рахунків: {detail}', hint: 'Нічого з цієї партії не записано, позиція в каналі реєстрацій не змінилася: наступна синхронізація почне з того самого місця. Перевірте з’єднання з базою та права SELECT/INSERT/DELETE на registered_accounts.' },
    en: { message: 'Cannot write the changes to the registered accounts table: {detail}', hint: 'Nothing of this batch was written and the registrations feed position did not move: the next sync starts from the same place. Check the database connection and the SELECT/INSERT/DELETE rights on registered_accounts.' },
  },
  'SAL-4123': {
    severity: 'error',
    pl: { message: 'Nie można odczytać tabeli zarejestrowanych kont: {detail}', hint: 'Sprawdź połączenie z bazą księgową i uprawnienie SELECT do registered_accounts.' },
    uk: { message: 'Не вдається прочитати таблицю зареєстрованих рахунків: {detail}', hint: 'Перевірте з’єднання з обліковою базою та право SELECT на registered_accounts.' },
    en: { message: 'Cannot read the registered accounts table: {detail}', hint: 'Check the accounting database connection and the SELECT right on registered_accounts.' },
  },
} satisfies Record<string, CatalogueEntry>;

// ---- Part B: portal payments, collected funds ----
const PART_B = {
  // ---- portal payments (4150…4169) ----
  'SAL-4150': {
    severity: 'error',
    pl: { message: 'Płatność {id} na kwotę {amount} dotyczy konta {account}, którego nie ma w danych księgowych', hint: 'Płatności nie zaksięgowano, a portal dostał odrzucenie. Ustal z operatorem portalu, skąd portal ma to konto; pieniądze trzeba zwrócić mieszkańcowi albo zaksięgować ręcznie na właściwym lokalu.' },
    uk: { message: 'Платіж {id} на суму {amount} стосується рахунку {account}, якого немає в облікових даних', hint: 'Платіж не проведено, а портал отримав відмову. З’ясуйте з оператором порталу, звідки в порталі цей рахунок; гроші треба повернути мешканцю або провести вручну на правильне приміщення.' },
    en: { message: 'Payment {id} of {amount} is for account {account}, which is not in the accounting data', hint: 'The payment was not booked and the portal was told it is rejected. Ask the portal operator where the portal got this account from; the money has to be refunded to the resident or booked by hand to the right premises.' },
  },
  'SAL-4151': {
    severity: 'warning',
    pl: { message: 'Płatność {id} przyszła z portalu ponownie; zaksięgowano ją raz (przebieg {run})', hint: 'Nic nie zaksięgowano drugi raz, a portal dostał ponownie to samo potwierdzenie. Nie trzeba nic robić.' },
    uk: { message: 'Платіж {id} надійшов з порталу повторно; його проведено один раз (запуск {run})', hint: 'Нічого не проведено вдруге, а портал знову отримав те саме підтвердження. Нічого робити не потрібно.' },
    en: { message: 'Payment {id} came from the portal again; it was booked once (run {run})', hint: 'Nothing was booked twice, and the portal got the same acknowledgement again. Nothing to do.' },
  },
  'SAL-4152': {
    severity: 'error',
    pl: { message: 'Płatność {id} przyszła ponownie z innymi danymi ({detail}); obowiązuje pierwsza (przebieg {run})', hint: 'Drugiej wersji nie zaksięgowano. Ustal z operatorem portalu, która wersja jest prawdziwa; jeśli pierwsza, nic nie trzeba robić, jeśli druga — popraw zapis w systemie czynszowym ręcznie.' },
    uk: { message: 'Платіж {id} надійшов повторно з іншими даними ({detail}); чинний перший (запуск {run})', hint: 'Другу версію не проведено. З’ясуйте з оператором порталу, яка версія правильна; якщо перша — нічого не робіть, якщо друга — виправте запис в обліковій системі вручну.' },
    en: { message: 'Payment {id} came again with other data ({detail}); the first one stands (run {run})', hint: 'The second version was not booked. Ask the portal operator which version is true; if the first, nothing to do; if the second, correct the entry in the accounting system by hand.' },
  },
  'SAL-4153': {
    severity: 'error',
    pl: { message: 'Płatność {id} jest w walucie {currency}, a księgowość prowadzi {expected}', hint: 'Płatności nie zaksięgowano, a portal dostał odrzucenie. Sprawdź ustawienia waluty portalu z jego operatorem.' },
    uk: { message: 'Платіж {id} у валюті {currency}, а облік ведеться в {expected}', hint: 'Платіж не проведено, а портал отримав відмову. Перевірте налаштування валюти порталу з його оператором.' },
    en: { message: 'Payment {id} is in {currency}, but the accounts are kept in {expected}', hint: 'The payment was not booked and the portal was told it is rejected. Check the portal’s currency setting with its operator.' },
  },
  'SAL-4154': {
    severity: 'error',
    pl: { message: 'Baza księgowa odrzuciła płatność {id} dla konta {account}: {detail}', hint: 'Płatności nie zaksięgowano, a portal dostał odrzucenie. Usuń przyczynę w systemie czynszowym (albo przekaż ją administratorowi bazy) i zaksięguj wpłatę ręcznie.' },
    uk: { message: 'Облікова база відхилила платіж {id} для рахунку {account}: {detail}', hint: 'Платіж не проведено, а портал отримав відмову. Усуньте причину в обліковій системі (або передайте її адміністратору бази) і проведіть оплату вручну.' },
    en: { message: 'The accounting database refused payment {id} for account {account}: {detail}', hint: 'The payment was not booked and the portal was told it is rejected. Remove the cause in the accounting system (or pass it to the database administrator) and book the payment by hand.' },
  },
  'SAL-4155': {
    severity: 'error',
    pl: { message: 'Baza księgowa nie przyjęła partii {count} płatności z portalu; niczego z niej nie zaksięgowano: {detail}', hint: 'Cała partia została wycofana, a pozycja w kanale płatności się nie przesunęła: następny import przeczyta te płatności ponownie, a już zaksięgowane rozpozna. Usuń przyczynę i uruchom import jeszcze raz.' },
    uk: { message: 'Облікова база не прийняла партію з {count} платежів порталу; нічого з неї не проведено: {detail}', hint: 'Усю партію скасовано, позиція в каналі платежів не змінилася: наступний імпорт прочитає ці платежі знову, а вже проведені розпізнає. Усуньте причину і запустіть імпорт ще раз.' },
    en: { message: 'The accounting database did not take the batch of {count} portal payments; nothing of it was booked: {detail}', hint: 'The whole batch was rolled back and the payments feed position did not move: the next import reads these payments again and recognises those already booked. Remove the cause and run the import again.' },
  },
  'SAL-4156': {
    severity: 'warning',
    pl: { message: 'Nie wysłano do portalu potwierdzeń {count} płatności: {detail}', hint: 'Płatności są zaksięgowane; potwierdzenia wyśle następny import płatności.' },
    uk: { message: 'Не надіслано на портал підтверджень {count} платежів: {detail}', hint: 'Платежі проведено; підтвердження надішле наступний імпорт платежів.' },
    en: { message: 'The acknowledgements of {count} payments were not sent to the portal: {detail}', hint: 'The payments are booked; the next payments import sends the acknowledgements.' },
  },
  'SAL-4157': {
    severity: 'warning',
    pl: { message: 'Płatność {id} na kwotę {amount} dotyczy zamkniętego konta {account}', hint: 'Płatność zaksięgowano (pieniądze wpłynęły). Sprawdź, czy trzeba ją zwrócić albo rozliczyć z poprzednim lokatorem.' },
    uk: { message: 'Платіж {id} на суму {amount} стосується закритого рахунку {account}', hint: 'Платіж проведено (гроші надійшли). Перевірте, чи його треба повернути або зарахувати попередньому мешканцю.' },
    en: { message: 'Payment {id} of {amount} is for the closed account {account}', hint: 'The payment was booked (the money arrived). Check whether it has to be refunded or settled with the former resident.' },
  },
  'SAL-4158': {
    severity: 'error',
    pl: { message: 'Baza księgowa odrzuciła partię płatności z portalu; niczego z niej nie zapisano: {detail}', hint: 'Cała partia została wycofana. Usuń przyczynę podaną w komunikacie (albo przekaż ją administratorowi bazy) i uruchom import ponownie: zapisane już płatności są rozpoznawane i nigdy nie dublowane.' },
    uk: { message: 'Облікова база відхилила партію платежів порталу; нічого з неї не записано: {detail}', hint: 'Усю партію скасовано. Усуньте причину, названу в повідомленні (або передайте її адміністратору бази), і запустіть імпорт знову: уже записані платежі розпізнаються й ніколи не дублюються.' },
    en: { message: 'The accounting database refused the batch of portal payments; nothing of it was written: {detail}', hint: 'The whole batch was rolled back. Remove the cause the message names (or pass it to the database administrator) and run the import again: payments already written are recognised and never doubled.' },
  },
  'SAL-4159': {
    severity: 'error',
    resolvedBy: 'support',
    pl: { message: 'Płatności {key} nie można przekazać do bazy księgowej: {detail}', hint: 'To błąd programu Saldo, a nie Twoich danych. Niczego z tej partii nie zapisano.' },
    uk: { message: 'Платіж {key} неможливо передати до облікової бази: {detail}', hint: 'Це помилка програми Saldo, а не ваших даних. Нічого з цієї партії не записано.' },
    en: { message: 'Payment {key} cannot be passed to the accounting database: {detail}', hint: 'This is a fault in Saldo, not in your data. Nothing of this batch was written.' },
  },
  // ---- collected funds (4170…4189) ----
  'SAL-4170': {
    severity: 'error',
    pl: { message: 'W danych księgowych nie ma naliczeń za {period} ani za żaden wcześniejszy miesiąc', hint: 'Zebranych pieniędzy nie ma do czego przypisać. Wybierz miesiąc, za który system czynszowy ma naliczenia.' },
    uk: { message: 'В облікових даних немає нарахувань за {period} і за жоден попередній місяць', hint: 'Зібрані кошти нема до чого віднести. Виберіть місяць, за який облікова система має нарахування.' },
    en: { message: 'The accounting data has no charges for {period} nor for any month before it', hint: 'There is nothing to allocate the money collected to. Choose a month the accounting system has charges for.' },
  },
  'SAL-4171': {
    severity: 'warning',
    pl: { message: 'Konto {account} wpłaciło {amount}, ale nie ma naliczeń za {basis}: całość to nadpłata', hint: 'Kwota jest w wierszu „Nadpłaty i zaliczki”, nie u żadnego dostawcy. Sprawdź, czy numer konta jest właściwy i czy lokal ma naliczenia.' },
    uk: { message: 'Рахунок {account} сплатив {amount}, але не має нарахувань за {basis}: уся сума — переплата', hint: 'Сума в рядку «Переплати й аванси», а не в постачальника. Перевірте, чи правильний номер рахунку і чи є нарахування для приміщення.' },
    en: { message: 'Account {account} paid {amount} but has no charges for {basis}: all of it is an overpayment', hint: 'The amount is on the “Overpayments and advances” line, not any provider’s. Check the account number and whether the premises has charges.' },
  },
  'SAL-4172': {
    severity: 'warning',
    resolvedBy: 'vendor',
    pl: { message: 'Usługa {service} wskazuje dostawcę {provider}, którego nie ma na liście dostawców', hint: 'Jej pieniądze są wykazane pod samym kodem dostawcy, bez nazwy, banku i rachunku. Uzupełnij dostawcę w systemie czynszowym.' },
    uk: { message: 'Послуга {service} вказує постачальника {provider}, якого немає в переліку постачальників', hint: 'Її кошти показано лише під кодом постачальника, без назви, банку й рахунку. Доповніть постачальника в обліковій системі.' },
    en: { message: 'Service {service} names provider {provider}, which is not in the list of providers', hint: 'Its money is listed under the provider code alone, without name, bank or account. Complete the provider in the accounting system.' },
  },
  'SAL-4173': {
    severity: 'warning',
    pl: { message: 'Pominięto {count} dopasowanych wpłat bankowych w walucie innej niż {expected}', hint: 'Zestawienie liczy tylko pieniądze w walucie księgowości. Sprawdź te wpłaty w module wyciągów bankowych.' },
    uk: { message: 'Пропущено {count} прив’язаних банківських платежів у валюті, відмінній від {expected}', hint: 'Звіт враховує лише кошти у валюті обліку. Перевірте ці платежі в модулі банківських виписок.' },
    en: { message: '{count} matched bank payments in a currency other than {expected} were left out', hint: 'The report counts only money in the accounts’ currency. Check those payments in the bank statements module.' },
  },
  'SAL-4174': {
    severity: 'error',
    pl: { message: 'Przebieg {runId} nie jest zestawieniem zebranych środków', hint: 'Wydrukuj zestawienie z przebiegu utworzonego przez „saldo report funds --period RRRR-MM” (albo utwórz nowy).' },
    uk: { message: 'Запуск {runId} не є звітом про зібрані кошти', hint: 'Надрукуйте звіт із запуску, створеного командою «saldo report funds --period РРРР-ММ» (або створіть новий).' },
    en: { message: 'Run {runId} is not a collected-funds run', hint: 'Print the report from a run made by “saldo report funds --period YYYY-MM” (or make a new one).' },
  },
  'SAL-4175': {
    severity: 'warning',
    pl: { message: 'Za {period} nie ma jeszcze naliczeń: pieniądze przypisano do naliczeń za {basis}', hint: 'Wpłaty z miesiąca przed naliczeniem spłacają ostatni wystawiony rachunek. Po naliczeniu {period} można utworzyć zestawienie ponownie.' },
    uk: { message: 'За {period} ще немає нарахувань: кошти віднесено до нарахувань за {basis}', hint: 'Оплати місяця до нарахування погашають останній виставлений рахунок. Після нарахування за {period} звіт можна створити знову.' },
    en: { message: '{period} has no charges yet: the money is allocated to the charges of {basis}', hint: 'Payments made before a month is billed pay the last bill issued. Once {period} is billed the report can be made again.' },
  },
  'SAL-4176': {
    severity: 'warning',
    pl: { message: 'Wpłaty konta {account} w miesiącu po zwrotach wynoszą {amount}', hint: 'Bank zwrócił więcej, niż lokal wpłacił w tym miesiącu (zwrot wcześniejszej wpłaty). Kwota pomniejsza wiersz „Nadpłaty i zaliczki”, nie pieniądze dostawców. Sprawdź zwrot w module wyciągów bankowych.' },
    uk: { message: 'Платежі рахунку {account} за місяць після повернень становлять {amount}', hint: 'Банк повернув більше, ніж приміщення сплатило цього місяця (повернення попереднього платежу). Сума зменшує рядок «Переплати й аванси», а не кошти постачальників. Перевірте повернення в модулі банківських виписок.' },
    en: { message: 'The payments of account {account} in the month come to {amount} after reversals', hint: 'The bank gave back more than the premises paid this month (a reversal of an earlier payment). The amount comes off the “Overpayments and advances” line, not the providers’ money. Check the reversal in the bank statements module.' },
  },
} satisfies Record<string, CatalogueEntry>;

export const ACCOUNTS_CATALOGUE = { ...PART_A, ...PART_B } satisfies Record<string, CatalogueEntry>;
