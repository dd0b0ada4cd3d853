// Connection profiles as the Settings tab shows them, and "test connection" naming the step that
// failed (config, network, TLS, login, procedures, permissions). Profiles come from the
// workspace's config (the active accounting source and portal) and from the store's
// connection_profiles (saved alternatives). No view ever holds a credential.

import { accessSync, constants, existsSync, statSync } from 'node:fs';
import type { Operator } from '../../shared/domain/permissions';
import type { ConnectionTest, ProfileView } from '../../shared/ipc/views';
import { fail, problem } from '../../shared/errors/problem';
import { describeMssql, type MssqlSettings } from '../accounting/mssql/settings';
import { requirePermission } from '../engine/authorize';
import type { Workspace } from '../engine/workspace';
import { testConnection } from './test-connection';

interface Profile {
  view: Omit<ProfileView, 'secrets'>;
  secretNames: string[];
  test: () => Promise<ConnectionTest>;
}

function profilesOf(ws: Workspace, secretValue: (name: string) => Promise<string | null>): Profile[] {
  const c = ws.cfg.config;
  const locale = ws.locale();
  const out: Profile[] = [];
  const a = c.accounting;
  if (a.kind === 'sqlite') {
    const path = ws.cfg.path(a.path);
    out.push({
      view: { name: 'accounting', kind: 'accounting', adapter: 'sqlite', label: a.path, active: true },
      secretNames: [],
      test: () => testConnection({ name: 'accounting', kind: 'accounting', adapter: 'sqlite', path }, { locale }),
    });
  } else {
    const settings: MssqlSettings = a;
    const secret = settings.authentication.type === 'integrated' ? null : settings.authentication.passwordSecret;
    out.push({
      view: { name: 'accounting', kind: 'accounting', adapter: 'mssql', label: describeMssql(settings), active: true },
      secretNames: secret ? [secret] : [],
      test: async () => testConnection({ name: 'accounting', kind: 'accounting', adapter: 'mssql', settings }, { locale, password: secret ? await secretValue(secret) : null }),
    });
  }
  const p = c.portal;
  if (p.transport === 'folder') {
    const dir = ws.cfg.path(p.dir);
    out.push({
      view: { name: 'portal', kind: 'portal', adapter: 'folder', label: p.dir, active: true },
      secretNames: [],
      test: async () => {
        let ok = false;
        try {
          ok = existsSync(dir) && statSync(dir).isDirectory();
          if (ok) accessSync(dir, constants.W_OK);
        } catch {
          ok = false;
        }
        return {
          profile: 'portal',
          ok,
          steps: [{ step: 'config', ok, ...(ok ? {} : { problem: problem('SAL-6013', locale, { file: dir, detail: 'not a writable folder' }) }) }],
          excess: [],
        };
      },
    });
  } else {
    out.push({
      view: { name: 'portal', kind: 'portal', adapter: 'https', label: new URL(p.baseUrl).host, active: true },
      secretNames: [p.tokenSecret],
      // The HTTPS portal transport arrives with the Data to WWW issue.
      test: async () => ({
        profile: 'portal',
        ok: false,
        steps: [{ step: 'config', ok: false, problem: problem('SAL-6002', locale, { detail: 'the HTTPS portal transport is not available in this version' }) }],
        excess: [],
      }),
    });
  }
  return out;
}

export interface SecretLookup {
  get(name: string): Promise<string | null>;
}

const noSecrets: SecretLookup = { get: async () => null };

export async function listProfiles(ws: Workspace, actor: Operator, secrets: SecretLookup = noSecrets): Promise<ProfileView[]> {
  requirePermission(actor, 'settings.manage', ws.locale());
  const views: ProfileView[] = [];
  for (const p of profilesOf(ws, (n) => secrets.get(n))) {
    const s = [];
    for (const name of p.secretNames) s.push({ name, set: (await secrets.get(name)) !== null });
    views.push({ ...p.view, secrets: s });
  }
  return views;
}

export async function testProfile(ws: Workspace, actor: Operator, name: string, secrets: SecretLookup = noSecrets): Promise<ConnectionTest> {
  requirePermission(actor, 'settings.manage', ws.locale());
  const p = profilesOf(ws, (n) => secrets.get(n)).find((x) => x.view.name === name);
  if (!p) fail('SAL-6028', ws.locale(), { profile: name });
  const result = await p.test();
  ws.audit.append(actor.name, 'profiles.test', name, { ok: result.ok, failedStep: result.steps.find((s) => !s.ok)?.step ?? null });
  return result;
}
