/**
 * Text fields searched with `~` / `!~`: summary, description, comment and `text` (summary, description
 * and comments together). `!~` never matches an empty field.
 */

import type { IssueRecord } from '../model.js';
import type { CompileEnv, Predicate } from './env.js';
import { type FieldDef, operators } from './field-def.js';
import { functionNotValid } from './field-discrete.js';
import {
  isTextQuery,
  matchesText,
  mayMatch,
  parseTextQuery,
  scoreText,
  segment,
  type TextDocument,
} from './text-search.js';

type TextsOf = (issue: IssueRecord) => string[];

const summaryTexts: TextsOf = (i) => [i.summary];
const descriptionTexts: TextsOf = (i) => (i.description ? [i.description] : []);
const commentTexts: TextsOf = (i) => i.comments.map((c) => c.body);
const allTexts: TextsOf = (i) => [...summaryTexts(i), ...descriptionTexts(i), ...commentTexts(i)];

function compileText(id: string, textsOf: TextsOf): FieldDef['compile'] {
  return (clause, env: CompileEnv, label): Predicate | null => {
    const doc = (issue: IssueRecord): TextDocument =>
      env.cached(`text:${id}`, issue, (i) => textsOf(i).map(segment));
    const lower = (issue: IssueRecord) =>
      env.cached(`lower:${id}`, issue, (i) => textsOf(i).join('\n').toLowerCase());
    const isEmpty = (issue: IssueRecord) => doc(issue).every((s) => s.words.length === 0);
    const operand = clause.operand;
    const negated = clause.operator === '!~' || clause.operator === 'is not';
    if (!operand || operand.kind === 'empty') return negated ? (i) => !isEmpty(i) : isEmpty;
    if (operand.kind === 'function') return functionNotValid(env, label, operand);
    if (operand.kind === 'list') return null;
    const value = operand.value;
    const query = parseTextQuery(value);
    if (!isTextQuery(query)) {
      if (query.kind === 'empty')
        env.error(`The field '${label}' does not support searching for an empty string.`);
      else if (query.kind === 'leading') {
        env.error(
          `The text query '${value}' for field '${label}' is not allowed to start with '${query.char}'.`,
        );
      } else env.error(`Unable to parse the text '${value}' for field '${label}'.`);
      return null;
    }
    if (!negated && !env.negated) env.scorers.push((issue) => scoreText(query, doc(issue)));
    const quick = mayMatch(query);
    const hit = (issue: IssueRecord) => quick(lower(issue)) && matchesText(query, doc(issue));
    return negated ? (issue) => !isEmpty(issue) && !hit(issue) : hit;
  };
}

/** summary, description, comment and text. */
export const TEXT_FIELDS: readonly FieldDef[] = [
  {
    id: 'summary',
    names: ['summary'],
    operators: operators('~ !~'),
    emptyable: false,
    compile: compileText('summary', summaryTexts),
    sort: { key: (issue) => issue.summary.toLowerCase(), defaultDirection: 'asc' },
  },
  {
    id: 'description',
    names: ['description'],
    operators: operators('~ !~ is is_not'),
    emptyable: true,
    compile: compileText('description', descriptionTexts),
  },
  {
    id: 'comment',
    names: ['comment'],
    operators: operators('~ !~'),
    emptyable: false,
    compile: compileText('comment', commentTexts),
  },
  {
    id: 'text',
    names: ['text'],
    operators: operators('~'),
    emptyable: false,
    compile: compileText('text', allTexts),
  },
];
