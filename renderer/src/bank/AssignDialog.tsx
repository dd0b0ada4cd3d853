import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Problem } from '../../../shared/domain/types';
import type { BankItemView, PremisesHit } from '../../../shared/ipc/contract-bank';
import { problemInWindowLanguage } from '../auth/problems';
import { useT } from '../i18n';
import { FormMessage, InlineProblem } from '../ui/InlineProblem';
import { TextField } from '../ui/TextField';
import '../styles/settings.css';
import { groupAccount } from './format';
import { useBank } from './store';

/**
 * Assigning a payment to a premises: the payment's facts, a search of the premises by account
 * number, address or owner (bank.premises, as the operator types), the premises chosen from the
 * hits, an optional note. A modal <dialog>: Escape or Cancel closes it without assigning.
 */
export function AssignDialog({ item, onClose }: { item: BankItemView; onClose: (assignedTo?: string) => void }) {
  const t = useT();
  const search = useBank((s) => s.searchPremises);
  const assign = useBank((s) => s.assign);
  const dialog = useRef<HTMLDialogElement>(null);
  const queryRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const [query, setQuery] = useState(item.suggestion?.accountNo ?? '');
  const [hits, setHits] = useState<PremisesHit[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [searchedFor, setSearchedFor] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const asked = useRef(0);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    queryRef.current?.focus();
    return () => d?.close();
  }, []);

  // The premises for what is typed, a moment after the last key; an older answer never replaces a newer one.
  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits(null);
      setSearching(false);
      return;
    }
    const n = ++asked.current;
    setSearching(true);
    const timer = setTimeout(() => {
      void search(q).then((r) => {
        if (n !== asked.current) return;
        setSearching(false);
        setSearchedFor(q);
        if (r.ok) {
          setHits(r.value);
          setProblem(null);
          if (r.value.length === 1) {
            setChosen(r.value[0].accountNo);
            setMissing(false);
          }
        } else {
          setHits([]);
          setProblem(r.error);
        }
      });
    }, 200);
    return () => clearTimeout(timer);
  }, [query, search]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!chosen) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setProblem(null);
    setBusy(true);
    const p = await assign(item, chosen, note);
    setBusy(false);
    if (p) {
      setProblem(p);
      return;
    }
    onClose(chosen);
  };

  return (
    <dialog
      ref={dialog}
      className="dialog assign-dialog"
      aria-labelledby={titleId}
      data-testid="assign-dialog"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form className="dialog-form" onSubmit={(e) => void submit(e)} noValidate>
        <h2 className="dialog-title" id={titleId}>
          {t.t('bank_assignTitle')}
        </h2>
        <div className="dialog-body">
          <dl className="facts assign-facts" aria-label={t.t('bank_payment')}>
            <dt>{t.t('bank_colDate')}</dt>
            <dd className="tabular">{t.date(item.bookingDate ?? item.valueDate)}</dd>
            <dt>{t.t('bank_colAmount')}</dt>
            <dd className="tabular strong" data-testid="assign-amount">
              {t.money(item.amount)} {item.currency}
            </dd>
            <dt>{t.t('bank_colPayer')}</dt>
            <dd>
              {item.payerName ?? t.t('none')}
              {item.payerAccount ? <div className="mono small muted">{groupAccount(item.payerAccount)}</div> : null}
            </dd>
            <dt>{t.t('bank_colTitle')}</dt>
            <dd className="break">{item.title || t.t('none')}</dd>
          </dl>
          <TextField
            ref={queryRef}
            label={t.t('bank_premisesSearch')}
            type="search"
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            placeholder={t.t('bank_premisesPlaceholder')}
            value={query}
            onValue={(v) => {
              setQuery(v);
              setChosen(null);
            }}
            invalid={false}
            testId="premises-search"
          />
          <div className="premises-hits" role="radiogroup" aria-label={t.t('bank_premisesHits')} data-testid="premises-hits" aria-busy={searching}>
            {searching && hits === null ? <p className="muted">{t.t('bank_searching')}</p> : null}
            {hits && hits.length === 0 && !searching && !problem ? (
              <p className="muted" data-testid="premises-none">
                {t.t('bank_noPremises', { query: searchedFor })}
              </p>
            ) : null}
            {hits?.map((h) => (
              <label key={h.accountNo} className={`premises-hit${chosen === h.accountNo ? ' is-chosen' : ''}`} data-testid="premises-hit" data-account={h.accountNo}>
                <input type="radio" name="premises" value={h.accountNo} checked={chosen === h.accountNo} onChange={() => {
                    setChosen(h.accountNo);
                    setMissing(false);
                  }}
                />
                <span className="mono hit-account">{h.accountNo}</span>
                <span className="hit-address">{h.address}</span>
                <span className="muted hit-owner">{h.owner}</span>
                <span className="muted hit-kind">{t.label('premKind_', h.kind)}</span>
              </label>
            ))}
          </div>
          <TextField label={t.t('bank_note')} autoComplete="off" maxLength={500} value={note} onValue={setNote} invalid={false} testId="assign-note" />
          {missing ? <FormMessage text={t.t('bank_chooseFirst')} testId="assign-missing" /> : null}
          {problem ? <InlineProblem problem={problemInWindowLanguage(problem, t)} testId="assign-problem" /> : null}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" disabled={busy} onClick={() => onClose()} data-testid="assign-cancel">
            {t.t('bank_assignCancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="assign-save">
            {busy ? t.t('bank_assignSaving') : t.t('bank_assignSave')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
