/** The one-line reason a bulk item failed, as reports and journals give it. */

import { isJiraError } from '../../errors.js';

/** Jira's messages and field errors when it gave some, else the error's message. */
export function failureReason(error: Error): string {
  if (isJiraError(error)) {
    const fields = Object.entries(error.fieldErrors).map(([f, m]) => `${f}: ${m}`);
    const parts = [...error.errorMessages, ...fields];
    if (parts.length > 0) return parts.join('; ');
  }
  return error.message;
}
