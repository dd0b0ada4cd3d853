import { parseDecimal, toDecimalString } from '../../../shared/domain/money';
import type { StatementView } from '../../../shared/ipc/contract-bank';
import { useT, type Translator } from '../i18n';
import { CheckBadge } from './CheckBadge';
import { groupAccount } from './format';
import { RunPicker } from './RunPicker';
import { useBank } from './store';

/** closing − computed as a decimal string, in integer minor units. */
function difference(closing: string, computed: string): string {
  try {
    return toDecimalString(parseDecimal(closing) - parseDecimal(computed));
  } catch {
    return '';
  }
}

function Money({ t, value }: { t: Translator; value: string | undefined }) {
  return value === undefined ? <span className="muted">{t.t('none')}</span> : <>{t.money(value)}</>;
}

function StatementRow({ s, t }: { s: StatementView; t: Translator }) {
  return (
    <tr data-statement={s.key} data-check={s.check} className={`statement-row statement-${s.check}`}>
      <td className="statement-cell">
        <div className="mono nowrap">
          {groupAccount(s.account)} <span className="muted">{s.currency}</span>
        </div>
        <div className="small muted statement-ref">
          {s.number ? t.t('bank_statementNo', { number: s.number }) : t.t('bank_statementId', { id: s.id })} · {t.plural('bank_entries', s.entries)}
        </div>
        <div className="small muted statement-file" title={s.file}>
          <span className="mono">{s.file}</span> · {t.label('bankFormat_', s.format)}
        </div>
      </td>
      <td className="num">
        <Money t={t} value={s.opening} />
      </td>
      <td className="num">{t.money(s.credit)}</td>
      <td className="num">{t.money(s.debit.replace(/^-/, ''))}</td>
      <td className="num" data-testid="statement-closing">
        <Money t={t} value={s.closing} />
      </td>
      <td className={`num${s.check === 'mismatch' ? ' text-danger strong' : ''}`} data-testid="statement-computed">
        {t.money(s.computedClosing)}
      </td>
      <td>
        <CheckBadge check={s.check} />
        {s.check === 'mismatch' && s.closing !== undefined ? (
          <div className="small text-danger" data-testid="statement-difference">
            {t.t('bank_difference', { amount: t.money(difference(s.closing, s.computedClosing)) })}
          </div>
        ) : null}
      </td>
    </tr>
  );
}

/** Per statement of the shown import: its balances (opening, closing, computed) and the check. */
export function StatementsPanel() {
  const t = useT();
  const runId = useBank((s) => s.runId);
  const statements = useBank((s) => s.statements);
  if (runId === null) return null;
  return (
    <section className="panel bank-statements" data-testid="bank-statements" aria-labelledby="bank-statements-heading">
      <div className="panel-head">
        <h2 className="panel-title" id="bank-statements-heading">
          {t.t('bank_statementsHeading')}
        </h2>
        <span className="spacer" />
        <RunPicker />
      </div>
      {statements === null ? (
        <p className="muted" role="status">
          {t.t('bank_loading')}
        </p>
      ) : statements.length === 0 ? (
        <p className="muted">{t.t('bank_noStatements')}</p>
      ) : (
        <div className="table-scroll">
          <table className="figures statements-table" aria-label={t.t('bank_statementsTable')} data-testid="statements-table">
            <thead>
              <tr>
                <th scope="col">{t.t('bank_colStatement')}</th>
                <th scope="col" className="num">
                  {t.t('bank_colOpening')}
                </th>
                <th scope="col" className="num">
                  {t.t('bank_colCredit')}
                </th>
                <th scope="col" className="num">
                  {t.t('bank_colDebit')}
                </th>
                <th scope="col" className="num">
                  {t.t('bank_colClosing')}
                </th>
                <th scope="col" className="num">
                  {t.t('bank_colComputed')}
                </th>
                <th scope="col">{t.t('bank_colCheck')}</th>
              </tr>
            </thead>
            <tbody>
              {statements.map((s) => (
                <StatementRow key={s.key} s={s} t={t} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
