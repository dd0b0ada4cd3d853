import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Problem, Role } from '../../../shared/domain/types';
import { ROLES } from '../../../shared/domain/types';
import type { OperatorView } from '../../../shared/ipc/views';
import { OPERATOR_NAME, isPasswordProblem } from '../auth/names';
import { useT } from '../i18n';
import { useSaldo } from '../store';
import { FormMessage, InlineProblem } from '../ui/InlineProblem';
import { TextField } from '../ui/TextField';

type Local = 'name' | 'displayName' | 'password' | 'mismatch' | null;

/**
 * Add an operator or change one: name (new only), full name, role, the exchange grant for an
 * Operator, a password (required for a new operator; for an existing one it resets the password),
 * disabled. A modal <dialog>: Escape or Cancel closes it, focus stays inside while it is open.
 */
export function OperatorDialog({ editing, onClose }: { editing: OperatorView | null; onClose: (saved?: string) => void }) {
  const t = useT();
  const save = useSaldo((s) => s.saveOperator);
  const isNew = editing === null;
  const [name, setName] = useState(editing?.name ?? '');
  const [displayName, setDisplayName] = useState(editing?.displayName ?? '');
  const [role, setRole] = useState<Role>(editing?.role ?? 'operator');
  const [exchange, setExchange] = useState(editing?.grants.includes('exchange.run') ?? false);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [disabled, setDisabled] = useState(editing?.disabled ?? false);
  const [local, setLocal] = useState<Local>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const refs = {
    name: useRef<HTMLInputElement>(null),
    displayName: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
  };
  const titleId = useId();
  const ruleId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    (isNew ? refs.name : refs.displayName).current?.focus();
    return () => d?.close();
    // opened once per mount
  }, []);

  const refuse = (what: Exclude<Local, null>, focus: keyof typeof refs) => {
    setLocal(what);
    setProblem(null);
    refs[focus].current?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const n = name.trim();
    if (isNew && !OPERATOR_NAME.test(n)) return refuse('name', 'name');
    if (!displayName.trim()) return refuse('displayName', 'displayName');
    if (isNew && !password) return refuse('password', 'password');
    if (password !== repeat) {
      setPassword('');
      setRepeat('');
      return refuse('mismatch', 'password');
    }
    setLocal(null);
    setProblem(null);
    setBusy(true);
    const typed = password;
    setPassword('');
    setRepeat('');
    const p = await save({
      name: isNew ? n : editing.name,
      displayName: displayName.trim(),
      role,
      grants: role === 'operator' && exchange ? ['exchange.run'] : [],
      ...(typed ? { password: typed } : {}),
      ...(isNew ? {} : { disabled }),
    });
    setBusy(false);
    if (!p) {
      onClose(isNew ? n : editing.name);
      return;
    }
    setProblem(p);
    if (isPasswordProblem(p)) refs.password.current?.focus();
  };

  const localText =
    local === 'name'
      ? t.t('form_nameInvalid')
      : local === 'displayName'
        ? t.t('form_displayNameRequired')
        : local === 'password'
          ? t.t('ops_passwordRequired')
          : local === 'mismatch'
            ? t.t('form_mismatch')
            : null;

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      data-testid="operator-dialog"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form className="dialog-form" onSubmit={(e) => void submit(e)} noValidate>
        <h2 className="dialog-title" id={titleId}>
          {isNew ? t.t('ops_addTitle') : t.t('ops_editTitle', { name: editing.name })}
        </h2>
        <div className="dialog-body">
          {isNew ? (
            <TextField
              ref={refs.name}
              label={t.t('setup_name')}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              maxLength={64}
              value={name}
              onValue={setName}
              invalid={local === 'name'}
              testId="operator-name"
            />
          ) : null}
          <TextField
            ref={refs.displayName}
            label={t.t('ops_displayName')}
            autoComplete="off"
            maxLength={128}
            value={displayName}
            onValue={setDisplayName}
            invalid={local === 'displayName'}
            testId="operator-display-name"
          />
          <label className="field">
            <span className="field-label">{t.t('ops_role')}</span>
            <select className="select" value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="operator-role">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t.label('role_', r)}
                </option>
              ))}
            </select>
            <span className="field-help">{t.label('roleHint_', role)}</span>
          </label>
          {role === 'operator' ? (
            <label className="check">
              <input type="checkbox" checked={exchange} onChange={(e) => setExchange(e.target.checked)} data-testid="operator-exchange" />
              <span>{t.t('ops_exchange')}</span>
            </label>
          ) : null}
          <div className="field-pair">
            <TextField
              ref={refs.password}
              label={isNew ? t.t('ops_password') : t.t('ops_newPassword')}
              type="password"
              autoComplete="new-password"
              maxLength={256}
              value={password}
              onValue={setPassword}
              describedBy={ruleId}
              invalid={local === 'password' || local === 'mismatch' || isPasswordProblem(problem)}
              testId="operator-password"
            />
            <TextField
              label={t.t('ops_repeat')}
              type="password"
              autoComplete="new-password"
              maxLength={256}
              value={repeat}
              onValue={setRepeat}
              invalid={local === 'mismatch'}
              testId="operator-repeat"
            />
          </div>
          <p className="field-help" id={ruleId}>
            {isNew ? t.t('setup_rule') : `${t.t('ops_passwordKeep')} ${t.t('setup_rule')}`}
          </p>
          {!isNew ? (
            <label className="check">
              <input type="checkbox" checked={disabled} onChange={(e) => setDisabled(e.target.checked)} data-testid="operator-disabled" />
              <span>{t.t('ops_disabledLabel')}</span>
            </label>
          ) : null}
          {localText ? <FormMessage text={localText} testId="operator-missing" /> : problem ? <InlineProblem problem={problem} testId="operator-problem" /> : null}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => onClose()} disabled={busy} data-testid="operator-cancel">
            {t.t('ops_cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="operator-save">
            {busy ? t.t('ops_saving') : t.t('ops_save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
