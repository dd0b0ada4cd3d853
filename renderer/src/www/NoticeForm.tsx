import { useState, type FormEvent } from 'react';
import type { Problem } from '../../../shared/domain/types';
import { useT } from '../i18n';
import { useSaldo, type NoticeAnswer, type NoticeRequest } from '../store';
import { FormMessage, InlineProblem } from '../ui/InlineProblem';
import { TextField } from '../ui/TextField';

type Audience = 'members' | 'others' | 'all' | 'accounts';
const AUDIENCES: Audience[] = ['members', 'others', 'all', 'accounts'];

/** A message on the portal (seed 002) to members, other users, everyone, or the ticked premises. */
export function NoticeForm() {
  const t = useT();
  const period = useSaldo((s) => s.period);
  const ticked = useSaldo((s) => s.ticked);
  const sendNotice = useSaldo((s) => s.sendNotice);
  const [audience, setAudience] = useState<Audience>('members');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState<'title' | 'body' | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sent, setSent] = useState<NoticeAnswer | null>(null);
  const chosen: Audience = audience === 'accounts' && ticked.size === 0 ? 'members' : audience;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setSent(null);
    setProblem(null);
    if (!title.trim()) return setMissing('title');
    if (!body.trim()) return setMissing('body');
    setMissing(null);
    const req: NoticeRequest = {
      audience: chosen === 'accounts' ? { kind: 'accounts', accounts: [...ticked] } : { kind: chosen },
      title: title.trim(),
      body: body.trim(),
      ...(period ? { period } : {}),
    };
    setBusy(true);
    const r = await sendNotice(req);
    setBusy(false);
    if (!r.ok) return setProblem(r.error);
    setSent(r.value);
    setTitle('');
    setBody('');
  };

  return (
    <section className="panel notice-panel" data-testid="notice-form" aria-labelledby="notice-heading">
      <h2 className="panel-title" id="notice-heading">
        {t.t('notice_heading')}
      </h2>
      <p className="panel-intro">{t.t('notice_intro')}</p>
      <form className="notice-form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="notice-audience">
          <legend className="field-label">{t.t('notice_audience')}</legend>
          {AUDIENCES.map((a) => (
            <label key={a} className="check check-inline">
              <input
                type="radio"
                name="notice-audience"
                value={a}
                data-testid={`notice-audience-${a}`}
                checked={chosen === a}
                disabled={busy || (a === 'accounts' && ticked.size === 0)}
                onChange={() => setAudience(a)}
              />
              <span>{a === 'accounts' ? t.t('notice_ticked', { count: t.num(ticked.size) }) : t.t(`notice_${a}`)}</span>
            </label>
          ))}
        </fieldset>
        <TextField
          label={t.t('notice_title')}
          value={title}
          maxLength={200}
          onValue={(v) => setTitle(v)}
          invalid={missing === 'title'}
          describedBy={missing === 'title' ? 'notice-missing' : undefined}
          testId="notice-title"
          disabled={busy}
        />
        <label className="field">
          <span className="field-label">{t.t('notice_body')}</span>
          <textarea
            className="input textarea"
            rows={4}
            value={body}
            maxLength={20_000}
            disabled={busy}
            data-testid="notice-body"
            aria-invalid={missing === 'body' ? true : undefined}
            aria-describedby={missing === 'body' ? 'notice-missing' : undefined}
            onChange={(e) => setBody(e.target.value)}
          />
        </label>
        {missing ? <FormMessage id="notice-missing" testId="notice-missing" text={t.t(missing === 'title' ? 'notice_titleRequired' : 'notice_bodyRequired')} /> : null}
        {problem ? <InlineProblem problem={problem} testId="notice-problem" /> : null}
        <div className="notice-actions">
          <button type="submit" className="button button-primary" data-testid="notice-send" disabled={busy}>
            {busy ? t.t('notice_sending') : t.t('notice_send')}
          </button>
          {sent ? (
            <span className="report-outcome" role="status" data-testid="notice-sent" data-run-id={sent.runId} data-recipients={sent.recipients}>
              {t.plural('notice_sent', sent.recipients, { id: t.num(sent.runId) })}
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}
