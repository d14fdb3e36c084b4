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

import { compileExplainedQuery, compileQuery } from './query';
import { NEGATIVE_OPERATORS } from './operators';
import {
  Operator,
  OPERATORS,
  QueryGroup,
  QueryNode,
  UNARY_OPERATORS,
} from './types';

const NOW = new Date('2026-03-01T00:00:00Z');

function explain(
  conditions: QueryNode | QueryNode[],
  entity: Record<string, unknown>,
  facts?: Record<string, unknown>,
) {
  const query: QueryGroup = {
    combinator: 'and',
    conditions: Array.isArray(conditions) ? conditions : [conditions],
  };
  const explained = compileExplainedQuery(query, { now: () => NOW })({
    entity,
    facts,
  });
  // The fast predicate must always agree with the explanation.
  expect(compileQuery(query, { now: () => NOW })({ entity, facts })).toBe(
    explained.pass,
  );
  return explained;
}

/** Evaluates `spec.x <operator> value` on an entity whose spec.x is `x`. */
function on(
  operator: Operator,
  value: unknown,
  x: unknown,
  ignoreCase?: boolean,
) {
  return explain(
    {
      property: 'spec.x',
      operator,
      value,
      ...(ignoreCase ? { ignoreCase } : {}),
    },
    { spec: { x } },
  );
}

const pass = (operator: Operator, value: unknown, x: unknown) =>
  on(operator, value, x).pass;

// operator, rule value, entity value, expected
const TABLE: Array<[Operator, unknown, unknown, boolean]> = [
  ['=', 'service', 'service', true],
  ['=', 'service', 'Service', false],
  ['=', 7, 7, true],
  ['=', 7, '7', true],
  ['=', '7', 7, true],
  ['=', 7, '7.0', true],
  ['=', 7, 8, false],
  ['=', 7, 'seven', false],
  ['=', true, true, true],
  ['=', true, 'true', true],
  ['=', 'false', false, true],
  ['=', true, false, false],
  ['=', true, 1, false],
  ['=', ['a', 'b'], ['a', 'b'], true],
  ['=', ['a', 'b'], ['b', 'a'], false],
  ['=', ['a', 'b'], ['a'], false],
  ['=', [1, 2], ['1', 2], true],
  ['!=', 'service', 'website', true],
  ['!=', 'service', 'service', false],
  ['!=', 7, '7', false],
  ['!=', 7, 'seven', true],
  ['<', 5, 3, true],
  ['<', 5, 5, false],
  ['<', 5, '3', true],
  ['<', '5', 3, true],
  ['<=', 5, 5, true],
  ['<=', 5, 6, false],
  ['>', 5, 6, true],
  ['>', 5, 5, false],
  ['>=', 5, 5, true],
  ['>=', 5, 4.9, false],
  ['<', '2026-01-01', '2025-12-31', true],
  ['<', '2026-01-01', '2026-01-02T00:00:00Z', false],
  ['>=', '2026-01-01', new Date('2026-01-01T00:00:00Z'), true],
  ['contains', 'trip', 'trips-api', true],
  ['contains', 'Trip', 'trips-api', false],
  ['contains', 12, 'v12.3', true],
  ['contains', 23, 1234, true],
  ['contains', 'tier-1', ['java', 'tier-1'], true],
  ['contains', 'tier', ['java', 'tier-1'], false],
  ['contains', 3, ['1', '3'], true],
  ['doesNotContains', 'trip', 'hotels', true],
  ['doesNotContains', 'trip', 'trips', false],
  ['doesNotContains', 'x', ['a', 'b'], true],
  ['doesNotContains', 'a', ['a', 'b'], false],
  ['beginsWith', 'https://', 'https://example.com', true],
  ['beginsWith', 'https://', 'http://example.com', false],
  ['beginsWith', 'ti', ['java', 'tier-1'], true],
  ['beginsWith', 'x', ['java', 'tier-1'], false],
  ['doesNotBeginWith', 'legacy-', 'trips', true],
  ['doesNotBeginWith', 'legacy-', 'legacy-trips', false],
  ['doesNotBeginWith', 'ti', ['java', 'tier-1'], false],
  ['endsWith', '-api', 'trips-api', true],
  ['endsWith', '-api', 'trips', false],
  ['endsWith', 1, 'tier-1', true],
  ['endsWith', '-1', ['tier-1'], true],
  ['doesNotEndsWith', '-old', 'trips', true],
  ['doesNotEndsWith', '-old', 'trips-old', false],
  ['in', ['production', 'staging'], 'production', true],
  ['in', ['production', 'staging'], 'experimental', false],
  ['in', [1, 2], '2', true],
  ['in', ['tier-1', 'tier-2'], ['java', 'tier-2'], true],
  ['in', ['tier-1', 'tier-2'], ['java'], false],
  ['notIn', ['deprecated'], 'production', true],
  ['notIn', ['deprecated'], 'deprecated', false],
  ['notIn', ['legacy'], ['java', 'tier-1'], true],
  ['notIn', ['legacy'], ['java', 'legacy'], false],
  ['matches', '^[a-z]+-api$', 'trips-api', true],
  ['matches', '^[a-z]+-api$', 'Trips-API', false],
  ['matches', '^\\d+$', 1234, true],
  ['matches', '^true$', true, true],
  ['matches', '^tier-\\d$', ['java', 'tier-1'], true],
  ['matches', '^tier-\\d$', ['java'], false],
  ['doesNotMatch', 'legacy', 'trips', true],
  ['doesNotMatch', 'legacy', 'legacy-trips', false],
  ['doesNotMatch', '^tier', ['java', 'tier-1'], false],
  ['within', 'P30D', '2026-02-15T00:00:00Z', true],
  ['within', 'P30D', '2026-01-15', false],
  ['within', 'P30D', '2027-01-01', true],
  ['within', 'P1M', '2026-02-01T00:00:00Z', true],
  ['within', 'P1M', '2026-01-31T23:59:59Z', false],
  ['within', 'PT12H', Date.parse('2026-02-28T13:00:00Z'), true],
  ['within', 'P30D', new Date('2026-02-15T00:00:00Z'), true],
  ['olderThan', 'P30D', '2026-01-15', true],
  ['olderThan', 'P30D', '2026-02-15', false],
  ['olderThan', 'P1Y', '2025-02-28', true],
  ['olderThan', 'P1Y', '2025-03-02', false],
  ['before', '2026-01-01', '2025-12-31T23:59:59Z', true],
  ['before', '2026-01-01', '2026-01-01', false],
  ['before', '2026-01-01T00:00:00+01:00', '2025-12-31T23:30:00Z', false],
  ['after', '2026-01-01', '2026-01-02', true],
  ['after', '2026-01-01', '2025-06-01', false],
  ['isEmpty', undefined, 'x', false],
  ['isEmpty', undefined, 0, false],
  ['isEmpty', undefined, false, false],
  ['isNotEmpty', undefined, 'x', true],
  ['isNotEmpty', undefined, 0, true],
  ['isNotEmpty', undefined, false, true],
  ['isNotEmpty', undefined, ['a'], true],
  ['isNotEmpty', undefined, { a: 1 }, true],
  ['isEmpty', undefined, '', true],
  ['isEmpty', undefined, {}, true],
  ['isNotEmpty', undefined, [], false],
  ['isNotEmpty', undefined, null, false],
];

describe('operators', () => {
  describe.each(TABLE)('%s %p', (operator, value, x, expected) => {
    it(`on ${JSON.stringify(x)} ${expected ? 'passes' : 'fails'}`, () => {
      expect(pass(operator, value, x)).toBe(expected);
    });
  });

  it('has cases for every operator, passing and failing', () => {
    for (const operator of OPERATORS) {
      const outcomes = TABLE.filter(([o]) => o === operator).map(r => r[3]);
      expect({ operator, passes: outcomes.includes(true) }).toEqual({
        operator,
        passes: true,
      });
      expect({ operator, fails: outcomes.includes(false) }).toEqual({
        operator,
        fails: true,
      });
    }
  });

  describe('on missing values', () => {
    const ruleValues: Record<Operator, unknown> = {
      '=': 'x',
      '!=': 'x',
      '<': 5,
      '<=': 5,
      '>': 5,
      '>=': 5,
      contains: 'x',
      doesNotContains: 'x',
      beginsWith: 'x',
      doesNotBeginWith: 'x',
      endsWith: 'x',
      doesNotEndsWith: 'x',
      isEmpty: undefined,
      isNotEmpty: undefined,
      in: ['x'],
      notIn: ['x'],
      matches: 'x',
      doesNotMatch: 'x',
      within: 'P30D',
      olderThan: 'P30D',
      before: '2026-01-01',
      after: '2026-01-01',
    };
    const empties: unknown[] = [undefined, null, '', [], {}];
    for (const operator of OPERATORS) {
      const expected =
        operator === 'isEmpty' || NEGATIVE_OPERATORS.includes(operator);
      it(`${operator} ${
        expected ? 'passes' : 'fails'
      } on every empty value`, () => {
        for (const empty of empties) {
          expect(pass(operator, ruleValues[operator], empty)).toBe(expected);
        }
        // and on an entity without spec at all
        expect(
          explain(
            { property: 'spec.x', operator, value: ruleValues[operator] },
            {},
          ).pass,
        ).toBe(expected);
      });
    }

    it('says what is missing and what it must be', () => {
      expect(on('<', 5, undefined).message).toBe(
        'spec.x is missing; must be < 5',
      );
      expect(on('=', 'service', null).message).toBe(
        'spec.x is missing; must be "service"',
      );
      expect(on('isNotEmpty', undefined, '').message).toBe(
        'spec.x is ""; must not be empty',
      );
      expect(on('isEmpty', undefined, []).message).toBe('spec.x is []');
      expect(on('!=', 'x', undefined).message).toBe(
        'spec.x is missing; must not be "x"',
      );
      expect(
        explain(
          {
            property: 'metadata.annotations.pagerduty.com/service-id',
            operator: 'isNotEmpty',
          },
          { metadata: { annotations: {} } },
        ).message,
      ).toBe(
        'metadata.annotations.pagerduty.com/service-id is missing; must not be empty',
      );
    });
  });

  describe('on mismatched types', () => {
    const cases: Array<[Operator, unknown, unknown, string]> = [
      ['<', 5, 'abc', 'spec.x is "abc", not a number; must be < 5'],
      ['>=', 5, true, 'spec.x is true, not a number; must be >= 5'],
      ['<', 5, [1, 2], 'spec.x is [1, 2], not a number; must be < 5'],
      [
        '<',
        '2026-01-01',
        'soon',
        'spec.x is "soon", not a date; must be < 2026-01-01',
      ],
      [
        '=',
        'a',
        ['a', 'b'],
        'spec.x is ["a", "b"], a list (use contains or in to test its elements); must be "a"',
      ],
      [
        '!=',
        'a',
        ['b'],
        'spec.x is ["b"], a list (use doesNotContains or notIn to test its elements); must not be "a"',
      ],
      ['=', 'a', { a: 1 }, 'spec.x is {"a":1}, an object; must be "a"'],
      ['=', ['a'], 'a', 'spec.x is "a", a string, not a list; must be ["a"]'],
      [
        'contains',
        'a',
        { a: 1 },
        'spec.x is {"a":1}, an object, not a string or list; must contain "a"',
      ],
      [
        'doesNotContains',
        'a',
        { a: 1 },
        'spec.x is {"a":1}, an object, not a string or list; must not contain "a"',
      ],
      [
        'beginsWith',
        'a',
        { a: 1 },
        'spec.x is {"a":1}, an object, not a string; must begin with "a"',
      ],
      [
        'doesNotEndsWith',
        'a',
        { a: 1 },
        'spec.x is {"a":1}, an object, not a string; must not end with "a"',
      ],
      ['in', ['a'], { a: 1 }, 'spec.x is {"a":1}, an object; must be "a"'],
      [
        'notIn',
        ['a', 'b'],
        { a: 1 },
        'spec.x is {"a":1}, an object; must not be one of "a", "b"',
      ],
      [
        'matches',
        '^a',
        { a: 1 },
        'spec.x is {"a":1}, an object, not a string; must match /^a/',
      ],
      [
        'within',
        'P30D',
        'xyz',
        'spec.x is "xyz", not a date; must be no older than P30D',
      ],
      [
        'olderThan',
        'P30D',
        true,
        'spec.x is true, not a date; must be older than P30D',
      ],
      [
        'before',
        '2026-01-01',
        'later',
        'spec.x is "later", not a date; must be before 2026-01-01',
      ],
      [
        'after',
        '2026-01-01',
        { y: 1 },
        'spec.x is {"y":1}, not a date; must be after 2026-01-01',
      ],
    ];
    it.each(cases)(
      '%s %p on %p fails without throwing',
      (operator, value, x, message) => {
        const result = on(operator, value, x);
        expect(result).toEqual({ pass: false, value: x, message });
      },
    );
  });

  describe('messages', () => {
    it('show the value found and the requirement', () => {
      expect(on('<', 5, 3)).toEqual({
        pass: true,
        value: 3,
        message: 'spec.x is 3; must be < 5',
      });
      expect(on('<', 5, 7)).toEqual({
        pass: false,
        value: 7,
        message: 'spec.x is 7; must be < 5',
      });
      expect(
        on('=', 'group:default/trips', 'group:default/trips').message,
      ).toBe('spec.x is "group:default/trips"');
      expect(on('isNotEmpty', undefined, 'group:default/trips').message).toBe(
        'spec.x is "group:default/trips"',
      );
      expect(on('in', ['a', 'b'], 'c').message).toBe(
        'spec.x is "c"; must be one of "a", "b"',
      );
      expect(on('contains', 'x', 'abc').message).toBe(
        'spec.x is "abc"; must contain "x"',
      );
      expect(on('doesNotBeginWith', 'a', 'abc').message).toBe(
        'spec.x is "abc"; must not begin with "a"',
      );
      expect(on('endsWith', 'a', 'abc').message).toBe(
        'spec.x is "abc"; must end with "a"',
      );
      expect(on('matches', '^a$', 'b', true).message).toBe(
        'spec.x is "b"; must match /^a$/i',
      );
      expect(on('=', 'a', 'b', true).message).toBe(
        'spec.x is "b"; must be "a" (ignoring case)',
      );
      expect(on('olderThan', 'P30D', '2026-02-20').message).toBe(
        'spec.x is "2026-02-20"; must be older than P30D',
      );
    });

    it('are the same for a value met again and beyond the values kept', () => {
      const explainX = compileExplainedQuery({
        combinator: 'and',
        conditions: [
          { property: 'spec.x', operator: 'beginsWith', value: 'v-1' },
        ],
      });
      const explainOne = (x: string) => explainX({ entity: { spec: { x } } });
      // More distinct values than a condition keeps explanations of.
      const values = Array.from({ length: 600 }, (_, i) => `v-${i}`);
      const first = values.map(explainOne);
      expect(values.map(explainOne)).toEqual(first);
      expect(first[10]).toEqual({
        pass: true,
        value: 'v-10',
        message: 'spec.x is "v-10"; must begin with "v-1"',
      });
      expect(first[599]).toEqual({
        pass: false,
        value: 'v-599',
        message: 'spec.x is "v-599"; must begin with "v-1"',
      });
      expect(explainOne('v-150')).toEqual({
        pass: true,
        value: 'v-150',
        message: 'spec.x is "v-150"; must begin with "v-1"',
      });
    });

    it('shorten long values', () => {
      const long = 'a'.repeat(300);
      expect(on('=', 'b', long).message).toBe(
        `spec.x is "${'a'.repeat(79)}…"; must be "b"`,
      );
      expect(on('contains', 'z', ['a', 'b', 'c', 'd', 'e', 'f']).message).toBe(
        'spec.x is ["a", "b", "c", "d", "e", …]; must contain "z"',
      );
    });
  });

  describe('ignoreCase', () => {
    it.each([
      // operator, rule value, entity value, with ignoreCase, without
      ['=', 'Component', 'component', true, false],
      ['!=', 'Component', 'COMPONENT', false, true],
      ['contains', 'TRIP', 'trips', true, false],
      ['beginsWith', 'TR', 'trips', true, false],
      ['endsWith', 'PS', ['trips'], true, false],
      ['in', ['API', 'Component'], 'component', true, false],
      ['notIn', ['API'], 'api', false, true],
      ['matches', '^trips$', 'TRIPS', true, false],
    ] as Array<[Operator, unknown, unknown, boolean, boolean]>)(
      '%s %p on %p',
      (operator, value, x, withIgnoreCase, without) => {
        expect(on(operator, value, x, true).pass).toBe(withIgnoreCase);
        expect(on(operator, value, x).pass).toBe(without);
      },
    );
  });

  it('caps the length of the string a regular expression tests', () => {
    const long = `${'a'.repeat(20_000)}END`;
    expect(on('matches', 'END$', long).pass).toBe(false);
    expect(on('matches', '^a+', long).pass).toBe(true);
  });

  it('refuses bad rule values at compile time', () => {
    expect(() => compileQuery('spec.x:*')).not.toThrow();
    const compile = (operator: Operator, value?: unknown) => () =>
      compileQuery({
        combinator: 'and',
        conditions: [{ property: 'spec.x', operator, value }],
      });
    expect(compile('=')).toThrow(
      'query.conditions[0]: operator "=" needs a value',
    );
    expect(compile('in', 'a')).toThrow(/needs a non-empty list/);
    expect(compile('matches', '(a+)+')).toThrow(/backtrack catastrophically/);
    expect(compile('within', '30 days')).toThrow(/ISO 8601 duration/);
    expect(compile('before', 'tomorrow')).toThrow(/ISO 8601 date/);
    expect(compile('<', 'abc')).toThrow(/needs a number/);
    expect(compile('==' as Operator, 1)).toThrow(/unknown operator "=="/);
    for (const operator of UNARY_OPERATORS) {
      expect(compile(operator, 'ignored')).not.toThrow();
    }
  });
});

describe('groups', () => {
  const entity = {
    kind: 'Component',
    metadata: { name: 'trips', tags: ['java'] },
    spec: { type: 'service', lifecycle: 'production', openIncidents: 7 },
  };
  const type = (value: string) => ({
    property: 'spec.type',
    operator: '=' as const,
    value,
  });
  const incidents = {
    property: 'spec.openIncidents',
    operator: '<' as const,
    value: 5,
  };

  it('and: the first failing condition decides', () => {
    expect(explain([type('service'), incidents, type('x')], entity)).toEqual({
      pass: false,
      value: 7,
      message: 'spec.openIncidents is 7; must be < 5',
    });
    expect(
      explain(
        [type('service'), { property: '$name', operator: '=', value: 'trips' }],
        entity,
      ),
    ).toEqual({
      pass: true,
      value: 'service',
      message: 'spec.type is "service"',
    });
  });

  it('or: the first passing condition decides; when none pass, all are listed', () => {
    const or = (...conditions: QueryNode[]): QueryNode => ({
      combinator: 'or',
      conditions,
    });
    expect(explain(or(incidents, type('service')), entity)).toEqual({
      pass: true,
      value: 'service',
      message: 'spec.type is "service"',
    });
    expect(explain(or(incidents, type('website')), entity)).toEqual({
      pass: false,
      value: 7,
      message:
        'none of: spec.openIncidents is 7; must be < 5; spec.type is "service"; must be "website"',
    });
    expect(
      explain(or(type('a'), type('b'), type('c'), type('d'), type('e')), entity)
        .message,
    ).toBe(
      'none of: spec.type is "service"; must be "a"; spec.type is "service"; must be "b"; spec.type is "service"; must be "c"; and 2 more',
    );
  });

  it('not: inverts and says what must not hold', () => {
    const notService: QueryNode = {
      combinator: 'and',
      not: true,
      conditions: [type('service')],
    };
    expect(explain(notService, entity)).toEqual({
      pass: false,
      value: 'service',
      message: 'must not: spec.type is "service"',
    });
    const notWebsite: QueryNode = {
      combinator: 'and',
      not: true,
      conditions: [type('website')],
    };
    expect(explain(notWebsite, entity)).toEqual({
      pass: true,
      value: 'service',
      message: 'spec.type is "service"',
    });
    const notEither: QueryNode = {
      combinator: 'or',
      not: true,
      conditions: [type('website'), incidents],
    };
    expect(explain(notEither, entity).pass).toBe(true);
  });

  it('nests arbitrarily', () => {
    const query: QueryNode = {
      combinator: 'or',
      conditions: [
        { combinator: 'and', conditions: [type('website'), incidents] },
        {
          combinator: 'and',
          conditions: [
            { property: 'kind', operator: '=', value: 'Component' },
            {
              combinator: 'or',
              not: true,
              conditions: [
                {
                  property: 'metadata.tags',
                  operator: 'contains',
                  value: 'legacy',
                },
                {
                  property: 'spec.lifecycle',
                  operator: '=',
                  value: 'experimental',
                },
              ],
            },
          ],
        },
      ],
    };
    expect(explain(query, entity).pass).toBe(true);
    expect(
      explain(query, {
        ...entity,
        metadata: { name: 'trips', tags: ['legacy'] },
      }).pass,
    ).toBe(false);
  });

  it('empty and passes, empty or fails', () => {
    expect(
      compileQuery({ combinator: 'and', conditions: [] })({ entity }),
    ).toBe(true);
    expect(compileQuery({ combinator: 'or', conditions: [] })({ entity })).toBe(
      false,
    );
  });

  it('accepts scope strings', () => {
    const query = compileQuery('kind:component AND spec.type:service');
    expect(query({ entity })).toBe(true);
    expect(query({ entity: { ...entity, kind: 'API' } })).toBe(false);
  });

  it('reads facts', () => {
    expect(
      explain(
        { property: '$facts.github.openPRs', operator: '<', value: 10 },
        entity,
        {
          github: { openPRs: 4 },
        },
      ),
    ).toEqual({
      pass: true,
      value: 4,
      message: '$facts.github.openPRs is 4; must be < 10',
    });
  });

  it('reads the clock on every evaluation', () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const fresh = compileQuery(
      {
        combinator: 'and',
        conditions: [
          { property: 'metadata.updated', operator: 'within', value: 'P1D' },
        ],
      },
      { now: () => now },
    );
    const input = { entity: { metadata: { updated: '2026-01-01T00:00:00Z' } } };
    expect(fresh(input)).toBe(true);
    now = new Date('2026-01-03T00:00:00Z');
    expect(fresh(input)).toBe(false);
  });

  it('explains a value met again as it did the first time, also when the clock moved', () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const explained = compileExplainedQuery(
      {
        combinator: 'and',
        conditions: [
          { property: 'metadata.updated', operator: 'within', value: 'P1D' },
        ],
      },
      { now: () => now },
    );
    const input = { entity: { metadata: { updated: '2026-01-01T00:00:00Z' } } };
    const passed = {
      pass: true,
      value: '2026-01-01T00:00:00Z',
      message:
        'metadata.updated is "2026-01-01T00:00:00Z"; must be no older than P1D',
    };
    const failed = { ...passed, pass: false };
    expect(explained(input)).toEqual(passed);
    expect(explained(input)).toEqual(passed);
    now = new Date('2026-01-03T00:00:00Z');
    expect(explained(input)).toEqual(failed);
    expect(explained({ entity: { metadata: {} } })).toEqual({
      pass: false,
      value: undefined,
      message: 'metadata.updated is missing; must be no older than P1D',
    });
    now = new Date('2026-01-01T12:00:00Z');
    expect(explained(input)).toEqual(passed);
    expect(explained({ entity: { metadata: { updated: 'soon' } } })).toEqual({
      pass: false,
      value: 'soon',
      message:
        'metadata.updated is "soon", not a date; must be no older than P1D',
    });
    expect(explained({ entity: { metadata: { updated: 'soon' } } })).toEqual({
      pass: false,
      value: 'soon',
      message:
        'metadata.updated is "soon", not a date; must be no older than P1D',
    });
  });

  it('explains as many distinct values as it meets', () => {
    const explained = compileExplainedQuery({
      combinator: 'and',
      conditions: [{ property: 'spec.n', operator: '<', value: 500 }],
    });
    for (let round = 0; round < 2; round++) {
      for (let n = 0; n < 1000; n++) {
        expect(explained({ entity: { spec: { n } } })).toEqual({
          pass: n < 500,
          value: n,
          message: `spec.n is ${n}; must be < 500`,
        });
      }
    }
  });

  it('uses the real clock by default', () => {
    const recent = compileQuery({
      combinator: 'and',
      conditions: [{ property: 'spec.at', operator: 'within', value: 'PT1H' }],
    });
    expect(
      recent({
        entity: { spec: { at: new Date(Date.now() - 60_000).toISOString() } },
      }),
    ).toBe(true);
    expect(
      recent({
        entity: {
          spec: { at: new Date(Date.now() - 7_200_000).toISOString() },
        },
      }),
    ).toBe(false);
  });
});
