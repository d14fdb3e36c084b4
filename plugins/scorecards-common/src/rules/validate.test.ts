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

import { formatValidationProblems, validateScorecardsConfig } from './validate';

const rule = (overrides: Record<string, unknown> = {}) => ({
  id: 'has-owner',
  title: 'Has an owner',
  level: 'Bronze',
  query: {
    combinator: 'and',
    conditions: [{ property: 'spec.owner', operator: 'isNotEmpty' }],
  },
  ...overrides,
});

const scorecard = (overrides: Record<string, unknown> = {}) => ({
  id: 'production-readiness',
  title: 'Production Readiness',
  rules: [rule()],
  ...overrides,
});

/** Validates one scorecard with one rule whose query has `condition`. */
const withCondition = (condition: unknown) =>
  validateScorecardsConfig({
    definitions: [
      scorecard({
        rules: [
          rule({ query: { combinator: 'and', conditions: [condition] } }),
        ],
      }),
    ],
  }).problems;

const CONDITION = 'scorecards.definitions[0].rules[0].query.conditions[0]';

describe('validateScorecardsConfig', () => {
  it('returns a valid config', () => {
    const raw = {
      levels: ['Bronze', 'Silver', 'Gold', 'Platinum'],
      definitions: [
        {
          id: 'production-readiness',
          title: 'Production Readiness',
          description: 'Services that are **safe** to run.',
          filter: 'kind:component AND spec.type:service',
          rules: [
            rule({
              guidance: { text: 'Set spec.owner', url: 'https://example.com' },
              weight: 2,
            }),
            {
              id: 'on-call',
              title: 'Has on-call and few incidents',
              level: 'Platinum',
              filter: {
                combinator: 'and',
                conditions: [
                  {
                    property: '$lifecycle',
                    operator: '=',
                    value: 'production',
                  },
                ],
              },
              query: {
                combinator: 'and',
                conditions: [
                  {
                    property: 'metadata.annotations.pagerduty.com/service-id',
                    operator: 'isNotEmpty',
                  },
                  { property: 'spec.openIncidents', operator: '<', value: 5 },
                  {
                    combinator: 'or',
                    not: true,
                    conditions: [
                      {
                        property: 'metadata.tags',
                        operator: 'in',
                        value: ['legacy', 'deprecated'],
                      },
                      {
                        property: 'metadata.name',
                        operator: 'matches',
                        value: '^tmp-',
                        ignoreCase: true,
                      },
                    ],
                  },
                  {
                    property: '$facts.github.lastCommit',
                    operator: 'within',
                    value: 'P30D',
                  },
                  {
                    property: 'spec.since',
                    operator: 'after',
                    value: '2025-01-01',
                  },
                ],
              },
            },
          ],
        },
      ],
    };
    const { problems, config } = validateScorecardsConfig(raw);
    expect(problems).toEqual([]);
    expect(config).toEqual(raw);
  });

  it('accepts an empty list of definitions and no levels', () => {
    expect(validateScorecardsConfig({ definitions: [] })).toEqual({
      problems: [],
      config: { definitions: [] },
    });
  });

  it('reports every problem at once', () => {
    const { problems, config } = validateScorecardsConfig({
      definitions: [
        scorecard({
          rules: [
            rule({ level: 'Platinum' }),
            rule({
              id: 'on-call',
              levle: 'Gold',
              query: {
                combinator: 'and',
                conditions: [
                  { property: 'spec.openIncidents', operator: '==', value: 0 },
                  { property: 'spec.runbook', operator: 'IsEmpty' },
                ],
              },
            }),
          ],
        }),
        scorecard({ title: '' }),
      ],
    });
    expect(config).toBeUndefined();
    expect(problems).toEqual([
      {
        path: 'scorecards.definitions[0].rules[0].level',
        message: 'unknown level "Platinum"; levels are Bronze, Silver, Gold',
      },
      {
        path: 'scorecards.definitions[0].rules[1].levle',
        message: 'unknown key "levle"; did you mean "level"?',
      },
      {
        path: 'scorecards.definitions[0].rules[1].query.conditions[0].operator',
        message: 'unknown operator "=="; did you mean "="?',
      },
      {
        path: 'scorecards.definitions[0].rules[1].query.conditions[1].operator',
        message: 'unknown operator "IsEmpty"; did you mean "isEmpty"?',
      },
      {
        path: 'scorecards.definitions[1].title',
        message: 'title must not be empty',
      },
      {
        path: 'scorecards.definitions[1].id',
        message:
          'duplicate id "production-readiness"; definitions[0] already uses it',
      },
    ]);
  });

  it('formats problems one per line', () => {
    const { problems } = validateScorecardsConfig(
      { definitions: [scorecard({ id: 'Bad Id', rules: [] })] },
      { path: 'app.scorecards' },
    );
    expect(formatValidationProblems(problems)).toBe(
      [
        '  - app.scorecards.definitions[0].id: id "Bad Id" may contain only lowercase letters, digits and dashes, such as "bad-id"',
        '  - app.scorecards.definitions[0].rules: a scorecard needs at least one rule',
      ].join('\n'),
    );
  });

  describe('the top level', () => {
    it.each([
      [
        null,
        'scorecards',
        'expected an object with a list of definitions, got missing',
      ],
      [
        [],
        'scorecards',
        'expected an object with a list of definitions, got []',
      ],
      [
        {},
        'scorecards.definitions',
        'definitions is required: a list of scorecards',
      ],
      [
        { definitions: {} },
        'scorecards.definitions',
        'definitions must be a list of scorecards, got {}',
      ],
      [
        { definitions: ['x'] },
        'scorecards.definitions[0]',
        'a scorecard must be an object with id, title and rules, got "x"',
      ],
    ])('%p', (raw, path, message) => {
      expect(validateScorecardsConfig(raw).problems).toEqual([
        { path, message },
      ]);
    });

    it('uses an empty path', () => {
      expect(
        validateScorecardsConfig({ definitions: 3 }, { path: '' }).problems,
      ).toEqual([
        {
          path: 'definitions',
          message: 'definitions must be a list of scorecards, got 3',
        },
      ]);
    });
  });

  describe('levels', () => {
    const levels = (value: unknown) =>
      validateScorecardsConfig({ levels: value, definitions: [] }).problems;

    it.each([
      [
        'Gold',
        [
          {
            path: 'scorecards.levels',
            message:
              'levels must be a list of level names, lowest first, such as [Bronze, Silver, Gold]',
          },
        ],
      ],
      [
        [],
        [
          {
            path: 'scorecards.levels',
            message:
              'levels must not be empty; list the level names, lowest first, such as [Bronze, Silver, Gold]',
          },
        ],
      ],
      [
        ['Bronze', ''],
        [
          {
            path: 'scorecards.levels[1]',
            message: 'a level must be a non-empty string, got ""',
          },
        ],
      ],
      [
        ['Bronze', 3],
        [
          {
            path: 'scorecards.levels[1]',
            message: 'a level must be a non-empty string, got 3',
          },
        ],
      ],
      [
        ['Basic', 'Gold'],
        [
          {
            path: 'scorecards.levels[0]',
            message:
              '"Basic" is the level every entity starts at; leave it out of levels',
          },
        ],
      ],
      [
        ['Gold', 'Silver', 'gold'],
        [
          {
            path: 'scorecards.levels[2]',
            message: 'duplicate level "gold"; levels[0] already has it',
          },
        ],
      ],
    ])('%p', (value, expected) => {
      expect(levels(value)).toEqual(expected);
    });

    it('checks rule levels against a custom ladder', () => {
      const { problems } = validateScorecardsConfig({
        levels: ['Crawl', 'Walk', 'Run'],
        definitions: [
          scorecard({
            rules: [
              rule({ level: 'Bronze' }),
              rule({ id: 'b', level: 'walk' }),
            ],
          }),
        ],
      });
      expect(problems).toEqual([
        {
          path: 'scorecards.definitions[0].rules[0].level',
          message: 'unknown level "Bronze"; levels are Crawl, Walk, Run',
        },
        {
          path: 'scorecards.definitions[0].rules[1].level',
          message: 'unknown level "walk"; did you mean "Walk"?',
        },
      ]);
    });
  });

  describe('scorecards and rules', () => {
    const problemsOf = (def: unknown) =>
      validateScorecardsConfig({ definitions: [def] }).problems;

    it.each([
      [
        scorecard({ id: undefined }),
        'scorecards.definitions[0].id',
        'a scorecard needs an id, such as "production-readiness"',
      ],
      [
        scorecard({ id: '' }),
        'scorecards.definitions[0].id',
        'id must not be empty',
      ],
      [
        scorecard({ id: 7 }),
        'scorecards.definitions[0].id',
        'id must be a string, got 7',
      ],
      [
        scorecard({ id: 'Prod_Readiness' }),
        'scorecards.definitions[0].id',
        'id "Prod_Readiness" may contain only lowercase letters, digits and dashes, such as "prod-readiness"',
      ],
      [
        scorecard({ title: undefined }),
        'scorecards.definitions[0].title',
        'a scorecard needs a title',
      ],
      [
        scorecard({ title: ['x'] }),
        'scorecards.definitions[0].title',
        'title must be a string, got ["x"]',
      ],
      [
        scorecard({ description: 5 }),
        'scorecards.definitions[0].description',
        'description must be a string, got 5',
      ],
      [
        scorecard({ rules: undefined }),
        'scorecards.definitions[0].rules',
        'a scorecard needs at least one rule',
      ],
      [
        scorecard({ rules: [] }),
        'scorecards.definitions[0].rules',
        'a scorecard needs at least one rule',
      ],
      [
        scorecard({ rules: 'has-owner' }),
        'scorecards.definitions[0].rules',
        'rules must be a list, got "has-owner"',
      ],
      [
        scorecard({ identifier: 'x' }),
        'scorecards.definitions[0].identifier',
        'unknown key "identifier"; did you mean "id"?',
      ],
      [
        scorecard({ colour: 'x' }),
        'scorecards.definitions[0].colour',
        'unknown key "colour"; valid keys are id, title, description, filter, rules',
      ],
      [
        scorecard({ rules: [42] }),
        'scorecards.definitions[0].rules[0]',
        'a rule must be an object with id, title, level and query, got 42',
      ],
      [
        scorecard({ rules: [rule({ id: undefined })] }),
        'scorecards.definitions[0].rules[0].id',
        'a rule needs an id, such as "production-readiness"',
      ],
      [
        scorecard({ rules: [rule({ title: '  ' })] }),
        'scorecards.definitions[0].rules[0].title',
        'title must not be empty',
      ],
      [
        scorecard({ rules: [rule({ level: undefined })] }),
        'scorecards.definitions[0].rules[0].level',
        'a rule needs a level; levels are Bronze, Silver, Gold',
      ],
      [
        scorecard({ rules: [rule({ level: 'gold' })] }),
        'scorecards.definitions[0].rules[0].level',
        'unknown level "gold"; did you mean "Gold"?',
      ],
      [
        scorecard({ rules: [rule({ level: 'Basic' })] }),
        'scorecards.definitions[0].rules[0].level',
        '"Basic" is the level every entity starts at, not a rule level; levels are Bronze, Silver, Gold',
      ],
      [
        scorecard({ rules: [rule({ query: undefined })] }),
        'scorecards.definitions[0].rules[0].query',
        'a rule needs a query (a scope string or an object with combinator and conditions) or an outcome (the id of a check that external systems report)',
      ],
      [
        scorecard({ rules: [rule({ query: 5 })] }),
        'scorecards.definitions[0].rules[0].query',
        'expected a scope string such as "kind:component" or an object with combinator and conditions, got 5',
      ],
      [
        scorecard({ rules: [rule({ weight: -1 })] }),
        'scorecards.definitions[0].rules[0].weight',
        'weight must be a positive number, got -1',
      ],
      [
        scorecard({ rules: [rule({ weight: '2' })] }),
        'scorecards.definitions[0].rules[0].weight',
        'weight must be a positive number, got "2"',
      ],
      [
        scorecard({ rules: [rule({ guidance: 'read the docs' })] }),
        'scorecards.definitions[0].rules[0].guidance',
        'guidance must be an object with text and/or url, got "read the docs"',
      ],
      [
        scorecard({ rules: [rule({ guidance: { txt: 'x' } })] }),
        'scorecards.definitions[0].rules[0].guidance.txt',
        'unknown key "txt"; did you mean "text"?',
      ],
      [
        scorecard({ rules: [rule({ guidance: { url: 5 } })] }),
        'scorecards.definitions[0].rules[0].guidance.url',
        'url must be a string, got 5',
      ],
      [
        scorecard({ rules: [rule({ conditions: [] })] }),
        'scorecards.definitions[0].rules[0].conditions',
        'unknown key "conditions"; did you mean "query"?',
      ],
      [
        scorecard({ rules: [rule(), rule()] }),
        'scorecards.definitions[0].rules[1].id',
        'duplicate rule id "has-owner"; rules[0] already uses it',
      ],
      [
        scorecard({ filter: 'kind:component AND (spec.type:service' }),
        'scorecards.definitions[0].filter',
        'invalid scope string: expected ")" at position 37',
      ],
      [
        scorecard({ filter: '$foo:bar' }),
        'scorecards.definitions[0].filter',
        'unknown meta-property "$foo"; valid ones are $ref, $kind, $namespace, $name, $title, $owner, $team, $system, $domain, $lifecycle, $type, $tags, $relations, $facts',
      ],
      [
        scorecard({
          rules: [rule({ filter: { combinator: 'and', conditions: [] } })],
        }),
        'scorecards.definitions[0].rules[0].filter.conditions',
        'conditions must not be empty; add at least one condition',
      ],
      [
        scorecard({ rules: [rule({ filter: 'kind:' })] }),
        'scorecards.definitions[0].rules[0].filter',
        'invalid scope string: expected a value at position 5',
      ],
    ])('%#: %s', (def, path, message) => {
      expect(problemsOf(def)).toEqual([{ path, message }]);
    });
  });

  describe('queries', () => {
    const queryProblems = (query: unknown) =>
      validateScorecardsConfig({
        definitions: [scorecard({ rules: [rule({ query })] })],
      }).problems;
    const QUERY = 'scorecards.definitions[0].rules[0].query';

    it.each([
      [
        { conditions: [{ property: 'a', operator: 'isEmpty' }] },
        `${QUERY}.combinator`,
        'a group needs a combinator: "and" or "or"',
      ],
      [
        {
          combinator: 'AND',
          conditions: [{ property: 'a', operator: 'isEmpty' }],
        },
        `${QUERY}.combinator`,
        'combinator must be "and" or "or", got "AND"; did you mean "and"?',
      ],
      [
        {
          combinator: 'xor',
          conditions: [{ property: 'a', operator: 'isEmpty' }],
        },
        `${QUERY}.combinator`,
        'combinator must be "and" or "or", got "xor"',
      ],
      [
        { combinator: 'and' },
        `${QUERY}.conditions`,
        'a group needs a non-empty list of conditions',
      ],
      [
        { combinator: 'and', conditions: {} },
        `${QUERY}.conditions`,
        'conditions must be a list, got {}',
      ],
      [
        { combinator: 'and', conditions: [] },
        `${QUERY}.conditions`,
        'conditions must not be empty; add at least one condition',
      ],
      [
        {
          combinator: 'and',
          not: 'yes',
          conditions: [{ property: 'a', operator: 'isEmpty' }],
        },
        `${QUERY}.not`,
        'not must be true or false, got "yes"',
      ],
      [
        {
          combinator: 'and',
          rules: [{ property: 'a', operator: 'isEmpty' }],
          conditions: [{ property: 'a', operator: 'isEmpty' }],
        },
        `${QUERY}.rules`,
        'unknown key "rules"; did you mean "conditions"?',
      ],
      [
        { combinator: 'and', conditions: ['spec.owner'] },
        `${QUERY}.conditions[0]`,
        'expected a condition {property, operator, value} or a group {combinator, conditions}, got "spec.owner"',
      ],
      [
        {
          combinator: 'or',
          conditions: [
            {
              combinator: 'and',
              conditions: [{ property: 'a', operator: '=', value: { x: 1 } }],
            },
          ],
        },
        `${QUERY}.conditions[0].conditions[0].value`,
        'operator "=" needs a string, number, boolean or a list of them, got {"x":1}',
      ],
    ])('%#: %p', (query, path, message) => {
      expect(queryProblems(query)).toEqual([{ path, message }]);
    });
  });

  describe('conditions', () => {
    it.each([
      [
        { operator: 'isEmpty' },
        'property',
        'a condition needs a property, such as "spec.owner"',
      ],
      [
        { property: '', operator: 'isEmpty' },
        'property',
        'property must be a non-empty string, such as "spec.owner"',
      ],
      [
        { property: '__proto__.polluted', operator: 'isEmpty' },
        'property',
        'property "__proto__.polluted" uses the forbidden segment "__proto__"',
      ],
      [
        { property: 'constructor.prototype', operator: 'isEmpty' },
        'property',
        'property "constructor.prototype" uses the forbidden segment "constructor"',
      ],
      [
        { property: 'metadata.__proto__', operator: 'isEmpty' },
        'property',
        'property "metadata.__proto__" uses the forbidden segment "__proto__"',
      ],
      [
        { property: '$onwer', operator: 'isEmpty' },
        'property',
        'unknown meta-property "$onwer"; did you mean "$owner"? The valid ones are $ref, $kind, $namespace, $name, $title, $owner, $team, $system, $domain, $lifecycle, $type, $tags, $relations, $facts',
      ],
      [
        { property: 'a' },
        'operator',
        'a condition needs an operator; operators are =, !=, <, <=, >, >=, contains, doesNotContains, beginsWith, doesNotBeginWith, endsWith, doesNotEndsWith, isEmpty, isNotEmpty, in, notIn, matches, doesNotMatch, within, olderThan, before, after',
      ],
      [
        { property: 'a', operator: 'equals', value: 1 },
        'operator',
        'unknown operator "equals"; did you mean "="?',
      ],
      [
        { property: 'a', operator: 'doesNotContain', value: 1 },
        'operator',
        'unknown operator "doesNotContain"; did you mean "doesNotContains"?',
      ],
      [
        { property: 'a', operator: 'startsWith', value: 'x' },
        'operator',
        'unknown operator "startsWith"; did you mean "beginsWith"?',
      ],
      [
        { property: 'a', operator: 'frobnicates', value: 'x' },
        'operator',
        'unknown operator "frobnicates"; operators are =, !=, <, <=, >, >=, contains, doesNotContains, beginsWith, doesNotBeginWith, endsWith, doesNotEndsWith, isEmpty, isNotEmpty, in, notIn, matches, doesNotMatch, within, olderThan, before, after',
      ],
      [
        { property: 'a', operator: 5 },
        'operator',
        'unknown operator 5; operators are =, !=, <, <=, >, >=, contains, doesNotContains, beginsWith, doesNotBeginWith, endsWith, doesNotEndsWith, isEmpty, isNotEmpty, in, notIn, matches, doesNotMatch, within, olderThan, before, after',
      ],
      [{ property: 'a', operator: '=' }, 'value', 'operator "=" needs a value'],
      [
        { property: 'a', operator: '!=', value: null },
        'value',
        'operator "!=" needs a value',
      ],
      [
        { property: 'a', operator: '=', value: '' },
        'value',
        'operator "=" needs a value; an empty value is missing, so use isEmpty or isNotEmpty instead',
      ],
      [
        { property: 'a', operator: '<', value: 'many' },
        'value',
        'operator "<" needs a number (or an ISO 8601 date such as "2026-01-31"), got "many"',
      ],
      [
        { property: 'a', operator: 'contains', value: ['x'] },
        'value',
        'operator "contains" needs a string, number or boolean, got ["x"]',
      ],
      [
        { property: 'a', operator: 'in', value: 'production' },
        'value',
        'operator "in" needs a non-empty list of values, such as [production, staging]',
      ],
      [
        { property: 'a', operator: 'notIn', value: [] },
        'value',
        'operator "notIn" needs a non-empty list of values, such as [production, staging]',
      ],
      [
        { property: 'a', operator: 'in', value: ['a', { b: 1 }] },
        'value',
        'operator "in" needs a list of non-empty strings, numbers or booleans; element 1 is {"b":1}',
      ],
      [
        { property: 'a', operator: 'matches', value: '(' },
        'value',
        'invalid regular expression: Invalid regular expression: /(/: Unterminated group',
      ],
      [
        { property: 'a', operator: 'matches', value: '^(a+)+$' },
        'value',
        'regular expression may backtrack catastrophically (nested quantifier); simplify it',
      ],
      [
        { property: 'a', operator: 'doesNotMatch', value: '(a|a)*' },
        'value',
        'regular expression may backtrack catastrophically (nested quantifier); simplify it',
      ],
      [
        { property: 'a', operator: 'matches', value: 'x'.repeat(501) },
        'value',
        'regular expression is 501 characters long; the limit is 500',
      ],
      [
        { property: 'a', operator: 'within', value: '30 days' },
        'value',
        'operator "within" needs an ISO 8601 duration such as "P30D" (30 days) or "PT12H" (12 hours), got "30 days"',
      ],
      [
        { property: 'a', operator: 'olderThan', value: 'P0D' },
        'value',
        'operator "olderThan" needs an ISO 8601 duration such as "P30D" (30 days) or "PT12H" (12 hours), got "P0D"',
      ],
      [
        { property: 'a', operator: 'before', value: '31/01/2026' },
        'value',
        'operator "before" needs an ISO 8601 date such as "2026-01-31" or "2026-01-31T12:00:00Z", got "31/01/2026"',
      ],
      [
        { property: 'a', operator: 'after', value: 20260131 },
        'value',
        'operator "after" needs an ISO 8601 date such as "2026-01-31" or "2026-01-31T12:00:00Z", got 20260131',
      ],
      [
        { property: 'a', operator: 'isEmpty', ignoreCase: 'yes' },
        'ignoreCase',
        'ignoreCase must be true or false, got "yes"',
      ],
      [
        { property: 'a', operator: 'isEmpty', vaule: 1 },
        'vaule',
        'unknown key "vaule"; did you mean "value"?',
      ],
    ])('%#: %p', (condition, key, message) => {
      expect(withCondition(condition)).toEqual([
        { path: `${CONDITION}.${key}`, message },
      ]);
    });

    it('ignores the value of isEmpty and isNotEmpty', () => {
      expect(
        withCondition({ property: 'a', operator: 'isNotEmpty', value: true }),
      ).toEqual([]);
    });

    it('reports each mistake of one condition', () => {
      expect(
        withCondition({
          property: '$foo',
          operator: '<',
          value: 'x',
          extra: 1,
        }).map(p => p.path),
      ).toEqual([
        `${CONDITION}.extra`,
        `${CONDITION}.property`,
        `${CONDITION}.value`,
      ]);
    });
  });

  it('counts five problems for five mistakes', () => {
    const { problems } = validateScorecardsConfig({
      levels: ['Bronze', 'Silver', 'Gold'],
      definitions: [
        {
          id: 'ownership',
          title: 'Ownership',
          filter: 'kind:component AND',
          rules: [
            rule({ level: 'Platinum' }),
            rule({ id: 'has-team', weight: 0 }),
            rule({
              id: 'on-call',
              query: {
                combinator: 'and',
                conditions: [
                  { property: 'spec.on_call', operator: 'isNotEmpty' },
                  { property: 'spec.open_incidents', operator: '<' },
                ],
              },
            }),
          ],
        },
        { id: 'ownership', title: 'Again', rules: [rule()] },
      ],
    });
    expect(problems.map(p => p.path)).toEqual([
      'scorecards.definitions[0].filter',
      'scorecards.definitions[0].rules[0].level',
      'scorecards.definitions[0].rules[1].weight',
      'scorecards.definitions[0].rules[2].query.conditions[1].value',
      'scorecards.definitions[1].id',
    ]);
  });
});
