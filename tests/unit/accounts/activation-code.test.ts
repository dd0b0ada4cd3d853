// Activation codes: enough randomness, an alphabet nothing on paper can be misread in, a check
// character that catches the usual typing slips, and a salted scrypt hash the portal can verify.
import { describe, expect, it } from 'vitest';
import { checkCharacter, CODE_ALPHABET, CODE_BITS, CODE_LENGTH, formatCode, generateCode, normalizeCode } from '../../../main/accounts/activation/code';
import { hashCode, hashCodes, SCRYPT_PARAMS, verifyCode } from '../../../main/accounts/activation/hash';
import { checkPortalAccounts, portalAccountsBody, type PortalAccountsRequest } from '../../../main/portal/portal-accounts';
import { OpenApiDoc } from '../../support/portal-server';

describe('activation codes', () => {
  it('carry at least 60 random bits in an alphabet without 0/O and 1/I/L', () => {
    expect(CODE_BITS).toBeGreaterThanOrEqual(60);
    for (const c of '01OIL') expect(CODE_ALPHABET).not.toContain(c);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
    const code = generateCode();
    expect(code).toHaveLength(CODE_LENGTH);
    expect([...code].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
    expect(formatCode(code)).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}$/);
  });

  it('are drawn from the whole alphabet, and two codes are never alike', () => {
    const codes = Array.from({ length: 2000 }, () => generateCode());
    expect(new Set(codes).size).toBe(codes.length);
    const counts = new Map<string, number>();
    for (const c of codes) for (const ch of c.slice(0, -1)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(CODE_ALPHABET.length);
    // 26 000 draws over 30 characters: each near 867; a biased draw (e.g. modulo) would stray far.
    for (const n of counts.values()) expect(Math.abs(n - 26_000 / 30)).toBeLessThan(200);
  });

  it('forgive case, spaces and dashes, and refuse any single wrong character or swapped neighbours', () => {
    const code = generateCode();
    expect(normalizeCode(formatCode(code).toLowerCase())).toBe(code);
    expect(normalizeCode(` ${formatCode(code).replace(/-/g, ' – ')} `)).toBe(code);
    for (let i = 0; i < code.length; i++) {
      for (const c of CODE_ALPHABET) {
        if (c === code[i]) continue;
        expect(normalizeCode(code.slice(0, i) + c + code.slice(i + 1)), `${code} with ${c} at ${i}`).toBeNull();
      }
      if (i + 1 < code.length && code[i] !== code[i + 1]) {
        expect(normalizeCode(code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2))).toBeNull();
      }
    }
    expect(normalizeCode(code.slice(1))).toBeNull();
    expect(normalizeCode(code.replace(/.$/, '0'))).toBeNull();
  });

  it('the check character is Luhn mod 30 (a known value)', () => {
    // Luhn mod N over "2345": factors 2,1,2,1 from the right on values 3,2,1,0 → 6,2,2,0 = 10 → (30 - 10) = 20 → "N".
    expect(checkCharacter('2345')).toBe(CODE_ALPHABET[20]);
  });
});

describe('activation hashes', () => {
  it('verify the code they were made from and no other; a fresh salt each time', async () => {
    const code = generateCode();
    const [a, b] = await Promise.all([hashCode(code), hashCode(code)]);
    expect(a).toMatchObject({ algorithm: 'scrypt', ...SCRYPT_PARAMS });
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await verifyCode(code, a)).toBe(true);
    expect(await verifyCode(code, b)).toBe(true);
    expect(await verifyCode(generateCode(), a)).toBe(false);
    expect(JSON.stringify(a)).not.toContain(code);
  });

  it('hash many codes on the thread pool, in order, and stop when cancelled', async () => {
    const codes = Array.from({ length: 6 }, () => generateCode());
    const hashes = await hashCodes(codes);
    for (let i = 0; i < codes.length; i++) expect(await verifyCode(codes[i], hashes[i])).toBe(true);
    const ac = new AbortController();
    ac.abort(new DOMException('stop', 'AbortError'));
    await expect(hashCodes(codes, ac.signal)).rejects.toThrow('stop');
  });

  it('travel in a payload the OpenAPI file accepts, and a bad one is refused before sending (SAL-4111)', async () => {
    const api = new OpenApiDoc();
    const req: PortalAccountsRequest = {
      batchId: 'pa-1-1-abc',
      accounts: [{ account_no: '0001/001', portal_group: 'member', codeId: 'QAFS3Y88D6', replaces: null, activation: await hashCode(generateCode()), expiresAt: '2027-01-21T22:59:59.000Z' }],
    };
    expect(api.validate(portalAccountsBody(req), api.schema('PortalAccountsRequest'))).toBeNull();
    expect(api.validate(portalAccountsBody({ ...req, accounts: [{ ...req.accounts[0], replaces: 'ABCDEFGH23' }] }), api.schema('PortalAccountsRequest'))).toBeNull();
    expect(() => checkPortalAccounts(req, 'en')).not.toThrow();
    const bad = (over: object) => {
      try {
        checkPortalAccounts({ ...req, accounts: [{ ...req.accounts[0], ...over }] } as PortalAccountsRequest, 'en');
        return null;
      } catch (e) {
        return (e as { problem: { code: string } }).problem.code;
      }
    };
    expect(bad({ activation: { ...req.accounts[0].activation, N: 1024 } })).toBe('SAL-4111');
    expect(bad({ codeId: 'x' })).toBe('SAL-4111');
    expect(bad({ expiresAt: '2027-01-21' })).toBe('SAL-4111');
    expect(bad({ activation: { ...req.accounts[0].activation, salt: 'not base64!' } })).toBe('SAL-4111');
    expect(() => checkPortalAccounts({ ...req, accounts: [req.accounts[0], req.accounts[0]] }, 'en')).toThrow(/twice/);
  });
});
