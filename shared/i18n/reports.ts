// The report strings catalogue: every label printed on a report comes from here. `en` defines the
// keys; `pl` and `uk` must have exactly the same keys (a missing translation is a type error).
// Placeholders are written {name} and filled by reportText().
// Prefixed keys (status_*, severity_*, count_*, total_*, mode_*, runKind_*) are looked up by
// lookupReportText(); a value without a key prints as the raw value.

import type { Locale } from '../domain/types';

const en = {
  // ---- page furniture ----
  page: 'Page {page} of {pages}',
  printed: 'Printed',
  operator: 'Operator',
  period: 'Period',
  taxId: 'Tax ID',
  total: 'Total',
  subtotal: 'Subtotal',
  noData: 'No data.',
  generatedBy: 'Produced by Saldo',

  // ---- report kinds ----
  reportKind_runSummary: 'Run summary',

  // ---- run summary ----
  runSummaryTitle: 'Run summary no. {id}',
  runNumber: 'Run number',
  runKind: 'Kind',
  runStatus: 'Status',
  startedBy: 'Started by',
  started: 'Started',
  finished: 'Finished',
  duration: 'Duration',
  mode: 'Mode',
  countsHeading: 'Records processed',
  countsItem: 'Item',
  countsValue: 'Count',
  totalsHeading: 'Amounts',
  totalsItem: 'Item',
  totalsValue: 'Amount',
  problemsHeading: 'Problems',
  problemsNote: '{count} problem(s): {errors} error(s), {reviews} held for review, {warnings} warning(s).',
  problemCode: 'Code',
  problemSeverity: 'Severity',
  problemKey: 'Record',
  problemMessage: 'Message',
  problemHint: 'What to do',
  noProblems: 'No problems were recorded.',
  notFinished: 'not finished',

  // ---- duration units ----
  unitHour: 'h',
  unitMinute: 'min',
  unitSecond: 's',

  // ---- run statuses (DESIGN.md §5) ----
  status_running: 'Running',
  status_completed: 'Completed',
  status_stopped: 'Stopped',
  status_cancelled: 'Cancelled',
  status_failed: 'Failed',

  // ---- severities ----
  severity_error: 'error',
  severity_review: 'review',
  severity_warning: 'warning',

  // ---- run modes ----
  auditTitle: 'Audit log',
  auditEntries: 'Entries',
  auditRange: 'From – to',
  auditHeading: 'Who did what and when',
  auditAt: 'When',
  auditOperator: 'Operator',
  auditAction: 'Action',
  auditTarget: 'Object',
  auditDetail: 'Details',
  'action_session.signIn': 'Signed in',
  'action_session.signIn.failed': 'Failed sign-in',
  'action_session.signIn.locked': 'Sign-in refused: account locked',
  'action_session.signOut': 'Signed out',
  'action_operators.setupAdmin': 'Administrator set up',
  'action_operators.add': 'Operator added',
  'action_operators.update': 'Operator changed',
  'action_settings.change': 'Setting changed',
  'action_report.save': 'Report saved as PDF',
  'action_report.print': 'Report printed',
  'action_run.start': 'Run started',
  'action_run.finish': 'Run finished',
  'action_links.open': 'External link opened',
  'action_demo.init': 'Demo workspace created',
  'action_secrets.set': 'Secret stored',
  'action_secrets.delete': 'Secret deleted',
  'action_profiles.test': 'Connection tested',
  runKind_cycle: 'Exchange cycle',
  'runKind_source-check': 'Accounting source check',
  mode_full: 'Full (send all)',
  mode_partial: 'Partial (send selected)',
  mode_changed: 'Changed only',

  // ---- count keys (categories and readings) ----
  count_accounts: 'Accounts',
  count_services: 'Services',
  count_providers: 'Service providers',
  count_residents: 'Residents',
  count_beneficiaries: 'Beneficiaries (benefit holders)',
  count_balances: 'Balances',
  count_charges: 'Charges',
  count_meters: 'Meters',
  count_meter_readings: 'Meter readings',
  count_notices: 'Notices',

  // ---- money total keys ----
  total_charges_total: 'Charges for the period',
  total_closing_balance_total: 'Closing balance',
  total_payments_total: 'Payments',
};

export type ReportTextKey = keyof typeof en;
type ReportStrings = Record<ReportTextKey, string>;

const pl: ReportStrings = {
  page: 'Strona {page} z {pages}',
  printed: 'Wydrukowano',
  operator: 'Operator',
  period: 'Okres',
  taxId: 'NIP',
  total: 'Ogółem',
  subtotal: 'Razem',
  noData: 'Brak danych.',
  generatedBy: 'Wygenerowano w programie Saldo',

  reportKind_runSummary: 'Podsumowanie przebiegu',

  runSummaryTitle: 'Podsumowanie przebiegu nr {id}',
  runNumber: 'Numer przebiegu',
  runKind: 'Rodzaj',
  runStatus: 'Status',
  startedBy: 'Uruchomiony przez',
  started: 'Rozpoczęcie',
  finished: 'Zakończenie',
  duration: 'Czas trwania',
  mode: 'Tryb',
  countsHeading: 'Przetworzone rekordy',
  countsItem: 'Pozycja',
  countsValue: 'Liczba',
  totalsHeading: 'Kwoty',
  totalsItem: 'Pozycja',
  totalsValue: 'Kwota',
  problemsHeading: 'Problemy',
  problemsNote: 'Problemów: {count}, w tym błędów: {errors}, do weryfikacji: {reviews}, ostrzeżeń: {warnings}.',
  problemCode: 'Kod',
  problemSeverity: 'Waga',
  problemKey: 'Rekord',
  problemMessage: 'Opis',
  problemHint: 'Co zrobić',
  noProblems: 'Nie odnotowano żadnych problemów.',
  notFinished: 'nie zakończono',

  unitHour: 'godz.',
  unitMinute: 'min',
  unitSecond: 's',

  status_running: 'W toku',
  status_completed: 'Zakończony',
  status_stopped: 'Zatrzymany',
  status_cancelled: 'Anulowany',
  status_failed: 'Nieudany',

  severity_error: 'błąd',
  severity_review: 'do weryfikacji',
  severity_warning: 'ostrzeżenie',

  auditTitle: 'Dziennik audytu',
  auditEntries: 'Wpisy',
  auditRange: 'Od – do',
  auditHeading: 'Kto, co i kiedy zrobił',
  auditAt: 'Kiedy',
  auditOperator: 'Operator',
  auditAction: 'Czynność',
  auditTarget: 'Obiekt',
  auditDetail: 'Szczegóły',
  'action_session.signIn': 'Zalogowanie',
  'action_session.signIn.failed': 'Nieudane logowanie',
  'action_session.signIn.locked': 'Odmowa logowania: konto zablokowane',
  'action_session.signOut': 'Wylogowanie',
  'action_operators.setupAdmin': 'Utworzenie administratora',
  'action_operators.add': 'Dodanie operatora',
  'action_operators.update': 'Zmiana operatora',
  'action_settings.change': 'Zmiana ustawienia',
  'action_report.save': 'Zapis raportu do PDF',
  'action_report.print': 'Wydruk raportu',
  'action_run.start': 'Rozpoczęcie przebiegu',
  'action_run.finish': 'Zakończenie przebiegu',
  'action_links.open': 'Otwarcie odnośnika zewnętrznego',
  'action_demo.init': 'Utworzenie obszaru demo',
  'action_secrets.set': 'Zapisanie sekretu',
  'action_secrets.delete': 'Usunięcie sekretu',
  'action_profiles.test': 'Test połączenia',
  runKind_cycle: 'Cykl wymiany',
  'runKind_source-check': 'Kontrola danych księgowych',
  mode_full: 'Pełny (wyślij wszystko)',
  mode_partial: 'Częściowy (wyślij wybrane)',
  mode_changed: 'Tylko zmienione',

  count_accounts: 'Konta lokali',
  count_services: 'Usługi',
  count_providers: 'Dostawcy usług',
  count_residents: 'Mieszkańcy',
  count_beneficiaries: 'Osoby uprawnione do ulg',
  count_balances: 'Salda',
  count_charges: 'Naliczenia',
  count_meters: 'Liczniki',
  count_meter_readings: 'Odczyty liczników',
  count_notices: 'Komunikaty',

  total_charges_total: 'Naliczenia za okres',
  total_closing_balance_total: 'Saldo końcowe',
  total_payments_total: 'Wpłaty',
};

const uk: ReportStrings = {
  page: 'Сторінка {page} з {pages}',
  printed: 'Надруковано',
  operator: 'Оператор',
  period: 'Період',
  taxId: 'Код ЄДРПОУ',
  total: 'Усього',
  subtotal: 'Разом',
  noData: 'Немає даних.',
  generatedBy: 'Створено програмою Saldo',

  reportKind_runSummary: 'Підсумок запуску',

  runSummaryTitle: 'Підсумок запуску № {id}',
  runNumber: 'Номер запуску',
  runKind: 'Вид',
  runStatus: 'Статус',
  startedBy: 'Ініціатор',
  started: 'Початок',
  finished: 'Завершення',
  duration: 'Тривалість',
  mode: 'Режим',
  countsHeading: 'Оброблені записи',
  countsItem: 'Позиція',
  countsValue: 'Кількість',
  totalsHeading: 'Суми',
  totalsItem: 'Позиція',
  totalsValue: 'Сума',
  problemsHeading: 'Проблеми',
  problemsNote: 'Проблем: {count}, з них помилок: {errors}, на перевірку: {reviews}, попереджень: {warnings}.',
  problemCode: 'Код',
  problemSeverity: 'Важливість',
  problemKey: 'Запис',
  problemMessage: 'Опис',
  problemHint: 'Що робити',
  noProblems: 'Жодних проблем не зафіксовано.',
  notFinished: 'не завершено',

  unitHour: 'год',
  unitMinute: 'хв',
  unitSecond: 'с',

  status_running: 'Виконується',
  status_completed: 'Завершено',
  status_stopped: 'Зупинено',
  status_cancelled: 'Скасовано',
  status_failed: 'Помилка',

  severity_error: 'помилка',
  severity_review: 'на перевірку',
  severity_warning: 'попередження',

  auditTitle: 'Журнал аудиту',
  auditEntries: 'Записи',
  auditRange: 'Від – до',
  auditHeading: 'Хто, що і коли зробив',
  auditAt: 'Коли',
  auditOperator: 'Оператор',
  auditAction: 'Дія',
  auditTarget: 'Об’єкт',
  auditDetail: 'Подробиці',
  'action_session.signIn': 'Вхід',
  'action_session.signIn.failed': 'Невдалий вхід',
  'action_session.signIn.locked': 'Вхід відхилено: обліковий запис заблоковано',
  'action_session.signOut': 'Вихід',
  'action_operators.setupAdmin': 'Налаштування адміністратора',
  'action_operators.add': 'Додано оператора',
  'action_operators.update': 'Змінено оператора',
  'action_settings.change': 'Змінено налаштування',
  'action_report.save': 'Звіт збережено в PDF',
  'action_report.print': 'Звіт надруковано',
  'action_run.start': 'Запуск розпочато',
  'action_run.finish': 'Запуск завершено',
  'action_links.open': 'Відкрито зовнішнє посилання',
  'action_demo.init': 'Створено демо-простір',
  'action_secrets.set': 'Секрет збережено',
  'action_secrets.delete': 'Секрет видалено',
  'action_profiles.test': 'Перевірка з’єднання',
  runKind_cycle: 'Цикл обміну',
  'runKind_source-check': 'Перевірка облікових даних',
  mode_full: 'Повний (надіслати все)',
  mode_partial: 'Частковий (надіслати вибране)',
  mode_changed: 'Лише змінені',

  count_accounts: 'Особові рахунки',
  count_services: 'Послуги',
  count_providers: 'Постачальники послуг',
  count_residents: 'Мешканці',
  count_beneficiaries: 'Пільговики',
  count_balances: 'Сальдо',
  count_charges: 'Нарахування',
  count_meters: 'Лічильники',
  count_meter_readings: 'Показники лічильників',
  count_notices: 'Повідомлення',

  total_charges_total: 'Нараховано за період',
  total_closing_balance_total: 'Сальдо на кінець періоду',
  total_payments_total: 'Оплати',
};

export const REPORT_TEXT: Record<Locale, ReportStrings> & { en: typeof en; pl: ReportStrings; uk: ReportStrings } = {
  en,
  pl,
  uk,
};

/** A report label in `locale`, with {placeholders} filled from `params`. */
export function reportText(locale: Locale, key: ReportTextKey, params: Record<string, string | number> = {}): string {
  const template = REPORT_TEXT[locale][key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The label for a value under a prefix (e.g. 'count_' + 'accounts'), or undefined when there is none. */
export function lookupReportText(locale: Locale, prefix: string, value: string): string | undefined {
  const key = `${prefix}${value}`;
  const table = REPORT_TEXT[locale] as Record<string, string>;
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
