// Which premises get an activation code (issue 7 point 1). The accounting data of the latest period
// is the truth about premises; a premises gets a code when it is
//   - portal-enabled (the "WWW" parameter) and active, with an account number no other premises has;
//   - not in accounting's registered_accounts (a resident who registered needs no code);
//   - without a live code: none issued, or the last one expired, replaced, never printed (its letter
//     failed) or never confirmed (the process stopped between the portal and the letter) — unless
//     `reissue` asks for a new one anyway.
// Premises left out are counted by reason; when they were named one by one (--accounts) each is also
// listed with its code, so the operator sees why.

import type { AccountRow } from '../../../shared/domain/accounting';
import type { Locale, Problem } from '../../../shared/domain/types';
import { fail, problem } from '../../../shared/errors/problem';
import type { AccountsCreateRequest } from '../../../shared/ipc/contract-accounts';
import type { AccountingGateway } from '../../accounting/port';
import { formatInstant } from '../../reports/model';
import { ActivationStore, type ActivationRow } from './store';

/** What a letter and the payload need of a premises (a whole workspace's rows stay small). */
export type Premises = Pick<AccountRow, 'building' | 'address' | 'unit' | 'owner_name' | 'portal_enabled' | 'portal_group' | 'status'> & { account_no: string };

export interface Chosen {
  row: Premises;
  /** The account's newest code, if any (its version + 1 is the new one's; a live one is replaced). */
  previous: ActivationRow | null;
}

export interface Selection {
  period: string;
  selected: number;
  toIssue: Chosen[];
  skipped: { registered: number; live: number; notEligible: number };
  problems: Problem[];
  /** Per account left out: why (the run's per-record outcomes). */
  outcomes: Array<{ key: string; outcome: 'skipped-registered' | 'skipped-live' | 'not-eligible' | 'unknown' | 'duplicate' }>;
}

export async function selectPremises(
  gw: AccountingGateway,
  store: ActivationStore,
  req: AccountsCreateRequest,
  now: Date,
  locale: Locale,
  signal: AbortSignal,
): Promise<Selection> {
  const period = (await gw.periods())[0];
  if (!period) fail('SAL-5003', locale, { period: '—' });
  const wanted = req.accounts ? new Set(req.accounts) : null;
  const named = wanted !== null;
  const rows: Premises[] = [];
  const seen = new Map<string, number>();
  for await (const r of gw.export('export_accounts', { period }, signal)) {
    if (!r.account_no) continue;
    seen.set(r.account_no, (seen.get(r.account_no) ?? 0) + 1);
    if (wanted && !wanted.has(r.account_no)) continue;
    if (req.building !== undefined && r.building !== req.building) continue;
    rows.push({ account_no: r.account_no, building: r.building, address: r.address, unit: r.unit, owner_name: r.owner_name, portal_enabled: r.portal_enabled, portal_group: r.portal_group, status: r.status });
  }
  const problems: Problem[] = [];
  const outcomes: Selection['outcomes'] = [];
  if (req.building !== undefined && rows.length === 0) fail('SAL-4105', locale, { building: req.building });
  if (wanted) {
    for (const a of wanted) {
      if (!seen.has(a)) {
        problems.push(problem('SAL-4104', locale, { account: a }, { key: a }));
        outcomes.push({ key: a, outcome: 'unknown' });
      }
    }
  }

  const registered = new Set((await gw.registeredAccounts(signal)).map((r) => r.account_no));
  const latest = store.latest(rows.map((r) => r.account_no));
  const skipped = { registered: 0, live: 0, notEligible: 0 };
  const toIssue: Chosen[] = [];
  const duplicates = new Set<string>();
  for (const row of rows) {
    const a = row.account_no;
    if ((seen.get(a) ?? 0) > 1) {
      // Two premises with one number: a letter could reach the wrong flat. SAL-1002 names it once.
      if (!duplicates.has(a)) problems.push(problem('SAL-1002', locale, { account: a, count: seen.get(a)! }, { key: a }));
      duplicates.add(a);
      skipped.notEligible++;
      outcomes.push({ key: a, outcome: 'duplicate' });
      continue;
    }
    if (!row.portal_enabled || row.status !== 'active') {
      skipped.notEligible++;
      outcomes.push({ key: a, outcome: 'not-eligible' });
      if (named) problems.push(problem('SAL-4101', locale, { account: a }, { key: a }));
      continue;
    }
    if (registered.has(a)) {
      skipped.registered++;
      outcomes.push({ key: a, outcome: 'skipped-registered' });
      if (named) problems.push(problem('SAL-4102', locale, { account: a }, { key: a }));
      continue;
    }
    const prev = latest.get(a) ?? null;
    if (prev && ActivationStore.isLive(prev, now) && !req.reissue) {
      skipped.live++;
      outcomes.push({ key: a, outcome: 'skipped-live' });
      if (named) problems.push(problem('SAL-4103', locale, { account: a, codeId: prev.code_id, issued: formatInstant(prev.issued_at, locale) }, { key: a }));
      continue;
    }
    toIssue.push({ row, previous: prev });
  }
  return { period, selected: rows.length + (wanted ? [...wanted].filter((a) => !seen.has(a)).length : 0), toIssue, skipped, problems, outcomes };
}
