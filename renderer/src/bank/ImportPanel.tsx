import { useRef, useState, type DragEvent } from 'react';
import { useT, type Translator } from '../i18n';
import { FormMessage } from '../ui/InlineProblem';
import { ENCODINGS, fileSize, FORMATS, MAX_FILES } from './files';
import { ImportProgress } from './ImportProgress';
import { useBank, type Encoding, type FileRefusal, type Format } from './store';

function refusalText(t: Translator, r: FileRefusal): string {
  if (r.reason === 'tooMany') return t.t('bank_tooMany', { max: t.num(MAX_FILES) });
  return t.t(`bank_${r.reason}`, { name: r.name });
}

/** Whether a drag carries files (not text or a link dragged from the page). */
function carriesFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

/**
 * Choosing statement files: a drop zone and a file button (the renderer reads the bytes and sends
 * them; it has no paths), the list of files to import, the encoding and format when detection
 * should be overridden, Import, and the progress with Cancel while it runs.
 */
export function ImportPanel() {
  const t = useT();
  const pending = useBank((s) => s.pending);
  const reading = useBank((s) => s.reading);
  const refusal = useBank((s) => s.refusal);
  const encoding = useBank((s) => s.encoding);
  const format = useBank((s) => s.format);
  const job = useBank((s) => s.job);
  const last = useBank((s) => s.lastImport);
  const addFiles = useBank((s) => s.addFiles);
  const removeFile = useBank((s) => s.removeFile);
  const clearFiles = useBank((s) => s.clearFiles);
  const setEncoding = useBank((s) => s.setEncoding);
  const setFormat = useBank((s) => s.setFormat);
  const start = useBank((s) => s.startImport);
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const busy = !!job || reading;
  const decimal = t.locale === 'en' ? '.' : ',';

  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = busy ? 'none' : 'copy';
    if (!over) setOver(true);
  };
  const onDragLeave = (e: DragEvent<HTMLDivElement>) => {
    // Leaving for a child of the zone is not leaving the zone.
    if (e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget)) return;
    setOver(false);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    if (busy) return;
    void addFiles(Array.from(e.dataTransfer.files));
  };

  return (
    <section className="panel bank-import" data-testid="bank-import" aria-labelledby="bank-heading">
      <h2 className="panel-title" id="bank-heading">
        {t.t('bank_title')}
      </h2>
      <p className="panel-intro">{t.t('bank_intro')}</p>

      <div
        className={`drop-zone${over ? ' is-over' : ''}${busy ? ' is-busy' : ''}`}
        data-testid="bank-drop"
        role="group"
        aria-label={t.t('bank_dropZone')}
        onDragEnter={onDragOver}
        onDragOver={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
      >
        <div className="drop-icon" aria-hidden="true" />
        <div className="drop-text">
          <strong>{over ? t.t('bank_dropNow') : t.t('bank_dropHere')}</strong>
          <span className="muted">{t.t('bank_or')}</span>
          <button type="button" className="button" data-testid="bank-choose" disabled={busy} onClick={() => input.current?.click()}>
            {t.t('bank_choose')}
          </button>
        </div>
        <p className="muted small">{t.t('bank_formats')}</p>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="bank-file-input"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            void addFiles(files);
          }}
        />
      </div>

      {reading ? (
        <p className="muted" role="status">
          {t.t('bank_reading')}
        </p>
      ) : null}
      {refusal ? <FormMessage text={refusalText(t, refusal)} testId="bank-refusal" /> : null}

      {pending.length > 0 ? (
        <div className="bank-pending">
          <p className="bank-pending-count" data-testid="bank-pending-count">
            {t.plural('bank_filesChosen', pending.length)}
          </p>
          <ul className="plain-list bank-files" data-testid="bank-pending">
            {pending.map((f) => (
              <li key={f.name} className="bank-file" data-file={f.name}>
                <span className="bank-file-name mono">{f.name}</span>
                <span className="muted num">{fileSize(f.size, t.num, decimal)}</span>
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={t.t('bank_removeFile', { name: f.name })}
                  title={t.t('bank_removeFile', { name: f.name })}
                  disabled={!!job}
                  onClick={() => removeFile(f.name)}
                >
                  {t.t('bank_remove')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="toolbar">
        <label className="field field-inline">
          <span className="field-label">{t.t('bank_encoding')}</span>
          <select className="select" value={encoding} disabled={!!job} data-testid="bank-encoding" onChange={(e) => setEncoding(e.target.value as Encoding | '')}>
            <option value="">{t.t('bank_auto')}</option>
            {ENCODINGS.map((e) => (
              <option key={e} value={e}>
                {t.label('bankEnc_', e)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-inline">
          <span className="field-label">{t.t('bank_format')}</span>
          <select className="select" value={format} disabled={!!job} data-testid="bank-format" onChange={(e) => setFormat(e.target.value as Format | '')}>
            <option value="">{t.t('bank_auto')}</option>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t.label('bankFormat_', f)}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <button type="button" className="button" data-testid="bank-clear" disabled={busy || pending.length === 0} onClick={() => clearFiles()}>
          {t.t('bank_clear')}
        </button>
        <button type="button" className="button button-primary" data-testid="bank-import-start" disabled={busy || pending.length === 0} onClick={() => void start()}>
          {t.t('bank_import')}
        </button>
      </div>

      {job ? (
        <ImportProgress progress={job.progress} running />
      ) : last?.progress ? (
        <ImportProgress progress={last.progress} running={false} status={last.status} />
      ) : null}
    </section>
  );
}
