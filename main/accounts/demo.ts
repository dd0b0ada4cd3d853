// The demo's portal activity: registrations, one unregistration and a month of portal payments (one
// sent twice, one for an unknown account) in the demo portal folder (issue 7, point 6).

import type { DemoFeatureInput } from '../demo/workspace';
import { writeDemoRegistrations } from './registrations-demo';
import { writeDemoPayments } from './payments-demo';

export async function writeDemoPortalActivity(input: DemoFeatureInput): Promise<void> {
  // Part A: registrations and one unregistration (main/accounts/registrations-demo.ts).
  await writeDemoRegistrations(input);
  // Part B: a month of portal payments (main/accounts/payments-demo.ts).
  await writeDemoPayments(input);
}
