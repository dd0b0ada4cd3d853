// camt.053/.052/.054 files written after the ISO 20022 message definitions (BkToCstmrStmt,
// BkToCstmrAcctRpt, BkToCstmrDbtCdtNtfctn) in the .02, .04 and .08 namespaces.

import { describe, expect, it } from 'vitest';
import { codes, entries, errors, parseFixture, parseText } from './fixtures';

describe('camt.053.001.02', () => {
  const f = parseFixture('camt053-v02.xml');
  const st = f.statements[0];

  it('reads the statement, its OPBD/CLBD balances and its own totals, and the check passes', () => {
    expect(f.format).toBe('camt.053');
    expect(f.encoding).toBe('utf-8');
    expect(f.problems).toEqual([]);
    expect(st).toMatchObject({ id: 'STMT20260131001/PL88-2026-01-31', number: '31', account: 'PL88102028920000123456780001', currency: 'PLN' });
    expect(st.opening).toEqual({ amount: 100000, date: '2026-01-31', currency: 'PLN' });
    expect(st.closing).toEqual({ amount: 149250, date: '2026-01-31', currency: 'PLN' });
    expect(st.totals).toEqual({ credit: 55000, debit: 5750 });
    expect(st.check).toEqual({ result: 'pass' });
  });

  it('a single transfer: booking and value dates, debtor name, account, address, several Ustrd lines joined', () => {
    const e = st.entries[0];
    expect(e).toMatchObject({ seq: 1, amount: 25000, mark: 'C', valueDate: '2026-01-30', bookingDate: '2026-01-31', bankReference: 'CAMT-0001', customerReference: 'E2E-0001', typeCode: 'PMNT/RCDT/DMCT' });
    expect(e.title).toBe('Czynsz za luty 2026 dla lokalu nr 12 przy ul. Żeromskiego');
    expect(e.counterparty).toEqual({ name: 'Grażyna Łęcka', account: 'PL65105014451000002212345678', address: 'ul. Żeromskiego 12/4 00-001 Warszawa' });
    // CdtrAcct differs from the statement account: the virtual account the payer used
    expect(e.virtualAccount).toBe('PL83102028929900000000000012');
    expect(e.line).toBe(63); // the line of its <Ntry>
  });

  it('splits a batch entry into its transactions, each with its own amount, payer and virtual account', () => {
    const [a, b] = [st.entries[1], st.entries[2]];
    expect([a.amount, b.amount]).toEqual([12000, 18000]);
    expect(a).toMatchObject({ bankReference: 'CAMT-0002-1', title: 'Opłata za wodę 01/2026', counterparty: { name: 'Piotr Źrebiec' }, virtualAccount: 'PL94102028929900000000000105' });
    expect(b).toMatchObject({ bankReference: 'CAMT-0002/2', title: 'Zaliczka c.o. luty', counterparty: { name: 'Ewa Kłos' }, virtualAccount: 'PL83102028929900000000000012' });
    expect(a.customerReference).toBeUndefined(); // NOTPROVIDED
    expect(a.details?.batch).toBe('1/2');
    expect(st.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('RvslInd on a DBIT entry is the reversal of a credit: money out (RC), the original payer as counterparty', () => {
    const e = st.entries[3];
    expect(e).toMatchObject({ amount: -5000, mark: 'RC', reversal: true, title: 'ZWROT – rachunek nieaktywny' });
    expect(e.counterparty.name).toBe('Grażyna Łęcka');
  });

  it('a charge by its bank transaction code (ACMT/MDOP/CHRG), titled from AddtlNtryInf', () => {
    expect(st.entries[4]).toMatchObject({ amount: -750, fee: true, typeCode: 'ACMT/MDOP/CHRG', title: 'Opłata za prowadzenie rachunku' });
  });
});

describe('camt.053.001.08', () => {
  const f = parseFixture('camt053-v08.xml');
  const st = f.statements[0];

  it('PRCD as the opening balance, Sts/Cd, DtTm dates kept as the bank’s day, pending entries left out', () => {
    expect(f.problems).toEqual([]);
    expect(st.opening).toEqual({ amount: 200000, date: '2026-02-27', currency: 'PLN' });
    expect(st.entries).toHaveLength(3);
    expect(st.entries[0].bookingDate).toBe('2026-02-28'); // 23:30+01:00 is still the 28th at the bank
    expect(st.entries.some((e) => e.bankReference === 'ING-P1')).toBe(false);
    expect(st.check).toEqual({ result: 'pass' });
  });

  it('Pty/Nm names, TxDtls/Amt, a structured reference; no virtual account when CdtrAcct is the statement account', () => {
    const e = st.entries[0];
    expect(e).toMatchObject({ amount: 40000, customerReference: 'RF-MARZEC-17', title: 'RF18539007547034 czynsz marzec, lokal 17' });
    expect(e.counterparty).toEqual({ name: 'Łukasz Mańkowski', account: 'PL69116022020000000133445566' });
    expect(e.virtualAccount).toBeUndefined();
  });

  it('RvslInd on a CRDT entry reverses a debit: money in (RD), the original payee as counterparty', () => {
    expect(st.entries[1]).toMatchObject({ amount: 6000, mark: 'RD', reversal: true, counterparty: { name: 'Wodociągi Miejskie Sp. z o.o.' } });
  });

  it('a batch whose transactions carry no amounts stays one entry with the titles joined', () => {
    expect(st.entries[2]).toMatchObject({ amount: -100000, title: 'Wynagrodzenie zarządcy 02/2026; Ryczałt księgowy 02/2026' });
  });
});

describe('camt.052 and camt.054', () => {
  it('camt.052 Rpt with only an interim balance: entries read, check unavailable; Othr/Id account', () => {
    const f = parseFixture('camt052-v04.xml');
    expect(f.format).toBe('camt.052');
    expect(f.statements[0]).toMatchObject({ account: '0000123456780001', check: { result: 'unavailable' } });
    expect(entries(f)[0]).toMatchObject({ amount: 3510, title: 'Odsetki za zwłokę, lokal 2', counterparty: { name: 'Jerzy Kuźnicki' } });
    expect(codes(f)).toEqual(['SAL-3006']);
  });

  it('camt.054 Ntfctn has no balances: unavailable, never a pass', () => {
    const f = parseFixture('camt054-v04.xml');
    expect(f.format).toBe('camt.054');
    expect(f.statements[0].check).toEqual({ result: 'unavailable' });
    expect(entries(f)[0]).toMatchObject({ amount: 81240, virtualAccount: 'PL94102028929900000000000105', counterparty: { name: 'Bożena Ćwik' } });
    expect(errors(f)).toEqual([]);
  });
});

const wrap = (ntry: string, extra = '') => `<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.04">
<BkToCstmrStmt><GrpHdr><MsgId>M</MsgId></GrpHdr>
<Stmt><Id>S</Id><Acct><Id><IBAN>PL88102028920000123456780001</IBAN></Id></Acct>${extra}
${ntry}
</Stmt></BkToCstmrStmt></Document>`;

describe('camt — damaged and inconsistent files', () => {
  it('XML that is not well-formed: an error with the line number, nothing read', () => {
    const text = wrap('<Ntry><Amt Ccy="PLN">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>\n<ValDt><Dt>2026-01-01</Dt></Ntry>');
    const f = parseText(text);
    expect(codes(f)).toEqual(['SAL-3010']);
    expect(f.problems[0].line).toBe(6);
    expect(f.statements).toEqual([]);
  });

  it('a batch whose transaction amounts do not add up to the entry is an error', () => {
    const tx = (a: string) => `<TxDtls><Amt Ccy="PLN">${a}</Amt></TxDtls>`;
    const f = parseText(wrap(`<Ntry><Amt Ccy="PLN">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><ValDt><Dt>2026-01-01</Dt></ValDt><AcctSvcrRef>B1</AcctSvcrRef><NtryDtls>${tx('60.00')}${tx('30.00')}</NtryDtls></Ntry>`));
    expect(codes(f)).toContain('SAL-3012');
    expect(f.problems.find((p) => p.code === 'SAL-3012')?.message).toContain('90.00');
  });

  it('TxsSummry totals and entry count that disagree with the entries are a mismatch', () => {
    const bal = (cd: string, a: string) => `<Bal><Tp><CdOrPrtry><Cd>${cd}</Cd></CdOrPrtry></Tp><Amt Ccy="PLN">${a}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-01-01</Dt></Dt></Bal>`;
    const ntry = '<Ntry><Amt Ccy="PLN">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><ValDt><Dt>2026-01-01</Dt></ValDt></Ntry>';
    const credit = parseText(wrap(ntry, `${bal('OPBD', '0.00')}${bal('CLBD', '10.00')}<TxsSummry><TtlCdtNtries><NbOfNtries>1</NbOfNtries><Sum>11.00</Sum></TtlCdtNtries></TxsSummry>`));
    expect(credit.statements[0].check).toEqual({ result: 'mismatch', expected: 1100, computed: 1000, what: 'credit' });
    const count = parseText(wrap(ntry, `${bal('OPBD', '0.00')}${bal('CLBD', '10.00')}<TxsSummry><TtlNtries><NbOfNtries>2</NbOfNtries></TtlNtries></TxsSummry>`));
    expect(count.statements[0].check).toMatchObject({ result: 'mismatch', what: 'count' });
  });

  it('a DOCTYPE (entity tricks) is refused', () => {
    const f = parseText('<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY a "aaaa">]>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"/>');
    expect(codes(f)).toEqual(['SAL-3010']);
    expect(f.problems[0].line).toBe(2);
  });

  it('XML that is not a camt statement', () => {
    const f = parseText('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn/></Document>');
    expect(codes(f)).toEqual(['SAL-3011']);
  });
});
