import type { Problem } from '../../../shared/domain/types';

/** The contract's rule for operator names (shared/ipc/contract.ts), checked before asking main. */
export const OPERATOR_NAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]{1,63}$/u;

/** Main refused the password itself: too short or long (SAL-6022), the name in it (SAL-6029), none given (SAL-6027). */
export function isPasswordProblem(p: Problem | null): boolean {
  return !!p && (p.code === 'SAL-6022' || p.code === 'SAL-6029' || p.code === 'SAL-6027');
}
