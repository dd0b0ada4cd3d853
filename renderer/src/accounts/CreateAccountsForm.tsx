import { useState, type FormEvent } from 'react';
import type { Locale } from '../../../shared/domain/types';
import { useT } from '../i18n';
import { FormMessage, InlineProblem } from '../ui/InlineProblem';
import { TextField } from '../ui/TextField';
import { useAccounts } from './store';

type Scope = 'building' | 'accounts' | 'all';
const SCOPES: Scope[] = ['building', 'accounts', 'all'];
/** '' asks for the workspace's language (the residents'), whatever the operator's window shows. */
const LANGUAGES: Array<Locale | ''> = ['', 'pl', 'uk', 'en'];

/**
 * Portal accounts with activation letters (issue 7 point 1): for one building, chosen accounts or
 * every portal-enabled premises without a portal account. The codes go to the portal as hashes;
 * the letters PDF is the codes' only copy — the window shows where it is, never a code.
 */
export function CreateAccountsForm() {
  const t = useT();
  const { create, startCreate } = useAccounts();
  const [scope, setScope] = useState<Scope>('building');
  const [building, setBuilding] = useState('');
  const [accounts, setAccounts] = useState('');
  const [language, setLanguage] = useState<Locale | ''>('');
  const [reissue, setReissue] = useState(false);
  const [missing, setMissing] = useState(false);
  const busy = !!create && !create.result && !create.error;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const list = accounts.split(/[\s,;]+/).map((x) => x.trim()).filter(Boolean);
    if ((scope === 'building' && !building.trim()) || (scope === 'accounts' && list.length === 0)) return setMissing(true);
    setMissing(false);
    void startCreate({
      ...(scope === 'building' ? { building: building.trim() } : scope === 'accounts' ? { accounts: list.slice(0, 10_000) } : {}),
      ...(reissue ? { reissue: true } : {}),
      ...(language ? { language } : {}),
    });
  };

  const r = create?.result;
  return (
    <section className="panel create-accounts" data-testid="create-accounts" aria-labelledby="create-accounts-heading">
      <h2 className="panel-title" id="create-accounts-heading">
        {t.t('acc_createHeading')}
      </h2>
      <p className="panel-intro">{t.t('acc_createIntro')}</p>
      <form className="create-accounts-form" onSubmit={submit} noValidate>
        <fieldset className="create-scope">
          <legend className="field-label">{t.t('acc_createScope')}</legend>
          {SCOPES.map((s) => (
            <label key={s} className="check check-inline">
              <input type="radio" name="create-scope" value={s} checked={scope === s} disabled={busy} data-testid={`create-scope-${s}`} onChange={() => setScope(s)} />
              <span>{t.t(`acc_createScope_${s}`)}</span>
            </label>
          ))}
        </fieldset>
        {scope === 'building' ? (
          <TextField label={t.t('acc_createBuilding')} value={building} maxLength={32} onValue={setBuilding} invalid={missing} disabled={busy} testId="create-building" />
        ) : scope === 'accounts' ? (
          <TextField label={t.t('acc_createAccounts')} value={accounts} onValue={setAccounts} invalid={missing} disabled={busy} testId="create-accounts-list" />
        ) : null}
        <label className="field">
          <span className="field-label">{t.t('acc_createLanguage')}</span>
          <select className="input" value={language} disabled={busy} data-testid="create-language" onChange={(e) => setLanguage(e.target.value as Locale | '')}>
            {LANGUAGES.map((l) => (
              <option key={l || 'default'} value={l}>
                {t.t(`acc_createLanguage_${l || 'default'}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={reissue} disabled={busy} data-testid="create-reissue" onChange={(e) => setReissue(e.target.checked)} />
          <span>{t.t('acc_createReissue')}</span>
        </label>
        {missing ? <FormMessage text={t.t('acc_createMissing')} testId="create-missing" /> : null}
        <div className="notice-actions">
          <button type="submit" className="button button-primary" data-testid="create-start" disabled={busy}>
            {busy ? t.t('acc_createBusy') : t.t('acc_createStart')}
          </button>
        </div>
      </form>
      {create?.error ? <InlineProblem problem={create.error} testId="create-problem" /> : null}
      {r ? (
        <div className="create-result" role="status" data-testid="create-result" data-issued={r.issued} data-status={r.status}>
          <p>
            {t.t('acc_createDone', {
              id: t.num(r.runId),
              status: t.label('status_', r.status),
              issued: t.num(r.issued),
              reissued: t.num(r.reissued),
              rejected: t.num(r.rejected),
              registered: t.num(r.skipped.registered),
              live: t.num(r.skipped.live),
            })}
          </p>
          {r.file ? (
            <p className="notice notice-note" data-testid="create-file">
              {t.t('acc_createFile', { file: r.file })}
            </p>
          ) : null}
          {r.errors.length ? <InlineProblem problem={r.errors[r.errors.length - 1]} testId="create-warning" /> : null}
        </div>
      ) : null}
    </section>
  );
}
