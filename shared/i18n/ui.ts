// The UI string catalogue: every user-visible string in the renderer comes from here. `en` defines
// the keys; `pl` and `uk` must have exactly the same keys (a missing translation is a type error).
// Placeholders are written {name}. Plural entries hold CLDR plural forms chosen with
// Intl.PluralRules: en needs one/other, pl and uk need one/few/many/other ("other" is used for
// fractions). Terms follow shared/i18n/reports.ts so the screen and the printed report agree.

import type { Locale } from '../domain/types';

export interface PluralForms {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

const en = {
  // ---- application ----
  appName: 'Saldo',
  appTagline: 'operator console',
  loading: 'Loading…',
  startFailed: 'Saldo could not read its settings.',
  retry: 'Try again',
  dismiss: 'Dismiss',
  whatToDo: 'What to do',
  notAvailableYet: 'Not available in this version yet',
  none: '—',

  // ---- header and language ----
  languageSwitch: 'Interface language',
  sections: 'Sections',

  // ---- tabs ----
  tab_www: 'Data to WWW',
  tab_readings: 'Meter readings',
  tab_bank: 'Bank statements',
  tab_journal: 'Journal',
  tab_settings: 'Settings',

  // ---- status bar ----
  statusBar: 'Status',
  sb_source: 'Accounting source',
  sb_portal: 'Portal',
  sb_operator: 'Operator',
  sb_language: 'Language',
  connected: 'connected',
  notConnected: 'not connected',
  sourceKind_sqlite: 'SQLite demo database',
  sourceKind_mssql: 'Microsoft SQL Server',
  sourceKindShort_sqlite: 'SQLite demo',
  sourceKindShort_mssql: 'SQL Server',
  transport_folder: 'exchange folder',
  transport_https: 'HTTPS API',

  // ---- roles ----
  role_administrator: 'Administrator',
  role_operator: 'Operator',
  role_auditor: 'Auditor',

  // ---- permissions ----
  perm_source_read: 'Read the accounting source',
  perm_exchange_run: 'Send to and receive from the portal',
  perm_readings_process: 'Process meter readings',
  perm_bank_process: 'Process bank statements',
  perm_journal_read: 'Read the run journal',
  perm_reports_print: 'Print reports and save PDF',
  perm_audit_read: 'Read the audit log',
  perm_settings_manage: 'Manage settings',
  perm_operators_manage: 'Manage operators',

  // ---- severities ----
  severity_error: 'Error',
  severity_review: 'For review',
  severity_warning: 'Warning',

  // ---- run statuses (DESIGN.md §5) ----
  status_running: 'Running',
  status_completed: 'Completed',
  status_stopped: 'Stopped',
  status_cancelled: 'Cancelled',
  status_failed: 'Failed',

  // ---- run kinds and modes ----
  kind_source_check: 'Source data check',
  kind_cycle: 'Exchange cycle',
  kind_www_send: 'Data to WWW',
  kind_readings_import: 'Meter readings import',
  kind_bank_process: 'Bank statements',
  mode_full: 'Full (send all)',
  mode_partial: 'Partial (send selected)',
  mode_changed: 'Changed only',

  // ---- categories (count keys) ----
  cat_accounts: 'Accounts',
  cat_services: 'Services',
  cat_providers: 'Service providers',
  cat_residents: 'Residents',
  cat_beneficiaries: 'Beneficiaries',
  cat_balances: 'Balances',
  cat_charges: 'Charges',
  cat_meters: 'Meters',
  cat_meter_readings: 'Meter readings',
  cat_notices: 'Notices',

  // ---- money totals ----
  total_charges_total: 'Charges for the period',
  total_closing_balance_total: 'Closing balance',
  total_opening_balance_total: 'Opening balance',
  total_payments_total: 'Payments',

  // ---- Data to WWW ----
  www_heading: 'Check the source data for the portal',
  www_intro: 'Choose the month and check what the accounting source would export to the residents’ portal: every exchange procedure is read and each row is checked against the exchange contract.',
  www_month: 'Month',
  www_noPeriods: 'The accounting source has no months with data.',
  www_check: 'Check source data',
  www_cancel: 'Cancel',
  www_cancelling: 'Cancelling…',
  www_progressLabel: 'Progress of the check',
  www_step: 'Step',
  www_records: 'Records',
  www_starting: 'Starting…',
  www_sendNote: 'Sending to the portal arrives with the Data-to-WWW feature. This version only checks the data; nothing is sent to the portal yet.',
  www_noPermission: 'Your role does not allow reading the accounting source.',
  www_resultHeading: 'Result of the check — {period}',
  www_run: 'Run no. {id}',
  www_category: 'Category',
  www_count: 'Records',
  www_totalsItem: 'Item',
  www_totalsValue: 'Amount',
  www_allRecords: 'All records',
  www_noProblems: 'No problems found.',
  www_openJournal: 'Open in the Journal',
  www_errors: { one: '{count} error', other: '{count} errors' },
  www_problems: { one: '{count} problem — listed in the Journal', other: '{count} problems — listed in the Journal' },

  // ---- empty features ----
  readings_heading: 'Meter readings',
  readings_empty: 'Importing and checking meter readings is not available in this version yet.',
  readings_more: 'This tab will import the readings residents enter on the portal and the radio readings from the reading operator, check them against the consumption norms and the previous readings, and print reports of accepted and rejected readings.',
  bank_heading: 'Bank statements',
  bank_empty: 'Processing bank statements is not available in this version yet.',
  bank_more: 'This tab will turn statements downloaded from e-banking (MT940, camt.053, 1C) into files the accounting system accepts, split into residential and commercial premises.',

  // ---- Journal ----
  journal_heading: 'Run journal',
  journal_refresh: 'Refresh',
  journal_runs: { one: '{count} run', other: '{count} runs' },
  journal_empty: 'No runs yet. Every check and exchange is recorded here.',
  journal_noPermission: 'Your role does not allow reading the journal.',
  journal_table: 'Runs, newest first',
  col_no: 'No.',
  col_started: 'Started',
  col_operator: 'Operator',
  col_kind: 'Kind',
  col_period: 'Period',
  col_status: 'Status',
  col_duration: 'Duration',
  col_records: 'Records',
  col_problems: 'Problems',
  journal_selectHint: 'Select a run to see its details.',
  journal_details: 'Run no. {id}',
  journal_finished: 'Finished',
  journal_mode: 'Mode',
  journal_counts: 'Records processed',
  journal_totals: 'Amounts',
  journal_problems: 'Problems',
  journal_problemsShown: 'Showing {shown} of {total}; the printed report lists them all.',
  journal_noProblems: 'No problems were recorded.',
  journal_print: 'Print',
  journal_savePdf: 'Save PDF',
  journal_working: 'Working…',
  journal_pdfSaved: 'PDF saved:',
  journal_printed: 'Sent to the printer.',
  journal_printCancelled: 'Printing was cancelled.',
  problem_code: 'Code',
  problem_severity: 'Severity',
  problem_key: 'Record',
  problem_message: 'Message',
  problem_hint: 'What to do',

  // ---- Settings ----
  settings_heading: 'Settings',
  settings_readOnly: 'This page is read-only. Editing connections, operators and their roles arrives with the operators and security feature.',
  settings_organisation: 'Organisation',
  settings_name: 'Name',
  settings_address: 'Address',
  settings_taxId: 'Tax ID',
  settings_source: 'Accounting source',
  settings_portal: 'Residents’ portal',
  settings_kind: 'Type',
  settings_connection: 'Connection',
  settings_state: 'State',
  settings_operator: 'Operator',
  settings_login: 'Login',
  settings_role: 'Role',
  settings_permissions: 'Permissions',
  settings_language: 'Language',
  settings_languageNote: 'Change it with the switch in the top right corner; the choice is saved.',
  settings_version: 'Version',

  // ---- duration units ----
  unit_hour: 'h',
  unit_minute: 'min',
  unit_second: 's',
} satisfies Record<string, string | PluralForms>;

export type UiKey = keyof typeof en;
/** Keys whose value is a plural entry. */
export type UiPluralKey = { [K in UiKey]: (typeof en)[K] extends string ? never : K }[UiKey];
/** Keys whose value is a plain string. */
export type UiStringKey = Exclude<UiKey, UiPluralKey>;

/** The shape every translation must have: same keys; plurals with all Slavic forms. */
export type UiStrings = { [K in UiKey]: (typeof en)[K] extends string ? string : Required<PluralForms> };

const pl: UiStrings = {
  appName: 'Saldo',
  appTagline: 'konsola operatora',
  loading: 'Wczytywanie…',
  startFailed: 'Saldo nie może odczytać swoich ustawień.',
  retry: 'Spróbuj ponownie',
  dismiss: 'Zamknij',
  whatToDo: 'Co zrobić',
  notAvailableYet: 'Jeszcze niedostępne w tej wersji',
  none: '—',

  languageSwitch: 'Język interfejsu',
  sections: 'Sekcje',

  tab_www: 'Dane do WWW',
  tab_readings: 'Odczyty liczników',
  tab_bank: 'Wyciągi bankowe',
  tab_journal: 'Dziennik',
  tab_settings: 'Ustawienia',

  statusBar: 'Stan',
  sb_source: 'Źródło księgowe',
  sb_portal: 'Portal',
  sb_operator: 'Operator',
  sb_language: 'Język',
  connected: 'połączono',
  notConnected: 'brak połączenia',
  sourceKind_sqlite: 'demonstracyjna baza SQLite',
  sourceKind_mssql: 'Microsoft SQL Server',
  sourceKindShort_sqlite: 'SQLite (demo)',
  sourceKindShort_mssql: 'SQL Server',
  transport_folder: 'folder wymiany',
  transport_https: 'API HTTPS',

  role_administrator: 'Administrator',
  role_operator: 'Operator',
  role_auditor: 'Audytor',

  perm_source_read: 'Odczyt źródła księgowego',
  perm_exchange_run: 'Wysyłanie na portal i pobieranie z portalu',
  perm_readings_process: 'Przetwarzanie odczytów liczników',
  perm_bank_process: 'Przetwarzanie wyciągów bankowych',
  perm_journal_read: 'Przeglądanie dziennika przebiegów',
  perm_reports_print: 'Drukowanie raportów i zapis PDF',
  perm_audit_read: 'Przeglądanie dziennika audytu',
  perm_settings_manage: 'Zarządzanie ustawieniami',
  perm_operators_manage: 'Zarządzanie operatorami',

  severity_error: 'Błąd',
  severity_review: 'Do weryfikacji',
  severity_warning: 'Ostrzeżenie',

  status_running: 'W toku',
  status_completed: 'Zakończony',
  status_stopped: 'Zatrzymany',
  status_cancelled: 'Anulowany',
  status_failed: 'Nieudany',

  kind_source_check: 'Sprawdzenie danych źródłowych',
  kind_cycle: 'Cykl wymiany',
  kind_www_send: 'Dane do WWW',
  kind_readings_import: 'Import odczytów liczników',
  kind_bank_process: 'Wyciągi bankowe',
  mode_full: 'Pełny (wyślij wszystko)',
  mode_partial: 'Częściowy (wyślij wybrane)',
  mode_changed: 'Tylko zmienione',

  cat_accounts: 'Konta lokali',
  cat_services: 'Usługi',
  cat_providers: 'Dostawcy usług',
  cat_residents: 'Mieszkańcy',
  cat_beneficiaries: 'Uprawnieni do ulg',
  cat_balances: 'Salda',
  cat_charges: 'Naliczenia',
  cat_meters: 'Liczniki',
  cat_meter_readings: 'Odczyty liczników',
  cat_notices: 'Komunikaty',

  total_charges_total: 'Naliczenia za okres',
  total_closing_balance_total: 'Saldo końcowe',
  total_opening_balance_total: 'Saldo początkowe',
  total_payments_total: 'Wpłaty',

  www_heading: 'Sprawdzenie danych źródłowych dla portalu',
  www_intro: 'Wybierz miesiąc i sprawdź, co baza księgowa wyeksportuje na portal mieszkańców: odczytywana jest każda procedura wymiany, a każdy wiersz jest sprawdzany z kontraktem wymiany.',
  www_month: 'Miesiąc',
  www_noPeriods: 'Baza księgowa nie zawiera danych za żaden miesiąc.',
  www_check: 'Sprawdź dane źródłowe',
  www_cancel: 'Anuluj',
  www_cancelling: 'Anulowanie…',
  www_progressLabel: 'Postęp sprawdzania',
  www_step: 'Etap',
  www_records: 'Rekordy',
  www_starting: 'Uruchamianie…',
  www_sendNote: 'Wysyłanie na portal pojawi się wraz z funkcją „Dane do WWW”. Ta wersja tylko sprawdza dane; nic nie jest jeszcze wysyłane na portal.',
  www_noPermission: 'Twoja rola nie pozwala na odczyt źródła księgowego.',
  www_resultHeading: 'Wynik sprawdzenia — {period}',
  www_run: 'Przebieg nr {id}',
  www_category: 'Kategoria',
  www_count: 'Liczba rekordów',
  www_totalsItem: 'Pozycja',
  www_totalsValue: 'Kwota',
  www_allRecords: 'Razem rekordów',
  www_noProblems: 'Nie znaleziono problemów.',
  www_openJournal: 'Pokaż w Dzienniku',
  www_errors: { one: '{count} błąd', few: '{count} błędy', many: '{count} błędów', other: '{count} błędu' },
  www_problems: {
    one: '{count} problem — lista w Dzienniku',
    few: '{count} problemy — lista w Dzienniku',
    many: '{count} problemów — lista w Dzienniku',
    other: '{count} problemu — lista w Dzienniku',
  },

  readings_heading: 'Odczyty liczników',
  readings_empty: 'Import i weryfikacja odczytów liczników nie są jeszcze dostępne w tej wersji.',
  readings_more: 'Ta zakładka zaimportuje odczyty wprowadzone przez mieszkańców na portalu oraz odczyty radiowe od firmy odczytowej, sprawdzi je z normami zużycia i poprzednimi odczytami oraz wydrukuje raporty odczytów przyjętych i odrzuconych.',
  bank_heading: 'Wyciągi bankowe',
  bank_empty: 'Przetwarzanie wyciągów bankowych nie jest jeszcze dostępne w tej wersji.',
  bank_more: 'Ta zakładka przetworzy wyciągi pobrane z bankowości elektronicznej (MT940, camt.053, 1C) na pliki przyjmowane przez system czynszowy, z podziałem na lokale mieszkalne i użytkowe.',

  journal_heading: 'Dziennik przebiegów',
  journal_refresh: 'Odśwież',
  journal_runs: { one: '{count} przebieg', few: '{count} przebiegi', many: '{count} przebiegów', other: '{count} przebiegu' },
  journal_empty: 'Brak przebiegów. Każde sprawdzenie i każda wymiana zostaną tu zapisane.',
  journal_noPermission: 'Twoja rola nie pozwala na przeglądanie dziennika.',
  journal_table: 'Przebiegi, od najnowszego',
  col_no: 'Nr',
  col_started: 'Rozpoczęcie',
  col_operator: 'Operator',
  col_kind: 'Rodzaj',
  col_period: 'Okres',
  col_status: 'Status',
  col_duration: 'Czas trwania',
  col_records: 'Rekordy',
  col_problems: 'Problemy',
  journal_selectHint: 'Wybierz przebieg, aby zobaczyć szczegóły.',
  journal_details: 'Przebieg nr {id}',
  journal_finished: 'Zakończenie',
  journal_mode: 'Tryb',
  journal_counts: 'Przetworzone rekordy',
  journal_totals: 'Kwoty',
  journal_problems: 'Problemy',
  journal_problemsShown: 'Pokazano {shown} z {total}; pełna lista jest w drukowanym raporcie.',
  journal_noProblems: 'Nie odnotowano żadnych problemów.',
  journal_print: 'Drukuj',
  journal_savePdf: 'Zapisz PDF',
  journal_working: 'Trwa…',
  journal_pdfSaved: 'Zapisano PDF:',
  journal_printed: 'Wysłano do drukarki.',
  journal_printCancelled: 'Drukowanie anulowano.',
  problem_code: 'Kod',
  problem_severity: 'Waga',
  problem_key: 'Rekord',
  problem_message: 'Opis',
  problem_hint: 'Co zrobić',

  settings_heading: 'Ustawienia',
  settings_readOnly: 'Ta strona służy tylko do odczytu. Edycja połączeń, operatorów i ich ról pojawi się wraz z funkcją „Operatorzy i bezpieczeństwo”.',
  settings_organisation: 'Organizacja',
  settings_name: 'Nazwa',
  settings_address: 'Adres',
  settings_taxId: 'NIP',
  settings_source: 'Źródło księgowe',
  settings_portal: 'Portal mieszkańców',
  settings_kind: 'Rodzaj',
  settings_connection: 'Połączenie',
  settings_state: 'Stan',
  settings_operator: 'Operator',
  settings_login: 'Login',
  settings_role: 'Rola',
  settings_permissions: 'Uprawnienia',
  settings_language: 'Język',
  settings_languageNote: 'Zmień go przełącznikiem w prawym górnym rogu; wybór zostanie zapamiętany.',
  settings_version: 'Wersja',

  unit_hour: 'godz.',
  unit_minute: 'min',
  unit_second: 's',
};

const uk: UiStrings = {
  appName: 'Saldo',
  appTagline: 'консоль оператора',
  loading: 'Завантаження…',
  startFailed: 'Saldo не може прочитати свої налаштування.',
  retry: 'Спробувати ще раз',
  dismiss: 'Закрити',
  whatToDo: 'Що робити',
  notAvailableYet: 'У цій версії ще недоступно',
  none: '—',

  languageSwitch: 'Мова інтерфейсу',
  sections: 'Розділи',

  tab_www: 'Дані на WWW',
  tab_readings: 'Показники лічильників',
  tab_bank: 'Банківські виписки',
  tab_journal: 'Журнал',
  tab_settings: 'Налаштування',

  statusBar: 'Стан',
  sb_source: 'Облікове джерело',
  sb_portal: 'Портал',
  sb_operator: 'Оператор',
  sb_language: 'Мова',
  connected: 'з’єднано',
  notConnected: 'немає з’єднання',
  sourceKind_sqlite: 'демонстраційна база SQLite',
  sourceKind_mssql: 'Microsoft SQL Server',
  sourceKindShort_sqlite: 'SQLite (демо)',
  sourceKindShort_mssql: 'SQL Server',
  transport_folder: 'тека обміну',
  transport_https: 'API HTTPS',

  role_administrator: 'Адміністратор',
  role_operator: 'Оператор',
  role_auditor: 'Аудитор',

  perm_source_read: 'Читання облікового джерела',
  perm_exchange_run: 'Надсилання на портал і отримання з порталу',
  perm_readings_process: 'Обробка показників лічильників',
  perm_bank_process: 'Обробка банківських виписок',
  perm_journal_read: 'Перегляд журналу запусків',
  perm_reports_print: 'Друк звітів і збереження PDF',
  perm_audit_read: 'Перегляд журналу аудиту',
  perm_settings_manage: 'Керування налаштуваннями',
  perm_operators_manage: 'Керування операторами',

  severity_error: 'Помилка',
  severity_review: 'На перевірку',
  severity_warning: 'Попередження',

  status_running: 'Виконується',
  status_completed: 'Завершено',
  status_stopped: 'Зупинено',
  status_cancelled: 'Скасовано',
  status_failed: 'Помилка',

  kind_source_check: 'Перевірка вихідних даних',
  kind_cycle: 'Цикл обміну',
  kind_www_send: 'Дані на WWW',
  kind_readings_import: 'Імпорт показників лічильників',
  kind_bank_process: 'Банківські виписки',
  mode_full: 'Повний (надіслати все)',
  mode_partial: 'Частковий (надіслати вибране)',
  mode_changed: 'Лише змінені',

  cat_accounts: 'Особові рахунки',
  cat_services: 'Послуги',
  cat_providers: 'Постачальники послуг',
  cat_residents: 'Мешканці',
  cat_beneficiaries: 'Пільговики',
  cat_balances: 'Сальдо',
  cat_charges: 'Нарахування',
  cat_meters: 'Лічильники',
  cat_meter_readings: 'Показники лічильників',
  cat_notices: 'Повідомлення',

  total_charges_total: 'Нараховано за період',
  total_closing_balance_total: 'Сальдо на кінець періоду',
  total_opening_balance_total: 'Сальдо на початок періоду',
  total_payments_total: 'Оплати',

  www_heading: 'Перевірка вихідних даних для порталу',
  www_intro: 'Виберіть місяць і перевірте, що облікова база експортує на портал мешканців: читається кожна процедура обміну, а кожен рядок перевіряється на відповідність контракту обміну.',
  www_month: 'Місяць',
  www_noPeriods: 'В обліковій базі немає даних за жоден місяць.',
  www_check: 'Перевірити вихідні дані',
  www_cancel: 'Скасувати',
  www_cancelling: 'Скасування…',
  www_progressLabel: 'Перебіг перевірки',
  www_step: 'Етап',
  www_records: 'Записи',
  www_starting: 'Запуск…',
  www_sendNote: 'Надсилання на портал з’явиться разом із функцією «Дані на WWW». Ця версія лише перевіряє дані; на портал поки нічого не надсилається.',
  www_noPermission: 'Ваша роль не дозволяє читати облікове джерело.',
  www_resultHeading: 'Результат перевірки — {period}',
  www_run: 'Запуск № {id}',
  www_category: 'Категорія',
  www_count: 'Кількість записів',
  www_totalsItem: 'Позиція',
  www_totalsValue: 'Сума',
  www_allRecords: 'Усього записів',
  www_noProblems: 'Проблем не виявлено.',
  www_openJournal: 'Показати в журналі',
  www_errors: { one: '{count} помилка', few: '{count} помилки', many: '{count} помилок', other: '{count} помилки' },
  www_problems: {
    one: '{count} проблема — список у журналі',
    few: '{count} проблеми — список у журналі',
    many: '{count} проблем — список у журналі',
    other: '{count} проблеми — список у журналі',
  },

  readings_heading: 'Показники лічильників',
  readings_empty: 'Імпорт і перевірка показників лічильників у цій версії ще недоступні.',
  readings_more: 'Ця вкладка імпортуватиме показники, які мешканці вносять на порталі, та радіопоказники від компанії, що знімає показники, перевірятиме їх за нормами споживання й попередніми показниками та друкуватиме звіти про прийняті й відхилені показники.',
  bank_heading: 'Банківські виписки',
  bank_empty: 'Обробка банківських виписок у цій версії ще недоступна.',
  bank_more: 'Ця вкладка перетворюватиме виписки, завантажені з інтернет-банкінгу (MT940, camt.053, 1C), на файли, які приймає облікова система, з розподілом на житлові та нежитлові приміщення.',

  journal_heading: 'Журнал запусків',
  journal_refresh: 'Оновити',
  journal_runs: { one: '{count} запуск', few: '{count} запуски', many: '{count} запусків', other: '{count} запуску' },
  journal_empty: 'Запусків ще немає. Кожна перевірка й кожен обмін записуються сюди.',
  journal_noPermission: 'Ваша роль не дозволяє переглядати журнал.',
  journal_table: 'Запуски, від найновішого',
  col_no: '№',
  col_started: 'Початок',
  col_operator: 'Оператор',
  col_kind: 'Вид',
  col_period: 'Період',
  col_status: 'Статус',
  col_duration: 'Тривалість',
  col_records: 'Записи',
  col_problems: 'Проблеми',
  journal_selectHint: 'Виберіть запуск, щоб побачити подробиці.',
  journal_details: 'Запуск № {id}',
  journal_finished: 'Завершення',
  journal_mode: 'Режим',
  journal_counts: 'Оброблені записи',
  journal_totals: 'Суми',
  journal_problems: 'Проблеми',
  journal_problemsShown: 'Показано {shown} з {total}; повний перелік — у друкованому звіті.',
  journal_noProblems: 'Жодних проблем не зафіксовано.',
  journal_print: 'Друкувати',
  journal_savePdf: 'Зберегти PDF',
  journal_working: 'Виконується…',
  journal_pdfSaved: 'PDF збережено:',
  journal_printed: 'Надіслано на друк.',
  journal_printCancelled: 'Друк скасовано.',
  problem_code: 'Код',
  problem_severity: 'Важливість',
  problem_key: 'Запис',
  problem_message: 'Опис',
  problem_hint: 'Що робити',

  settings_heading: 'Налаштування',
  settings_readOnly: 'Ця сторінка лише для перегляду. Редагування з’єднань, операторів та їхніх ролей з’явиться разом із функцією «Оператори та безпека».',
  settings_organisation: 'Організація',
  settings_name: 'Назва',
  settings_address: 'Адреса',
  settings_taxId: 'Код ЄДРПОУ',
  settings_source: 'Облікове джерело',
  settings_portal: 'Портал мешканців',
  settings_kind: 'Тип',
  settings_connection: 'З’єднання',
  settings_state: 'Стан',
  settings_operator: 'Оператор',
  settings_login: 'Логін',
  settings_role: 'Роль',
  settings_permissions: 'Дозволи',
  settings_language: 'Мова',
  settings_languageNote: 'Змініть її перемикачем у правому верхньому куті; вибір зберігається.',
  settings_version: 'Версія',

  unit_hour: 'год',
  unit_minute: 'хв',
  unit_second: 'с',
};

export const UI_TEXT: { en: typeof en; pl: UiStrings; uk: UiStrings } = { en, pl, uk };

/** Each language's name in that language (what the language switch and status bar show). */
export const LANGUAGE_NAMES: Record<Locale, string> = { pl: 'Polski', uk: 'Українська', en: 'English' };

/** BCP 47 tags used with Intl (English in a European office: day-month-year, 24-hour clock). */
export const LOCALE_TAGS: Record<Locale, string> = { pl: 'pl-PL', uk: 'uk-UA', en: 'en-GB' };

export type Params = Record<string, string | number>;

export function fillText(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A plain UI string in `locale` with {placeholders} filled. */
export function uiText(locale: Locale, key: UiStringKey, params?: Params): string {
  return fillText((UI_TEXT[locale] as Record<UiStringKey, string>)[key], params);
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** The plural form of `forms` for `count` in `locale` (Intl.PluralRules), falling back to `other`. */
export function pluralForm(locale: Locale, forms: PluralForms, count: number): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALE_TAGS[locale]);
    pluralRules.set(locale, rules);
  }
  const cat = rules.select(count) as keyof PluralForms | 'zero' | 'two';
  return (cat === 'one' || cat === 'few' || cat === 'many' ? forms[cat] : undefined) ?? forms.other;
}

/**
 * A plural UI string for `count`; {count} is replaced by `countText` (the count already formatted
 * for the locale, e.g. "1 234") or the bare number.
 */
export function uiPlural(locale: Locale, key: UiPluralKey, count: number, countText?: string, params: Params = {}): string {
  const forms = (UI_TEXT[locale] as Record<UiPluralKey, PluralForms>)[key];
  return fillText(pluralForm(locale, forms, count), { ...params, count: countText ?? String(count) });
}

/** The label for a value under a prefix (e.g. 'cat_' + 'accounts'), or undefined when there is none. */
export function lookupUiText(locale: Locale, prefix: string, value: string): string | undefined {
  const key = `${prefix}${value.replace(/[.\-]/g, '_')}`;
  const table = UI_TEXT[locale] as Record<string, unknown>;
  const v = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
  return typeof v === 'string' ? v : undefined;
}
