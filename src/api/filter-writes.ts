/** Filter ids and the errors of filter writes, shared by `jira.filters` and `jira.filters.permissions`. */

import { InputError, isJiraError, NotFoundError, PermissionError } from '../errors.js';

/** A filter id as the URL takes it; anything but a positive integer is an InputError. */
export function filterId(id: string | number): string {
  const text = String(id).trim();
  if (!/^\d+$/.test(text)) throw new InputError(`A filter id is a number (got '${String(id)}')`);
  return text;
}

const REFUSED = /owner|permission/i;
const MISSING = /not (be )?found|does not exist|not available/i;

/**
 * Jira refuses a change to someone else's filter with a 400 (Cloud documents 401 for a delete) and answers a
 * missing one with 400 on some routes: both become the error they mean, with Jira's details kept.
 */
export async function asFilterWrite<T>(sent: Promise<T>): Promise<T> {
  try {
    return await sent;
  } catch (error) {
    if (!isJiraError(error) || (error.status !== 400 && error.status !== 401)) throw error;
    const text = error.errorMessages.join(' ');
    const init = {
      status: error.status,
      errorMessages: error.errorMessages,
      fieldErrors: error.fieldErrors,
      ...(error.requestId ? { requestId: error.requestId } : {}),
      ...(error.method ? { method: error.method } : {}),
      ...(error.url ? { url: error.url } : {}),
      cause: error,
    };
    if (MISSING.test(text)) throw new NotFoundError(error.message, init);
    if (error.status === 400 && REFUSED.test(text)) throw new PermissionError(error.message, init);
    throw error;
  }
}
