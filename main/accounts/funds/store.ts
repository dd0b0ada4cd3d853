// A collected-funds run as the local store keeps it (migration 7): the totals, the lines per
// provider plus the overpayment line, the per-service parts, and the payments counted. Written in
// one transaction at the end of the run; the report and the CSV read it back, so they print what
// the run computed however the data changes later.

import type { Db } from '../../store/store';
import type { CollectedPayment } from './sources';

export interface FundsRunRow {
  run_id: number;
  period: string;
  basis: string;
  currency: string;
  collected: number;
  portal: number;
  bank: number;
  overpayment: number;
  charged: number;
  premises: number;
  payments: number;
}

export interface FundsLineRow {
  line_no: number;
  kind: 'provider' | 'overpayment';
  provider_code: string | null;
  name: string | null;
  tax_code: string | null;
  bank: string | null;
  account: string | null;
  collected: number;
  debt_part: number;
  current_part: number;
  charged: number;
  share_bp: number;
  charges_bp: number | null;
}

export interface FundsServiceRow {
  service_code: string;
  name: string;
  provider_code: string;
  debt_part: number;
  current_part: number;
  charged: number;
}

export interface FundsData {
  run: FundsRunRow;
  lines: FundsLineRow[];
  services: FundsServiceRow[];
}

export class FundsStore {
  constructor(readonly db: Db) {}

  save(data: FundsData, inputs: readonly CollectedPayment[]): void {
    const runId = data.run.run_id;
    const line = this.db.prepare(
      `INSERT INTO funds_lines (run_id, line_no, kind, provider_code, name, tax_code, bank, account, collected, debt_part, current_part, charged, share_bp, charges_bp)
       VALUES (@run_id, @line_no, @kind, @provider_code, @name, @tax_code, @bank, @account, @collected, @debt_part, @current_part, @charged, @share_bp, @charges_bp)`,
    );
    const service = this.db.prepare(
      `INSERT INTO funds_services (run_id, service_code, name, provider_code, debt_part, current_part, charged)
       VALUES (@run_id, @service_code, @name, @provider_code, @debt_part, @current_part, @charged)`,
    );
    const input = this.db.prepare(`INSERT INTO funds_inputs (run_id, source, ref, account_no, amount, paid_on) VALUES (?, ?, ?, ?, ?, ?)`);
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO funds_runs (run_id, period, basis, currency, collected, portal, bank, overpayment, charged, premises, payments)
           VALUES (@run_id, @period, @basis, @currency, @collected, @portal, @bank, @overpayment, @charged, @premises, @payments)`,
        )
        .run(data.run);
      for (const l of data.lines) line.run({ ...l, run_id: runId });
      for (const s of data.services) service.run({ ...s, run_id: runId });
      for (const p of inputs) input.run(runId, p.source, p.ref, p.accountNo, p.amount, p.paidOn);
    })();
  }

  load(runId: number): FundsData | null {
    const run = this.db.prepare(`SELECT * FROM funds_runs WHERE run_id = ?`).get(runId) as FundsRunRow | undefined;
    if (!run) return null;
    const lines = this.db.prepare(`SELECT * FROM funds_lines WHERE run_id = ? ORDER BY line_no`).all(runId) as FundsLineRow[];
    const services = this.db.prepare(`SELECT * FROM funds_services WHERE run_id = ? ORDER BY provider_code, service_code`).all(runId) as FundsServiceRow[];
    return { run, lines, services };
  }

  inputs(runId: number): CollectedPayment[] {
    return (this.db.prepare(`SELECT source, ref, account_no, amount, paid_on FROM funds_inputs WHERE run_id = ? ORDER BY paid_on, source, ref`).all(runId) as Array<{ source: 'portal' | 'bank'; ref: string; account_no: string; amount: number; paid_on: string }>).map(
      (r) => ({ source: r.source, ref: r.ref, accountNo: r.account_no, amount: r.amount, paidOn: r.paid_on }),
    );
  }
}
