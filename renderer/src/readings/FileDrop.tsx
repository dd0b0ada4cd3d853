import { useRef, useState, type DragEvent } from 'react';
import { useT } from '../i18n';
import { formatBytes } from './format';
import { useReadings } from './store';

/**
 * The radio file: dropped onto the zone or chosen with the button. The window is sandboxed and
 * has no paths, so the file's bytes are read here and sent to main (base64).
 */
export function FileDrop({ disabled }: { disabled: boolean }) {
  const t = useT();
  const file = useReadings((s) => s.file);
  const problem = useReadings((s) => s.fileProblem);
  const choose = useReadings((s) => s.chooseFile);
  const clear = useReadings((s) => s.clearFile);
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [reading, setReading] = useState(false);

  const take = async (f: File | undefined) => {
    if (!f || disabled) return;
    setReading(true);
    await choose(f);
    setReading(false);
  };
  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    if (!disabled) setOver(true);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    void take(e.dataTransfer.files[0]);
  };

  return (
    <div
      className={`file-drop${over ? ' is-over' : ''}${file ? ' has-file' : ''}${disabled ? ' is-off' : ''}`}
      data-testid="readings-drop"
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        accept=".csv,.txt,.json,.jsonl,.ndjson"
        data-testid="readings-file-input"
        disabled={disabled}
        onChange={(e) => {
          void take(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <div className="file-drop-text">
        {reading ? (
          <span className="muted">{t.t('loading')}</span>
        ) : file ? (
          <span data-testid="readings-file-name">
            <span className="file-name">{file.name}</span> <span className="muted">({formatBytes(file.size, t.locale)})</span>
          </span>
        ) : (
          <span className="muted">{t.t('rd_dropHere')}</span>
        )}
        {problem ? (
          <span className="text-danger" role="alert" data-testid="readings-file-problem">
            {t.t(`rd_file_${problem}`)}
          </span>
        ) : null}
      </div>
      <div className="file-drop-actions">
        <button type="button" className="button" data-testid="readings-choose-file" disabled={disabled} onClick={() => input.current?.click()}>
          {file ? t.t('rd_chooseOther') : t.t('rd_chooseFile')}
        </button>
        {file ? (
          <button type="button" className="button button-quiet" data-testid="readings-clear-file" disabled={disabled} onClick={clear}>
            {t.t('rd_clearFile')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
