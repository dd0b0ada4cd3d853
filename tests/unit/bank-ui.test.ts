// The bank tab's plain helpers and strings: the contract's lists and limits as the window holds
// them (written out so that zod stays out of the renderer), file names main accepts, accounts in
// groups of four, and the feature's strings with the same placeholders in every language.

import { describe, expect, it } from 'vitest';
import { BANK_JOBS, STATEMENT_ENCODINGS, STATEMENT_FORMATS } from '../../shared/ipc/contract-bank';
import { BANK_UI } from '../../shared/i18n/ui-bank';
import { BANK_REPORTS } from '../../shared/i18n/reports-bank';
import { lookupUiText } from '../../shared/i18n/ui';
import { ENCODINGS, fileSize, FORMATS, MAX_FILES, safeFileName } from '../../renderer/src/bank/files';
import { groupAccount } from '../../renderer/src/bank/format';
import { groupAccount as printedAccount } from '../../main/bank/reports/common';

const importRequest = BANK_JOBS['bank.import'].request;

describe('bank tab helpers', () => {
  it('holds the contract’s formats, encodings and file count', () => {
    expect([...ENCODINGS].sort()).toEqual([...STATEMENT_ENCODINGS].sort());
    expect([...FORMATS].sort()).toEqual([...STATEMENT_FORMATS].sort());
    const file = { fileName: 'a.sta', content: 'QQ==' };
    expect(importRequest.safeParse({ files: Array(MAX_FILES).fill(file) }).success).toBe(true);
    expect(importRequest.safeParse({ files: Array(MAX_FILES + 1).fill(file) }).success).toBe(false);
  });

  it('names every encoding, format, match method and import step in each language', () => {
    for (const l of ['pl', 'uk', 'en'] as const) {
      for (const e of STATEMENT_ENCODINGS) expect(lookupUiText(l, 'bankEnc_', e), `${l} ${e}`).toBeDefined();
      for (const f of STATEMENT_FORMATS) expect(lookupUiText(l, 'bankFormat_', f), `${l} ${f}`).toBeDefined();
      for (const m of ['virtual-account', 'title', 'payer-history']) expect(lookupUiText(l, 'bankMethod_', m), `${l} ${m}`).toBeDefined();
      expect(lookupUiText(l, 'bankPhase_', 'bank.import')).toBeDefined();
      expect(lookupUiText(l, 'kind_', 'bank-import')).toBeDefined();
      for (const a of ['bank.import', 'bank.assign', 'bank.write']) expect(lookupUiText(l, 'action_', a), `${l} ${a}`).toBeDefined();
    }
  });

  it('sends file names main accepts, whatever the operator’s system allowed', () => {
    const accepted = (name: string) => importRequest.safeParse({ files: [{ fileName: name, content: '' }] }).success;
    for (const raw of ['wyciąg 10/2026.sta', 'C:\\fakepath\\wyciag.sta', 'a:b*c?"d<e>f|g.txt', '..', '', 'x'.repeat(300) + '.sta', 'tab\there.sta']) {
      const name = safeFileName(raw);
      expect(accepted(name), `${raw} → ${name}`).toBe(true);
    }
    expect(safeFileName('C:\\fakepath\\wyciag.sta')).toBe('wyciag.sta');
    expect(safeFileName('wyciąg październik.sta')).toBe('wyciąg październik.sta');
    expect(safeFileName('a:b*c.sta')).toBe('a_b_c.sta');
    expect(safeFileName('x'.repeat(300) + '.sta')).toHaveLength(255);
  });

  it('prints accounts in groups of four, the same on screen and on paper', () => {
    for (const f of [groupAccount, printedAccount]) {
      expect(f('PL61109010140000071219812874')).toBe('PL61 1090 1014 0000 0712 1981 2874');
      expect(f('61109010140000071219812874')).toBe('61 1090 1014 0000 0712 1981 2874');
      expect(f('UA213223130000026007233566001')).toBe('UA21 3223 1300 0002 6007 2335 6600 1');
      expect(f('0001/004')).toBe('0001/004');
      expect(f(undefined)).toBe('');
    }
  });

  it('shows file sizes with the window’s decimal mark', () => {
    const num = (n: number) => n.toLocaleString('pl-PL', { useGrouping: 'always' } as Intl.NumberFormatOptions);
    expect(fileSize(512, num, ',')).toBe('512 B');
    expect(fileSize(1536, num, ',')).toBe('1,5 KB');
    expect(fileSize(9.34 * 1024 * 1024, num, ',')).toBe('9,3 MB');
    expect(fileSize(2 * 1024 * 1024, String, '.')).toBe('2.0 MB');
  });
});

describe('bank strings', () => {
  const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  const texts = (v: unknown): string[] => (typeof v === 'string' ? [v] : Object.values(v as Record<string, string>));

  for (const [name, cat] of [
    ['window', BANK_UI],
    ['reports', BANK_REPORTS],
  ] as const) {
    it(`has the same placeholders in Polish, Ukrainian and English, none empty (${name})`, () => {
      const en = cat.en as Record<string, unknown>;
      for (const key of Object.keys(en)) {
        for (const l of ['pl', 'uk'] as const) {
          const other = (cat[l] as Record<string, unknown>)[key];
          expect(other, `${l} ${key}`).toBeDefined();
          const want = holes(texts(en[key])[0]);
          for (const s of texts(other)) expect(holes(s), `${l} ${key}: ${s}`).toEqual(want);
          for (const s of texts(other)) expect(s.trim(), `${l} ${key}`).not.toBe('');
        }
      }
    });
  }
});
