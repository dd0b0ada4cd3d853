// The portal accounts feature's IPC channels (portal accounts, registrations, portal payments,
// collected funds), merged into the one contract (shared/ipc/contract.ts).

import type { z } from 'zod';
import type { Permission } from '../domain/permissions';

export const ACCOUNTS_CALLS = {} as const satisfies Record<string, { request: z.ZodType; permission: Permission | null }>;

/** Channels that start a long job (answer {jobId}, then job.progress and job.finished events). */
export const ACCOUNTS_JOBS = {} as const satisfies Record<string, { request: z.ZodType; permission: Permission | null }>;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AccountsCallResponses {}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AccountsJobResults {}

/** Preload function name → channel; preload/index.ts writes each out by hand. */
export const ACCOUNTS_API_METHODS = {} as const;
