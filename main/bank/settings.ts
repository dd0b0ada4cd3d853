// Settings of the bank statements feature (saldo.json `bank`): how an account number is found in
// a payment title, where statements come from and output files go, whether matched payments go to
// files or straight to the accounting exchange, the output files' layouts (the
// accounting system's import format is the customer's, so every part of it is configurable), saved
// CSV mappings, and the watch mode's timing.

import { z } from 'zod';
import { OutputLayoutSchema } from './output/layout';

const pathSetting = z.string().min(1).max(1024).regex(/^[^\0]*$/, 'no NUL characters');

/**
 * The default account-number pattern fits the demo's numbers: "0012/034" (PL: building/unit) and
 * "0012034" (UA), not touching other digits (so a 26-digit bank account in a title never yields one).
 */
export const DEFAULT_TITLE_PATTERN = '(?<![\\d/])(\\d{4}/\\d{3}|\\d{7})(?![\\d/])';

export const BankSettingsSchema = z
  .object({
    /** A regular expression; its first capture group (or the whole match) is an account number, checked to exist. */
    titlePattern: z
      .string()
      .min(1)
      .max(500)
      .refine((s) => {
        try {
          new RegExp(s, 'gu');
          return true;
        } catch {
          return false;
        }
      }, 'not a valid regular expression')
      .default(DEFAULT_TITLE_PATTERN),
    /** The workspace's statements folder, read by `saldo cycle` (processed files move to processed/ or failed/). */
    statementsDir: pathSetting.default('statements'),
    /** Where `saldo cycle` and the window write output files. */
    outDir: pathSetting.default('bank-out'),
    output: OutputLayoutSchema.default(OutputLayoutSchema.parse({})),
    /**
     * Where matched payments go: `files` — the residential and commercial output files (the
     * accounting system imports them); `accounting` — booked through the accounting exchange
     * (import_bank_items, one transaction per batch), and only the unmatched file is written.
     */
    deliver: z.enum(['files', 'accounting']).default('files'),
    /** Saved CSV mappings by name (the parsers' CsvMapping; presets need no entry). */
    csvMappings: z.record(z.string().regex(/^[A-Za-z0-9._-]{1,64}$/), z.unknown()).default({}),
    watch: z
      .object({
        /** The periodic scan beside fs.watch (a network share may send no events). */
        scanMs: z.number().int().min(200).max(600_000).default(5000),
        /** A file counts as complete when its size and mtime stay the same this long. */
        stableMs: z.number().int().min(50).max(600_000).default(1000),
      })
      .strict()
      .default({ scanMs: 5000, stableMs: 1000 }),
  })
  .strict();

export type BankSettings = z.infer<typeof BankSettingsSchema>;

export function defaultBankSettings(): BankSettings {
  return BankSettingsSchema.parse({});
}
