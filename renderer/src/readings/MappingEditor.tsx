import { useEffect, useState, type FormEvent } from 'react';
import type { Problem } from '../../../shared/domain/types';
import type { ColumnMappingInput } from '../../../shared/ipc/contract-readings';
import { useT } from '../i18n';
import { FormMessage, InlineProblem } from '../ui/InlineProblem';
import { useReadings } from './store';

type Ref = string | number;
const DATE_FORMATS = ['YYYY-MM-DD', 'DD.MM.YYYY', 'DD/MM/YYYY'] as const;
type DateFormat = (typeof DATE_FORMATS)[number];
const COLUMN_FIELDS = ['meterId', 'serial', 'radioId', 'accountNo', 'date', 'value', 'zone1', 'zone2', 'zone', 'alarms'] as const;
type ColumnField = (typeof COLUMN_FIELDS)[number];

/** A column is named by its header text, or by its position (a number) in a file without a header. */
function toRef(s: string): Ref | undefined {
  const v = s.trim();
  if (!v) return undefined;
  return /^\d{1,3}$/.test(v) ? Number(v) : v;
}

interface Draft {
  name: string;
  delimiter: 'auto' | ';' | ',' | '\t';
  header: boolean;
  decimalMark: ',' | '.';
  dateFormats: DateFormat[];
  timeZone: string;
  columns: Record<ColumnField, string>;
}

function draftOf(m: ColumnMappingInput | null): Draft {
  const c = m?.columns;
  const s = (r: Ref | undefined) => (r === undefined ? '' : String(r));
  return {
    name: m?.name ?? '',
    delimiter: m?.delimiter ?? 'auto',
    header: m?.header ?? true,
    decimalMark: m?.decimalMark ?? ',',
    dateFormats: m?.dateFormats ? [...m.dateFormats] : ['YYYY-MM-DD', 'DD.MM.YYYY'],
    timeZone: m?.timeZone ?? '',
    columns: {
      meterId: s(c?.meterId),
      serial: s(c?.serial),
      radioId: s(c?.radioId),
      accountNo: s(c?.accountNo),
      date: s(c?.date),
      value: s(c?.value),
      zone1: s(c?.zoneValues?.[0]),
      zone2: s(c?.zoneValues?.[1]),
      zone: s(c?.zone),
      alarms: s(c?.alarms),
    },
  };
}

/** The mapping the draft describes, or the key of what is missing. */
function mappingOf(d: Draft): ColumnMappingInput | 'rd_map_needName' | 'rd_map_needMeter' | 'rd_map_needDate' | 'rd_map_needValue' | 'rd_map_needDateFormat' {
  const c = d.columns;
  if (!d.name.trim()) return 'rd_map_needName';
  if (!c.meterId.trim() && !c.serial.trim() && !c.radioId.trim()) return 'rd_map_needMeter';
  if (!c.date.trim()) return 'rd_map_needDate';
  const zoneValues = [c.zone1, c.zone2].map(toRef).filter((r): r is Ref => r !== undefined);
  if (!c.value.trim() && zoneValues.length === 0) return 'rd_map_needValue';
  if (d.dateFormats.length === 0) return 'rd_map_needDateFormat';
  const cols: ColumnMappingInput['columns'] = { date: toRef(c.date)! };
  for (const k of ['meterId', 'serial', 'radioId', 'accountNo', 'value', 'zone', 'alarms'] as const) {
    const r = toRef(c[k]);
    if (r !== undefined) cols[k] = r;
  }
  if (zoneValues.length) {
    delete cols.value;
    cols.zoneValues = zoneValues;
  }
  return {
    name: d.name.trim(),
    delimiter: d.delimiter,
    header: d.header,
    decimalMark: d.decimalMark,
    dateFormats: d.dateFormats,
    ...(d.timeZone.trim() ? { timeZone: d.timeZone.trim() } : {}),
    columns: cols,
  };
}

/** Create or change a saved CSV column mapping of the signed-in operator. */
export function MappingEditor({ initial, onClose }: { initial: ColumnMappingInput | null; onClose: () => void }) {
  const t = useT();
  const save = useReadings((s) => s.saveMapping);
  const [d, setD] = useState<Draft>(() => draftOf(initial));
  const [missing, setMissing] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const col = (k: ColumnField, v: string) => setD((x) => ({ ...x, columns: { ...x.columns, [k]: v } }));
  // What was missing is said again at the next save, not left standing while it is being filled in.
  useEffect(() => setMissing(null), [d]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const m = mappingOf(d);
    if (typeof m === 'string') {
      setMissing(t.t(m));
      return;
    }
    setMissing(null);
    setBusy(true);
    const p = await save(m);
    setBusy(false);
    setProblem(p);
    if (!p) onClose();
  };

  return (
    <form className="mapping-editor" data-testid="mapping-editor" onSubmit={(e) => void submit(e)} noValidate>
      <h3 className="section-title">{initial ? t.t('rd_map_editTitle', { name: initial.name }) : t.t('rd_map_newTitle')}</h3>
      <p className="field-help">{t.t('rd_map_intro')}</p>
      <div className="mapping-grid">
        <label className="field">
          <span className="field-label">{t.t('rd_map_name')}</span>
          <input className="input" data-testid="mapping-name" value={d.name} maxLength={64} onChange={(e) => setD({ ...d, name: e.target.value })} />
        </label>
        <label className="field">
          <span className="field-label">{t.t('rd_map_delimiter')}</span>
          <select className="select" data-testid="mapping-delimiter" value={d.delimiter} onChange={(e) => setD({ ...d, delimiter: e.target.value as Draft['delimiter'] })}>
            <option value="auto">{t.t('rd_map_delimAuto')}</option>
            <option value=";">{t.t('rd_map_delimSemicolon')}</option>
            <option value=",">{t.t('rd_map_delimComma')}</option>
            <option value={'\t'}>{t.t('rd_map_delimTab')}</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t.t('rd_map_decimalMark')}</span>
          <select className="select" data-testid="mapping-decimal" value={d.decimalMark} onChange={(e) => setD({ ...d, decimalMark: e.target.value as Draft['decimalMark'] })}>
            <option value=",">{t.t('rd_map_decimalComma')}</option>
            <option value=".">{t.t('rd_map_decimalPoint')}</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t.t('rd_map_timeZone')}</span>
          <input className="input" data-testid="mapping-zone" value={d.timeZone} maxLength={64} placeholder={t.t('rd_map_timeZoneAuto')} onChange={(e) => setD({ ...d, timeZone: e.target.value })} />
        </label>
      </div>
      <div className="mapping-checks">
        <label className="check check-inline">
          <input type="checkbox" data-testid="mapping-header" checked={d.header} onChange={(e) => setD({ ...d, header: e.target.checked })} />
          <span>{t.t('rd_map_header')}</span>
        </label>
        <fieldset className="mapping-formats">
          <legend className="field-label">{t.t('rd_map_dateFormats')}</legend>
          {DATE_FORMATS.map((f) => (
            <label key={f} className="check check-inline">
              <input
                type="checkbox"
                checked={d.dateFormats.includes(f)}
                onChange={(e) => setD({ ...d, dateFormats: e.target.checked ? DATE_FORMATS.filter((x) => x === f || d.dateFormats.includes(x)) : d.dateFormats.filter((x) => x !== f) })}
              />
              <span className="mono">{t.t(`rd_map_fmt_${f === 'YYYY-MM-DD' ? 'iso' : f === 'DD.MM.YYYY' ? 'dots' : 'slashes'}`)}</span>
            </label>
          ))}
        </fieldset>
      </div>
      <fieldset className="mapping-columns">
        <legend className="field-label">{t.t(d.header ? 'rd_map_columnsByName' : 'rd_map_columnsByNumber')}</legend>
        {COLUMN_FIELDS.map((k) => (
          <label key={k} className="field">
            <span className="field-label">{t.t(`rd_map_col_${k}`)}</span>
            <input className="input" data-testid={`mapping-col-${k}`} value={d.columns[k]} maxLength={128} onChange={(e) => col(k, e.target.value)} />
          </label>
        ))}
      </fieldset>
      <p className="field-help">{t.t('rd_map_columnsHelp')}</p>
      {missing ? <FormMessage text={missing} testId="mapping-missing" /> : null}
      {problem ? <InlineProblem problem={problem} testId="mapping-problem" /> : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="mapping-save" disabled={busy}>
          {busy ? t.t('ops_saving') : t.t('rd_map_save')}
        </button>
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          {t.t('ops_cancel')}
        </button>
      </div>
    </form>
  );
}
