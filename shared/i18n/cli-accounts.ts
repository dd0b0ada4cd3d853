// CLI strings of the portal accounts feature, merged into CLI_TEXT (shared/i18n/cli.ts).
// Part A (portal accounts, registrations) and part B (payments, funds) keep their own blocks.

import type { FeatureText, Localized } from './feature';

// ---- Part A: portal accounts and registrations ----
const enA = {
  paBuildingOrAccounts: 'give --building or --accounts, not both',
  paSelected: 'Premises chosen: {selected}',
  paIssued: 'Activation codes issued: {issued} (of them re-issued {reissued}) · refused by the portal: {rejected}',
  paSkipped: 'Left out: already registered {registered} · live code kept {live} · not portal-enabled, closed or duplicated {notEligible}',
  paLetters: 'Letters ({language}): {file}',
  paKeepSafe: 'The file holds live activation codes and is their only copy: print it, hand out the letters, then delete it.',
  paNoLetters: 'No letters were written.',
  rgSummary: 'Read {read} (processed before {repeated}) · registered {inserted} · already registered {already} · unregistered {deleted} · unregistered, not registered {absent} · rejected {rejected}',
  rgAcks: 'Acknowledged to the portal: {acknowledged} · still owed: {pending}',
} satisfies Record<string, string>;
const plA: Localized<typeof enA> = {
  paBuildingOrAccounts: 'podaj --building albo --accounts, nie oba',
  paSelected: 'Wybrane lokale: {selected}',
  paIssued: 'Wydane kody aktywacyjne: {issued} (w tym ponownie {reissued}) · odrzucone przez portal: {rejected}',
  paSkipped: 'Pominięte: już zarejestrowane {registered} · ważny kod pozostawiony {live} · bez „WWW”, zamknięte lub zdublowane {notEligible}',
  paLetters: 'Listy ({language}): {file}',
  paKeepSafe: 'Plik zawiera ważne kody aktywacyjne i jest ich jedyną kopią: wydrukuj go, przekaż listy, a potem usuń plik.',
  paNoLetters: 'Nie zapisano żadnych listów.',
  rgSummary: 'Odczytano {read} (przetworzone wcześniej {repeated}) · zarejestrowane {inserted} · już zarejestrowane {already} · wyrejestrowane {deleted} · wyrejestrowane, niezarejestrowane {absent} · odrzucone {rejected}',
  rgAcks: 'Potwierdzone portalowi: {acknowledged} · do potwierdzenia: {pending}',
};
const ukA: Localized<typeof enA> = {
  paBuildingOrAccounts: 'вкажіть --building або --accounts, не обидва',
  paSelected: 'Вибрані приміщення: {selected}',
  paIssued: 'Видано кодів активації: {issued} (з них повторно {reissued}) · відхилено порталом: {rejected}',
  paSkipped: 'Пропущено: уже зареєстровані {registered} · залишено чинний код {live} · без «WWW», закриті або дубльовані {notEligible}',
  paLetters: 'Листи ({language}): {file}',
  paKeepSafe: 'Файл містить чинні коди активації і є їхньою єдиною копією: надрукуйте його, роздайте листи, а потім видаліть файл.',
  paNoLetters: 'Жодного листа не записано.',
  rgSummary: 'Прочитано {read} (оброблені раніше {repeated}) · зареєстровано {inserted} · уже зареєстровані {already} · скасовано {deleted} · скасовано, не зареєстровані {absent} · відхилено {rejected}',
  rgAcks: 'Підтверджено порталу: {acknowledged} · ще не підтверджено: {pending}',
};
// ---- end of part A ----

// ---- Part B: portal payments and collected funds ----
const enB = {
  payRunLine: 'Run {runId} (portal payments): {status}',
  payCounts: 'Read {read} · booked {booked} ({written} now, {already} found booked) · not booked {rejected} · repeated payment ids {duplicates}',
  payAmount: 'Booked in accounting: {amount}',
  payAcks: 'Acknowledged to the portal: {acknowledged} · still owed: {pending}',
  payNotBooked: 'Not booked (payment id, account, amount, code):',
  payNotBookedMore: '  … and {count} more (the window lists them all)',
  fundsRunOrPeriod: 'give --period (a new collected-funds run for that month) or --run (an existing one), not both',
  fundsOnly: '--period and --csv are for the funds report only',
  reportRunRequired: 'give --run <id>: the run whose report to print',
  fundsRunLine: 'Run {runId} (collected funds, {period}): {status}',
  fundsBasisLine: 'Money collected in {period}, allocated to the charges of {basis}',
  fundsTotals: 'Collected {collected} (portal {portal}, bank {bank}) · overpayments and advances {overpayment}',
  fundsOverpayment: 'Overpayments and advances',
  fundsSavedCsv: 'CSV saved: {file}',
  paySeverity_warning: 'Warning',
  paySeverity_review: 'To review',
} satisfies Record<string, string>;
const plB: Localized<typeof enB> = {
  payRunLine: 'Przebieg {runId} (płatności z portalu): {status}',
  payCounts: 'Odczytano {read} · zaksięgowano {booked} ({written} teraz, {already} zaksięgowane wcześniej) · niezaksięgowane {rejected} · powtórzone identyfikatory {duplicates}',
  payAmount: 'Zaksięgowano w księgowości: {amount}',
  payAcks: 'Potwierdzono portalowi: {acknowledged} · do wysłania: {pending}',
  payNotBooked: 'Niezaksięgowane (identyfikator płatności, konto, kwota, kod):',
  payNotBookedMore: '  … i {count} więcej (okno programu pokazuje wszystkie)',
  fundsRunOrPeriod: 'podaj --period (nowe zestawienie zebranych środków za miesiąc) albo --run (istniejące), nie oba',
  fundsOnly: '--period i --csv dotyczą tylko zestawienia zebranych środków (funds)',
  reportRunRequired: 'podaj --run <nr>: przebieg, którego raport wydrukować',
  fundsRunLine: 'Przebieg {runId} (zebrane środki, {period}): {status}',
  fundsBasisLine: 'Pieniądze zebrane w {period}, przypisane do naliczeń za {basis}',
  fundsTotals: 'Zebrano {collected} (portal {portal}, bank {bank}) · nadpłaty i zaliczki {overpayment}',
  fundsOverpayment: 'Nadpłaty i zaliczki',
  fundsSavedCsv: 'Zapisano CSV: {file}',
  paySeverity_warning: 'Ostrzeżenie',
  paySeverity_review: 'Do sprawdzenia',
};
const ukB: Localized<typeof enB> = {
  payRunLine: 'Запуск {runId} (платежі через портал): {status}',
  payCounts: 'Прочитано {read} · проведено {booked} ({written} зараз, {already} проведено раніше) · не проведено {rejected} · повторені ідентифікатори {duplicates}',
  payAmount: 'Проведено в обліку: {amount}',
  payAcks: 'Підтверджено порталу: {acknowledged} · ще не надіслано: {pending}',
  payNotBooked: 'Не проведено (ідентифікатор платежу, рахунок, сума, код):',
  payNotBookedMore: '  … і ще {count} (вікно програми показує всі)',
  fundsRunOrPeriod: 'вкажіть --period (новий звіт про зібрані кошти за місяць) або --run (наявний), не обидва',
  fundsOnly: '--period і --csv стосуються лише звіту про зібрані кошти (funds)',
  reportRunRequired: 'вкажіть --run <номер>: запуск, звіт якого надрукувати',
  fundsRunLine: 'Запуск {runId} (зібрані кошти, {period}): {status}',
  fundsBasisLine: 'Кошти зібрано в {period}, віднесено до нарахувань за {basis}',
  fundsTotals: 'Зібрано {collected} (портал {portal}, банк {bank}) · переплати й аванси {overpayment}',
  fundsOverpayment: 'Переплати й аванси',
  fundsSavedCsv: 'CSV збережено: {file}',
  paySeverity_warning: 'Попередження',
  paySeverity_review: 'На перевірку',
};
// ---- end of part B ----

// ---- merged ----
const en = { ...enA, ...enB } satisfies Record<string, string>;

export const ACCOUNTS_CLI: FeatureText<typeof en> = { en, pl: { ...plA, ...plB }, uk: { ...ukA, ...ukB } };
