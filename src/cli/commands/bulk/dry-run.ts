/**
 * `--dry-run` of the JQL commands: finds the issues (reads only) and prints, per issue, the requests the run
 * would send. Nothing that changes anything is sent, and no journal is written.
 */
import type { Jira, RequestSpec } from '../../../index.js';
import type { Context } from '../../context.js';

/** What a JQL run would do to one issue. */
export type PlannedRequests = (key: string, version: string) => Promise<RequestSpec[] | string>;

/** The keys the JQL matches, in its order. */
export async function matchingKeys(jira: Jira, jql: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const issue of jira.issues.search(jql, { fields: ['status'] })) keys.push(issue.key);
  return keys;
}

/** Prints the plan for every matching issue; a string from `plan` is printed as a note instead. */
export async function printPlan(ctx: Context, jira: Jira, jql: string, plan: PlannedRequests): Promise<void> {
  const version = (await jira.deployment()) === 'cloud' ? '3' : '2';
  const keys = await matchingKeys(jira, jql);
  ctx.terminal.info(
    `${keys.length === 1 ? '1 issue matches' : `${keys.length} issues match`}; nothing is sent`,
  );
  for (const key of keys) {
    const requests = await plan(key, version);
    if (typeof requests === 'string') {
      await ctx.terminal.out(`# ${key}: ${requests}\n`);
      continue;
    }
    for (const request of requests) await ctx.terminal.out(requestText(jira, request));
  }
}

/** `METHOD URL` and the JSON body, as the single-issue dry runs print them. */
export function requestText(jira: Jira, request: RequestSpec): string {
  const query = new URLSearchParams(
    Object.entries(request.query ?? {}).flatMap(([k, v]): [string, string][] =>
      v === undefined ? [] : [[k, String(v)]],
    ),
  ).toString();
  const url = `${jira.server}${request.path}${query === '' ? '' : `?${query}`}`;
  const body = request.body === undefined ? '' : `${JSON.stringify(request.body, null, 2)}\n`;
  return `${request.method ?? 'GET'} ${url}\n${body}`;
}

/** The issue's path under the REST API of `version`. */
export function issuePath(version: string, key: string): string {
  return `/rest/api/${version}/issue/${encodeURIComponent(key)}`;
}
