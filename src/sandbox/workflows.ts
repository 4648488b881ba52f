/**
 * Workflows per issue type. Bugs follow Jira's classic default workflow (Open, In Progress, Resolved, Reopened,
 * Closed, with its action ids); every other type follows the simplified workflow, whose three global
 * transitions are offered from every status, the current one included, as Data Center 10 and Cloud do.
 */
import { ISSUE_TYPES, STATUSES } from './model.js';

export interface TransitionDef {
  id: string;
  name: string;
  toStatusId: string;
  /** Offered from every status (simplified workflows). */
  global: boolean;
  /** The transition has a screen (the classic resolve and reopen screens). */
  hasScreen: boolean;
}

interface Workflow {
  name: string;
  /** Status a new issue starts in. */
  initialStatusId: string;
  /** Status ids in board order. */
  statusIds: readonly string[];
  /** Transitions out of each status; global transitions are listed for every status. */
  transitionsFrom(statusId: string): readonly TransitionDef[];
}

const OPEN = '1';
const IN_PROGRESS = '3';
const REOPENED = '4';
const RESOLVED = '5';
const CLOSED = '6';

const step = (id: string, name: string, toStatusId: string, hasScreen = false): TransitionDef => ({
  id,
  name,
  toStatusId,
  global: false,
  hasScreen,
});

const START = step('4', 'Start Progress', IN_PROGRESS);
const STOP = step('301', 'Stop Progress', OPEN);
const RESOLVE = step('5', 'Resolve Issue', RESOLVED, true);
const CLOSE = step('2', 'Close Issue', CLOSED, true);
const CLOSE_RESOLVED = step('701', 'Close Issue', CLOSED, true);
const REOPEN = step('3', 'Reopen Issue', REOPENED, true);

const CLASSIC_STEPS: Readonly<Record<string, readonly TransitionDef[]>> = {
  [OPEN]: [START, RESOLVE, CLOSE],
  [IN_PROGRESS]: [STOP, RESOLVE, CLOSE],
  [RESOLVED]: [CLOSE_RESOLVED, REOPEN],
  [REOPENED]: [RESOLVE, CLOSE, START],
  [CLOSED]: [REOPEN],
};

const CLASSIC: Workflow = {
  name: 'jira',
  initialStatusId: OPEN,
  statusIds: [OPEN, IN_PROGRESS, RESOLVED, REOPENED, CLOSED],
  // A status outside this workflow (an issue whose type changed) moves like the workflow status of its category.
  transitionsFrom: (statusId) => CLASSIC_STEPS[statusId] ?? CLASSIC_STEPS[classicStandIn(statusId)] ?? [],
};

const global = (id: string, name: string, toStatusId: string): TransitionDef => ({
  id,
  name,
  toStatusId,
  global: true,
  hasScreen: false,
});

const SIMPLIFIED_TRANSITIONS: readonly TransitionDef[] = [
  global('11', 'To Do', '10000'),
  global('21', 'In Progress', IN_PROGRESS),
  global('31', 'Done', '10001'),
];

const SIMPLIFIED: Workflow = {
  name: 'Software Simplified Workflow',
  initialStatusId: '10000',
  statusIds: ['10000', IN_PROGRESS, '10001'],
  transitionsFrom: () => SIMPLIFIED_TRANSITIONS,
};

const BUG_TYPE_ID = ISSUE_TYPES.find((t) => t.name === 'Bug')?.id;

function workflowOf(issueTypeId: string): Workflow {
  return issueTypeId === BUG_TYPE_ID ? CLASSIC : SIMPLIFIED;
}

function classicStandIn(statusId: string): string {
  const category = STATUSES.find((s) => s.id === statusId)?.categoryId;
  if (category === 3) return RESOLVED;
  if (category === 4) return IN_PROGRESS;
  return OPEN;
}

/** Transitions available to an issue of this type in this status, in the order Jira lists them. */
export function transitionsFor(issueTypeId: string, statusId: string): readonly TransitionDef[] {
  return workflowOf(issueTypeId).transitionsFrom(statusId);
}

/** The status a new issue of this type starts in. */
export function initialStatusId(issueTypeId: string): string {
  return workflowOf(issueTypeId).initialStatusId;
}

/** The statuses an issue of this type can be in. */
export function workflowStatusIds(issueTypeId: string): readonly string[] {
  return workflowOf(issueTypeId).statusIds;
}

/** True when the status belongs to the done category (resolution set). */
export function isDoneStatus(statusId: string): boolean {
  return STATUSES.find((s) => s.id === statusId)?.categoryId === 3;
}
