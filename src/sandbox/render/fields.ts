/**
 * The issue fields the sandbox serves: id, display name (the `names` expand), JSON type (the `schema` expand),
 * whether `*navigable` includes it, and how to read its value. Fields render `null` when empty, never absent;
 * `parent` is the exception, absent unless the issue has one, as in Jira.
 */
import type { Flavor, IssueRecord, ProjectRecord } from '../model.js';
import { CUSTOM_FIELDS, isRichTextCustomField } from '../model.js';
import { renderAttachmentField } from './attachments.js';
import { renderEmbeddedComments, renderRichText } from './comments.js';
import { renderIssueLinks } from './issue-links.js';
import { renderIssueLinkRef } from './issue-ref.js';
import {
  renderComponents,
  renderIssueType,
  renderPriority,
  renderProjectRef,
  renderResolution,
  renderStatus,
  renderVersions,
} from './references.js';
import { apiRoot, type RenderScope } from './scope.js';
import { jiraTimestamp, jiraTimestampOrNull } from './time.js';
import { renderUserByName } from './users.js';
import { renderEmbeddedWorklogs, renderProgress, renderTimeTracking, timeSpentSeconds } from './worklogs.js';

/** What a field reader gets besides the issue. */
export interface FieldContext {
  scope: RenderScope;
  project: ProjectRecord | undefined;
}

export interface FieldDef {
  id: string;
  name: string;
  navigable: boolean;
  /** The JsonTypeBean of the `schema` expand, or null when Jira sends none. */
  schema: Record<string, unknown> | null;
  /** Only on this flavor, when set. */
  flavor?: Flavor;
  value(issue: IssueRecord, ctx: FieldContext): unknown;
}

/** A field whose `schema` is `{type, system}` (or `{type:'array', items, system}` for `array<items>`). */
function field(id: string, name: string, type: string, value: FieldDef['value'], navigable = true): FieldDef {
  const array = /^array<(.+)>$/.exec(type);
  let schema: Record<string, unknown> | null = { type, system: id };
  if (array) schema = { type: 'array', items: array[1], system: id };
  if (type === '') schema = null;
  return { id, name, navigable, schema, value };
}

const nothing = () => null;

function statusCategoryChanged(issue: IssueRecord): string {
  const change = issue.changelog.findLast((c) => c.items.some((item) => item.field === 'status'));
  return jiraTimestamp(change?.created ?? issue.created);
}

function parentRef(issue: IssueRecord, ctx: FieldContext): unknown {
  const parent = issue.parentKey === null ? undefined : ctx.scope.store.issue(issue.parentKey);
  return parent ? renderIssueLinkRef(parent, ctx.scope) : undefined;
}

const SYSTEM_FIELDS: FieldDef[] = [
  {
    ...field('statuscategorychangedate', 'Status Category Changed', 'datetime', statusCategoryChanged),
    flavor: 'cloud',
  },
  field('issuetype', 'Issue Type', 'issuetype', (i, c) => renderIssueType(i.issueTypeId, c.scope)),
  field('timespent', 'Time Spent', 'number', timeSpentSeconds),
  field('project', 'Project', 'project', (_i, c) =>
    c.project ? renderProjectRef(c.project, c.scope) : null,
  ),
  field('fixVersions', 'Fix Version/s', 'array<version>', (i, c) =>
    renderVersions(i.fixVersions, c.project, c.scope),
  ),
  field('aggregatetimespent', 'Σ Time Spent', 'number', timeSpentSeconds),
  field('resolution', 'Resolution', 'resolution', (i, c) => renderResolution(i.resolutionId, c.scope)),
  field('resolutiondate', 'Resolved', 'datetime', (i) => jiraTimestampOrNull(i.resolutiondate)),
  field('workratio', 'Work Ratio', 'number', () => -1),
  field('lastViewed', 'Last Viewed', 'datetime', nothing),
  field('watches', 'Watchers', 'watches', (i, c) => ({
    self: `${apiRoot(c.scope)}/issue/${i.key}/watchers`,
    watchCount: (i.watchers ?? [i.reporter]).length,
    isWatching: false,
  })),
  field('created', 'Created', 'datetime', (i) => jiraTimestamp(i.created)),
  field('priority', 'Priority', 'priority', (i, c) => renderPriority(i.priorityId, c.scope)),
  field('labels', 'Labels', 'array<string>', (i) => [...i.labels]),
  field('timeestimate', 'Remaining Estimate', 'number', (i) => i.remainingEstimateSeconds ?? null),
  field(
    'aggregatetimeoriginalestimate',
    'Σ Original Estimate',
    'number',
    (i) => i.originalEstimateSeconds ?? null,
  ),
  field('versions', 'Affects Version/s', 'array<version>', () => []),
  field('issuelinks', 'Linked Issues', 'array<issuelinks>', (i, c) => renderIssueLinks(i, c.scope)),
  field('assignee', 'Assignee', 'user', (i, c) => renderUserByName(i.assignee, c.scope)),
  field('updated', 'Updated', 'datetime', (i) => jiraTimestamp(i.updated)),
  field('status', 'Status', 'status', (i, c) => renderStatus(i.statusId, c.scope)),
  field('components', 'Component/s', 'array<component>', (i, c) =>
    renderComponents(i.components, c.project, c.scope),
  ),
  field('timeoriginalestimate', 'Original Estimate', 'number', (i) => i.originalEstimateSeconds ?? null),
  field('description', 'Description', 'string', (i, c) => renderRichText(i.description, c.scope)),
  field('timetracking', 'Time tracking', 'timetracking', renderTimeTracking, false),
  field('security', 'Security Level', 'securitylevel', nothing),
  field(
    'attachment',
    'Attachment',
    'array<attachment>',
    (i, c) => renderAttachmentField(i.attachments, c.scope),
    false,
  ),
  field('aggregatetimeestimate', 'Σ Remaining Estimate', 'number', (i) => i.remainingEstimateSeconds ?? null),
  field('summary', 'Summary', 'string', (i) => i.summary),
  field('creator', 'Creator', 'user', (i, c) => renderUserByName(i.creator, c.scope)),
  field('subtasks', 'Sub-Tasks', 'array<issuelinks>', (i, c) =>
    c.scope.store.subtasksOf(i.key).map((sub) => renderIssueLinkRef(sub, c.scope)),
  ),
  field('parent', 'Parent', '', parentRef),
  field('reporter', 'Reporter', 'user', (i, c) => renderUserByName(i.reporter, c.scope)),
  field('aggregateprogress', 'Σ Progress', 'progress', renderProgress),
  field('environment', 'Environment', 'string', nothing),
  field('duedate', 'Due date', 'date', (i) => i.duedate),
  field('progress', 'Progress', 'progress', renderProgress),
  field('comment', 'Comment', 'comments-page', (i, c) => renderEmbeddedComments(i, c.scope), false),
  field('votes', 'Votes', 'votes', (i, c) => ({
    self: `${apiRoot(c.scope)}/issue/${i.key}/votes`,
    votes: 0,
    hasVoted: false,
  })),
  field('worklog', 'Log Work', 'array<worklog>', (i, c) => renderEmbeddedWorklogs(i, c.scope), false),
];

const CUSTOM: FieldDef[] = CUSTOM_FIELDS.map((def) => ({
  id: def.id,
  name: def.name,
  navigable: true,
  schema: { type: def.type, custom: def.custom, customId: Number(def.id.replace('customfield_', '')) },
  value: isRichTextCustomField(def)
    ? (i: IssueRecord, c: FieldContext) => renderRichText(stringOrNull(i.customFields[def.id]), c.scope)
    : (i: IssueRecord) => i.customFields[def.id] ?? null,
}));

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

const ALL_FIELDS: readonly FieldDef[] = [...SYSTEM_FIELDS, ...CUSTOM];

/** Every field served on `flavor`, in Jira's usual order. */
export function fieldsFor(flavor: Flavor): readonly FieldDef[] {
  return flavor === 'cloud' ? CLOUD_FIELDS : DC_FIELDS;
}

const CLOUD_FIELDS = ALL_FIELDS.filter((f) => f.flavor === undefined || f.flavor === 'cloud');
const DC_FIELDS = ALL_FIELDS.filter((f) => f.flavor === undefined || f.flavor === 'datacenter');
