// Runs the rules over a large import without freezing the event loop: the rules judge a meter's
// readings together (duplicates, the latest of a month, the zone count), and nothing across meters,
// so the readings are split into groups that never separate two readings which could name the
// same meter, and the groups are judged a few thousand readings at a time, yielding in between
// (the window stays responsive and Cancel is seen within a chunk). The verdicts are exactly those
// of one call over everything.

import type { Locale } from '../../shared/domain/types';
import { yieldToLoop } from '../engine/jobs';
import type { MeterLookup } from './meter-lookup';
import type { ReadingRules } from './rules';
import type { RawReading, ReadingDecision } from './types';
import { validateReadings } from './validate';

export const JUDGE_CHUNK = 5000;

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
  const groups = new Groups();
  const keys: string[] = new Array(raws.length);
  for (let i = 0; i < raws.length; i++) {
    const m = lookup.find(raws[i]);
    const ids = [...m.candidates, ...m.otherAccounts].map((f) => `m:${f.meter.meter_id}`);
    // A reading no meter matches is judged alone (it is rejected; nothing groups it).
    if (!ids.length) {
      keys[i] = `r:${i}`;
      continue;
    }
    for (let k = 1; k < ids.length; k++) groups.union(ids[0], ids[k]);
    keys[i] = ids[0];
  }
  const byGroup = new Map<string, number[]>();
  for (let i = 0; i < raws.length; i++) {
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
    const decisions = validateReadings(batch.map((i) => raws[i]), lookup, rules, now, locale);
    for (let k = 0; k < batch.length; k++) out[batch[k]] = decisions[k];
    done += batch.length;
    batch = [];
    onProgress(done);
    await yieldToLoop();
    if (signal.aborted) throw signal.reason ?? new DOMException('cancelled', 'AbortError');
  };
  for (const idx of byGroup.values()) {
    for (const i of idx) batch.push(i);
    if (batch.length >= chunk) await flush();
  }
  await flush();
  return out;
}
