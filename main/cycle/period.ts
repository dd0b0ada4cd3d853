// A period must exist in the accounting source before anything reads or sends it.

import { fail } from '../../shared/errors/problem';
import type { Workspace } from '../engine/workspace';

export async function checkPeriodExists(ws: Workspace, period: string): Promise<void> {
  const gw = await ws.accounting();
  const periods = await gw.periods();
  if (!periods.includes(period)) fail('SAL-5003', ws.locale(), { period });
}
