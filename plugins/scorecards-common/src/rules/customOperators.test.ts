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

import { customOperatorProblems } from './customOperators';
import { compileScorecard } from './scorecard';
import { CustomOperator, ScorecardDefinition } from './types';
import { validateScorecardsConfig } from './validate';

const major = (v: unknown) => Number(String(v).split('.')[0]);

const versionAtLeast: CustomOperator = {
  name: 'versionAtLeast',
  version: '1',
  valueProblem: value =>
    /^\d+(\.\d+)*$/.test(String(value))
      ? undefined
      : `needs a version such as "21" or "1.2.0", got "${String(value)}"`,
  test: (found, value) => major(found) >= major(value),
  requirement: value => `must be version ${String(value)} or later`,
};

const isSemver: CustomOperator = {
  name: 'isSemver',
  takesValue: false,
  test: found => /^\d+\.\d+\.\d+$/.test(String(found)),
};

const boom: CustomOperator = {
  name: 'boom',
  test: () => {
    throw new Error('the registry is down');
  },
};

const definition = (
  conditions: Array<Record<string, unknown>>,
): ScorecardDefinition => ({
  id: 'runtime',
  title: 'Runtime',
  rules: [
    {
      id: 'java',
      title: 'Java',
      level: 'Bronze',
      query: { combinator: 'and', conditions: conditions as never },
    },
  ],
});

const entity = (spec: Record<string, unknown>) => ({
  entity: { kind: 'Component', metadata: { name: 'a' }, spec },
});

describe('custom operators', () => {
  it("get the condition's ignoreCase, and say so in the default requirement", () => {
    const seen: boolean[] = [];
    const isTeam: CustomOperator = {
      name: 'isTeam',
      test: (found, value, { ignoreCase }) => {
        seen.push(ignoreCase);
        return ignoreCase
          ? String(found).toLowerCase() === String(value).toLowerCase()
          : found === value;
      },
    };
    const evaluate = (ignoreCase?: boolean) =>
      compileScorecard(
        definition([
          {
            property: 'spec.owner',
            operator: 'isTeam',
            value: 'Payments',
            ignoreCase,
          },
        ]),
        { operators: [isTeam] },
      ).evaluate(entity({ owner: 'payments' })).rules[0];

    expect(evaluate(true)).toMatchObject({
      status: 'pass',
      message:
        'spec.owner is "payments"; must satisfy isTeam "Payments" (ignoring case)',
    });
    expect(evaluate()).toMatchObject({
      status: 'fail',
      message: 'spec.owner is "payments"; must satisfy isTeam "Payments"',
    });
    // Called when testing and again when explaining the result.
    expect([...new Set(seen)]).toEqual([true, false]);
  });

  it('decide conditions, with their requirement in the message', () => {
    const scorecard = compileScorecard(
      definition([
        {
          property: 'spec.javaVersion',
          operator: 'versionAtLeast',
          value: '21',
        },
      ]),
      { operators: [versionAtLeast, isSemver] },
    );
    expect(
      scorecard.evaluate(entity({ javaVersion: '21.0.2' })).rules[0],
    ).toEqual({
      ruleId: 'java',
      status: 'pass',
      value: '21.0.2',
      message: 'spec.javaVersion is "21.0.2"; must be version 21 or later',
    });
    expect(scorecard.evaluate(entity({ javaVersion: 17 })).rules[0]).toEqual({
      ruleId: 'java',
      status: 'fail',
      value: 17,
      message: 'spec.javaVersion is 17; must be version 21 or later',
    });
    // A missing value fails without calling the test.
    expect(scorecard.evaluate(entity({})).rules[0]).toMatchObject({
      status: 'fail',
      message: 'spec.javaVersion is missing; must be version 21 or later',
    });
    // Only the operators it uses count for its stored results.
    expect(scorecard.customOperators).toEqual(['versionAtLeast@1']);
  });

  it('work without a value, and fail a condition whose test throws', () => {
    const scorecard = compileScorecard(
      definition([
        { property: 'spec.version', operator: 'isSemver' },
        { property: 'spec.version', operator: 'boom', value: 1 },
      ]),
      { operators: [isSemver, boom] },
    );
    expect(
      scorecard.evaluate(entity({ version: '1.2' })).rules[0],
    ).toMatchObject({
      status: 'fail',
      message: 'spec.version is "1.2"; must satisfy isSemver',
    });
    expect(
      scorecard.evaluate(entity({ version: '1.2.0' })).rules[0],
    ).toMatchObject({
      status: 'fail',
      message:
        'spec.version is "1.2.0", operator "boom" failed: the registry is down; must satisfy boom 1',
    });
    expect(scorecard.customOperators).toEqual(['boom@', 'isSemver@']);
  });

  it('are unknown where they are not given', () => {
    expect(() =>
      compileScorecard(
        definition([{ property: 'spec.version', operator: 'isSemver' }]),
      ),
    ).toThrow('unknown operator "isSemver"');
  });
});

describe('validating conditions with custom operators', () => {
  const problemsOf = (
    condition: Record<string, unknown>,
    operators: CustomOperator[] = [versionAtLeast, isSemver],
  ) =>
    validateScorecardsConfig(
      { definitions: [definition([condition])] },
      { operators },
    ).problems;
  const at = 'scorecards.definitions[0].rules[0].query.conditions[0]';

  it('accepts them with a suitable value', () => {
    expect(
      problemsOf({
        property: 'spec.javaVersion',
        operator: 'versionAtLeast',
        value: '21',
      }),
    ).toEqual([]);
    expect(
      problemsOf({ property: 'spec.version', operator: 'isSemver' }),
    ).toEqual([]);
  });

  it('names a bad or missing value by key path', () => {
    expect(
      problemsOf({
        property: 'spec.javaVersion',
        operator: 'versionAtLeast',
        value: 'latest',
      }),
    ).toEqual([
      {
        path: `${at}.value`,
        message:
          'operator "versionAtLeast" needs a version such as "21" or "1.2.0", got "latest"',
      },
    ]);
    expect(
      problemsOf({ property: 'spec.javaVersion', operator: 'versionAtLeast' }),
    ).toEqual([
      {
        path: `${at}.value`,
        message: 'operator "versionAtLeast" needs a value',
      },
    ]);
  });

  it('suggests them for a misspelt operator and lists them among the operators', () => {
    expect(
      problemsOf({
        property: 'spec.javaVersion',
        operator: 'versionAtleast',
        value: '21',
      }),
    ).toEqual([
      {
        path: `${at}.operator`,
        message:
          'unknown operator "versionAtleast"; did you mean "versionAtLeast"?',
      },
    ]);
    const [problem] = problemsOf({
      property: 'spec.javaVersion',
      operator: 'newestVersionOfAll',
    });
    expect(problem.message).toMatch(
      /; operators are =, .*, versionAtLeast, isSemver$/,
    );
  });

  it('reports operators that cannot be used at the config path', () => {
    expect(
      problemsOf({ property: 'spec.version', operator: 'isSemver' }, [
        isSemver,
        { ...isSemver },
      ]),
    ).toEqual([
      {
        path: 'scorecards',
        message: 'custom operator "isSemver" is added more than once',
      },
    ]);
  });
});

describe('customOperatorProblems', () => {
  it('rejects bad names, names of built-in operators and aliases, repeats and missing tests', () => {
    expect(
      customOperatorProblems([
        { name: 'version-at-least', test: () => true },
        { name: 'contains', test: () => true },
        { name: 'eq', test: () => true },
        { name: 'isSemver', test: () => true },
        { name: 'isSemver', test: () => true },
        { name: 'noTest' } as unknown as CustomOperator,
      ]),
    ).toEqual([
      'custom operator name "version-at-least" must be a letter followed by letters and digits, such as "versionAtLeast"',
      'custom operator "contains" is taken by the built-in operators; choose another name',
      'custom operator "eq" is taken by the built-in operators; choose another name',
      'custom operator "isSemver" is added more than once',
      'custom operator "noTest" needs a test function',
    ]);
    expect(customOperatorProblems([versionAtLeast, isSemver])).toEqual([]);
  });
});
