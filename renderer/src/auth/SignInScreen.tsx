import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useT } from '../i18n';
import { useSaldo } from '../store';
import { TextField } from '../ui/TextField';
import { AuthFooter } from './AuthFooter';
import { AuthLayout } from './AuthLayout';

type Missing = 'name' | 'password' | null;

/** Operator name and password. Enter signs in; after a failure the password is cleared and focused. */
export function SignInScreen() {
  const t = useT();
  const organisation = useSaldo((s) => s.organisationName);
  const busy = useSaldo((s) => s.authBusy);
  const problem = useSaldo((s) => s.authError);
  const signIn = useSaldo((s) => s.signIn);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<Missing>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const errorId = useId();

  useEffect(() => {
    nameRef.current?.focus();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const n = name.trim();
    if (!n) {
      setMissing('name');
      nameRef.current?.focus();
      return;
    }
    if (!password) {
      setMissing('password');
      passwordRef.current?.focus();
      return;
    }
    setMissing(null);
    const typed = password;
    setPassword(''); // the password lives only in this call from here on
    const ok = await signIn(n, typed);
    if (!ok) passwordRef.current?.focus();
  };

  const showError = missing !== null || !!problem;

  return (
    <AuthLayout organisation={organisation} testId="sign-in">
      <h1 className="auth-title">{t.t('auth_signInTitle')}</h1>
      <p className="muted">{t.t('auth_signInIntro')}</p>
      <form className="auth-form" onSubmit={(e) => void submit(e)} noValidate aria-describedby={showError ? errorId : undefined}>
        <TextField
          ref={nameRef}
          label={t.t('auth_name')}
          name="username"
          autoComplete="username"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={64}
          value={name}
          onValue={setName}
          invalid={missing === 'name' || problem?.code === 'SAL-6020'}
          testId="sign-in-name"
        />
        <TextField
          ref={passwordRef}
          label={t.t('auth_password')}
          type="password"
          name="password"
          autoComplete="current-password"
          maxLength={256}
          value={password}
          onValue={setPassword}
          invalid={missing === 'password' || !!problem}
          testId="sign-in-password"
        />
        <AuthFooter
          testId="sign-in"
          errorId={errorId}
          message={missing ? t.t(missing === 'name' ? 'auth_nameRequired' : 'auth_passwordRequired') : null}
          problem={problem}
          busy={busy}
          label={t.t('auth_signIn')}
          busyLabel={t.t('auth_signingIn')}
        />
      </form>
      <p className="muted small auth-note">{t.t('auth_forgot')}</p>
    </AuthLayout>
  );
}
