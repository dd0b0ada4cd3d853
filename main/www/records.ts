// From exchange rows to portal records: which accounts may be sent (the "WWW" parameter, no
// errors, the group receives the category), what each record carries, and the checks with
// numbered errors (SAL-10xx). Amounts travel as decimal strings ("1234.56"), never floats.

import { createHash } from 'node:crypto';
import type { AccountRow, BalanceRow, BeneficiaryRow, ChargeRow, MeterRow, ProviderRow, ResidentRow, ServiceRow } from '../../shared/domain/accounting';
import { isValidIban, isValidNrb } from '../../shared/domain/iban';
import { toDecimalString } from '../../shared/domain/money';
import type { Locale, Problem } from '../../shared/domain/types';
import { problem } from '../../shared/errors/problem';
import type { SentCategory, WwwSettings } from './settings';

export interface AccountInfo {
  group: 'member' | 'other';
  /** Why it is not sent, as the code of its error; undefined when it is sent. */
  error?: string;
}

/** The portal-enabled accounts of the period, built in one pass over export_accounts. */
export class AccountIndex {
  readonly accounts = new Map<string, AccountInfo>();
  readonly problems: Problem[] = [];
  private readonly seen = new Map<string, number>();

  constructor(private readonly locale: Locale) {}

  add(row: AccountRow): void {
    const key = row.account_no?.trim() ?? '';
    if (!key) {
      if (row.portal_enabled) this.problems.push(problem('SAL-1001', this.locale, { premises: `${row.building}/${row.unit ?? '-'}` }, { key: `${row.building}/${row.unit ?? '-'}` }));
      return;
    }
    this.seen.set(key, (this.seen.get(key) ?? 0) + 1);
    if (!row.portal_enabled) return;
    const err = accountError(row, this.locale);
    if (err) this.problems.push(err);
    const prev = this.accounts.get(key);
    this.accounts.set(key, { group: row.portal_group, error: err?.code ?? prev?.error });
  }

  /** After the pass: an account number used by several premises is sent for none of them. */
  finish(): void {
    for (const [key, n] of this.seen) {
      if (n < 2) continue;
      const info = this.accounts.get(key);
      if (info) {
        info.error = 'SAL-1002';
        this.problems.push(problem('SAL-1002', this.locale, { account: key, count: n }, { key }));
      }
    }
  }

  private readonly sendableSets = new Map<SentCategory, Set<string>>();

  /** The accounts of one category that are sent: WWW, no error, the group receives it (built once per category). */
  sendableFor(category: SentCategory, settings: WwwSettings): Set<string> {
    let set = this.sendableSets.get(category);
    if (!set) {
      const member = settings.groups.member.includes(category);
      const other = settings.groups.other.includes(category);
      set = new Set();
      for (const [key, info] of this.accounts) if (!info.error && (info.group === 'member' ? member : other)) set.add(key);
      this.sendableSets.set(category, set);
    }
    return set;
  }

  sendable(key: string, category: SentCategory, settings: WwwSettings): boolean {
    return this.sendableFor(category, settings).has(key);
  }
}

function accountError(row: AccountRow, locale: Locale): Problem | null {
  const key = row.account_no!;
  const va = row.virtual_account.replace(/\s/g, '');
  const ok = /^\d{26}$/.test(va) ? isValidNrb(va) : isValidIban(va);
  if (!ok) return problem('SAL-1003', locale, { iban: row.virtual_account, account: key }, { key });
  if (!Number.isInteger(row.residents_count) || row.residents_count < 0 || row.residents_count > 30) {
    return problem('SAL-1004', locale, { count: row.residents_count, account: key }, { key });
  }
  const area = Number(row.area_m2);
  if (!(area > 0 && area <= 10_000)) return problem('SAL-1005', locale, { area: row.area_m2, account: key }, { key });
  return null;
}

export function accountWarnings(row: AccountRow, locale: Locale): Problem[] {
  return row.status === 'closed' && row.portal_enabled && row.account_no ? [problem('SAL-1010', locale, { account: row.account_no }, { key: row.account_no })] : [];
}

const money = toDecimalString;

/** What the portal receives of each category's row (docs/portal-api.json: a dictionary record repeats its key; per-account rows do not). */
export const DATA = {
  accounts: (r: AccountRow) => ({
    account_no: r.account_no,
    premises_kind: r.premises_kind,
    building: r.building,
    address: r.address,
    unit: r.unit,
    area_m2: r.area_m2,
    residents_count: r.residents_count,
    owner_name: r.owner_name,
    portal_group: r.portal_group,
    virtual_account: r.virtual_account,
    info1: r.info1,
    info2: r.info2,
    info3: r.info3,
    info4: r.info4,
    status: r.status,
  }),
  services: (r: ServiceRow) => ({ code: r.code, name: r.name, unit: r.unit, tariff: r.tariff, provider_code: r.provider_code }),
  providers: (r: ProviderRow) => ({ provider_code: r.provider_code, name: r.name, tax_code: r.tax_code, bank: r.bank, account: r.account }),
  residents: (r: ResidentRow) => ({ person: r.person, role: r.role, registered_from: r.registered_from, registered_to: r.registered_to }),
  beneficiaries: (r: BeneficiaryRow) => ({
    person: r.person,
    benefit_code: r.benefit_code,
    benefit_name: r.benefit_name,
    discount_pct: r.discount_pct,
    valid_from: r.valid_from,
    valid_to: r.valid_to,
  }),
  balances: (r: BalanceRow) => ({ turnover_type: r.turnover_type, amount: money(r.amount) }),
  charges: (r: ChargeRow) => ({
    service_code: r.service_code,
    debt_brought_forward: money(r.debt_brought_forward),
    quantity: r.quantity,
    tariff: r.tariff,
    amount: money(r.amount),
    recalculation: money(r.recalculation),
    total: money(r.total),
  }),
  meters: (r: MeterRow) => ({
    meter_id: r.meter_id,
    serial: r.serial,
    medium: r.medium,
    tariff_zones: r.tariff_zones,
    decimals: r.decimals,
    unit: r.unit,
    verification_due: r.verification_due,
    last_value: r.last_value,
    last_date: r.last_date,
    automatic: r.automatic,
  }),
};

export function chargeProblem(r: ChargeRow, services: Set<string>, locale: Locale): Problem | null {
  if (!services.has(r.service_code)) return problem('SAL-1006', locale, { account: r.account_no, service: r.service_code }, { key: r.account_no });
  if (r.debt_brought_forward + r.amount + r.recalculation !== r.total) {
    return problem(
      'SAL-1007',
      locale,
      { account: r.account_no, service: r.service_code, detail: `${money(r.debt_brought_forward)} + ${money(r.amount)} + ${money(r.recalculation)} ≠ ${money(r.total)}` },
      { key: r.account_no },
    );
  }
  return null;
}

export function balanceProblem(account: string, rows: BalanceRow[], locale: Locale): Problem | null {
  const by = new Map(rows.map((r) => [r.turnover_type, r.amount]));
  if (!by.has('opening') || !by.has('closing')) return null;
  const sum = rows.filter((r) => r.turnover_type !== 'opening' && r.turnover_type !== 'closing').reduce((a, r) => a + r.amount, by.get('opening')!);
  if (sum === by.get('closing')) return null;
  return problem('SAL-1008', locale, { account, detail: `${money(sum)} ≠ ${money(by.get('closing')!)}` }, { key: account });
}

export function meterWarning(r: MeterRow, periodStart: string, locale: Locale): Problem | null {
  return !r.removed_on && r.verification_due < periodStart
    ? problem('SAL-1009', locale, { meter: r.meter_id, account: r.account_no, date: r.verification_due }, { key: r.account_no })
    : null;
}

/** Leaves out the fields an update must not overwrite (seed 003 rule 4), in a record or its rows. */
export function withoutKept(data: unknown, keep: readonly string[]): unknown {
  if (!keep.length || data === null || typeof data !== 'object') return data;
  const strip = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k]) => !keep.includes(k)));
  const d = data as Record<string, unknown>;
  if (Array.isArray(d.rows)) return { ...d, rows: (d.rows as Record<string, unknown>[]).map(strip) };
  return strip(d);
}

/** A short, stable fingerprint of what is sent: the data are built with a fixed key order. */
export function hashOf(data: unknown): string {
  // SHA-1 is not used for security here, only to notice a change; it is the cheapest digest
  // node:crypto offers, and 720,000 records are hashed per full send at 200,000 premises.
  return createHash('sha1').update(JSON.stringify(data)).digest('base64url');
}
