// The one rule for registered_accounts, planned the same way by both adapters: insert on
// `registered` when absent, delete only on an explicit `unregistered`, in the events' order.
import { describe, expect, it } from 'vitest';
import { checkRegistrationEvents, planRegistrations, utcSeconds, type RegistrationEvent } from '../../../main/accounting/registered-accounts';
import { maskEmail } from '../../../main/accounts/registrations/store';

const reg = (account_no: string, at = '2026-10-02T11:07:14+02:00', portal_login: string | null = `${account_no}@example.pl`): RegistrationEvent => ({ event: 'registered', account_no, at, portal_login });
const unreg = (account_no: string, at = '2026-10-03T09:00:00Z'): RegistrationEvent => ({ event: 'unregistered', account_no, at, portal_login: null });

describe('planRegistrations', () => {
  it('inserts what is absent, leaves what is present, and never deletes without an unregistration', () => {
    const plan = planRegistrations(new Set(['A', 'B']), [reg('A'), reg('C')]);
    expect(plan.results).toEqual([
      { account_no: 'A', status: 'already' },
      { account_no: 'C', status: 'inserted' },
    ]);
    expect(plan.deletes).toEqual([]);
    expect(plan.inserts).toEqual([{ account_no: 'C', registered_at: '2026-10-02T09:07:14Z', portal_login: 'C@example.pl' }]);
  });

  it('an empty batch changes nothing, whatever is present', () => {
    expect(planRegistrations(new Set(['A', 'B', 'C']), [])).toEqual({ results: [], deletes: [], inserts: [] });
  });

  it('deletes only on unregistration, and an unregistration of an absent account is nothing to do', () => {
    const plan = planRegistrations(new Set(['A']), [unreg('A'), unreg('Z')]);
    expect(plan.results.map((r) => r.status)).toEqual(['deleted', 'absent']);
    expect(plan.deletes).toEqual(['A']);
    expect(plan.inserts).toEqual([]);
  });

  it('applies events in order: registered then unregistered in one batch leaves nothing; gone and back is deleted and inserted anew', () => {
    const a = planRegistrations(new Set(), [reg('N'), unreg('N')]);
    expect(a.results.map((r) => r.status)).toEqual(['inserted', 'deleted']);
    expect(a).toMatchObject({ deletes: [], inserts: [] });
    const b = planRegistrations(new Set(['P']), [unreg('P'), reg('P', '2026-10-05T10:00:00Z'), reg('P')]);
    expect(b.results.map((r) => r.status)).toEqual(['deleted', 'inserted', 'already']);
    expect(b.deletes).toEqual(['P']);
    expect(b.inserts).toEqual([{ account_no: 'P', registered_at: '2026-10-05T10:00:00Z', portal_login: 'P@example.pl' }]);
  });

  it('keeps a login to the column width and times in UTC to the second', () => {
    const long = 'x'.repeat(200);
    expect(planRegistrations(new Set(), [reg('L', '2026-03-29T01:59:59.999+01:00', long)]).inserts[0]).toEqual({ account_no: 'L', registered_at: '2026-03-29T00:59:59Z', portal_login: 'x'.repeat(128) });
    expect(utcSeconds('2026-10-31T23:30:00-02:00')).toBe('2026-11-01T01:30:00Z');
  });

  it('refuses a batch the table cannot take', () => {
    expect(checkRegistrationEvents([reg('A')])).toBeNull();
    expect(checkRegistrationEvents([reg('x'.repeat(33))])).toMatch(/1–32/);
    expect(checkRegistrationEvents([{ ...reg('A'), event: 'updated' as never }])).toMatch(/event 1/);
    expect(checkRegistrationEvents([reg('A'), { ...reg('B'), at: 'yesterday' }])).toMatch(/event 2/);
  });
});

describe('maskEmail', () => {
  it('keeps the first letter and the domain only', () => {
    expect(maskEmail('jan.kowalski@example.pl')).toBe('j••••••••@example.pl');
    expect(maskEmail('ab@x.ua')).toBe('a•••@x.ua');
    expect(maskEmail('олена@приклад.укр')).toBe('о••••@приклад.укр');
    expect(maskEmail('no-at-sign')).toBe('n•••');
    expect(maskEmail('')).toBe('');
    expect(maskEmail('jan.kowalski@example.pl')).not.toContain('kowalski');
  });
});
