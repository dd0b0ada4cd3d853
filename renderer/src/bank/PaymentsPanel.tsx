import { useEffect, useMemo, useRef, useState } from 'react';
import type { Problem } from '../../../shared/domain/types';
import type { BankItemView } from '../../../shared/ipc/contract-bank';
import { problemInWindowLanguage } from '../auth/problems';
import { useT } from '../i18n';
import { InlineProblem } from '../ui/InlineProblem';
import { AssignDialog } from './AssignDialog';
import { PaymentsGrid, type RowActions } from './PaymentsGrid';
import { useBank, type Segment } from './store';

const GROUPS: Array<{ label: 'bank_groupBooked' | 'bank_groupWaiting' | 'bank_groupApart'; segments: Segment[] }> = [
  { label: 'bank_groupBooked', segments: ['residential', 'commercial'] },
  { label: 'bank_groupWaiting', segments: ['unmatched', 'suggested'] },
  { label: 'bank_groupApart', segments: ['outgoing', 'fee'] },
];
const WAITING: ReadonlySet<Segment> = new Set(['unmatched', 'suggested']);

/**
 * The payments of the shown import in lists: matched (residential, commercial), waiting for the
 * operator (unmatched: assign; suggested: confirm or assign another), and listed apart (outgoing,
 * fees). A search narrows the list; the grid pages rows from main as it scrolls.
 */
export function PaymentsPanel() {
  const t = useT();
  const runId = useBank((s) => s.runId);
  const counts = useBank((s) => s.counts);
  const list = useBank((s) => s.list);
  const setSegment = useBank((s) => s.setSegment);
  const setSearch = useBank((s) => s.setSearch);
  const assign = useBank((s) => s.assign);
  const [typed, setTyped] = useState(list.search);
  const [assigning, setAssigning] = useState<BankItemView | null>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [done, setDone] = useState<{ amount: string; account: string } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Typing narrows the list a moment after the last key, not on every key.
  useEffect(() => {
    if (typed === list.search) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void setSearch(typed), 250);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [typed, list.search, setSearch]);

  const actions: RowActions = useMemo(
    () => ({
      busyKey,
      assign: (item) => {
        setDone(null);
        setProblem(null);
        setAssigning(item);
      },
      confirm: (item) => {
        if (!item.suggestion) return;
        const account = item.suggestion.accountNo;
        setBusyKey(item.key);
        setDone(null);
        setProblem(null);
        void assign(item, account).then((p) => {
          setBusyKey(null);
          if (p) setProblem(p);
          else setDone({ amount: item.amount, account });
        });
      },
    }),
    [busyKey, assign],
  );

  if (runId === null) return null;
  const segment = list.segment;

  return (
    <section className="panel bank-payments" data-testid="bank-payments" aria-labelledby="bank-payments-heading">
      <div className="panel-head">
        <h2 className="panel-title" id="bank-payments-heading">
          {t.t('bank_paymentsHeading')}
        </h2>
      </div>
      <div className="segments" role="group" aria-label={t.t('bank_lists')}>
        {GROUPS.map((g) => (
          <div key={g.label} className="segment-group" role="group" aria-label={t.t(g.label)}>
            <span className="segment-group-label">{t.t(g.label)}</span>
            <div className="segment-buttons">
              {g.segments.map((s) => {
                const n = counts[s];
                const flag = WAITING.has(s) && !!n;
                return (
                  <button
                    key={s}
                    type="button"
                    className={`segment${s === segment ? ' is-chosen' : ''}${flag ? ' is-flagged' : ''}`}
                    aria-pressed={s === segment}
                    data-testid={`segment-${s}`}
                    data-count={n ?? ''}
                    onClick={() => {
                      setDone(null);
                      setProblem(null);
                      void setSegment(s);
                    }}
                  >
                    <span>{t.t(`bankSeg_${s}`)}</span>
                    <span className="segment-count">{n === undefined ? '…' : t.num(n)}</span>
                  </button>
                );
              })}
            </div>
          </div>
        ))}
      </div>
      <p className="muted segment-hint">{t.t(`bankSegHint_${segment}`)}</p>
      <div className="bank-list-tools">
        <label className="field field-inline">
          <span className="field-label">{t.t('bank_search')}</span>
          <input
            className="input input-search"
            type="search"
            value={typed}
            maxLength={200}
            placeholder={t.t('bank_searchPlaceholder')}
            data-testid="bank-search"
            onChange={(e) => setTyped(e.target.value)}
          />
        </label>
        <span className="muted" role="status" data-testid="bank-items-count">
          {list.total === null ? t.t('bank_loading') : t.plural('bank_itemsCount', list.total)}
        </span>
        <span className="spacer" />
        {done ? (
          <span className="text-ok" role="status" data-testid="bank-assigned">
            {t.t('bank_assigned', { amount: t.money(done.amount), account: done.account })}
          </span>
        ) : null}
      </div>
      {problem ? <InlineProblem problem={problemInWindowLanguage(problem, t)} testId="bank-assign-problem" /> : null}
      <PaymentsGrid actions={actions} />
      {assigning ? (
        <AssignDialog
          item={assigning}
          onClose={(account) => {
            if (account) setDone({ amount: assigning.amount, account });
            setAssigning(null);
          }}
        />
      ) : null}
    </section>
  );
}
