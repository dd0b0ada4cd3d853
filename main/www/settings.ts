// Settings of "Data to WWW" (seed 002, seed 003 rule 4): how many records a batch carries, how
// large a share of accounts may vanish before a full send stops, which categories each portal
// group receives, and which fields an update may not overwrite (the portal keeps its own value).

import { z } from 'zod';

export const SENT_CATEGORIES = ['accounts', 'services', 'providers', 'residents', 'beneficiaries', 'balances', 'charges', 'meters'] as const;
export type SentCategory = (typeof SENT_CATEGORIES)[number];

const category = z.enum(SENT_CATEGORIES);

export const WwwSettingsSchema = z
  .object({
    batchSize: z.number().int().min(1).max(50_000).default(1000),
    /** Stop a send that would mark more than this share (percent) of delivered accounts as not in billing. */
    maxNotInBillingPct: z.number().min(0).max(100).default(5),
    /** Categories each portal group receives (seed 002: members see more than other users). */
    groups: z
      .object({
        member: z.array(category).default([...SENT_CATEGORIES]),
        other: z.array(category).default(['accounts', 'services', 'providers', 'balances', 'charges', 'meters']),
      })
      .strict()
      .default({ member: [...SENT_CATEGORIES], other: ['accounts', 'services', 'providers', 'balances', 'charges', 'meters'] }),
    /**
     * Fields an update leaves alone, per category (seed 003 rule 4): sent when a record is new, left
     * out of updates, and not compared by "send changed". For per-account categories they name row fields.
     */
    keepOnUpdate: z.partialRecord(category, z.array(z.string().min(1).max(64)).max(32)).default({}),
  })
  .strict();

export type WwwSettings = z.infer<typeof WwwSettingsSchema>;
