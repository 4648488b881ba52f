/** The field catalogue of `GET /field`: every system and custom field the sandbox serves, with JQL names. */
import type { Flavor } from '../model.js';
import { type FieldDef, fieldsFor } from './fields.js';

/** JQL clause names that differ from the field id. */
const CLAUSES: Readonly<Record<string, readonly string[]>> = {
  issuetype: ['issuetype', 'type'],
  fixVersions: ['fixVersion'],
  versions: ['affectedVersion'],
  components: ['component'],
  timeoriginalestimate: ['originalEstimate', 'timeoriginalestimate'],
  timeestimate: ['remainingEstimate', 'timeestimate'],
  duedate: ['due', 'duedate'],
  created: ['created', 'createdDate'],
  updated: ['updated', 'updatedDate'],
  resolutiondate: ['resolutiondate', 'resolved'],
  labels: ['labels'],
  security: ['level'],
  attachment: ['attachments'],
  issuelinks: ['issueLink'],
  parent: ['parent'],
  comment: ['comment'],
};

/** Fields Jira computes itself: shown and searchable, but not set through edit screens. */
const COMPUTED = new Set([
  'created',
  'updated',
  'creator',
  'status',
  'statuscategorychangedate',
  'resolutiondate',
  'lastViewed',
  'votes',
  'watches',
  'workratio',
  'progress',
  'aggregateprogress',
  'aggregatetimespent',
  'aggregatetimeestimate',
  'aggregatetimeoriginalestimate',
  'timespent',
  'subtasks',
]);

/** Not searchable with JQL. */
const UNSEARCHABLE = new Set(['aggregateprogress', 'progress', 'timetracking', 'aggregatetimespent']);

/** The `/field` list of a flavor; Cloud adds `key`. */
export function renderFieldCatalogue(flavor: Flavor): Record<string, unknown>[] {
  return fieldsFor(flavor).map((def) => renderFieldBean(def, flavor));
}

function renderFieldBean(def: FieldDef, flavor: Flavor): Record<string, unknown> {
  const custom = def.id.startsWith('customfield_');
  const out: Record<string, unknown> = { id: def.id };
  if (flavor === 'cloud') out.key = def.id;
  out.name = def.name;
  out.custom = custom;
  out.orderable = !COMPUTED.has(def.id);
  out.navigable = def.navigable;
  out.searchable = !UNSEARCHABLE.has(def.id);
  out.clauseNames = custom
    ? [`cf[${def.id.slice('customfield_'.length)}]`, def.name]
    : [...(CLAUSES[def.id] ?? [def.id])];
  if (def.schema) out.schema = def.schema;
  return out;
}
