import { useMemo, useState } from 'react';
import { useT } from '../i18n';
import { hasPermission, useSaldo } from '../store';
import { EmptyState } from '../ui/EmptyState';
import { AuditTable, actionLabel, operatorLabel } from './AuditTable';
import '../styles/journal.css';
import '../styles/audit.css';

const ALL = '';

/** Who did what and when: filter by operator and action, save the log as a PDF for the binder. */
export function AuditTab() {
  const t = useT();
  const allowed = useSaldo((s) => hasPermission(s.status, 'audit.read'));
  const entries = useSaldo((s) => s.audit);
  const state = useSaldo((s) => s.auditState);
  const pdfBusy = useSaldo((s) => s.auditPdfBusy);
  const pdf = useSaldo((s) => s.auditPdf);
  const refresh = useSaldo((s) => s.loadAudit);
  const savePdf = useSaldo((s) => s.saveAuditPdf);
  const [operator, setOperator] = useState(ALL);
  const [action, setAction] = useState(ALL);

  const operators = useMemo(() => [...new Set(entries.map((e) => e.operator))].sort((a, b) => a.localeCompare(b)), [entries]);
  const actions = useMemo(
    () => [...new Set(entries.map((e) => e.action))].map((a) => ({ key: a, label: actionLabel(t, a) })).sort((a, b) => a.label.localeCompare(b.label, t.tag)),
    [entries, t],
  );
  const shown = useMemo(
    () => entries.filter((e) => (operator === ALL || e.operator === operator) && (action === ALL || e.action === action)),
    [entries, operator, action],
  );
  const filtered = operator !== ALL || action !== ALL;

  if (!allowed) return <EmptyState title={t.t('audit_noPermission')} testId="audit-no-permission" />;

  return (
    <div className="journal audit">
      <div className="journal-toolbar">
        <h2 className="panel-title">{t.t('audit_heading')}</h2>
        <span className="muted" data-testid="audit-count" role="status">
          {state === 'loaded' || entries.length > 0
            ? filtered
              ? `${t.plural('audit_entries', entries.length)} · ${t.t('audit_filtered', { shown: t.num(shown.length), total: t.num(entries.length) })}`
              : t.plural('audit_entries', entries.length)
            : t.t('loading')}
        </span>
        <span className="spacer" />
        <button type="button" className="button" data-testid="audit-refresh" disabled={state === 'loading'} onClick={() => void refresh()}>
          {t.t('audit_refresh')}
        </button>
        <button type="button" className="button button-primary" data-testid="audit-pdf" disabled={pdfBusy || entries.length === 0} onClick={() => void savePdf()}>
          {pdfBusy ? t.t('journal_working') : t.t('audit_savePdf')}
        </button>
      </div>
      <div className="audit-filters">
        <label className="field field-inline">
          <span className="field-label">{t.t('audit_filterOperator')}</span>
          <select className="select" value={operator} onChange={(e) => setOperator(e.target.value)} data-testid="audit-filter-operator">
            <option value={ALL}>{t.t('audit_allOperators')}</option>
            {operators.map((o) => (
              <option key={o} value={o}>
                {operatorLabel(t, o)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-inline">
          <span className="field-label">{t.t('audit_filterAction')}</span>
          <select className="select audit-action-select" value={action} onChange={(e) => setAction(e.target.value)} data-testid="audit-filter-action">
            <option value={ALL}>{t.t('audit_allActions')}</option>
            {actions.map((a) => (
              <option key={a.key} value={a.key}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        {filtered ? (
          <button
            type="button"
            className="button button-quiet"
            data-testid="audit-clear-filter"
            onClick={() => {
              setOperator(ALL);
              setAction(ALL);
            }}
          >
            {t.t('audit_clearFilter')}
          </button>
        ) : null}
      </div>
      {pdf ? (
        <div className="report-outcome" role="status" data-testid="audit-pdf-outcome">
          <span>{t.t('audit_pdfSaved')}</span>
          <code className="path" data-testid="audit-pdf-path">
            {pdf.file}
          </code>
        </div>
      ) : null}
      {state === 'loaded' && entries.length === 0 ? (
        <EmptyState title={t.t('audit_empty')} testId="audit-empty" />
      ) : state === 'loaded' && shown.length === 0 ? (
        <EmptyState title={t.t('audit_noMatch')} testId="audit-no-match" />
      ) : (
        <AuditTable entries={shown} total={shown.length} />
      )}
    </div>
  );
}
