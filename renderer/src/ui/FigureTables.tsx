import { useT } from '../i18n';

/** Counts per category, known categories first in the exchange order, then any others. */
const ORDER = ['accounts', 'services', 'providers', 'residents', 'beneficiaries', 'balances', 'charges', 'meters', 'meter_readings', 'notices'];

export function orderedEntries<T>(rec: Record<string, T>): [string, T][] {
  return Object.entries(rec).sort(([a], [b]) => {
    const ia = ORDER.indexOf(a);
    const ib = ORDER.indexOf(b);
    return (ia < 0 ? 999 : ia) - (ib < 0 ? 999 : ib) || a.localeCompare(b);
  });
}

export function CountsTable({ counts, caption, itemLabel, valueLabel, totalLabel, testId }: {
  counts: Record<string, number>;
  caption: string;
  itemLabel: string;
  valueLabel: string;
  totalLabel?: string;
  testId?: string;
}) {
  const t = useT();
  const rows = orderedEntries(counts);
  const sum = rows.reduce((a, [, v]) => a + v, 0);
  return (
    <table className="figures" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{itemLabel}</th>
          <th scope="col" className="num">
            {valueLabel}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k} data-key={k}>
            <th scope="row">{t.label('cat_', k)}</th>
            <td className="num">{t.num(v)}</td>
          </tr>
        ))}
      </tbody>
      {totalLabel && rows.length > 1 ? (
        <tfoot>
          <tr>
            <th scope="row">{totalLabel}</th>
            <td className="num">{t.num(sum)}</td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

/** Money in the order an accountant reads a turnover: opening, charges, payments, closing. */
const TOTALS_ORDER = ['opening_balance_total', 'charges_total', 'payments_total', 'closing_balance_total'];

export function TotalsTable({ totals, caption, itemLabel, valueLabel, testId }: {
  totals: Record<string, string>;
  caption: string;
  itemLabel: string;
  valueLabel: string;
  testId?: string;
}) {
  const t = useT();
  const rows = Object.entries(totals).sort(([a], [b]) => {
    const ia = TOTALS_ORDER.indexOf(a);
    const ib = TOTALS_ORDER.indexOf(b);
    return (ia < 0 ? 999 : ia) - (ib < 0 ? 999 : ib) || a.localeCompare(b);
  });
  return (
    <table className="figures" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{itemLabel}</th>
          <th scope="col" className="num">
            {valueLabel}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={2} className="muted">
              {t.t('none')}
            </td>
          </tr>
        ) : (
          rows.map(([k, v]) => (
            <tr key={k} data-key={k}>
              <th scope="row">{t.label('total_', k)}</th>
              <td className="num money">{t.money(v)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
