// Request schema atoms shared by the IPC contract and the features' contract files.

import { z } from 'zod';
import { ROLES } from '../domain/types';

export const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');
export const runId = z.number().int().positive().max(2 ** 31);
export const reportKind = z.string().min(1).max(64).regex(/^[a-z][a-z0-9-]*$/, 'expected a report kind like run-summary');
// Operator names: letters (any script), digits, dot, dash, underscore — no quotes, no spaces, no
// path characters, so a name is safe in logs, file names and audit entries.
export const operatorName = z.string().min(2).max(64).regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u, 'letters, digits, dot, dash or underscore');
export const displayName = z.string().trim().min(1).max(128).regex(/^[^\p{Cc}]+$/u, 'no control characters');
export const password = z.string().min(1).max(256);
export const role = z.enum(ROLES);
export const SENT = ['accounts', 'services', 'providers', 'residents', 'beneficiaries', 'balances', 'charges', 'meters'] as const;
export const accountNo = z.string().min(1).max(64).regex(/^[^\p{Cc}]+$/u, 'no control characters');
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export const secretName = z.string().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash or underscore');
export const profileName = z.string().min(1).max(64).regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, 'letters, digits, space, dot, dash or underscore');
