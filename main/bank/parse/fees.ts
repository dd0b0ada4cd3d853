// Bank charges are told by the operation the bank names — the :86: subfield 00, mBank's lead text,
// the start of a CSV operation description, a 1C memorial order's purpose — never by a payer's
// title ("Opłata za czynsz" is rent, not a fee).

export const FEE_WORDS =
  /^\s*(?:\d{3}\s*)?(?:PROWIZJ|OPŁAT[AY]? (?:BANKOW|ZA PROW|ZA PRZELEW|ZA KART|ZA WYCI|MIESI)|OPLAT[AY]? (?:BANKOW|ZA PROW|ZA PRZELEW)|KOMISJ|COMMISSION|CHARGE|FEE\b|КОМІСІ|КОМИССИ|ПЛАТА ЗА (?:ОБСЛУГОВУВАННЯ|ОБСЛУЖИВАНИЕ|ВЕДЕННЯ|ВЕДЕНИЕ|РОЗРАХУНКОВО|РАСЧЕТНО))/i;

/** A money-out entry whose operation text names a bank charge. */
export function isFeeText(text: string | undefined, amount: number): boolean {
  return amount < 0 && text !== undefined && FEE_WORDS.test(text);
}
