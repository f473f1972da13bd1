import { ApiError } from '../../api/problem';

/** 412 (changed meanwhile) or 428 (no version sent): reload the record and say so. */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 412 || error.status === 428);
}
