// Settings of the portal accounts feature (saldo.json "accounts"). Part A: what the activation
// letters print (the portal's address), how long a code works, and how many letters one run may
// print. Part B adds its own fields below its marker.

import { z } from 'zod';

/** The portal address printed on the letters: https only, no user, password, query or fragment. */
const portalUrl = z
  .string()
  .max(300)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' && !u.username && !u.password && !u.search && !u.hash;
    } catch {
      return false;
    }
  }, 'an https:// address without a user name, query or fragment');

export const AccountsSettingsSchema = z
  .object({
    // ---- Part A: portal accounts ----
    /** The residents' portal as the letters print it (step 1 of "how to register"); left out when absent. */
    portalUrl: portalUrl.optional(),
    /** Days an activation code works after it is issued. */
    activationValidDays: z.number().int().min(1).max(365).default(60),
    /** The most letters one run prints (one PDF): a large office prints building by building. */
    maxLetters: z.number().int().min(1).max(20_000).default(5000),
    /** The premises' time zone: a code works to the end of its last day there (default by the workspace's language). */
    timeZone: z
      .string()
      .min(1)
      .max(64)
      .refine(isTimeZone, 'an IANA time zone like Europe/Warsaw')
      .optional(),
    // ---- Part B: portal payments and collected funds ----
    /** The currency the accounts are kept in; a portal payment in another is rejected (default: UAH for a Ukrainian workspace, else PLN). */
    currency: z.enum(['PLN', 'UAH']).optional(),
    /** Portal payments asked for per feed page; each page is booked in one accounting transaction. */
    paymentsPageSize: z.number().int().min(1).max(1000).default(500),
  })
  .strict();

export type AccountsSettings = z.infer<typeof AccountsSettingsSchema>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone the letters' dates are in: the setting, else Warsaw for a Polish workspace and Kyiv for a Ukrainian one. */
export function lettersTimeZone(s: AccountsSettings, workspaceLocale: string): string {
  return s.timeZone ?? (workspaceLocale === 'uk' ? 'Europe/Kyiv' : 'Europe/Warsaw');
}
