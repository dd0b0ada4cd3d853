// The readings feature's IPC channels, merged into the one contract (shared/ipc/contract.ts): request
// schemas with the permission each needs, response types, and the preload's function names.

import type { z } from 'zod';
import type { Permission } from '../domain/permissions';

export const READINGS_CALLS = {} as const satisfies Record<string, { request: z.ZodType; permission: Permission | null }>;

/** Channels that start a long job (answer {jobId}, then job.progress and job.finished events). */
export const READINGS_JOBS = {} as const satisfies Record<string, { request: z.ZodType; permission: Permission | null }>;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ReadingsCallResponses {}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ReadingsJobResults {}

/** Preload function name → channel; preload/index.ts writes each out by hand. */
export const READINGS_API_METHODS = {} as const;
