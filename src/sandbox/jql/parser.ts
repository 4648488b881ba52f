/**
 * Recursive-descent JQL parser. Precedence: NOT binds tighter than AND, AND tighter than OR; parentheses
 * group; ORDER BY ends the query. Error texts and positions follow Jira's parser.
 */
import type {
  Clause,
  FieldRef,
  HistoryPredicate,
  JqlQuery,
  Operand,
  Operator,
  OrderItem,
  PredicateName,
  TerminalClause,
} from './ast.js';
import { syntaxError } from './errors.js';
import { tokenize } from './lexer.js';
import { TokenCursor } from './token-cursor.js';

const VALID_OPERATORS =
  "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";
const SYMBOL_OPERATORS: ReadonlySet<string> = new Set(['=', '!=', '~', '!~', '<', '<=', '>', '>=']);
const PREDICATES: ReadonlySet<string> = new Set(['by', 'after', 'before', 'on', 'during', 'from', 'to']);
/** Deeper NOT / parenthesis / list nesting is refused so that recursion can never exhaust the stack. */
const MAX_NESTING = 200;

/** Parses JQL text into a syntax tree; throws JqlError with Jira's message on a syntax error. */
export function parseJql(jql: string): JqlQuery {
  return new Parser(tokenize(jql)).query();
}

class Parser extends TokenCursor {
  private depth = 0;

  /** Runs `parse` one nesting level deeper (our own message: Jira has no limit of its own to quote). */
  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_NESTING) throw syntaxError('The query is nested too deeply.', this.peek());
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  query(): JqlQuery {
    let where: Clause | null = null;
    if (!this.atEnd() && !this.isKeyword('order')) {
      where = this.or();
      if (!this.atEnd() && !this.isKeyword('order')) {
        throw syntaxError(`Expecting either 'OR' or 'AND' but got '${this.peek().text}'.`, this.peek());
      }
    }
    const orderBy = this.isKeyword('order') ? this.orderBy() : [];
    return { where, orderBy };
  }

  private or(): Clause {
    const clauses = [this.and()];
    while (this.isKeyword('or') || this.isSymbol('||') || this.isSymbol('|')) {
      this.next();
      clauses.push(this.and());
    }
    return clauses.length === 1 && clauses[0] ? clauses[0] : { kind: 'or', clauses };
  }

  private and(): Clause {
    const clauses = [this.not()];
    while (this.isKeyword('and') || this.isSymbol('&&') || this.isSymbol('&')) {
      this.next();
      clauses.push(this.not());
    }
    return clauses.length === 1 && clauses[0] ? clauses[0] : { kind: 'and', clauses };
  }

  private not(): Clause {
    if (this.isKeyword('not') || this.isSymbol('!')) {
      this.next();
      return { kind: 'not', clause: this.nested(() => this.not()) };
    }
    if (this.isSymbol('(')) {
      this.next();
      const inner = this.nested(() => this.or());
      this.expectClosing();
      return inner;
    }
    return this.terminal();
  }

  private expectClosing(): void {
    const token = this.next();
    if (token.type === 'eof') throw syntaxError("Expecting ')' before the end of the query.");
    if (!this.isSymbol(')', token)) throw syntaxError(`Expecting ')' but got '${token.text}'.`, token);
  }

  private terminal(): TerminalClause {
    const field = this.field();
    const operator = this.operator();
    const operand = operator === 'changed' ? null : this.operand();
    const predicates = this.predicates();
    const clause: TerminalClause = { kind: 'terminal', field, operator, operand };
    if (predicates.length > 0) clause.predicates = predicates;
    return clause;
  }

  private field(): FieldRef {
    const token = this.next();
    if (token.type === 'eof') throw syntaxError('Expecting a field name at the end of the query.');
    if (this.isSymbol('[', token)) {
      throw syntaxError("Expecting a field name but got '['. Did you mean 'cf['?", token);
    }
    if (!this.isStringish(token)) {
      throw syntaxError(
        `Expecting a field name but got '${token.text}'. You must surround '${token.text}' in quotation marks to use it as a field name.`,
        token,
      );
    }
    // A name of only spaces (quoted, or escaped as `\ `) counts as empty, as in Jira.
    if (token.value.trim() === '') throw syntaxError('A field name cannot be empty.', token);
    if (token.type === 'word' && !token.escaped && token.value.toLowerCase() === 'cf')
      return this.customField();
    if (
      token.type === 'word' &&
      !token.escaped &&
      token.value.toLowerCase() === 'issue.property' &&
      this.isSymbol('[')
    )
      return this.propertyField();
    this.checkReserved(token);
    return { kind: 'name', name: token.value };
  }

  /** `[key]` and an optional `.path`, after `issue.property`. */
  private propertyField(): FieldRef {
    this.next();
    const key = this.next();
    if (key.type === 'eof') throw syntaxError('Expecting a property key before the end of the query.');
    if (!this.isStringish(key) || key.value.trim() === '') {
      throw syntaxError(`Expecting a property key but got '${key.text}'.`, key);
    }
    const close = this.next();
    if (close.type === 'eof') throw syntaxError("Expecting ']' before the end of the query.");
    if (!this.isSymbol(']', close)) throw syntaxError(`Expecting ']' but got '${close.text}'.`, close);
    // The lexer reads `.a.b` after the bracket as one word.
    const after = this.peek();
    if (after.type === 'word' && !after.escaped && after.value.startsWith('.') && after.value.length > 1) {
      this.next();
      return { kind: 'property', key: key.value, path: after.value.slice(1) };
    }
    return { kind: 'property', key: key.value, path: '' };
  }

  /** `cf[NNNNN]`, after the `cf`. */
  private customField(): FieldRef {
    const open = this.next();
    if (open.type === 'eof') throw syntaxError("Expecting '[' before the end of the query.");
    if (!this.isSymbol('[', open)) throw syntaxError(`Expecting '[' but got '${open.text}'.`, open);
    const id = this.next();
    const expectId = 'Expecting a custom field id (a positive number)';
    if (id.type === 'eof') throw syntaxError(`${expectId} before the end of the query.`);
    if (id.type !== 'number' || id.value.startsWith('-')) {
      throw syntaxError(`${expectId} but got '${id.text}'.`, id);
    }
    const close = this.next();
    if (close.type === 'eof') throw syntaxError("Expecting ']' before the end of the query.");
    if (!this.isSymbol(']', close)) throw syntaxError(`Expecting ']' but got '${close.text}'.`, close);
    return { kind: 'cf', id: id.value };
  }

  private operator(): Operator {
    const token = this.next();
    if (token.type === 'eof') {
      throw syntaxError(`Expecting operator before the end of the query. ${VALID_OPERATORS}`);
    }
    if (token.type === 'symbol' && SYMBOL_OPERATORS.has(token.value)) return token.value as Operator;
    if (this.isKeyword('in', token)) return 'in';
    if (this.isKeyword('changed', token)) return 'changed';
    if (this.isKeyword('not', token)) {
      const after = this.next();
      if (after.type === 'eof') throw syntaxError("Expecting 'IN' before the end of the query.");
      if (!this.isKeyword('in', after)) throw syntaxError(`Expecting 'IN' but got '${after.text}'.`, after);
      return 'not in';
    }
    if (this.isKeyword('is', token)) {
      if (this.isSymbol('!')) throw syntaxError("Expecting 'NOT' but got '!'.", this.peek());
      if (!this.isKeyword('not')) return 'is';
      this.next();
      return 'is not';
    }
    if (this.isKeyword('was', token)) {
      const negated = this.accept('not');
      const list = this.accept('in');
      if (negated) return list ? 'was not in' : 'was not';
      return list ? 'was in' : 'was';
    }
    throw syntaxError(`Expecting operator but got '${token.text}'. ${VALID_OPERATORS}`, token);
  }

  private operand(): Operand {
    const token = this.peek();
    if (token.type === 'eof') {
      throw syntaxError('Expecting either a value, list or function before the end of the query.');
    }
    if (this.isKeyword('empty', token) || this.isKeyword('null', token)) {
      this.next();
      return { kind: 'empty' };
    }
    if (this.isSymbol('(', token)) return this.list();
    if (this.isStringish(token)) {
      if (this.isSymbol('(', this.peek(1))) return this.functionCall();
      this.next();
      this.checkReserved(token);
      return token.type === 'number'
        ? { kind: 'number', value: token.value }
        : { kind: 'string', value: token.value };
    }
    throw syntaxError(
      `Expecting either a value, list or function but got '${token.text}'. You must surround '${token.text}' in quotation marks to use it as a value.`,
      token,
    );
  }

  private list(): Operand {
    this.next();
    const items = [this.nested(() => this.operand())];
    for (;;) {
      const token = this.next();
      if (this.isSymbol(',', token)) items.push(this.nested(() => this.operand()));
      else if (this.isSymbol(')', token)) return { kind: 'list', items };
      else if (token.type === 'eof') throw syntaxError("Expecting ')' before the end of the query.");
      else throw syntaxError(`Expecting ')' but got '${token.text}'.`, token);
    }
  }

  private functionCall(): Operand {
    const nameToken = this.next();
    if (nameToken.value.trim() === '') {
      throw syntaxError('A function name cannot be empty.', nameToken);
    }
    this.checkReserved(nameToken);
    this.next();
    const args: string[] = [];
    const first = this.peek();
    if (this.isSymbol(')', first)) {
      this.next();
      return { kind: 'function', name: nameToken.value, args };
    }
    if (first.type === 'eof') throw syntaxError("Expecting ')' before the end of the query.");
    if (this.isSymbol(',', first)) throw syntaxError("Expecting ')' but got ','.", first);
    args.push(this.argument());
    for (;;) {
      const token = this.next();
      if (this.isSymbol(')', token)) return { kind: 'function', name: nameToken.value, args };
      if (token.type === 'eof') throw syntaxError("Expecting ')' before the end of the query.");
      if (!this.isSymbol(',', token))
        throw syntaxError(`Expecting ')' or ',' but got '${token.text}'.`, token);
      const after = this.peek();
      if (after.type === 'eof') throw syntaxError('Expecting a function argument at the end of the query.');
      if (this.isSymbol(')', after) || this.isSymbol(',', after)) {
        throw syntaxError('Function argument must be specified.', after);
      }
      args.push(this.argument());
    }
  }

  private argument(): string {
    const token = this.next();
    if (!this.isStringish(token)) {
      throw syntaxError(
        `Expecting a function argument but got '${token.text}'. You must surround '${token.text}' in quotation marks to use it as an argument.`,
        token,
      );
    }
    this.checkReserved(token);
    return token.value;
  }

  private predicates(): HistoryPredicate[] {
    const predicates: HistoryPredicate[] = [];
    while (this.peek().type === 'keyword' && PREDICATES.has(this.peek().value)) {
      const name = this.next().value as PredicateName;
      predicates.push({ name, operand: this.operand() });
    }
    return predicates;
  }

  private orderBy(): OrderItem[] {
    this.next();
    const by = this.next();
    if (by.type === 'eof') throw syntaxError("Expecting 'by' before the end of the query.");
    if (!this.isKeyword('by', by)) throw syntaxError(`Expecting 'by' but got '${by.text}'.`, by);
    const items: OrderItem[] = [];
    for (;;) {
      const field = this.field();
      let direction: OrderItem['direction'] = null;
      const token = this.peek();
      if (this.isKeyword('asc', token) || this.isKeyword('desc', token)) {
        direction = token.value === 'asc' ? 'asc' : 'desc';
        this.next();
      } else if (!this.isSymbol(',', token) && token.type !== 'eof') {
        throw syntaxError(`Expecting either 'ASC' or 'DESC' but got '${token.text}'.`, token);
      }
      items.push({ field, direction });
      const after = this.next();
      if (after.type === 'eof') return items;
      if (!this.isSymbol(',', after)) throw syntaxError(`Expecting ',' but got '${after.text}'.`, after);
    }
  }
}
