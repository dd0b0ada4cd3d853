// Activation letters read back as a resident (pdftotext), and the portal accounts the folder portal
// received (outbox files in manifest order), for the portal accounts tests.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { normalizeCode } from '../../main/accounts/activation/code';
import type { PortalAccount } from '../../main/portal/portal-accounts';

const CODE_RE = /\b[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}\b/g;

export interface Letter {
  account: string;
  codeId: string;
  code: string;
  text: string;
}

/** The letters as pdftotext reads them: one page each, with its account, code id and code. */
export function readLetters(pdf: string): Letter[] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return text
    .split('\f')
    .filter((p) => p.trim())
    .map((page) => {
      const codes = page.match(CODE_RE) ?? [];
      const account = /(?:Nr konta|Account no\.|Особовий рахунок)\s+(\S+)/.exec(page)?.[1] ?? '';
      const codeId = /(?:Nr kodu|Code no\.|Номер коду)\s+([2-9A-Z]{10})/.exec(page)?.[1] ?? '';
      expect(codes, page).toHaveLength(1);
      return { account, codeId, code: normalizeCode(codes[0] ?? '')!, text: page };
    });
}

/** Every portal account the folder portal received, in the order the manifest lists its files. */
export function outboxAccounts(dir: string): Array<PortalAccount & { batchId: string }> {
  const m = join(dir, 'portal', 'outbox', 'manifest.jsonl');
  if (!existsSync(m)) return [];
  const lines = readFileSync(m, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  return lines
    .filter((l) => l.kind === 'portal-accounts')
    .flatMap((l) => {
      const body = JSON.parse(readFileSync(join(dir, 'portal', 'outbox', l.file), 'utf8'));
      expect(body.batchId).toBe(l.batchId);
      return body.accounts.map((a: PortalAccount) => ({ ...a, batchId: l.batchId }));
    });
}

