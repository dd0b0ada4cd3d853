import { Fragment, useEffect, useState, type FormEvent } from 'react';
import type { Problem } from '../../../shared/domain/types';
import { TextField } from '../ui/TextField';
import type { ConnectionStep, ConnectionTest, ProfileView } from '../../../shared/ipc/views';
import { useT } from '../i18n';
import { useSaldo, type ProfileTestState } from '../store';
import { InlineProblem } from '../ui/InlineProblem';
import { ConnectionState } from './ConnectionState';

const STEPS: ConnectionStep[] = ['config', 'network', 'tls', 'login', 'procedures', 'permissions'];

/** Stores a password or token for a connection: typed here, encrypted by main, never shown again. */
function SecretForm({ name, onDone }: { name: string; onDone: () => void }) {
  const t = useT();
  const saveSecret = useSaldo((s) => s.saveSecret);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!value || busy) return;
    setBusy(true);
    const p = await saveSecret(name, value);
    setBusy(false);
    setValue(''); // never keep a secret in the window longer than the call
    if (p) setProblem(p);
    else onDone();
  };
  return (
    <form className="secret-form" onSubmit={(e) => void submit(e)} data-testid={`secret-form-${name}`}>
      <TextField
        label={t.t('prof_secretValue', { name })}
        type="password"
        autoComplete="off"
        maxLength={4096}
        value={value}
        onValue={setValue}
        invalid={false}
        testId={`secret-value-${name}`}
      />
      <div className="secret-actions">
        <button type="submit" className="button button-primary" disabled={!value || busy} data-testid={`secret-save-${name}`}>
          {t.t('prof_secretSave')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t.t('prof_secretCancel')}
        </button>
      </div>
      {problem ? <InlineProblem problem={problem} /> : null}
    </form>
  );
}

function Secrets({ profile }: { profile: ProfileView }) {
  const t = useT();
  const [editing, setEditing] = useState<string | null>(null);
  if (profile.secrets.length === 0) return <span className="muted">{t.t('prof_noSecrets')}</span>;
  return (
    <ul className="plain-list">
      {profile.secrets.map((s) => (
        <li key={s.name} data-secret={s.name} data-set={s.set ? 'true' : 'false'}>
          <span className="mono">{s.name}</span>{' '}
          <span className={s.set ? 'text-ok' : 'text-danger'}>{s.set ? t.t('prof_secretSet') : t.t('prof_secretNotSet')}</span>{' '}
          {editing === s.name ? (
            <SecretForm name={s.name} onDone={() => setEditing(null)} />
          ) : (
            <button type="button" className="button button-quiet" onClick={() => setEditing(s.name)} data-testid={`secret-edit-${s.name}`}>
              {s.set ? t.t('prof_secretChange') : t.t('prof_secretStore')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Each step with ✓ or ✗; the failing step's problem; steps after it "not checked"; excess rights as warnings. */
function TestResult({ result }: { result: ConnectionTest }) {
  const t = useT();
  const failedAt = result.steps.find((s) => !s.ok);
  const done = new Set(result.steps.map((s) => s.step));
  // Steps the test never reached (after a failure); a passing test lists only the steps its adapter has.
  const notChecked = result.ok ? [] : STEPS.filter((s) => !done.has(s) && STEPS.indexOf(s) > STEPS.indexOf(failedAt?.step ?? 'config'));
  return (
    <div className="conn-test" data-testid={`profile-test-${result.profile}`} data-ok={result.ok ? 'true' : 'false'}>
      <p className={`conn-test-summary ${result.ok ? 'text-ok' : 'text-danger'}`} role="status">
        <span className="step-mark" aria-hidden="true">
          {result.ok ? '✓' : '✗'}
        </span>
        {result.ok ? t.t('test_ok') : t.t('test_failed', { step: t.label('step_', failedAt?.step ?? 'config') })}
      </p>
      <ol className="steps" aria-label={t.t('test_steps')}>
        {result.steps.map((s) => (
          <li key={s.step} className={`step ${s.ok ? 'step-ok' : 'step-failed'}`} data-step={s.step} data-ok={s.ok ? 'true' : 'false'}>
            <div className="step-line">
              <span className="step-mark" aria-hidden="true">
                {s.ok ? '✓' : '✗'}
              </span>
              <span className="step-name">{t.label('step_', s.step)}</span>
              <span className="step-state">{s.ok ? t.t('test_stepOk') : t.t('test_stepFailed')}</span>
            </div>
            {s.problem ? <InlineProblem problem={s.problem} testId="step-problem" /> : null}
          </li>
        ))}
        {notChecked.map((s) => (
          <li key={s} className="step step-skipped" data-step={s} data-ok="skipped">
            <div className="step-line">
              <span className="step-mark" aria-hidden="true">
                –
              </span>
              <span className="step-name">{t.label('step_', s)}</span>
              <span className="step-state">{t.t('test_notChecked')}</span>
            </div>
          </li>
        ))}
      </ol>
      {result.excess.length > 0 ? (
        <div className="conn-excess" data-testid="profile-excess">
          <p className="conn-excess-title">{t.t('test_excess')}</p>
          {result.excess.map((p, i) => (
            <InlineProblem key={i} problem={{ ...p, severity: p.severity === 'error' ? 'warning' : p.severity }} />
          ))}
        </div>
      ) : null}
    </div>
  );
}

function TestOutcome({ state }: { state: ProfileTestState | undefined }) {
  const t = useT();
  if (!state) return null;
  if (state.busy) return <p className="muted" role="status">{t.t('prof_testing')}</p>;
  if (state.error) return <InlineProblem problem={state.error} testId="profile-test-error" />;
  return state.result ? <TestResult result={state.result} /> : null;
}

/** The accounting source and the portal Saldo uses (and saved alternatives), each with "test connection". */
export function ProfilesPanel() {
  const t = useT();
  const profiles = useSaldo((s) => s.profiles);
  const state = useSaldo((s) => s.profilesState);
  const tests = useSaldo((s) => s.profileTests);
  const load = useSaldo((s) => s.loadProfiles);
  const test = useSaldo((s) => s.testProfile);
  const status = useSaldo((s) => s.status);

  useEffect(() => {
    if (useSaldo.getState().profilesState === 'idle') void load();
  }, [load]);

  return (
    <section className="panel" data-testid="settings-profiles" aria-labelledby="profiles-heading">
      <h2 className="panel-title" id="profiles-heading">
        {t.t('profiles_heading')}
      </h2>
      <p className="panel-intro">{t.t('profiles_intro')}</p>
      {state !== 'loaded' && profiles.length === 0 ? (
        <p className="muted">{t.t('loading')}</p>
      ) : (
        <table className="data-table" data-testid="profiles-table">
          <thead>
            <tr>
              <th scope="col">{t.t('prof_name')}</th>
              <th scope="col">{t.t('prof_kind')}</th>
              <th scope="col">{t.t('prof_adapter')}</th>
              <th scope="col">{t.t('prof_label')}</th>
              <th scope="col">{t.t('prof_secrets')}</th>
              <th scope="col">{t.t('prof_state')}</th>
              <th scope="col" className="actions-col">
                <span className="visually-hidden">{t.t('prof_test')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {profiles.map((p) => {
              const st = tests[p.name];
              return (
                <Fragment key={p.name}>
                  <tr data-profile={p.name}>
                    <th scope="row" className="mono">
                      {p.name}
                    </th>
                    <td>{t.label('profileKind_', p.kind)}</td>
                    <td>{t.label('adapter_', p.adapter)}</td>
                    <td className="mono break">{p.label}</td>
                    <td>
                      <Secrets profile={p} />
                    </td>
                    <td>
                      {p.active ? (
                        <div className="profile-state">
                          <span className="pill pill-ok">{t.t('prof_active')}</span>
                          {status ? <ConnectionState {...(p.kind === 'accounting' ? status.accounting : status.portal)} /> : null}
                        </div>
                      ) : (
                        <span className="muted">{t.t('prof_inactive')}</span>
                      )}
                    </td>
                    <td className="actions-col">
                      <button type="button" className="button" data-testid={`test-profile-${p.name}`} disabled={st?.busy} onClick={() => void test(p.name)}>
                        {st?.busy ? t.t('prof_testing') : t.t('prof_test')}
                      </button>
                    </td>
                  </tr>
                  {st && !st.busy ? (
                    <tr className="detail-row">
                      <td colSpan={7}>
                        <TestOutcome state={st} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
