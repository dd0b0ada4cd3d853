import { useT } from '../i18n';
import { useSaldo, type SendMode } from '../store';

const MODES: SendMode[] = ['all', 'selected', 'changed'];

/** The three ways to send (seed 002): all, the ticked premises, or what changed since the last send. */
export function SendModes({ disabled }: { disabled: boolean }) {
  const t = useT();
  const mode = useSaldo((s) => s.wwwMode);
  const setMode = useSaldo((s) => s.setWwwMode);
  const ticked = useSaldo((s) => s.ticked.size);
  return (
    <fieldset className="send-modes" data-testid="send-modes">
      <legend className="field-label">{t.t('send_mode')}</legend>
      {MODES.map((m) => {
        const off = disabled || (m === 'selected' && ticked === 0 && mode !== 'selected');
        const hint =
          m === 'all' ? t.t('sendMode_allHint') : m === 'changed' ? t.t('sendMode_changedHint') : ticked ? t.t('sendMode_selectedHint', { count: t.num(ticked) }) : t.t('sendMode_selectedNone');
        return (
          <label key={m} className={`send-mode${mode === m ? ' is-chosen' : ''}${off ? ' is-off' : ''}`}>
            <input type="radio" name="send-mode" value={m} data-testid={`mode-${m}`} checked={mode === m} disabled={off} onChange={() => setMode(m)} />
            <span className="send-mode-text">
              <span className="send-mode-name">{t.t(`sendMode_${m}`)}</span>
              <span className={`send-mode-hint${m === 'selected' && !ticked ? ' text-warn' : ''}`}>{hint}</span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
