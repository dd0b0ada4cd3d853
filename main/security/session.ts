// Signing in to the window. Local accounts with scrypt hashes; after LOCKOUT.failures wrong
// passwords in a row the account is locked for LOCKOUT.minutes. A wrong name and a wrong password
// get the same answer (and take the same time), so names cannot be probed. Every attempt is
// audited. The CLI does not sign in: it acts as a named operator (--operator, or the config's
// scheduled-job operator) and is held to that operator's permissions.

import { permissionsOf, type Operator } from '../../shared/domain/permissions';
import type { SessionStatus } from '../../shared/ipc/contract';
import { fail } from '../../shared/errors/problem';
import type { Workspace } from '../engine/workspace';
import { hashPassword, passwordWeakness, verifyPassword } from './passwords';
import { formatInstant } from '../reports/model';

export const LOCKOUT = { failures: 5, minutes: 15 };

/** Who is signed in on one transport (the window, the test bridge). */
export interface SessionState {
  actor: Operator | null;
}

// Verified against when the name is unknown, so that a miss costs as much as a hit.
let dummyHash: Promise<string> | null = null;

export function sessionStatus(ws: Workspace, session: SessionState): SessionStatus {
  // An operator disabled or changed since sign-in is re-read on every status call.
  if (session.actor) session.actor = ws.operators.find(session.actor.name);
  const op = session.actor;
  return {
    organisation: ws.cfg.config.organisation.name,
    signedIn: !!op,
    needsSetup: !ws.operators.anyAdministratorCanSignIn(),
    operator: op ? { ...op, permissions: permissionsOf(op) } : undefined,
    locale: ws.locale(),
  };
}

export async function signIn(ws: Workspace, session: SessionState, name: string, password: string): Promise<SessionStatus> {
  const locale = ws.locale();
  const state = ws.operators.signInState(name);
  const now = new Date();
  if (state?.lockedUntil && state.lockedUntil > now.toISOString()) {
    ws.audit.append(state.operator.name, 'session.signIn.locked', null, { until: state.lockedUntil });
    fail('SAL-6021', locale, { operator: state.operator.name, until: formatInstant(state.lockedUntil, locale) });
  }
  const hash = state?.passwordHash ?? (await (dummyHash ??= hashPassword('not a password of anyone')));
  const ok = (await verifyPassword(password, hash)) && !!state && !!state.passwordHash && !state.disabled;
  if (!ok) {
    const lockUntil = new Date(now.getTime() + LOCKOUT.minutes * 60_000).toISOString();
    const r = state ? ws.operators.recordFailure(state.operator.name, LOCKOUT.failures, lockUntil) : { failed: 0, lockedUntil: null };
    // The attempted name is recorded only when it is a real operator; anything else typed there
    // could be a password typed in the wrong field.
    ws.audit.append(state ? state.operator.name : '(unknown)', 'session.signIn.failed', null, { failedInARow: r.failed, locked: !!r.lockedUntil });
    if (r.lockedUntil) fail('SAL-6021', locale, { operator: state!.operator.name, until: formatInstant(r.lockedUntil, locale) });
    fail('SAL-6020', locale);
  }
  ws.operators.recordSuccess(state.operator.name);
  ws.audit.append(state.operator.name, 'session.signIn', null, {});
  session.actor = state.operator;
  return sessionStatus(ws, session);
}

export function signOut(ws: Workspace, session: SessionState): SessionStatus {
  if (session.actor) ws.audit.append(session.actor.name, 'session.signOut', null, {});
  session.actor = null;
  return sessionStatus(ws, session);
}

export async function checkedHash(ws: Workspace, name: string, password: string): Promise<string> {
  const weak = passwordWeakness(password, name);
  if (weak === 'same_as_name') fail('SAL-6029', ws.locale(), { operator: name });
  if (weak) fail('SAL-6022', ws.locale());
  return hashPassword(password);
}

/**
 * First start: with no administrator able to sign in, create one — or give a password to the
 * existing administrator of a demo workspace. Refused once any administrator can sign in.
 */
export async function setupAdmin(ws: Workspace, session: SessionState, req: { name: string; displayName: string; password: string }): Promise<SessionStatus> {
  if (ws.operators.anyAdministratorCanSignIn()) fail('SAL-6026', ws.locale());
  const hash = await checkedHash(ws, req.name, req.password);
  const existing = ws.operators.signInState(req.name);
  if (existing && existing.operator.role === 'administrator') {
    ws.operators.update(existing.operator.name, { displayName: req.displayName, passwordHash: hash, disabled: false });
  } else if (existing) {
    fail('SAL-6026', ws.locale());
  } else {
    ws.operators.add({ name: req.name, displayName: req.displayName, role: 'administrator', passwordHash: hash });
  }
  ws.audit.append(req.name, 'operators.setupAdmin', req.name, {});
  ws.operators.recordSuccess(req.name);
  session.actor = ws.operators.find(req.name);
  return sessionStatus(ws, session);
}
