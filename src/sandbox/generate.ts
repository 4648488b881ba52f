import type { ProjectRecord, StoreState } from './model.js';
import { PRIORITIES, RESOLUTIONS } from './model.js';
import { between, pick, seededRandom } from './random.js';
import { newIssue, typeId } from './seed.js';
import { SEED_BASE_DATE } from './seed-data.js';
import { initialStatusId, isDoneStatus, workflowStatusIds } from './workflows.js';

const VERBS = [
  'Fix',
  'Add',
  'Refactor',
  'Document',
  'Test',
  'Remove',
  'Speed up',
  'Review',
  'Migrate',
  'Log',
];
const THINGS = [
  'the order service',
  'invoice export',
  'login throttling',
  'the search index',
  'cart badges',
  'email templates',
  'the admin report',
  'image resizing',
  'webhook retries',
  'the price cache',
];
const LABELS = ['backend', 'frontend', 'perf', 'ops', 'ux', 'security', 'tech-debt'];
const TYPES = ['Task', 'Task', 'Bug', 'Story'];
const USERS = ['admin', 'alice', 'bob', null];

/**
 * Tops project LOAD up to `count` generated issues (creating the project when missing). Deterministic: the
 * n-th generated issue is the same on every run, so a data file that already holds them gains nothing.
 * Returns how many issues were added.
 */
export function generateLoadIssues(state: StoreState, count: number): number {
  if (count <= 0) return 0;
  const project = state.projects.find((p) => p.key === 'LOAD') ?? addLoadProject(state);
  const existing = state.issues.filter((i) => i.projectKey === 'LOAD').length;
  const base = Date.parse(SEED_BASE_DATE);
  for (let n = existing + 1; n <= count; n += 1) {
    // One generator per issue number keeps issue n independent of how many came before in this run.
    const random = seededRandom(0x10ad0000 + n);
    const issue = newIssue(state, 'LOAD', n, `${pick(random, VERBS)} ${pick(random, THINGS)} (${n})`);
    // Drawn first, as the generator always has, so the other draws of issue n stay as they were.
    const statusDraw = random();
    issue.issueTypeId = typeId(pick(random, TYPES));
    const statuses = workflowStatusIds(issue.issueTypeId);
    const statusId = statuses[Math.floor(statusDraw * statuses.length)] ?? initialStatusId(issue.issueTypeId);
    issue.statusId = statusId;
    issue.priorityId = pick(random, PRIORITIES).id;
    issue.assignee = pick(random, USERS);
    issue.reporter = pick(random, ['admin', 'alice', 'bob']);
    issue.creator = issue.reporter;
    issue.labels = random() < 0.6 ? [pick(random, LABELS)] : [];
    issue.created = new Date(base + n * 60_000).toISOString();
    issue.updated = new Date(base + n * 60_000 + between(random, 1, 600) * 60_000).toISOString();
    if (isDoneStatus(statusId)) {
      issue.resolutionId = RESOLUTIONS[0]?.id ?? null;
      issue.resolutiondate = issue.updated;
    }
    state.issues.push(issue);
  }
  project.counter = Math.max(project.counter, count + 1);
  return Math.max(0, count - existing);
}

function addLoadProject(state: StoreState): ProjectRecord {
  const project: ProjectRecord = {
    id: Math.max(9999, ...state.projects.map((p) => p.id)) + 1,
    key: 'LOAD',
    name: 'Load',
    lead: 'admin',
    counter: 1,
    projectTypeKey: 'software',
    browsers: [],
    description: 'Generated issues for load and paging tests.',
    components: [],
    versions: [],
  };
  state.projects.push(project);
  return project;
}
