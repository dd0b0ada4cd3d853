import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useT } from '../i18n';
import { useSaldo } from '../store';
import { TextField } from '../ui/TextField';
import { AuthFooter } from './AuthFooter';
import { AuthLayout } from './AuthLayout';
import { OPERATOR_NAME, isPasswordProblem } from './names';

type Local = 'name' | 'displayName' | 'password' | 'mismatch' | null;

/** First start: nobody can sign in yet, so the administrator is created here and signed in. */
export function SetupScreen() {
  const t = useT();
  const busy = useSaldo((s) => s.authBusy);
  const problem = useSaldo((s) => s.authError);
  const setup = useSaldo((s) => s.setupAdmin);
  const [name, setName] = useState('admin');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [local, setLocal] = useState<Local>(null);
  const refs = {
    name: useRef<HTMLInputElement>(null),
    displayName: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    repeat: useRef<HTMLInputElement>(null),
  };
  const ruleId = useId();
  const errorId = useId();

  useEffect(() => {
    refs.displayName.current?.focus();
  }, []);

  const refuse = (what: Exclude<Local, null>, focus: keyof typeof refs) => {
    setLocal(what);
    refs[focus].current?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const n = name.trim();
    if (!OPERATOR_NAME.test(n)) return refuse('name', 'name');
    if (!displayName.trim()) return refuse('displayName', 'displayName');
    if (!password) return refuse('password', 'password');
    if (password !== repeat) {
      setPassword('');
      setRepeat('');
      return refuse('mismatch', 'password');
    }
    setLocal(null);
    const typed = password;
    setPassword('');
    setRepeat('');
    const ok = await setup({ name: n, displayName: displayName.trim(), password: typed });
    if (!ok) refs.password.current?.focus();
  };

  const localText =
    local === 'name' ? t.t('form_nameInvalid') : local === 'displayName' ? t.t('form_displayNameRequired') : local === 'password' ? t.t('auth_passwordRequired') : local === 'mismatch' ? t.t('form_mismatch') : null;
  const passwordProblem = local === 'password' || local === 'mismatch' || isPasswordProblem(problem);

  return (
    <AuthLayout testId="setup">
      <h1 className="auth-title">{t.t('setup_title')}</h1>
      <p className="muted">{t.t('setup_intro')}</p>
      <form className="auth-form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          ref={refs.name}
          label={t.t('setup_name')}
          name="username"
          autoComplete="username"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={64}
          value={name}
          onValue={setName}
          invalid={local === 'name'}
          testId="setup-name"
        />
        <TextField
          ref={refs.displayName}
          label={t.t('setup_displayName')}
          name="displayName"
          autoComplete="name"
          maxLength={128}
          value={displayName}
          onValue={setDisplayName}
          invalid={local === 'displayName'}
          testId="setup-display-name"
        />
        <TextField
          ref={refs.password}
          label={t.t('setup_password')}
          type="password"
          name="new-password"
          autoComplete="new-password"
          maxLength={256}
          value={password}
          onValue={setPassword}
          describedBy={ruleId}
          invalid={passwordProblem}
          testId="setup-password"
        />
        <TextField
          ref={refs.repeat}
          label={t.t('setup_repeat')}
          type="password"
          name="repeat-password"
          autoComplete="new-password"
          maxLength={256}
          value={repeat}
          onValue={setRepeat}
          invalid={local === 'mismatch'}
          testId="setup-repeat"
        />
        <p className="field-help" id={ruleId}>
          {t.t('setup_rule')}
        </p>
        <AuthFooter testId="setup" errorId={errorId} message={localText} problem={problem} busy={busy} label={t.t('setup_submit')} busyLabel={t.t('setup_working')} />
      </form>
    </AuthLayout>
  );
}
