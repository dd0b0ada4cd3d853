import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { OperatorView } from '../../../shared/ipc/views';
import { useT } from '../i18n';
import { useSaldo } from '../store';
import { OperatorDialog } from './OperatorDialog';

function OperatorState({ op }: { op: OperatorView }) {
  const t = useT();
  const parts: ReactElement[] = [];
  if (op.disabled) parts.push(<span key="d" className="pill pill-muted">{t.t('ops_disabled')}</span>);
  else parts.push(<span key="a" className="pill pill-ok">{t.t('ops_active')}</span>);
  if (op.lockedUntil) parts.push(<span key="l" className="pill pill-danger">{t.t('ops_lockedUntil', { time: t.dateTimeShort(op.lockedUntil) })}</span>);
  if (!op.hasPassword) parts.push(<span key="p" className="pill pill-warn">{t.t('ops_noPassword')}</span>);
  return <span className="pills">{parts}</span>;
}

type Editing = { mode: 'add' } | { mode: 'edit'; op: OperatorView } | null;

/** Operators, their roles and extra permissions; an administrator adds and edits them here. */
export function OperatorsPanel() {
  const t = useT();
  const operators = useSaldo((s) => s.operators);
  const state = useSaldo((s) => s.operatorsState);
  const me = useSaldo((s) => s.status?.operator.name);
  const load = useSaldo((s) => s.loadOperators);
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (useSaldo.getState().operatorsState === 'idle') void load();
  }, [load]);

  const open = (e: Editing, from: HTMLElement) => {
    opener.current = from;
    setSaved(null);
    setEditing(e);
  };
  const close = (savedName?: string) => {
    setEditing(null);
    if (savedName) setSaved(savedName);
    // back to the button that opened the form
    requestAnimationFrame(() => opener.current?.focus());
  };

  return (
    <section className="panel" data-testid="settings-operators" aria-labelledby="operators-heading">
      <div className="panel-head">
        <h2 className="panel-title" id="operators-heading">
          {t.t('ops_heading')}
        </h2>
        <span className="spacer" />
        <button type="button" className="button button-primary" data-testid="operator-add" onClick={(e) => open({ mode: 'add' }, e.currentTarget)}>
          {t.t('ops_add')}
        </button>
      </div>
      {saved ? (
        <p className="saved-note" role="status" data-testid="operator-saved">
          {t.t('ops_saved', { name: saved })}
        </p>
      ) : null}
      {state !== 'loaded' && operators.length === 0 ? (
        <p className="muted">{t.t('loading')}</p>
      ) : (
        <table className="data-table" data-testid="operators-table" aria-label={t.t('ops_table')}>
          <thead>
            <tr>
              <th scope="col">{t.t('ops_name')}</th>
              <th scope="col">{t.t('ops_displayName')}</th>
              <th scope="col">{t.t('ops_role')}</th>
              <th scope="col">{t.t('ops_grants')}</th>
              <th scope="col">{t.t('ops_state')}</th>
              <th scope="col">{t.t('ops_lastSignIn')}</th>
              <th scope="col" className="actions-col">
                <span className="visually-hidden">{t.t('ops_edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {operators.map((op) => (
              <tr key={op.name} data-operator={op.name} data-role={op.role} data-grants={op.grants.join(' ')}>
                <th scope="row" className="mono">
                  {op.name}
                  {op.name === me ? <span className="muted"> {t.t('ops_you')}</span> : null}
                </th>
                <td>{op.displayName}</td>
                <td>{t.label('role_', op.role)}</td>
                <td>
                  {op.grants.length === 0 ? (
                    <span className="muted">{t.t('none')}</span>
                  ) : (
                    <ul className="plain-list">
                      {op.grants.map((g) => (
                        <li key={g}>{t.label('perm_', g)}</li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  <OperatorState op={op} />
                </td>
                <td className="tabular">{op.lastSignIn ? t.dateTimeShort(op.lastSignIn) : <span className="muted">{t.t('ops_never')}</span>}</td>
                <td className="actions-col">
                  <button
                    type="button"
                    className="button"
                    data-testid={`operator-edit-${op.name}`}
                    aria-label={t.t('ops_editOf', { name: op.name })}
                    onClick={(e) => open({ mode: 'edit', op }, e.currentTarget)}
                  >
                    {t.t('ops_edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing ? <OperatorDialog editing={editing.mode === 'edit' ? editing.op : null} onClose={close} /> : null}
    </section>
  );
}
