import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { IssueRecord, ProjectRecord, StoreState, UserRecord } from './model.js';
import { ISSUE_TYPES } from './model.js';

/**
 * The sandbox's in-memory state with lookup indexes, optionally mirrored to a JSON file. Every change goes
 * through `commit()`, which rebuilds the indexes and writes the snapshot atomically (temp file + rename), so a
 * crash never leaves a half-written file behind.
 */
export class Store {
  readonly state: StoreState;
  private readonly file: string | undefined;
  private issuesByKey = new Map<string, IssueRecord>();
  private issuesById = new Map<number, IssueRecord>();
  private usersByName = new Map<string, UserRecord>();
  private usersByEmail = new Map<string, UserRecord>();
  private usersByAccountId = new Map<string, UserRecord>();
  private projectsByKey = new Map<string, ProjectRecord>();
  private subtasksByParent = new Map<string, IssueRecord[]>();
  private dirty = false;
  #revision = 0;

  constructor(state: StoreState, file?: string) {
    this.state = state;
    this.file = file;
    this.reindex();
  }

  /** Loads `file` when it exists, else builds fresh state with `seed` (and saves it when a file is given). */
  static open(file: string | undefined, seed: () => StoreState): Store {
    if (file !== undefined && existsSync(file)) {
      return new Store(parseSnapshot(readFileSync(file, 'utf8'), file), file);
    }
    // The folder holds demo secrets too: private when we create it.
    if (file !== undefined) mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const store = new Store(seed(), file);
    store.commit();
    return store;
  }

  /** Issue by numeric id or key (keys match in any case), or undefined. */
  issue(idOrKey: string): IssueRecord | undefined {
    if (/^\d+$/.test(idOrKey)) return this.issuesById.get(Number(idOrKey));
    return this.issuesByKey.get(idOrKey.toUpperCase());
  }

  /** User by Data Center name (case-insensitive). */
  userByName(name: string): UserRecord | undefined {
    return this.usersByName.get(name.toLowerCase());
  }

  /** User by email address (case-insensitive). */
  userByEmail(email: string): UserRecord | undefined {
    return this.usersByEmail.get(email.toLowerCase());
  }

  /** User by Cloud account id. */
  userByAccountId(accountId: string): UserRecord | undefined {
    return this.usersByAccountId.get(accountId);
  }

  /** Sub-tasks of the issue with `key`, in creation order. */
  subtasksOf(key: string): readonly IssueRecord[] {
    return this.subtasksByParent.get(key.toUpperCase()) ?? [];
  }

  /** Project by key (case-insensitive). */
  project(key: string): ProjectRecord | undefined {
    return this.projectsByKey.get(key.toUpperCase());
  }

  /** Takes the next global id. Call `commit()` after the change that used it. */
  nextId(): number {
    const id = this.state.nextId;
    this.state.nextId += 1;
    return id;
  }

  /** Counts commits: anything derived from the state (a search result) is current while this is unchanged. */
  get revision(): number {
    return this.#revision;
  }

  /** Records a change: refreshes the indexes and saves the snapshot when a file is attached. */
  commit(): void {
    this.#revision += 1;
    this.reindex();
    this.dirty = true;
    this.flush();
  }

  /** Writes pending changes to the file (no-op without a file or without changes). */
  flush(): void {
    if (this.file === undefined || !this.dirty) return;
    writeSnapshot(this.file, JSON.stringify(this.state));
    this.dirty = false;
  }

  private reindex(): void {
    this.issuesByKey = new Map(this.state.issues.map((i) => [i.key.toUpperCase(), i]));
    this.issuesById = new Map(this.state.issues.map((i) => [i.id, i]));
    this.usersByName = new Map(this.state.users.map((u) => [u.name.toLowerCase(), u]));
    this.usersByEmail = new Map(this.state.users.map((u) => [u.email.toLowerCase(), u]));
    this.usersByAccountId = new Map(this.state.users.map((u) => [u.accountId, u]));
    this.projectsByKey = new Map(this.state.projects.map((p) => [p.key.toUpperCase(), p]));
    const subtaskTypes = new Set(ISSUE_TYPES.filter((t) => t.subtask).map((t) => t.id));
    this.subtasksByParent = new Map();
    for (const issue of this.state.issues) {
      if (issue.parentKey === null || !subtaskTypes.has(issue.issueTypeId)) continue;
      const parent = issue.parentKey.toUpperCase();
      const list = this.subtasksByParent.get(parent) ?? [];
      list.push(issue);
      this.subtasksByParent.set(parent, list);
    }
  }
}

/** Atomic replace: a reader sees the old file or the new one, never a partial write. Mode 0600 (demo secrets). */
function writeSnapshot(file: string, text: string): void {
  const temp = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(temp, text, { mode: 0o600 });
    // A stale temp file from a crashed run keeps its old mode; force it.
    chmodSync(temp, 0o600);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

function parseSnapshot(text: string, file: string): StoreState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`Sandbox data file ${file} is not valid JSON; move it away to start from the seed.`);
  }
  if (!isStoreState(value)) {
    throw new Error(`Sandbox data file ${file} is not a version 1 sandbox snapshot.`);
  }
  return value;
}

function isStoreState(value: unknown): value is StoreState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.version === 1 &&
    Array.isArray(v.users) &&
    Array.isArray(v.projects) &&
    Array.isArray(v.issues) &&
    typeof v.nextId === 'number'
  );
}
