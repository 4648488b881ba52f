/**
 * The sandbox's fixed catalogue: status categories, statuses, issue types, priorities, resolutions, custom
 * fields and link types, as a fresh Jira Data Center 10 Scrum project has them (Cloud uses the same ids here).
 */

export interface StatusCategory {
  id: number;
  key: 'undefined' | 'new' | 'indeterminate' | 'done';
  name: string;
  colorName: { cloud: string; datacenter: string };
}

/** The four status categories; ids 2/4/3 are To Do/In Progress/Done, colours differ per flavor. */
export const STATUS_CATEGORIES: readonly StatusCategory[] = [
  {
    id: 1,
    key: 'undefined',
    name: 'No Category',
    colorName: { cloud: 'medium-gray', datacenter: 'medium-gray' },
  },
  { id: 2, key: 'new', name: 'To Do', colorName: { cloud: 'blue-gray', datacenter: 'default' } },
  {
    id: 4,
    key: 'indeterminate',
    name: 'In Progress',
    colorName: { cloud: 'yellow', datacenter: 'inprogress' },
  },
  { id: 3, key: 'done', name: 'Done', colorName: { cloud: 'green', datacenter: 'success' } },
];

export interface StatusDef {
  id: string;
  name: string;
  categoryId: number;
  description: string;
}

/** Data Center 10's simplified-workflow statuses (Cloud uses the same ids in the seed). */
export const STATUSES: readonly StatusDef[] = [
  { id: '10000', name: 'To Do', categoryId: 2, description: '' },
  {
    id: '3',
    name: 'In Progress',
    categoryId: 4,
    description: 'This issue is being actively worked on at the moment by the assignee.',
  },
  { id: '10001', name: 'Done', categoryId: 3, description: '' },
  // The classic workflow's statuses, used by Bugs (see workflows.ts).
  { id: '1', name: 'Open', categoryId: 2, description: 'Ready for the assignee to pick up.' },
  { id: '4', name: 'Reopened', categoryId: 2, description: 'Resolved before, but the fix did not hold.' },
  { id: '5', name: 'Resolved', categoryId: 3, description: 'Fixed and waiting for the reporter to verify.' },
  { id: '6', name: 'Closed', categoryId: 3, description: 'Finished; the resolution stands.' },
];

export interface IssueTypeDef {
  id: string;
  name: string;
  description: string;
  subtask: boolean;
  hierarchyLevel: number;
}

/** The issue types of a Scrum project. */
export const ISSUE_TYPES: readonly IssueTypeDef[] = [
  {
    id: '10000',
    name: 'Epic',
    description: 'A big user story that needs to be broken down.',
    subtask: false,
    hierarchyLevel: 1,
  },
  {
    id: '10001',
    name: 'Story',
    description: 'Functionality or a feature expressed as a user goal.',
    subtask: false,
    hierarchyLevel: 0,
  },
  {
    id: '10002',
    name: 'Task',
    description: 'A task that needs to be done.',
    subtask: false,
    hierarchyLevel: 0,
  },
  {
    id: '10003',
    name: 'Sub-task',
    description: 'A small piece of work that is part of a larger task.',
    subtask: true,
    hierarchyLevel: -1,
  },
  { id: '10004', name: 'Bug', description: 'A problem or error.', subtask: false, hierarchyLevel: 0 },
];

export interface PriorityDef {
  id: string;
  name: string;
}

/** Ordered from highest to lowest; JQL compares priorities by this order. */
export const PRIORITIES: readonly PriorityDef[] = [
  { id: '1', name: 'Highest' },
  { id: '2', name: 'High' },
  { id: '3', name: 'Medium' },
  { id: '4', name: 'Low' },
  { id: '5', name: 'Lowest' },
];

/** Data Center 10's default resolutions. */
export const RESOLUTIONS: readonly { id: string; name: string; description: string }[] = [
  { id: '10000', name: 'Done', description: 'Work has been completed on this issue.' },
  { id: '10001', name: "Won't Do", description: "This issue won't be actioned." },
  { id: '10002', name: 'Duplicate', description: 'The problem is a duplicate of an existing issue.' },
  { id: '10003', name: 'Cannot Reproduce', description: 'All attempts at reproducing this issue failed.' },
];

/** Custom fields every issue carries (null when empty). */
export interface CustomFieldDef {
  id: string;
  name: string;
  /** JsonTypeBean `type` of the value. */
  type: 'number' | 'string' | 'date' | 'datetime';
  /** Custom field type key, as Jira reports it in `schema.custom`. */
  custom: string;
}

/** The custom fields the sandbox serves. */
export const CUSTOM_FIELDS: readonly CustomFieldDef[] = [
  {
    id: 'customfield_10016',
    name: 'Story Points',
    type: 'number',
    custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float',
  },
  // Rich text: ADF on Cloud v3, wiki markup on v2 (stored as Markdown like descriptions).
  {
    id: 'customfield_10030',
    name: 'Release notes',
    type: 'string',
    custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textarea',
  },
  // Two fields sharing a display name, as real sites often have: a name alone cannot pick one.
  {
    id: 'customfield_10031',
    name: 'Team',
    type: 'string',
    custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield',
  },
  {
    id: 'customfield_10032',
    name: 'Team',
    type: 'number',
    custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float',
  },
];

/** True for a multi-line text custom field, whose value is rich text. */
export function isRichTextCustomField(def: CustomFieldDef): boolean {
  return def.custom.endsWith(':textarea');
}

/** Data Center 10's default issue link types (Cloud ships the same four). */
export const ISSUE_LINK_TYPES: readonly { id: string; name: string; inward: string; outward: string }[] = [
  { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
];
