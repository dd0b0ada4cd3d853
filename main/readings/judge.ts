// Runs the rules over a large import without freezing the event loop: the rules judge a meter's
// readings together (duplicates, the latest of a month, the zone count), and nothing across meters,
// so the readings are split into groups that never separate two readings which could name the
// same meter, and the groups are judged a few thousand readings at a time, yielding in between
// (the window stays responsive and Cancel is seen within a chunk). The verdicts are exactly those
// of one call over everything.

import type { Locale } from '../../shared/domain/types';
import type { MeterLookup, MeterMatch } from './meter-lookup';
import { Pace } from './pace';
import type { ReadingRules } from './rules';
import type { RawReading, ReadingDecision } from './types';
import { validateReadings } from './validate';

/** Readings judged between two turns of the event loop (about 20–40 ms of work on a 2-core machine). */
export const JUDGE_CHUNK = 1500;

/** Union-find over meter ids: readings whose candidate meters overlap end up in one group. */
class Groups {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p === x) return x;
    p = this.find(p);
    this.parent.set(x, p);
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }
}

export async function judgeInChunks(
  raws: RawReading[],
  lookup: MeterLookup,
  rules: ReadingRules,
  now: Date,
  locale: Locale,
  signal: AbortSignal,
  onProgress: (done: number) => void,
  chunk = JUDGE_CHUNK,
): Promise<ReadingDecision[]> {
  if (raws.length <= chunk) return validateReadings(raws, lookup, rules, now, locale);
  const pace = new Pace(signal);
  // Each reading's match is found once here and reused by the rules (they ask for it again).
  const matches = new Map<RawReading, MeterMatch>();
  const remembered: MeterLookup = {
    byId: (id) => lookup.byId(id),
    get size() {
      return lookup.size;
    },
    find: (ref) => matches.get(ref as RawReading) ?? lookup.find(ref),
  };
  const groups = new Groups();
  const keys: string[] = new Array(raws.length);
  for (let i = 0; i < raws.length; i++) {
    const wait = pace.tick();
    if (wait) await wait;
    const m = lookup.find(raws[i]);
    matches.set(raws[i], m);
    const n = m.candidates.length + m.otherAccounts.length;
    // A reading no meter matches is judged alone (it is rejected; nothing groups it).
    if (!n) {
      keys[i] = `r:${i}`;
      continue;
    }
    const first = `m:${(m.candidates[0] ?? m.otherAccounts[0]).meter.meter_id}`;
    if (n > 1) for (const f of [...m.candidates, ...m.otherAccounts]) groups.union(first, `m:${f.meter.meter_id}`);
    keys[i] = first;
  }
  const byGroup = new Map<string, number[]>();
  for (let i = 0; i < raws.length; i++) {
    const wait = pace.tick();
    if (wait) await wait;
    const g = keys[i].startsWith('m:') ? groups.find(keys[i]) : keys[i];
    const list = byGroup.get(g);
    if (list) list.push(i);
    else byGroup.set(g, [i]);
  }
  const out: ReadingDecision[] = new Array(raws.length);
  let batch: number[] = [];
  let done = 0;
  const flush = async () => {
    if (!batch.length) return;
    const decisions = validateReadings(batch.map((i) => raws[i]), remembered, rules, now, locale);
    for (let k = 0; k < batch.length; k++) out[batch[k]] = decisions[k];
    done += batch.length;
    batch = [];
    onProgress(done);
    await pace.turn();
  };
  for (const idx of byGroup.values()) {
    for (const i of idx) batch.push(i);
    if (batch.length >= chunk) await flush();
  }
  await flush();
  return out;
}
