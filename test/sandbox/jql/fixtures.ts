/** Handmade users, projects and issues for the JQL tests, plus small helpers to run queries. */
import { isBounded, type JqlContext, JqlError, searchIssues } from '../../../src/sandbox/jql/index.js';
import type { ChangelogRecord, IssueRecord, ProjectRecord, UserRecord } from '../../../src/sandbox/model.js';

function user(name: string, displayName: string, extra: Partial<UserRecord> = {}): UserRecord {
  return {
    name,
    key: 'JIRAUSER10000',
    accountId: `5f1e2d3c4b5a6978${name
      .padEnd(8, '0')
      .slice(0, 8)
      .replace(/[^0-9a-f]/g, 'e')}`,
    displayName,
    email: `${name}@example.com`,
    active: true,
    admin: false,
    password: name,
    apiTokens: [],
    pats: [],
    timeZone: 'UTC',
    groups: ['jira-software-users'],
    ...extra,
  };
}

export const ADMIN = user('admin', 'Administrator', { admin: true, groups: ['jira-administrators'] });
export const ALICE = user('alice', 'Alice Able', {
  key: 'JIRAUSER10001',
  groups: ['jira-software-users', 'developers'],
});
export const BOB = user('bob', 'Bob Baker', { timeZone: 'America/New_York', key: 'JIRAUSER10002' });
export const USERS: readonly UserRecord[] = [ADMIN, ALICE, BOB];

function project(id: number, key: string, name: string, browsers: string[]): ProjectRecord {
  return { id, key, name, lead: 'admin', counter: 1, projectTypeKey: 'software', browsers };
}

export const PROJECTS: readonly ProjectRecord[] = [
  project(10000, 'DEMO', 'Demo Project', []),
  project(10001, 'OPS', 'Operations', ['alice', 'bob']),
  project(10002, 'SEC', 'Secret', ['nobody']),
];

const change = (created: string, author: string, field: string, from: string[], to: string[]) =>
  ({
    id: 0,
    author,
    created,
    items: [
      {
        field,
        from: from[0] ?? null,
        fromString: from[1] ?? null,
        to: to[0] ?? null,
        toString: to[1] ?? null,
      },
    ],
  }) satisfies ChangelogRecord;

const comment = (author: string, body: string, created: string) => ({
  id: 0,
  author,
  body,
  created,
  updated: created,
});

/** An issue with quiet defaults; tests override what they look at. */
export function makeIssue(fields: Partial<IssueRecord> & { id: number; key: string }): IssueRecord {
  return {
    projectKey: fields.key.split('-')[0] ?? 'DEMO',
    issueTypeId: '10002',
    summary: `Issue ${fields.key}`,
    description: null,
    statusId: '10000',
    priorityId: '3',
    resolutionId: null,
    assignee: null,
    reporter: 'admin',
    creator: 'admin',
    labels: [],
    components: [],
    fixVersions: [],
    parentKey: null,
    created: '2026-01-05T10:00:00.000Z',
    updated: '2026-01-05T10:00:00.000Z',
    resolutiondate: null,
    duedate: null,
    comments: [],
    changelog: [],
    customFields: {},
    ...fields,
  };
}

export const ISSUES: readonly IssueRecord[] = [
  makeIssue({
    id: 10000,
    key: 'DEMO-1',
    issueTypeId: '10000',
    summary: 'Payment platform epic',
    description: 'Umbrella for all **payment** work.',
    statusId: '10001',
    priorityId: '2',
    resolutionId: '10000',
    assignee: 'alice',
    labels: ['backend', 'payments'],
    components: ['API'],
    fixVersions: ['1.0'],
    created: '2026-01-01T09:00:00.000Z',
    updated: '2026-01-06T10:00:00.000Z',
    resolutiondate: '2026-01-06T10:00:00.000Z',
    duedate: '2026-01-05',
    comments: [comment('admin', 'Shipped in release 1.0', '2026-01-06T10:00:00.000Z')],
    changelog: [
      change('2026-01-02T09:00:00.000Z', 'alice', 'status', ['10000', 'To Do'], ['3', 'In Progress']),
      change('2026-01-06T10:00:00.000Z', 'alice', 'status', ['3', 'In Progress'], ['10001', 'Done']),
    ],
    customFields: { customfield_10010: 8 },
  }),
  makeIssue({
    id: 10001,
    key: 'DEMO-2',
    issueTypeId: '10001',
    summary: 'Login fails with SSO',
    description: 'Users cannot log in when SSO is enabled.',
    statusId: '3',
    priorityId: '1',
    assignee: 'bob',
    reporter: 'alice',
    creator: 'alice',
    labels: ['frontend'],
    components: ['UI', 'API'],
    fixVersions: ['1.1'],
    created: '2026-01-05T08:30:00.000Z',
    updated: '2026-01-09T15:00:00.000Z',
    duedate: '2026-01-12',
    comments: [comment('bob', 'Reproduced on staging', '2026-01-06T11:00:00.000Z')],
    changelog: [
      change('2026-01-06T09:00:00.000Z', 'bob', 'status', ['10000', 'To Do'], ['3', 'In Progress']),
      change('2026-01-07T09:00:00.000Z', 'alice', 'assignee', ['alice', 'Alice Able'], ['bob', 'Bob Baker']),
    ],
    customFields: { customfield_10010: 3, customfield_10020: { value: 'Red', id: '10100' } },
  }),
  makeIssue({
    id: 10002,
    key: 'DEMO-3',
    summary: 'Update documentation for the API',
    reporter: 'bob',
    creator: 'bob',
    created: '2026-01-05T23:30:00.000Z',
    updated: '2026-01-05T23:30:00.000Z',
  }),
  makeIssue({
    id: 10003,
    key: 'DEMO-4',
    issueTypeId: '10004',
    summary: 'Crash when saving drafts',
    description: 'The editor crashes while saving a draft.',
    priorityId: '4',
    assignee: 'alice',
    reporter: 'bob',
    labels: ['Backend'],
    components: ['Editor'],
    fixVersions: ['1.10'],
    created: '2026-01-08T12:00:00.000Z',
    updated: '2026-01-10T09:00:00.000Z',
    duedate: '2026-01-10',
    comments: [comment('alice', 'Testing a fix now', '2026-01-09T08:00:00.000Z')],
    customFields: { customfield_10010: 5 },
  }),
  makeIssue({
    id: 10004,
    key: 'DEMO-5',
    issueTypeId: '10003',
    summary: 'Write tests for SSO login',
    statusId: '3',
    priorityId: null,
    assignee: 'bob',
    reporter: 'alice',
    labels: ['frontend', 'tests'],
    parentKey: 'DEMO-2',
    created: '2026-01-09T10:00:00.000Z',
    updated: '2026-01-09T10:00:00.000Z',
    duedate: '2026-01-09',
  }),
  makeIssue({
    id: 10005,
    key: 'DEMO-10',
    issueTypeId: '10001',
    summary: 'Export reports as CSV',
    statusId: '10001',
    priorityId: '5',
    resolutionId: '10001',
    assignee: 'admin',
    fixVersions: ['1.9'],
    created: '2025-12-20T10:00:00.000Z',
    updated: '2026-01-02T10:00:00.000Z',
    resolutiondate: '2026-01-02T10:00:00.000Z',
    duedate: '2025-12-31',
  }),
  makeIssue({
    id: 10006,
    key: 'OPS-1',
    summary: 'Rotate database credentials',
    priorityId: '2',
    assignee: 'alice',
    reporter: 'alice',
    labels: ['security'],
    created: '2026-01-03T10:00:00.000Z',
    updated: '2026-01-03T10:00:00.000Z',
    duedate: '2026-01-15',
  }),
  makeIssue({
    id: 10007,
    key: 'OPS-2',
    issueTypeId: '10004',
    summary: 'Disk usage alert on build agents',
    description: 'Build agents run out of disk space.',
    statusId: '3',
    reporter: 'bob',
    created: '2026-01-10T11:00:00.000Z',
    updated: '2026-01-10T11:30:00.000Z',
  }),
];

/** Saturday 2026-01-10 12:00 UTC; the week started on Sunday 2026-01-04. */
export const NOW = new Date('2026-01-10T12:00:00.000Z');

export function context(overrides: Partial<JqlContext> = {}): JqlContext {
  return {
    currentUser: ALICE,
    users: USERS,
    projects: PROJECTS,
    flavor: 'datacenter',
    now: NOW,
    ...overrides,
  };
}

/** Keys matched by `jql`, in result order. */
export function keys(
  jql: string,
  ctx: JqlContext = context(),
  issues: readonly IssueRecord[] = ISSUES,
): string[] {
  return searchIssues(issues, jql, ctx).map((i) => i.key);
}

/** Keys matched by `jql`, sorted, for tests about membership rather than order. */
export function keySet(
  jql: string,
  ctx: JqlContext = context(),
  issues: readonly IssueRecord[] = ISSUES,
): string[] {
  return keys(jql, ctx, issues).sort();
}

/** The messages of the JqlError `jql` raises; fails when it raises nothing or something else. */
export function errorsOf(
  jql: string,
  ctx: JqlContext = context(),
  issues: readonly IssueRecord[] = ISSUES,
): string[] {
  try {
    searchIssues(issues, jql, ctx);
  } catch (error) {
    if (error instanceof JqlError) return error.errorMessages;
    throw error;
  }
  throw new Error(`expected a JqlError for: ${jql}`);
}

export { isBounded };
