// Is a payment's account known? The accounts of the month it was paid in (export_accounts of that
// period) — or, for a month the accounting data does not have yet (a payment made before the month
// is billed), of the latest month it has. Read once per month per run.

import type { AccountingGateway } from '../../accounting/port';

export type AccountStatus = 'active' | 'closed';

export class KnownAccounts {
  private periods: Promise<string[]> | null = null;
  private readonly byPeriod = new Map<string, Promise<Map<string, AccountStatus>>>();

  constructor(
    private readonly gw: AccountingGateway,
    private readonly signal?: AbortSignal,
  ) {}

  /** The month whose accounts decide (the period itself when the source has it, else its latest); null: the source has none. */
  async periodFor(period: string): Promise<string | null> {
    this.periods ??= this.gw.periods();
    const all = await this.periods;
    return all.includes(period) ? period : (all[0] ?? null);
  }

  /** The account's status in the deciding month (active when any of its premises is); null when it is not there. */
  async status(accountNo: string, period: string): Promise<AccountStatus | null> {
    const p = await this.periodFor(period);
    if (p === null) return null;
    let accounts = this.byPeriod.get(p);
    if (!accounts) {
      accounts = this.load(p);
      this.byPeriod.set(p, accounts);
    }
    return (await accounts).get(accountNo) ?? null;
  }

  private async load(period: string): Promise<Map<string, AccountStatus>> {
    const out = new Map<string, AccountStatus>();
    for await (const a of this.gw.export('export_accounts', { period }, this.signal)) {
      if (!a.account_no) continue;
      if (out.get(a.account_no) !== 'active') out.set(a.account_no, a.status);
    }
    return out;
  }
}
