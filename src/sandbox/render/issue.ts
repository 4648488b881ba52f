import type { IssueRecord } from '../model.js';
import { renderChangelog } from './changelog.js';
import type { FieldContext, FieldDef } from './fields.js';
import { apiRoot, type RenderScope } from './scope.js';
import { renderTransitions } from './transitions.js';

/** The `expand` string of a get-issue reply and of Cloud's search/jql hits. */
export const ISSUE_EXPAND =
  'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations';
/** The `expand` string of Data Center's /search hits. */
export const SEARCH_HIT_EXPAND = 'operations,versionedRepresentations,editmeta,changelog,renderedFields';

export interface IssueRenderOptions {
  fields: readonly FieldDef[];
  expand: ReadonlySet<string>;
  /** The issue's own `expand` attribute. */
  expandString: string;
  /** Put `names`/`schema` on the issue itself (get-issue), not on the search result. */
  namesOnIssue: boolean;
}

/** The issue envelope: `expand, id, self, key, fields` plus what `expand` asked for. */
export function renderIssue(issue: IssueRecord, scope: RenderScope, options: IssueRenderOptions) {
  const ctx: FieldContext = { scope, project: scope.store.project(issue.projectKey) };
  const fields: Record<string, unknown> = {};
  for (const def of options.fields) {
    const value = def.value(issue, ctx);
    if (value !== undefined) fields[def.id] = value;
  }
  const out: Record<string, unknown> = {
    expand: options.expandString,
    id: String(issue.id),
    self: `${apiRoot(scope)}/issue/${issue.id}`,
    key: issue.key,
    fields,
  };
  if (options.namesOnIssue && options.expand.has('names')) out.names = fieldNames(options.fields);
  if (options.namesOnIssue && options.expand.has('schema')) out.schema = fieldSchemas(options.fields);
  if (options.expand.has('transitions'))
    out.transitions = renderTransitions(issue, scope, {
      withFields: options.expand.has('transitions.fields'),
    });
  if (options.expand.has('changelog')) out.changelog = renderChangelog(issue, scope);
  return out;
}

/** `names` expand: field id to display name. */
export function fieldNames(fields: readonly FieldDef[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.id, f.name]));
}

/** `schema` expand: field id to JsonTypeBean (fields without a schema are left out, as in Jira). */
export function fieldSchemas(fields: readonly FieldDef[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => f.schema !== null).map((f) => [f.id, f.schema]));
}
