// Part A of `saldo portal …`: `portal accounts create` (activation codes to the portal, letters to a
// PDF) and `portal registrations sync`. Through the dispatcher like the window, so the same schemas
// and permissions apply. --json prints counts, the run and the letters file — never a code.

import { InvalidArgumentError, type Command } from 'commander';
import { copyFileSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { EXIT_CODES, type Problem } from '../../shared/domain/types';
import { fill, problem } from '../../shared/errors/problem';
import type { PortalAccountsSummary, RegistrationsSyncSummary } from '../../shared/ipc/contract-accounts';
import { Exit, type CliContext } from '../cli/context';

const list = (v: string) => v.split(',').map((x) => x.trim()).filter(Boolean);

function language(v: string): 'pl' | 'uk' | 'en' {
  if (v !== 'pl' && v !== 'uk' && v !== 'en') throw new InvalidArgumentError('expected pl, uk or en');
  return v;
}

function printProblem(cli: CliContext, p: Problem): void {
  const T = cli.t();
  cli.io.err(`${p.severity === 'error' ? T.error : p.severity} ${p.code}${p.key ? ` [${p.key}]` : ''}: ${p.message}\n${T.hint}: ${p.hint}\n`);
}

/**
 * Moves the letters from the workspace's reports folder to where the operator asked, so that one
 * copy of the codes exists: a rename, or (another disk) a copy under a temporary name, a rename and
 * the original removed. A failure leaves the original in place (the codes are not lost).
 */
function moveLetters(cli: CliContext, from: string, target: string): string {
  const out = resolve(target);
  try {
    renameSync(from, out);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') return fail(cli, out, from, e);
    const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
    try {
      copyFileSync(from, tmp);
      renameSync(tmp, out);
      unlinkSync(from);
    } catch (e2) {
      return fail(cli, out, from, e2);
    }
  }
  return out;
}

function fail(cli: CliContext, out: string, kept: string, e: unknown): never {
  cli.printProblem(problem('SAL-6013', cli.locale(), { file: out, detail: `${(e as Error).message} (${kept})` }));
  throw new Exit(EXIT_CODES.failed);
}

export function registerPortalAccountsCommands(portal: Command, cli: CliContext): void {
  const accounts = portal.command('accounts').description('residents’ portal accounts');
  accounts
    .command('create')
    .description('one-time activation codes for portal-enabled premises without a portal account: hashes to the portal, letters to a PDF')
    .option('--building <code>', 'the premises of one building (its code in the accounting system)')
    .option('--accounts <list>', 'comma-separated account numbers', list)
    .option('--reissue', 'issue a new code although a premises has a live one (the old code stops working)')
    .option('--letters-lang <pl|uk|en>', 'the letters’ language (default: the workspace’s, the residents’ language)', language)
    .requiredOption('--letters <out.pdf>', 'where to write the letters (one A4 page per premises)')
    .action(async (o: { building?: string; accounts?: string[]; reissue?: boolean; lettersLang?: 'pl' | 'uk' | 'en'; letters: string }) => {
      if (o.building !== undefined && o.accounts !== undefined) {
        cli.io.err(cli.t().paBuildingOrAccounts + '\n');
        throw new Exit(EXIT_CODES.usage);
      }
      await cli.withBackend(async (b) => {
        const fin = await cli.runJob(b, 'accounts.create', {
          ...(o.building !== undefined ? { building: o.building } : {}),
          ...(o.accounts ? { accounts: o.accounts } : {}),
          ...(o.reissue ? { reissue: true } : {}),
          ...(o.lettersLang ? { language: o.lettersLang } : {}),
        });
        const s = fin.result as PortalAccountsSummary | undefined;
        const file = s?.file ? moveLetters(cli, s.file, o.letters) : null;
        const T = cli.t();
        if (cli.globals().json) {
          const out = s ? { ...s, file } : { runId: null, status: fin.status, file: null, errors: fin.error ? [fin.error] : [] };
          cli.io.out(JSON.stringify(out, null, 2) + '\n');
        } else {
          cli.io.out(fill(T.runLine, { runId: s?.runId ?? '-', kind: 'portal-accounts', period: '-', status: T[`status_${fin.status}`] }) + '\n');
          if (s) {
            cli.io.out(fill(T.paSelected, { selected: s.selected }) + '\n');
            cli.io.out(fill(T.paIssued, { issued: s.issued, reissued: s.reissued, rejected: s.rejected }) + '\n');
            cli.io.out(fill(T.paSkipped, { registered: s.skipped.registered, live: s.skipped.live, notEligible: s.skipped.notEligible }) + '\n');
            cli.io.out((file ? `${fill(T.paLetters, { language: s.language, file })}\n${T.paKeepSafe}` : T.paNoLetters) + '\n');
            for (const p of s.errors.slice(0, 30)) printProblem(cli, p);
          } else if (fin.error) printProblem(cli, fin.error);
        }
        cli.setExit(cli.statusExit(fin.status));
      });
    });

  const registrations = portal.command('registrations').description('accounts residents registered or closed on the portal');
  registrations
    .command('sync')
    .description('fetch the registrations feed and keep the accounting database’s registered_accounts in step')
    .action(async () => {
      await cli.withBackend(async (b) => {
        const fin = await cli.runJob(b, 'accounts.registrationsSync', {});
        const s = fin.result as RegistrationsSyncSummary | undefined;
        const T = cli.t();
        if (cli.globals().json) {
          cli.io.out(JSON.stringify(s ?? { runId: null, status: fin.status, errors: fin.error ? [fin.error] : [] }, null, 2) + '\n');
        } else {
          cli.io.out(fill(T.runLine, { runId: s?.runId ?? '-', kind: 'portal-registrations', period: '-', status: T[`status_${fin.status}`] }) + '\n');
          if (s) {
            cli.io.out(fill(T.rgSummary, { read: s.read, repeated: s.repeated, inserted: s.inserted, already: s.already, deleted: s.deleted, absent: s.absent, rejected: s.rejected }) + '\n');
            cli.io.out(fill(T.rgAcks, { acknowledged: s.acknowledged, pending: s.pendingAcks }) + '\n');
            for (const p of s.errors.slice(0, 30)) printProblem(cli, p);
          } else if (fin.error) printProblem(cli, fin.error);
        }
        cli.setExit(cli.statusExit(fin.status));
      });
    });
}
