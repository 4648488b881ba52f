/** Jira Cloud API tokens: HTTP Basic with the account email as user name and the token as password. */

import { basicAuthorization } from './basic.js';

/** The `Authorization` value for an Atlassian account email and API token. */
export function apiTokenAuthorization(email: string, token: string): string {
  return basicAuthorization(email, token);
}
