/*
 * Copyright 2026 The Scorecards & Campaigns for Backstage Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import { QueryCondition, QueryGroup, QueryNode } from './types';

/**
 * A scope string that does not parse; `position` is the 0-based offset of
 * the character where something else was expected.
 *
 * @public
 */
export class ScopeSyntaxError extends Error {
  readonly position: number;

  constructor(message: string, position: number) {
    super(message);
    this.name = 'ScopeSyntaxError';
    this.position = position;
  }
}

const WHITESPACE = /\s/;
/** Characters that end a bare key or value. */
const DELIMITERS = new Set(['(', ')', '"', "'", ',']);
/** Properties compared ignoring case: entity kinds are case-insensitive. */
const CASE_INSENSITIVE = new Set(['kind', '$kind']);

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parse(): QueryGroup {
    const node = this.parseOr();
    this.skipSpace();
    if (this.pos < this.text.length) {
      this.fail('expected AND, OR or the end of the scope');
    }
    return 'combinator' in node
      ? node
      : { combinator: 'and', conditions: [node] };
  }

  private fail(expected: string, at = this.pos): never {
    throw new ScopeSyntaxError(`${expected} at position ${at}`, at);
  }

  private skipSpace() {
    while (
      this.pos < this.text.length &&
      WHITESPACE.test(this.text[this.pos])
    ) {
      this.pos++;
    }
  }

  /** Consumes a keyword (or its symbol) when it comes next. */
  private keyword(word: string, symbol: string): boolean {
    this.skipSpace();
    const { text, pos } = this;
    if (text.startsWith(symbol, pos)) {
      this.pos += symbol.length;
      return true;
    }
    if (text.slice(pos, pos + word.length).toUpperCase() !== word) {
      return false;
    }
    const after = text[pos + word.length];
    if (after !== undefined && !WHITESPACE.test(after) && after !== '(') {
      return false; // a key such as "order:" or "notes:"
    }
    this.pos += word.length;
    return true;
  }

  private parseOr(): QueryNode {
    const nodes = [this.parseAnd()];
    while (this.keyword('OR', '||')) {
      nodes.push(this.parseAnd());
    }
    return nodes.length === 1
      ? nodes[0]
      : { combinator: 'or', conditions: nodes };
  }

  private parseAnd(): QueryNode {
    const nodes = [this.parseUnary()];
    while (this.keyword('AND', '&&')) {
      nodes.push(this.parseUnary());
    }
    return nodes.length === 1
      ? nodes[0]
      : { combinator: 'and', conditions: nodes };
  }

  private parseUnary(): QueryNode {
    if (this.keyword('NOT', '!')) {
      const inner = this.parseUnary();
      if ('combinator' in inner) {
        if (inner.not) {
          const { not: _not, ...rest } = inner;
          return rest; // NOT NOT x is x
        }
        return { ...inner, not: true };
      }
      return { combinator: 'and', not: true, conditions: [inner] };
    }
    this.skipSpace();
    if (this.text[this.pos] === '(') {
      this.pos++;
      const inner = this.parseOr();
      this.skipSpace();
      if (this.text[this.pos] !== ')') {
        this.fail('expected ")"');
      }
      this.pos++;
      return inner;
    }
    return this.parseTerm();
  }

  private readBare(): string {
    const start = this.pos;
    const { text } = this;
    while (
      this.pos < text.length &&
      !WHITESPACE.test(text[this.pos]) &&
      !DELIMITERS.has(text[this.pos])
    ) {
      this.pos++;
    }
    return text.slice(start, this.pos);
  }

  private readQuoted(): string {
    const quote = this.text[this.pos];
    this.pos++;
    let out = '';
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === '\\' && this.pos + 1 < this.text.length) {
        out += this.text[this.pos + 1];
        this.pos += 2;
      } else if (c === quote) {
        this.pos++;
        return out;
      } else {
        out += c;
        this.pos++;
      }
    }
    return this.fail(`expected a closing ${quote}`);
  }

  private parseTerm(): QueryCondition {
    this.skipSpace();
    const keyStart = this.pos;
    const { text } = this;
    while (
      this.pos < text.length &&
      text[this.pos] !== ':' &&
      !WHITESPACE.test(text[this.pos]) &&
      !DELIMITERS.has(text[this.pos])
    ) {
      this.pos++;
    }
    const property = text.slice(keyStart, this.pos);
    if (property === '') {
      this.fail('expected a property such as "kind:component"');
    }
    if (text[this.pos] !== ':') {
      this.fail('expected ":"');
    }
    this.pos++;

    const values: string[] = [];
    let star = false;
    for (;;) {
      const c = text[this.pos];
      if (c === '"' || c === "'") {
        values.push(this.readQuoted());
      } else {
        const valueStart = this.pos;
        const bare = this.readBare();
        if (bare === '') {
          this.fail('expected a value');
        }
        if (bare === '*') {
          star = true;
          if (values.length > 0 || text[this.pos] === ',') {
            this.fail('expected a value other than * in a list', valueStart);
          }
        }
        values.push(bare);
      }
      if (text[this.pos] !== ',') {
        break;
      }
      this.pos++;
    }

    if (star) {
      return { property, operator: 'isNotEmpty' };
    }
    const condition: QueryCondition = {
      property,
      operator: 'in',
      value: values,
    };
    if (CASE_INSENSITIVE.has(property)) {
      condition.ignoreCase = true;
    }
    return condition;
  }
}

/**
 * Parses a scope string such as
 * `kind:component AND (spec.lifecycle:production OR NOT metadata.tags:legacy)`
 * into a query group.
 *
 * - `AND`, `OR` and `NOT` (any case; also `&&`, `||`, `!`) with the usual
 *   precedence (NOT binds tightest, then AND, then OR) and parentheses.
 * - A term is `property:value`; the value is a bare word or a quoted string
 *   (`"a b"` or `'a b'`, backslash escapes). `property:a,b` matches either
 *   value; `property:*` matches any non-empty value. A term becomes an `in`
 *   condition, so on a list (`metadata.tags:tier-1`) any element may match;
 *   `kind` and `$kind` compare ignoring case.
 *
 * @throws ScopeSyntaxError with the position of the problem.
 * @public
 */
export function parseScope(scope: string): QueryGroup {
  return new Parser(scope).parse();
}
