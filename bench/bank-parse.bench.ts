// Benchmark: reading a ~20 MB MT940 file of 100,000 entries (Polish structured :86:, Windows-1250).
//   npx tsx bench/bank-parse.bench.ts [--entries 100000] [--reps 3] [--encoding windows-1250|utf-8]
// Phases, each in this one process on the same bytes:
//   lines     bytes → string → split into lines (the floor: nothing is understood)
//   saldo     parseStatementFile: encoding detection + decoding + parsing + :86: dialect + check
//   match     (bank service helper: parse + check + match of the same file, aim < 3 s)
//   mt940js   the npm parser `mt940js` (text in: given the bytes as Latin-1, it cannot decode them)
//   mt940-js  the npm parser `mt940-js` (Buffer in)
// The phases run in --reps rounds (each phase once per round, in turn). Prints per phase the best
// and median wall time and the best CPU time of this process (all its threads: steadier than
// wall time on a shared machine), and the ratios, best to best and median to median; then
// checks that our result is right (entries, balances, a title and a name with Polish letters,
// the :86: fields) and shows what the npm parsers made of the same entry.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { read as mt940jsRead } from 'mt940-js';
import { makeNrb } from '../shared/domain/iban';
import { parseStatementFile } from '../main/bank/parse/index';
import { MemoryPayerHistory, makeMatcher } from '../main/bank/match';
import { PremisesIndex } from '../main/bank/premises';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const ENTRIES = Number(arg('entries', '100000'));
const REPS = Number(arg('reps', '3'));
const ENCODING = arg('encoding', 'windows-1250');
const PER_STATEMENT = 1000;

interface Mt940jsTx {
  details?: string;
  structuredDetails?: Record<string, string>;
}
const mt940js = createRequire(import.meta.url)('mt940js') as { Parser: new () => { parse(text: string): Array<{ transactions: Mt940jsTx[] }> } };

// ---- the file: deterministic, so every run reads the same bytes ----

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const NAMES = ['Józef Żółtowski', 'Małgorzata Wąsowicz-Źróbek', 'Łukasz Gęślarz', 'Anna Ścisłowska', 'Spółdzielnia Mieszkaniowa „Zorza”', 'Grzegorz Brzęczyszczykiewicz', 'Zofia Nałęcz-Świątkowska'];
const STREETS = ['ul. Źródlana', 'ul. Świętokrzyska', 'al. Niepodległości', 'ul. Łąkowa', 'os. Jagiellońskie'];
const OWN = 'PL61109010140000071219812874';

const amountText = (minor: number) => `${Math.floor(minor / 100)},${String(minor % 100).padStart(2, '0')}`;
const yymmdd = (d: Date) => `${String(d.getUTCFullYear() % 100).padStart(2, '0')}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;

function pieces(text: string, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  return out;
}

function generate(entries: number): { text: string; firstTitle: string; firstName: string } {
  const r = rng(42);
  const parts: string[] = [];
  let balance = 5_000_000;
  let firstTitle = '';
  let firstName = '';
  const start = Date.UTC(2025, 0, 2);
  for (let s = 0; s * PER_STATEMENT < entries; s++) {
    const day = new Date(start + s * 86400000);
    parts.push(`{1:F01BPKOPLPWAXXX0000000000}{2:I940BPKOPLPWXXXXN}{4:\r\n:20:ST${yymmdd(day)}/${s + 1}\r\n:25:/${OWN}\r\n:28C:${String(s + 1).padStart(5, '0')}/001\r\n`);
    parts.push(`:60F:C${yymmdd(day)}PLN${amountText(balance)}\r\n`);
    const n = Math.min(PER_STATEMENT, entries - s * PER_STATEMENT);
    for (let i = 0; i < n; i++) {
      const out = r() < 0.15;
      const amount = 1000 + Math.floor(r() * 250000);
      balance += out ? -amount : amount;
      const flat = 1 + Math.floor(r() * 400);
      const name = NAMES[Math.floor(r() * NAMES.length)];
      const title = `Czynsz za lokal nr ${String(flat).padStart(4, '0')} ${STREETS[flat % STREETS.length]} ${1 + (flat % 60)}, ${1 + (i % 12)}/2025`;
      const payer = makeNrb('10202892', String(1000000000000000 + Math.floor(r() * 8e15)).slice(0, 16));
      if (!firstTitle) {
        firstTitle = title;
        firstName = name;
      }
      parts.push(`:61:${yymmdd(day)}${yymmdd(day).slice(2)}${out ? 'D' : 'C'}${amountText(amount)}NTRFNONREF//${String(s * PER_STATEMENT + i + 1).padStart(10, '0')}\r\n`);
      const sub: string[] = [out ? '~00PRZELEW WYCHODZĄCY' : '~00PRZELEW PRZYCHODZĄCY'];
      pieces(title, 27).forEach((p, k) => sub.push(`~2${k}${p}`));
      sub.push(`~30${payer.slice(2, 10)}`, `~31${payer.slice(10)}`);
      pieces(name, 27).forEach((p, k) => sub.push(`~3${2 + k}${p}`));
      sub.push(`~38PL${payer}`);
      parts.push(`:86:020${sub.join('\r\n')}\r\n`);
    }
    parts.push(`:62F:C${yymmdd(day)}PLN${amountText(balance)}\r\n:64:C${yymmdd(day)}PLN${amountText(balance)}\r\n-}\r\n`);
  }
  return { text: parts.join(''), firstTitle, firstName };
}

const file = join(tmpdir(), `saldo-bank-bench-v3-${ENTRIES}-${ENCODING}.sta`);
// Only the expected first title and name stay in memory: the 20 MB text would weigh on every phase.
const gen = (() => {
  const g = generate(ENTRIES);
  if (!existsSync(file)) writeFileSync(file, iconv.encode(g.text, ENCODING));
  return { firstTitle: g.firstTitle, firstName: g.firstName };
})();
const bytes = readFileSync(file);

// ---- timing: wall clock and this process's CPU time (the machine may be shared) ----

// Every measured run starts from a collected heap holding no earlier result, so no phase pays for
// another's garbage.
setFlagsFromString('--expose_gc');
const collect = runInNewContext('gc') as () => void;

interface Phase {
  label: string;
  best: number;
  median: number;
  cpu: number;
}

interface Timed<T> extends Phase {
  last: T;
  run: () => Promise<void>;
}

/**
 * A phase measured in rounds: every round runs each phase once, in turn, so a phase is never
 * measured only while the (shared) machine happens to be busier or quieter than for the others.
 */
function phase<T>(label: string, fn: () => T | Promise<T>): Timed<T> {
  const wall: number[] = [];
  const cpu: number[] = [];
  const p: Timed<T> = {
    label,
    best: 0,
    median: 0,
    cpu: 0,
    last: undefined as T,
    run: async () => {
      p.last = undefined as T;
      collect();
      const t0 = process.hrtime.bigint();
      const c0 = process.cpuUsage();
      const out = await fn();
      const c = process.cpuUsage(c0);
      wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
      cpu.push((c.user + c.system) / 1000);
      p.last = out;
      const sorted = [...wall].sort((a, b) => a - b);
      p.best = sorted[0];
      p.median = sorted[Math.floor(sorted.length / 2)];
      p.cpu = Math.min(...cpu);
    },
  };
  return p;
}

async function rounds(phases: Array<Timed<unknown>>): Promise<void> {
  for (let i = 0; i < REPS; i++) for (const p of phases) await p.run();
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

async function main() {
  console.log(`bank-parse bench: ${ENTRIES} entries, ${(bytes.length / 1048576).toFixed(1)} MiB, ${ENCODING}, ${REPS} reps, node ${process.version}`);
  const lines = phase('lines (split only)', () => bytes.toString('latin1').split('\n').length);
  const saldo = phase('saldo parse+check', () => parseStatementFile(bytes, { locale: 'en', fileName: 'bench.sta' }));

  // ---- match phase (bank service): parse + check + match of the same bytes (aim < 3 s) ----
  // 400 premises numbered as the titles name them ("lokal nr 0042"), each with its virtual
  // account; every entry goes through the matcher as an import does (virtual account, title
  // pattern, payer history), and the history learns the payers on the way.
  const premises = new PremisesIndex('2025-01');
  for (let n = 1; n <= 400; n++) {
    const no = String(n).padStart(4, '0');
    premises.add({ account_no: no, premises_kind: n % 10 === 0 ? 'commercial' : 'residential', building: 'B1', address: `ul. Łąkowa ${n}`, unit: null, area_m2: '50.00', residents_count: 2, owner_name: NAMES[n % NAMES.length], portal_enabled: true, portal_group: 'member', virtual_account: makeNrb('10901014', `7000${String(n).padStart(12, '0')}`), info1: null, info2: null, info3: null, info4: null, status: 'active' });
  }
  const match = phase('saldo parse+check+match', () => {
    const parsedFile = parseStatementFile(bytes, { locale: 'en', fileName: 'bench.sta' });
    const matcher = makeMatcher(premises, new MemoryPayerHistory(), { titlePattern: 'lokal nr (\\d{4})', locale: 'en', file: 'bench.sta' });
    const counts: Record<string, number> = {};
    for (const st of parsedFile.statements) for (const e of st.entries) {
      const m = matcher.match(e, st.id);
      counts[m.status] = (counts[m.status] ?? 0) + 1;
    }
    return counts;
  });

  const parser = new mt940js.Parser();
  const npm1 = phase('mt940js', () => parser.parse(bytes.toString('latin1')));
  const npm2 = phase('mt940-js', () => mt940jsRead(bytes));
  const phases = [lines, saldo, match, npm1, npm2] as Array<Timed<unknown>>;
  await rounds(phases);

  const fasterWall = Math.min(npm1.best, npm2.best);
  const fasterMedian = Math.min(npm1.median, npm2.median);
  const fasterCpu = Math.min(npm1.cpu, npm2.cpu);
  console.log('');
  console.log('phase                      wall best  wall median  cpu best   ×lines   faster npm ÷ this (wall best / wall median / cpu best)');
  for (const r of phases) {
    console.log(
      `${r.label.padEnd(26)} ${fmt(r.best).padEnd(10)} ${fmt(r.median).padEnd(12)} ${fmt(r.cpu).padEnd(10)} ${(r.best / lines.best).toFixed(1).padStart(6)}   ${(fasterWall / r.best).toFixed(2).padStart(5)} / ${(fasterMedian / r.median).toFixed(2).padStart(5)} / ${(fasterCpu / r.cpu).toFixed(2)}`,
    );
  }

  // ---- correctness: ours right, theirs as they are ----
  const parsed = saldo.last;
  const count = parsed.statements.reduce((n, s) => n + s.entries.length, 0);
  const passes = parsed.statements.filter((s) => s.check.result === 'pass').length;
  const first = parsed.statements[0]?.entries[0];
  console.log('');
  console.log(`saldo: format ${parsed.format}, encoding ${parsed.encoding}, ${parsed.statements.length} statements, ${count} entries, ${passes} checks pass, ${parsed.problems.length} problems`);
  console.log(`  title ok: ${first?.title === gen.firstTitle}  “${first?.title}”`);
  console.log(`  name ok:  ${first?.counterparty.name === gen.firstName}  “${first?.counterparty.name}” ${first?.counterparty.account}`);
  const t1 = npm1.last[0]?.transactions[0];
  console.log(`mt940js  first entry: details ${JSON.stringify(t1?.details).slice(0, 110)}… structuredDetails ${JSON.stringify(t1?.structuredDetails)}`);
  const t2 = npm2.last[0]?.transactions[0];
  console.log(`mt940-js first entry: description ${JSON.stringify(t2?.description).slice(0, 110)}…`);
  console.log(`match: ${JSON.stringify(match.last)} (every incoming payment names its flat in the title)`);
  if (count !== ENTRIES || passes !== parsed.statements.length || first?.title !== gen.firstTitle || first?.counterparty.name !== gen.firstName) process.exitCode = 1;
}

void main();
