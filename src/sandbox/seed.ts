import type {
  ChangelogRecord,
  CommentRecord,
  FilterRecord,
  IssueRecord,
  ProjectRecord,
  StoreState,
} from './model.js';
import { ISSUE_TYPES, PRIORITIES, RESOLUTIONS, STATUSES } from './model.js';
import { pick, type Random, seededRandom } from './random.js';
import {
  COMMENT_TEXTS,
  DEMO_DESCRIPTIONS,
  DEMO_ISSUE_TABLE,
  SEED_BASE_DATE,
  SEED_USERS,
} from './seed-data.js';
import { initialStatusId } from './workflows.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** The deterministic demo state: users admin/alice/bob, project DEMO (30 issues) and SECRET (2 issues). */
export function seedState(): StoreState {
  const state: StoreState = {
    version: 1,
    users: SEED_USERS.map((u) => ({
      ...u,
      apiTokens: [...u.apiTokens],
      pats: [...u.pats],
      groups: [...u.groups],
    })),
    projects: [demoProject(), secretProject()],
    issues: [],
    nextId: 10000,
  };
  const random = seededRandom(20260105);
  const rows = parseIssueTable(DEMO_ISSUE_TABLE);
  // Issues take the first ids (10000..) so DEMO-1 is 10000, as on a fresh Jira.
  const demo = rows.map((row, index) => newIssue(state, 'DEMO', index + 1, row.summary));
  const secret = [
    newIssue(state, 'SECRET', 1, 'Acquisition due diligence checklist'),
    newIssue(state, 'SECRET', 2, 'Salary bands review'),
  ];
  rows.forEach((row, index) => {
    const issue = demo[index];
    if (issue) fillDemoIssue(state, issue, row, index, random);
  });
  for (const issue of secret) {
    issue.assignee = issue.key === 'SECRET-1' ? 'admin' : 'alice';
    issue.reporter = issue.assignee;
    issue.creator = issue.assignee;
    issue.description = 'Confidential: only the project members can see this issue.';
  }
  state.issues.push(...demo, ...secret);
  state.filters = seedFilters();
  return state;
}

/** A shared filter of alice's and a private one of bob's. */
function seedFilters(): FilterRecord[] {
  return [
    {
      id: 10000,
      name: 'DEMO open bugs',
      jql: 'project = DEMO AND issuetype = Bug AND statusCategory != Done ORDER BY key ASC',
      owner: 'alice',
      description: 'Bugs in DEMO that are not done yet.',
      favouredBy: ['alice'],
      shared: 'global',
    },
    {
      id: 10001,
      name: 'My private',
      jql: 'project = DEMO AND reporter = bob ORDER BY key ASC',
      owner: 'bob',
      description: '',
      favouredBy: ['bob'],
      shared: 'private',
    },
  ];
}

/** A bare issue record with defaults, its id taken from the global counter. */
export function newIssue(
  state: StoreState,
  projectKey: string,
  number: number,
  summary: string,
): IssueRecord {
  const project = state.projects.find((p) => p.key === projectKey);
  if (project) project.counter = Math.max(project.counter, number + 1);
  const created = new Date(Date.parse(SEED_BASE_DATE) + (state.nextId - 10000) * 3 * HOUR).toISOString();
  const id = state.nextId;
  state.nextId += 1;
  return {
    id,
    key: `${projectKey}-${number}`,
    projectKey,
    issueTypeId: typeId('Task'),
    summary,
    description: null,
    statusId: statusId('To Do'),
    priorityId: priorityId('Medium'),
    resolutionId: null,
    assignee: null,
    reporter: 'admin',
    creator: 'admin',
    labels: [],
    components: [],
    fixVersions: [],
    parentKey: null,
    created,
    updated: created,
    resolutiondate: null,
    duedate: null,
    comments: [],
    changelog: [],
    customFields: {},
  };
}

interface IssueRow {
  type: string;
  summary: string;
  status: string;
  assignee: string | null;
  priority: string;
  labels: string[];
  components: string[];
  parent: number | null;
  fixVersion: string | null;
  storyPoints: number | null;
  resolution: string | null;
  due: string | null;
  comments: number;
}

function parseIssueTable(table: string): IssueRow[] {
  return table
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cells = line.split('|').map((c) => c.trim());
      const cell = (i: number): string => cells[i] ?? '';
      const list = (i: number): string[] => (cell(i) === '' ? [] : cell(i).split(','));
      const orNull = (i: number): string | null => (cell(i) === '' ? null : cell(i));
      return {
        type: cell(0),
        summary: cell(1),
        status: cell(2),
        assignee: orNull(3),
        priority: cell(4),
        labels: list(5),
        components: list(6),
        parent: cell(7) === '' ? null : Number(cell(7)),
        fixVersion: orNull(8),
        storyPoints: cell(9) === '' ? null : Number(cell(9)),
        resolution: orNull(10),
        due: orNull(11),
        comments: cell(12) === '' ? 0 : Number(cell(12)),
      };
    });
}

function fillDemoIssue(state: StoreState, issue: IssueRecord, row: IssueRow, index: number, random: Random) {
  const reporter = pick(random, ['admin', 'alice', 'bob']);
  issue.issueTypeId = typeId(row.type);
  issue.statusId = initialStatusId(issue.issueTypeId);
  issue.description = DEMO_DESCRIPTIONS[index + 1] ?? null;
  issue.priorityId = priorityId(row.priority);
  issue.assignee = row.assignee;
  issue.reporter = reporter;
  issue.creator = reporter;
  issue.labels = row.labels;
  issue.components = row.components;
  issue.fixVersions = row.fixVersion === null ? [] : [row.fixVersion];
  issue.parentKey = row.parent === null ? null : `DEMO-${row.parent}`;
  issue.duedate = row.due;
  if (row.storyPoints !== null) issue.customFields.customfield_10016 = row.storyPoints;
  let at = Date.parse(issue.created);
  const path = SEED_STATUS_PATHS[row.status] ?? [];
  // Random steps per status category as before the classic workflow came, so later issues stay as they were.
  const draws = { 2: 0, 4: 1, 3: 2 }[STATUSES.find((s) => s.name === row.status)?.categoryId ?? 2] ?? 0;
  path.forEach((target, n) => {
    at += (n < draws ? 2 + Math.floor(random() * 20) : 4) * HOUR;
    issue.changelog.push(statusChange(state, issue, target, issue.assignee ?? reporter, at));
  });
  if (row.resolution !== null) {
    issue.resolutionId = RESOLUTIONS.find((r) => r.name === row.resolution)?.id ?? null;
    issue.resolutiondate = new Date(at).toISOString();
  }
  for (let n = 0; n < row.comments; n += 1) {
    at += (10 + Math.floor(random() * 50)) * MINUTE;
    issue.comments.push(
      comment(state, pick(random, ['admin', 'alice', 'bob']), pick(random, COMMENT_TEXTS), at),
    );
  }
  issue.updated = new Date(at).toISOString();
}

/** The statuses a seeded issue passes through to reach the status of its row. */
const SEED_STATUS_PATHS: Readonly<Record<string, readonly string[]>> = {
  'In Progress': ['In Progress'],
  Done: ['In Progress', 'Done'],
  Resolved: ['In Progress', 'Resolved'],
  Closed: ['In Progress', 'Resolved', 'Closed'],
  Reopened: ['In Progress', 'Resolved', 'Reopened'],
};

function statusChange(state: StoreState, issue: IssueRecord, target: string, author: string, at: number) {
  const from = STATUSES.find((s) => s.id === issue.statusId);
  const to = STATUSES.find((s) => s.name === target);
  if (!from || !to) throw new Error(`unknown status ${target}`);
  issue.statusId = to.id;
  const entry: ChangelogRecord = {
    id: state.nextId,
    author,
    created: new Date(at).toISOString(),
    items: [{ field: 'status', from: from.id, fromString: from.name, to: to.id, toString: to.name }],
  };
  state.nextId += 1;
  return entry;
}

function comment(state: StoreState, author: string, body: string, at: number): CommentRecord {
  const created = new Date(at).toISOString();
  const record = { id: state.nextId, author, body, created, updated: created };
  state.nextId += 1;
  return record;
}

function demoProject(): ProjectRecord {
  return {
    id: 10000,
    key: 'DEMO',
    name: 'Demo',
    lead: 'admin',
    counter: 1,
    projectTypeKey: 'software',
    browsers: [],
    description: 'A small online shop: the seeded project every signed-in user can browse.',
    components: [
      { id: 10000, name: 'Backend', description: 'Services and APIs' },
      { id: 10001, name: 'Frontend', description: 'The storefront' },
      { id: 10002, name: 'Docs', description: 'Guides and release notes' },
    ],
    versions: [
      { id: 10000, name: '1.0', released: true, archived: false, releaseDate: '2026-01-16' },
      { id: 10001, name: '1.1', released: false, archived: false, releaseDate: '2026-03-20' },
      { id: 10002, name: '2.0', released: false, archived: false, releaseDate: null },
    ],
  };
}

function secretProject(): ProjectRecord {
  return {
    id: 10001,
    key: 'SECRET',
    name: 'Secret',
    lead: 'admin',
    counter: 1,
    projectTypeKey: 'business',
    browsers: ['alice'],
    // alice may read SECRET but not change it: the read-only case permission tests need.
    editors: [],
    description: 'Only admin and alice may browse this project.',
    components: [],
    versions: [],
  };
}

/** Issue type id by name. */
export function typeId(name: string): string {
  return lookupId(ISSUE_TYPES, name);
}

/** Status id by name. */
export function statusId(name: string): string {
  return lookupId(STATUSES, name);
}

/** Priority id by name. */
export function priorityId(name: string): string {
  return lookupId(PRIORITIES, name);
}

function lookupId(defs: readonly { id: string; name: string }[], name: string): string {
  const def = defs.find((d) => d.name === name);
  if (!def) throw new Error(`unknown reference value ${name}`);
  return def.id;
}
