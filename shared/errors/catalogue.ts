// The error catalogue (DESIGN.md §5): every problem has a stable code, a severity, and a message and
// a hint in every UI language. `resolvedBy` marks the codes an operator cannot fix alone, so the
// hint says whom to call (Amisgest's IMP-1005…1007 idea). Messages may hold {placeholders}.
// Ranges: SAL-1xxx data to WWW, 2xxx meter readings, 3xxx bank statements, 4xxx portal,
// 5xxx accounting database, 6xxx configuration and access, 9xxx internal.
// tests/unit/error-catalogue.test.ts fails when an entry lacks a language, a message or a hint.

import type { Severity } from '../domain/types';

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
  // ---- 9xxx internal ----
  'SAL-9001': {
    severity: 'error',
    resolvedBy: 'support',
    pl: { message: 'Błąd wewnętrzny: {detail}', hint: 'Zgłoś to pomocy technicznej i dołącz plik dziennika z katalogu logs.' },
    uk: { message: 'Внутрішня помилка: {detail}', hint: 'Зверніться до підтримки та додайте файл журналу з каталогу logs.' },
    en: { message: 'Internal error: {detail}', hint: 'Call support and attach the log file from the logs folder.' },
  },
} satisfies Record<string, CatalogueEntry>;

export type ErrorCode = keyof typeof CATALOGUE;
