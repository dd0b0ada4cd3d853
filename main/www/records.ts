// From exchange rows to portal records: which accounts may be sent (the "WWW" parameter, no
// errors, the group receives the category), what each record carries, and the checks with
// numbered errors (SAL-10xx). Amounts travel as decimal strings ("1234.56"), never floats.

import type { AccountRow, BalanceRow, BeneficiaryRow, ChargeRow, MeterRow, ProviderRow, ResidentRow, ServiceRow } from '../../shared/domain/accounting';
import { isValidIban, isValidNrb } from '../../shared/domain/iban';
import { toDecimalString } from '../../shared/domain/money';
import type { Locale, Problem } from '../../shared/domain/types';
import { problem } from '../../shared/errors/problem';
import { Fingerprint } from './fingerprint';
import type { SentCategory, WwwSettings } from './settings';

export interface AccountInfo {
  /** 0, 1, 2 … in the order the accounts came: an index into per-account arrays (delivered.ts). */
  readonly id: number;
  group: 'member' | 'other';
  /** Why it is not sent, as the code of its error; undefined when it is sent. */
  error?: string;
  /** Portal-enabled premises with this number: the rows skipped when the account has an error. */
  rows: number;
}

/** How far ahead of its last match an AccountCursor looks before it asks the map. */
const CURSOR_LOOKAHEAD = 16;

/** The portal-enabled accounts of the period, built in one pass over export_accounts. */
export class AccountIndex {
  readonly accounts = new Map<string, AccountInfo>();
  /** The accounts by id. */
  readonly byId: AccountInfo[] = [];
  readonly keysById: string[] = [];
  readonly problems: Problem[] = [];
  private readonly seen = new Map<string, number>();
  /** Every numbered premises in the order the pass met them, and (after finish) the account of each number. */
  private readonly premisesKeys: string[] = [];
  private premisesAccounts: Array<AccountInfo | null> = [];

  constructor(private readonly locale: Locale) {}

  /** Adds a premises; answers its account when it is portal-enabled and has a number. */
  add(row: AccountRow): AccountInfo | null {
    const key = row.account_no?.trim() ?? '';
    if (!key) {
      if (row.portal_enabled) this.problems.push(problem('SAL-1001', this.locale, { premises: `${row.building}/${row.unit ?? '-'}` }, { key: `${row.building}/${row.unit ?? '-'}` }));
      return null;
    }
    this.seen.set(key, (this.seen.get(key) ?? 0) + 1);
    this.premisesKeys.push(key);
    if (!row.portal_enabled) return null;
    const err = accountError(row, this.locale);
    if (err) this.problems.push(err);
    let info = this.accounts.get(key);
    if (!info) {
      info = { id: this.accounts.size, group: row.portal_group, error: err?.code, rows: 1 };
      this.accounts.set(key, info);
      this.byId.push(info);
      this.keysById.push(key);
    } else {
      info.group = row.portal_group;
      info.error = err?.code ?? info.error;
      info.rows++;
    }
    return info;
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
    this.premisesAccounts = this.premisesKeys.map((k) => this.accounts.get(k) ?? null);
  }

  /** A reader of per-account rows that come in the premises order of the pass (after finish). */
  cursor(): AccountCursor {
    return new AccountCursor(this.accounts, this.premisesKeys, this.premisesAccounts);
  }
}

/**
 * Finds the account of each group of per-account rows. The exchange procedures return them in
 * premises order, as export_accounts did, so the next key is almost always at or just after the
 * last one found: a string comparison there instead of hashing the key into a map of 200,000 for
 * every account of every category. A key elsewhere (another order, a number the pass did not
 * see) is looked up in the map; the answer is the same either way.
 */
export class AccountCursor {
  private at = 0;

  constructor(
    private readonly accounts: Map<string, AccountInfo>,
    private readonly keys: readonly string[],
    private readonly infos: ReadonlyArray<AccountInfo | null>,
  ) {}

  find(key: string): AccountInfo | undefined {
    const end = Math.min(this.at + CURSOR_LOOKAHEAD, this.keys.length);
    for (let i = this.at; i < end; i++) {
      if (this.keys[i] === key) {
        this.at = i + 1;
        return this.infos[i] ?? undefined;
      }
    }
    return this.accounts.get(key);
  }
}

/** Whether a category is sent to an account of the index: no error, and its group receives the category. */
export function receives(category: SentCategory, settings: WwwSettings): (info: AccountInfo) => boolean {
  const member = settings.groups.member.includes(category);
  const other = settings.groups.other.includes(category);
  return (info) => !info.error && (info.group === 'member' ? member : other);
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

/**
 * The fields each category's records carry, in the order they are sent (docs/portal-api.json: a
 * dictionary record repeats its key; per-account rows do not). DATA builds exactly these fields
 * (a test checks it), and the fingerprint of "send changed" covers exactly these less the fields
 * an update may not overwrite — so it changes exactly when what an update sends changes.
 */
export const FIELDS = {
  accounts: ['account_no', 'premises_kind', 'building', 'address', 'unit', 'area_m2', 'residents_count', 'owner_name', 'portal_group', 'virtual_account', 'info1', 'info2', 'info3', 'info4', 'status'],
  services: ['code', 'name', 'unit', 'tariff', 'provider_code'],
  providers: ['provider_code', 'name', 'tax_code', 'bank', 'account'],
  residents: ['person', 'role', 'registered_from', 'registered_to'],
  beneficiaries: ['person', 'benefit_code', 'benefit_name', 'discount_pct', 'valid_from', 'valid_to'],
  balances: ['turnover_type', 'amount'],
  charges: ['service_code', 'debt_brought_forward', 'quantity', 'tariff', 'amount', 'recalculation', 'total'],
  meters: ['meter_id', 'serial', 'medium', 'tariff_zones', 'decimals', 'unit', 'verification_due', 'last_value', 'last_date', 'automatic'],
} as const satisfies Record<SentCategory, readonly string[]>;

/** What the portal receives of each category's row: the FIELDS, amounts as decimal strings. */
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

/** Categories whose record is one source row; the others send an account's rows together. */
export type RowCategory = 'accounts' | 'services' | 'providers';
export type PerAccountCategory = Exclude<SentCategory, RowCategory>;

export function isPerAccount(c: SentCategory): c is PerAccountCategory {
  return c !== 'accounts' && c !== 'services' && c !== 'providers';
}

/** The record of a per-account category: its rows (and, for balances, the day they are as of). */
export function accountRecord(c: PerAccountCategory, rows: readonly object[], asOf: string): unknown {
  const map = DATA[c] as (r: object) => unknown;
  const out = rows.map((r) => map(r));
  return c === 'balances' ? { as_of: asOf, rows: out } : { rows: out };
}

/** The fields "send changed" compares: what an update sends (seed 003 rule 4 leaves `keep` out). */
export function comparedFields(c: SentCategory, keep: readonly string[]): readonly string[] {
  return keep.length ? FIELDS[c].filter((f) => !keep.includes(f)) : FIELDS[c];
}

/**
 * Fingerprints of records from their source rows, without building the records: a field's sent
 * value is a one-to-one function of its source value (amounts: minor units → decimal string), so
 * hashing the source value changes exactly when the sent value does.
 */
export class RecordFingerprints {
  private readonly fp = new Fingerprint();

  constructor(private readonly fields: readonly string[]) {}

  ofRow(r: object): number {
    this.fp.reset().row(r, this.fields);
    return this.fp.digest();
  }

  /** A per-account record; `asOf` is part of a balances record (a different day is a different record). */
  ofRows(rows: readonly object[], asOf?: string): number {
    const fp = this.fp.reset();
    if (asOf !== undefined) fp.string(asOf);
    fp.value(rows.length);
    for (let i = 0; i < rows.length; i++) fp.row(rows[i], this.fields);
    return fp.digest();
  }
}

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

export function balanceProblem(account: string, rows: readonly BalanceRow[], locale: Locale): Problem | null {
  // One loop, no temporary map: it runs for each of 200,000 accounts on every send.
  let opening: number | null = null;
  let closing: number | null = null;
  let turnovers = 0;
  for (const r of rows) {
    if (r.turnover_type === 'opening') opening = r.amount;
    else if (r.turnover_type === 'closing') closing = r.amount;
    else turnovers += r.amount;
  }
  if (opening === null || closing === null || opening + turnovers === closing) return null;
  return problem('SAL-1008', locale, { account, detail: `${money(opening + turnovers)} ≠ ${money(closing)}` }, { key: account });
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
