import { useT } from '../i18n';
import { hasPermission, useSaldo } from '../store';
import { JobProgressView } from './JobProgress';
import { SendButtons } from './SendButtons';
import { SendModes } from './SendModes';

/** Mode, category buttons, preview, and the progress of a send with its Cancel. */
export function SendPanel() {
  const t = useT();
  const canSend = useSaldo((s) => hasPermission(s.status, 'exchange.run'));
  const period = useSaldo((s) => s.period);
  const job = useSaldo((s) => s.job);
  const lastSend = useSaldo((s) => s.lastSend);
  const mode = useSaldo((s) => s.wwwMode);
  const ticked = useSaldo((s) => s.ticked.size);
  const send = useSaldo((s) => s.startWwwSend);
  // A period must be chosen (and, to send selected, something ticked) before anything is sent.
  const asOfInvalid = useSaldo((s) => s.asOfInvalid);
  const blocked = !period || !!job || asOfInvalid || (mode === 'selected' && ticked === 0);
  const sendJob = job?.channel === 'www.send' ? job : null;
  const dry = sendJob ? !!sendJob.request?.dryRun : !!lastSend?.request.dryRun;
  const label = dry ? t.t('send_previewProgressLabel') : t.t('send_progressLabel');

  return (
    <section className="panel send-panel" data-testid="send-panel" aria-labelledby="send-heading">
      <h2 className="panel-title" id="send-heading">
        {t.t('send_heading')}
      </h2>
      <SendModes disabled={!!job} />
      {canSend ? (
        <SendButtons disabled={blocked} />
      ) : (
        <p className="notice notice-info" data-testid="send-no-permission">
          {t.t('send_noExchange')}
        </p>
      )}
      <div className="send-preview">
        <button type="button" className="button" data-testid="send-preview" disabled={blocked} onClick={() => void send({ dryRun: true })}>
          {t.t('send_preview')}
        </button>
        <span className="muted">{t.t('send_previewHint')}</span>
      </div>
      {sendJob ? (
        <JobProgressView progress={sendJob.progress} running label={label} request={sendJob.request} phases={sendJob.phases} />
      ) : lastSend ? (
        <JobProgressView progress={lastSend.progress} running={false} status={lastSend.status} label={label} request={lastSend.request} phases={lastSend.phases} />
      ) : null}
    </section>
  );
}
