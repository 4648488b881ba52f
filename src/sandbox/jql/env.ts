/**
 * Everything a query is compiled against: the context, the issues, lazily built look-up tables, and the
 * list of validation messages gathered while compiling (Jira reports them all at once).
 */
import type { IssueRecord, ProjectRecord, UserRecord } from '../model.js';
import type { JqlContext } from './context.js';
import { safeTimeZone } from './zones.js';

/** Decides whether one issue matches. */
export type Predicate = (issue: IssueRecord) => boolean;

/** The state of one compilation (see the file comment). */
export class CompileEnv {
  readonly errors: string[] = [];
  readonly timeZone: string;
  readonly nowMs: number;
  private issuesByKey?: Map<string, IssueRecord>;
  private issuesById?: Map<string, IssueRecord>;
  private groupNames?: Set<string>;
  private readonly valueSets = new Map<string, Set<string>>();
  /** True while compiling inside an odd number of NOTs: text matches there do not add relevance. */
  negated = false;
  /** Relevance scores of the positive text clauses, used when there is no ORDER BY. */
  readonly scorers: ((issue: IssueRecord) => number)[] = [];
  /** Per-search memo for derived issue data (word lists and the like), keyed by purpose. */
  readonly memo = new Map<string, WeakMap<IssueRecord, unknown>>();

  constructor(
    readonly ctx: JqlContext,
    readonly issues: readonly IssueRecord[],
  ) {
    this.timeZone = safeTimeZone(ctx.currentUser?.timeZone);
    this.nowMs = ctx.now.getTime();
  }

  /** Records a validation message once. */
  error(message: string): void {
    if (!this.errors.includes(message)) this.errors.push(message);
  }

  /** The searched issue with this key (any case), if any. */
  issueByKey(key: string): IssueRecord | undefined {
    this.issuesByKey ??= new Map(this.issues.map((i) => [i.key.toUpperCase(), i]));
    return this.issuesByKey.get(key.toUpperCase());
  }

  /** The searched issue with this numeric id, if any. */
  issueById(id: string): IssueRecord | undefined {
    this.issuesById ??= new Map(this.issues.map((i) => [String(i.id), i]));
    return this.issuesById.get(String(Number(id)));
  }

  /** Projects the caller may browse: the only ones JQL admits exist. */
  projects(): readonly ProjectRecord[] {
    return this.ctx.projects;
  }

  /** Users matching a name, key, account id, e-mail or display name, compared case-insensitively. */
  usersMatching(value: string): UserRecord[] {
    const v = value.toLowerCase();
    return this.ctx.users.filter(
      (u) =>
        u.name.toLowerCase() === v ||
        u.key.toLowerCase() === v ||
        u.accountId.toLowerCase() === v ||
        u.email.toLowerCase() === v ||
        u.displayName.toLowerCase() === v,
    );
  }

  /** Lower-case group names that exist (some user belongs to them). */
  groups(): ReadonlySet<string> {
    this.groupNames ??= new Set(this.ctx.users.flatMap((u) => u.groups.map((g) => g.toLowerCase())));
    return this.groupNames;
  }

  /** The lower-cased values of a list field across the searched issues (components, versions, ...). */
  knownValues(name: string, read: (issue: IssueRecord) => readonly string[]): ReadonlySet<string> {
    let set = this.valueSets.get(name);
    if (!set) {
      set = new Set();
      for (const issue of this.issues) for (const v of read(issue)) set.add(v.toLowerCase());
      this.valueSets.set(name, set);
    }
    return set;
  }

  /** Memoises `compute(issue)` for the life of this search. */
  cached<T>(purpose: string, issue: IssueRecord, compute: (issue: IssueRecord) => T): T {
    let map = this.memo.get(purpose);
    if (!map) {
      map = new WeakMap();
      this.memo.set(purpose, map);
    }
    if (map.has(issue)) return map.get(issue) as T;
    const value = compute(issue);
    map.set(issue, value);
    return value;
  }
}
