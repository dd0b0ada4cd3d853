import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useT } from '../i18n';
import { useSaldo } from '../store';
import { FormMessage, InlineProblem } from '../ui/InlineProblem';
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
        <label className="field">
          <span className="field-label">{t.t('auth_name')}</span>
          <input
            ref={nameRef}
            className="input"
            name="username"
            autoComplete="username"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={64}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={missing === 'name' || problem?.code === 'SAL-6020' ? true : undefined}
            data-testid="sign-in-name"
          />
        </label>
        <label className="field">
          <span className="field-label">{t.t('auth_password')}</span>
          <input
            ref={passwordRef}
            className="input"
            type="password"
            name="password"
            autoComplete="current-password"
            maxLength={256}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={missing === 'password' || !!problem ? true : undefined}
            data-testid="sign-in-password"
          />
        </label>
        {missing ? (
          <FormMessage id={errorId} text={t.t(missing === 'name' ? 'auth_nameRequired' : 'auth_passwordRequired')} testId="sign-in-missing" />
        ) : problem ? (
          <InlineProblem id={errorId} problem={problem} testId="sign-in-problem" />
        ) : null}
        <div className="auth-actions">
          <button type="submit" className="button button-primary auth-submit" disabled={busy} data-testid="sign-in-submit">
            {busy ? t.t('auth_signingIn') : t.t('auth_signIn')}
          </button>
        </div>
      </form>
      <p className="muted small auth-note">{t.t('auth_forgot')}</p>
    </AuthLayout>
  );
}
