import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n';
import { hasPermission, useSaldo } from '../store';
import { InlineProblem } from '../ui/InlineProblem';
import { FileDrop } from './FileDrop';
import { MappingEditor } from './MappingEditor';
import { ReadingsProgress } from './ReadingsProgress';
import { ENCODINGS, FORMATS } from './limits';
import { useReadings } from './store';

/**
 * Where readings come from (seed 002): the residents' portal (by cursor, nothing twice) or the
 * reading operator's file with its format, encoding and saved column mapping; the month; the
 * import with its progress and Cancel.
 */
export function ImportPanel() {
  const t = useT();
  const status = useSaldo((s) => s.status);
  const canPortal = hasPermission(status, 'exchange.run');
  const periods = [...(status?.periods ?? [])].sort((a, b) => b.localeCompare(a));
  // The form's own fields only: the grids' pages arriving must not re-render the form.
  const s = useReadings(
    useShallow((x) => ({
      source: x.source,
      period: x.period,
      file: x.file,
      format: x.format,
      encoding: x.encoding,
      mappingName: x.mappingName,
      mappings: x.mappings,
      mappingsState: x.mappingsState,
      importError: x.importError,
      job: x.job,
      last: x.last,
      setSource: x.setSource,
      setPeriod: x.setPeriod,
      setFormat: x.setFormat,
      setEncoding: x.setEncoding,
      setMapping: x.setMapping,
      startImport: x.startImport,
    })),
  );
  const [editing, setEditing] = useState<'new' | 'edit' | null>(null);
  const running = !!s.job;
  const importJob = s.job?.channel === 'readings.import' ? s.job : null;
  const chosen = s.mappings.find((m) => m.name === s.mappingName) ?? null;
  const ready = s.source === 'portal' ? canPortal : !!s.file && (s.format !== 'csv' || !!s.mappingName);

  return (
    <section className="panel readings-import" data-testid="readings-import" aria-labelledby="readings-import-heading">
      <h2 className="panel-title" id="readings-import-heading">
        {t.t('rd_heading')}
      </h2>
      <p className="panel-intro">{t.t('rd_intro')}</p>

      <fieldset className="send-modes readings-sources" disabled={running}>
        <legend className="field-label">{t.t('rd_source')}</legend>
        {(['file', 'portal'] as const).map((src) => {
          const off = src === 'portal' && !canPortal;
          return (
            <label key={src} className={`send-mode${s.source === src ? ' is-chosen' : ''}${off ? ' is-off' : ''}`}>
              <input type="radio" name="readings-source" data-testid={`readings-source-${src}`} checked={s.source === src} disabled={off} onChange={() => s.setSource(src)} />
              <span className="send-mode-text">
                <span className="send-mode-name">{t.t(`rd_source_${src}`)}</span>
                <span className={`send-mode-hint${off ? ' text-warn' : ''}`}>{off ? t.t('rd_source_portalNoRight') : t.t(`rd_source_${src}Hint`)}</span>
              </span>
            </label>
          );
        })}
      </fieldset>

      {s.source === 'file' ? (
        <div className="readings-file">
          <FileDrop disabled={running} />
          <div className="toolbar readings-file-options">
            <label className="field field-inline">
              <span className="field-label">{t.t('rd_format')}</span>
              <select className="select" data-testid="readings-format" value={s.format} disabled={running} onChange={(e) => s.setFormat(e.target.value as typeof s.format)}>
                {FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {t.label('rd_format_', f)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field field-inline">
              <span className="field-label">{t.t('rd_encoding')}</span>
              <select className="select select-narrow" data-testid="readings-encoding" value={s.encoding} disabled={running} onChange={(e) => s.setEncoding(e.target.value as typeof s.encoding)}>
                {ENCODINGS.map((enc) => (
                  <option key={enc} value={enc}>
                    {t.label('rd_encoding_', enc)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {s.format === 'csv' ? (
            <div className="toolbar readings-mapping">
              <label className="field field-inline">
                <span className="field-label">{t.t('rd_mapping')}</span>
                <select className="select" data-testid="readings-mapping" value={s.mappingName} disabled={running} onChange={(e) => s.setMapping(e.target.value)}>
                  {s.mappings.length === 0 ? <option value="">{t.t('rd_mappingNone')}</option> : null}
                  {s.mappings.map((m) => (
                    <option key={m.name} value={m.name}>
                      {m.name}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="button" data-testid="mapping-edit" disabled={running || !chosen} onClick={() => setEditing(editing === 'edit' ? null : 'edit')}>
                {t.t('rd_mappingEdit')}
              </button>
              <button type="button" className="button" data-testid="mapping-new" disabled={running} onClick={() => setEditing(editing === 'new' ? null : 'new')}>
                {t.t('rd_mappingNew')}
              </button>
              {s.mappings.length === 0 && s.mappingsState === 'loaded' ? <span className="muted small">{t.t('rd_mappingNeeded')}</span> : null}
            </div>
          ) : null}
          {editing && s.format === 'csv' ? (
            <MappingEditor key={`${editing}:${chosen?.name ?? ''}`} initial={editing === 'edit' ? (chosen?.mapping ?? null) : null} onClose={() => setEditing(null)} />
          ) : null}
        </div>
      ) : null}

      <div className="toolbar">
        <label className="field field-inline">
          <span className="field-label">{t.t('www_month')}</span>
          <select className="select" data-testid="readings-period" value={s.period} disabled={running} onChange={(e) => s.setPeriod(e.target.value)}>
            <option value="">{t.t('rd_periodAuto')}</option>
            {periods.map((p) => (
              <option key={p} value={p}>
                {t.period(p)}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <button type="button" className="button button-primary" data-testid="readings-import-start" disabled={running || !ready} onClick={() => void s.startImport()}>
          {t.t(s.source === 'portal' ? 'rd_importPortal' : 'rd_importFile')}
        </button>
      </div>
      {s.importError ? <InlineProblem problem={s.importError} testId="readings-import-problem" /> : null}
      {importJob ? (
        <ReadingsProgress progress={importJob.progress} running label={t.t('rd_progressLabel')} />
      ) : s.last?.channel === 'readings.import' && s.last.progress ? (
        <ReadingsProgress progress={s.last.progress} running={false} status={s.last.status} label={t.t('rd_progressLabel')} />
      ) : null}
    </section>
  );
}
