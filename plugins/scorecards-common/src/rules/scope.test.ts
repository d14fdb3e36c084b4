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

import { compileQuery } from './query';
import { parseScope, ScopeSyntaxError } from './scope';

function syntaxError(scope: string): { message: string; position: number } {
  try {
    parseScope(scope);
  } catch (error) {
    expect(error).toBeInstanceOf(ScopeSyntaxError);
    const { message, position } = error as ScopeSyntaxError;
    return { message, position };
  }
  throw new Error(`expected "${scope}" not to parse`);
}

describe('parseScope', () => {
  it('turns a term into an "in" condition, ignoring case for kind', () => {
    expect(parseScope('kind:component')).toEqual({
      combinator: 'and',
      conditions: [
        {
          property: 'kind',
          operator: 'in',
          value: ['component'],
          ignoreCase: true,
        },
      ],
    });
    expect(parseScope('spec.lifecycle:production')).toEqual({
      combinator: 'and',
      conditions: [
        { property: 'spec.lifecycle', operator: 'in', value: ['production'] },
      ],
    });
  });

  it('gives NOT precedence over AND, and AND over OR', () => {
    expect(parseScope('a:1 OR b:2 AND NOT c:3')).toEqual({
      combinator: 'or',
      conditions: [
        { property: 'a', operator: 'in', value: ['1'] },
        {
          combinator: 'and',
          conditions: [
            { property: 'b', operator: 'in', value: ['2'] },
            {
              combinator: 'and',
              not: true,
              conditions: [{ property: 'c', operator: 'in', value: ['3'] }],
            },
          ],
        },
      ],
    });
  });

  it('honours parentheses', () => {
    expect(parseScope('(a:1 OR b:2) AND c:3')).toEqual({
      combinator: 'and',
      conditions: [
        {
          combinator: 'or',
          conditions: [
            { property: 'a', operator: 'in', value: ['1'] },
            { property: 'b', operator: 'in', value: ['2'] },
          ],
        },
        { property: 'c', operator: 'in', value: ['3'] },
      ],
    });
    expect(parseScope('NOT (a:1 OR b:2)')).toEqual({
      combinator: 'or',
      not: true,
      conditions: [
        { property: 'a', operator: 'in', value: ['1'] },
        { property: 'b', operator: 'in', value: ['2'] },
      ],
    });
    expect(parseScope('NOT NOT a:1')).toEqual({
      combinator: 'and',
      conditions: [{ property: 'a', operator: 'in', value: ['1'] }],
    });
  });

  it('accepts keywords in any case, and &&, || and !', () => {
    const expected = parseScope('a:1 AND b:2 OR NOT c:3');
    expect(parseScope('a:1 and b:2 or not c:3')).toEqual(expected);
    expect(parseScope('a:1 && b:2 || !c:3')).toEqual(expected);
    expect(parseScope('a:1 And b:2 Or Not c:3')).toEqual(expected);
  });

  it('reads keys with dots, slashes, $, dashes and underscores', () => {
    expect(
      parseScope(
        'metadata.annotations.backstage.io/techdocs-ref:dir:. AND $owner:group:default/team_a',
      ),
    ).toEqual({
      combinator: 'and',
      conditions: [
        {
          property: 'metadata.annotations.backstage.io/techdocs-ref',
          operator: 'in',
          value: ['dir:.'],
        },
        { property: '$owner', operator: 'in', value: ['group:default/team_a'] },
      ],
    });
  });

  it('reads quoted values with spaces and escapes', () => {
    expect(
      parseScope('metadata.title:"Trips \\"API\\" (v2)"').conditions[0],
    ).toEqual({
      property: 'metadata.title',
      operator: 'in',
      value: ['Trips "API" (v2)'],
    });
    expect(parseScope("metadata.title:'it\\'s' OR x:\"*\"").conditions).toEqual(
      [
        { property: 'metadata.title', operator: 'in', value: ["it's"] },
        { property: 'x', operator: 'in', value: ['*'] },
      ],
    );
  });

  it('reads * as "is not empty" and lists as "any of"', () => {
    expect(parseScope('spec.owner:*').conditions[0]).toEqual({
      property: 'spec.owner',
      operator: 'isNotEmpty',
    });
    expect(
      parseScope('spec.lifecycle:production,"staging area"').conditions[0],
    ).toEqual({
      property: 'spec.lifecycle',
      operator: 'in',
      value: ['production', 'staging area'],
    });
  });

  it('does not take keys that start like keywords for keywords', () => {
    expect(
      parseScope('order:1 AND notes:x AND android:y').conditions,
    ).toHaveLength(3);
  });

  it.each([
    ['', 'expected a property such as "kind:component" at position 0', 0],
    ['kind', 'expected ":" at position 4', 4],
    ['kind:', 'expected a value at position 5', 5],
    ['kind: component', 'expected a value at position 5', 5],
    [
      'kind:component AND',
      'expected a property such as "kind:component" at position 18',
      18,
    ],
    [
      'kind:component AND (spec.type:service',
      'expected ")" at position 37',
      37,
    ],
    [
      'kind:component spec.type:service',
      'expected AND, OR or the end of the scope at position 15',
      15,
    ],
    [
      'kind:component)',
      'expected AND, OR or the end of the scope at position 14',
      14,
    ],
    ['title:"open', 'expected a closing " at position 11', 11],
    ['()', 'expected a property such as "kind:component" at position 1', 1],
    ['a:x,*', 'expected a value other than * in a list at position 4', 4],
    ['a:x,', 'expected a value at position 4', 4],
  ])('reports %p with the position', (scope, message, position) => {
    expect(syntaxError(scope)).toEqual({ message, position });
  });
});

describe('scope strings evaluated', () => {
  const entity = {
    kind: 'Component',
    metadata: { name: 'trips', tags: ['java', 'tier-1'], title: 'Trips "API"' },
    spec: {
      type: 'service',
      lifecycle: 'production',
      replicas: 3,
      public: true,
    },
  };
  const test = (scope: string) => compileQuery(scope)({ entity });

  it.each([
    ['kind:component', true],
    ['kind:COMPONENT', true],
    ['$kind:component', true],
    ['kind:api', false],
    ['spec.type:Service', false],
    ['metadata.tags:tier-1', true],
    ['metadata.tags:tier', false],
    ['spec.replicas:3', true],
    ['spec.public:true', true],
    ['spec.owner:*', false],
    ['spec.type:*', true],
    ['spec.lifecycle:experimental,production', true],
    ['metadata.title:"Trips \\"API\\""', true],
    ['kind:component AND spec.lifecycle:production', true],
    ['kind:api OR spec.lifecycle:production', true],
    ['kind:api OR spec.lifecycle:production AND spec.type:website', false],
    ['(kind:api OR spec.lifecycle:production) AND NOT spec.type:website', true],
    ['NOT metadata.tags:java', false],
    ['NOT spec.owner:*', true],
  ])('%s → %p', (scope, expected) => {
    expect(test(scope)).toBe(expected);
  });
});
