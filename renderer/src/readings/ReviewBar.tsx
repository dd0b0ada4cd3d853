import { useState } from 'react';
import { useT } from '../i18n';
import { FormMessage, InlineProblem } from '../ui/InlineProblem';
import { ProblemTable } from '../ui/ProblemTable';
import { REVIEW_MAX, useReadings } from './store';

/** The operator's decision on the ticked held readings (one or many): accept or reject, with a note. */
export function ReviewBar() {
  const t = useT();
  const ticked = useReadings((s) => s.ticked);
  const total = useReadings((s) => s.grids.held.total);
  const tickBusy = useReadings((s) => s.tickBusy);
  const busy = useReadings((s) => s.reviewBusy);
  const result = useReadings((s) => s.review);
  const problem = useReadings((s) => s.reviewError);
  const tickAll = useReadings((s) => s.tickAllShown);
  const clear = useReadings((s) => s.clearTicks);
  const review = useReadings((s) => s.reviewTicked);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);

  const decide = async (decision: 'accept' | 'reject') => {
    if (!note.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    if (await review(decision, note)) setNote('');
  };

  return (
    <div className="review-bar" data-testid="review-bar">
      <div className="premises-ticks">
        <span data-testid="readings-ticked-count" className={ticked.size ? 'ticked-count' : 'muted'}>
          {t.t('prem_ticked', { count: t.num(ticked.size) })}
        </span>
        <button type="button" className="button" data-testid="readings-tick-all" disabled={!total || tickBusy || busy} onClick={() => void tickAll()}>
          {tickBusy ? t.t('prem_ticking') : t.t('prem_tickAll')}
        </button>
        <button type="button" className="button" data-testid="readings-untick-all" disabled={ticked.size === 0 || busy} onClick={() => clear()}>
          {t.t('prem_untickAll')}
        </button>
        {ticked.size >= REVIEW_MAX ? <span className="muted small">{t.t('rd_tickLimit', { max: t.num(REVIEW_MAX) })}</span> : null}
      </div>
      <div className="review-form">
        <label className="field review-note">
          <span className="field-label">{t.t('rd_note')}</span>
          <textarea
            className="input textarea"
            data-testid="review-note"
            rows={2}
            maxLength={500}
            value={note}
            placeholder={t.t('rd_notePlaceholder')}
            aria-invalid={missing ? true : undefined}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        <div className="review-actions">
          <button type="button" className="button button-primary" data-testid="review-accept" disabled={ticked.size === 0 || busy} onClick={() => void decide('accept')}>
            {t.t('rd_acceptTicked', { count: t.num(ticked.size) })}
          </button>
          <button type="button" className="button button-danger" data-testid="review-reject" disabled={ticked.size === 0 || busy} onClick={() => void decide('reject')}>
            {t.t('rd_rejectTicked', { count: t.num(ticked.size) })}
          </button>
        </div>
      </div>
      {missing ? <FormMessage text={t.t('rd_noteRequired')} testId="review-note-missing" /> : null}
      {problem ? <InlineProblem problem={problem} testId="review-problem" /> : null}
      {result ? (
        <div className="report-outcome review-outcome" role="status" data-testid="review-outcome" data-accepted={result.accepted} data-rejected={result.rejected}>
          <span>{t.t('rd_reviewDone', { accepted: t.num(result.accepted), rejected: t.num(result.rejected) })}</span>
        </div>
      ) : null}
      {result && result.errors.length > 0 ? <ProblemTable problems={result.errors} /> : null}
    </div>
  );
}
