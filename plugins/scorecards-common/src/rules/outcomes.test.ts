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

import { reportedOutcomeChecks } from './outcomes';
import { compileScorecard } from './scorecard';
import { RuleDefinition, ScorecardDefinition } from './types';
import { validateScorecardsConfig } from './validate';

const entity = { kind: 'Component', metadata: { name: 'payments' } };

const owner: RuleDefinition = {
  id: 'has-owner',
  title: 'Has an owner',
  level: 'Bronze',
  query: 'metadata.name:*',
};

function scorecardWith(outcome: RuleDefinition['outcome']) {
  return compileScorecard({
    id: 'security',
    title: 'Security',
    rules: [
      owner,
      { id: 'scanned', title: 'Scanned', level: 'Silver', outcome },
    ],
  });
}

const reported = (state: string, remarks?: string) => ({
  entity,
  facts: {
    outcomes: { 'security-scan': remarks ? { state, remarks } : { state } },
  },
});

describe('outcome rules', () => {
  it('pass and fail as reported, with the remarks as the message', () => {
    const scorecard = scorecardWith('security-scan');

    const passed = scorecard.evaluate(reported('pass', 'No critical findings'));
    expect(passed.level).toBe('Silver');
    expect(passed.score).toBe(100);
    expect(passed.rules[1]).toEqual({
      ruleId: 'scanned',
      status: 'pass',
      value: 'pass',
      message: 'No critical findings',
    });

    const failed = scorecard.evaluate(reported('fail'));
    expect(failed.level).toBe('Bronze');
    expect(failed.score).toBe(50);
    expect(failed.rules[1]).toEqual({
      ruleId: 'scanned',
      status: 'fail',
      value: 'fail',
      message: 'check "security-scan" reported fail',
    });
  });

  it('skip as reported: the rule counts for neither level nor score', () => {
    const result = scorecardWith('security-scan').evaluate(
      reported('skip', 'Not deployed yet'),
    );
    expect(result.rules[1]).toEqual({
      ruleId: 'scanned',
      status: 'skip',
      value: 'skip',
      message: 'not applicable: Not deployed yet',
    });
    // Silver has no applicable rule left: Bronze is the level reached.
    expect(result.level).toBe('Bronze');
    expect(result.score).toBe(100);
  });

  it('fail without an outcome, or skip when whenMissing says so', () => {
    for (const input of [
      { entity },
      { entity, facts: { outcomes: { other: { state: 'pass' } } } },
      { entity, facts: { outcomes: { 'security-scan': { state: 'passed' } } } },
      { entity, facts: { outcomes: 'pass' } },
    ]) {
      expect(scorecardWith('security-scan').evaluate(input).rules[1]).toEqual({
        ruleId: 'scanned',
        status: 'fail',
        value: undefined,
        message: 'no outcome reported for check "security-scan" yet',
      });
      expect(
        scorecardWith({ check: 'security-scan', whenMissing: 'skip' }).evaluate(
          input,
        ).rules[1],
      ).toEqual({
        ruleId: 'scanned',
        status: 'skip',
        value: undefined,
        message:
          'not applicable: no outcome reported for check "security-scan" yet',
      });
    }
  });

  it('do not read an outcome inherited from the prototype', () => {
    const outcomes = Object.create({ 'security-scan': { state: 'pass' } });
    expect(
      scorecardWith('security-scan').evaluate({ entity, facts: { outcomes } })
        .rules[1].status,
    ).toBe('fail');
  });

  describe('with a maxAge', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    const withMaxAge = (outcome: RuleDefinition['outcome']) =>
      compileScorecard(
        {
          id: 'security',
          title: 'Security',
          rules: [
            owner,
            { id: 'scanned', title: 'Scanned', level: 'Silver', outcome },
          ],
        },
        { now: () => new Date(now) },
      );
    const reportedAt = (state: string, at: string | undefined) => ({
      entity,
      facts: {
        outcomes: {
          'security-scan':
            at === undefined ? { state } : { state, reportedAt: at },
        },
      },
    });

    it('count an outcome no older than maxAge, and are valid until it gets older', () => {
      const result = withMaxAge({
        check: 'security-scan',
        maxAge: 'P7D',
      }).evaluate(reportedAt('pass', '2026-12-01T12:00:00.000Z'));
      expect(result.rules[1]).toMatchObject({ status: 'pass', value: 'pass' });
      expect(result.level).toBe('Silver');
      expect(result.validUntil).toBe(Date.parse('2026-12-08T12:00:00Z'));
    });

    it('count an older outcome as missing, saying when it was reported', () => {
      const stale = reportedAt('pass', '2026-11-30T11:59:59.000Z');
      const failed = withMaxAge({
        check: 'security-scan',
        maxAge: 'P7D',
      }).evaluate(stale);
      expect(failed.rules[1]).toEqual({
        ruleId: 'scanned',
        status: 'fail',
        value: 'pass',
        message:
          'the last outcome of check "security-scan" (pass) was reported at 2026-11-30T11:59:59Z, longer ago than P7D',
      });
      expect(failed.level).toBe('Bronze');
      // Nothing can make a stale outcome fresh again but a new report.
      expect(failed.validUntil).toBeUndefined();

      const skipped = withMaxAge({
        check: 'security-scan',
        whenMissing: 'skip',
        maxAge: 'P7D',
      }).evaluate(stale);
      expect(skipped.rules[1]).toMatchObject({
        status: 'skip',
        message:
          'not applicable: the last outcome of check "security-scan" (pass) was reported at 2026-11-30T11:59:59Z, longer ago than P7D',
      });
      expect(skipped.score).toBe(100);
    });

    it('count an outcome without a report time as missing', () => {
      expect(
        withMaxAge({ check: 'security-scan', maxAge: 'PT12H' }).evaluate(
          reportedAt('pass', undefined),
        ).rules[1],
      ).toMatchObject({
        status: 'fail',
        message:
          'the outcome of check "security-scan" has no report time, so it cannot be shown to be younger than PT12H',
      });
    });

    it('do not depend on the clock without a maxAge', () => {
      const result = withMaxAge('security-scan').evaluate(
        reportedAt('pass', '2020-01-01T00:00:00.000Z'),
      );
      expect(result.rules[1].status).toBe('pass');
      expect(result.validUntil).toBeUndefined();
    });

    it('refuse to compile with a maxAge that is not a duration', () => {
      expect(() =>
        withMaxAge({ check: 'security-scan', maxAge: '7 days' }),
      ).toThrow(
        'scorecard "security", rule "scanned": outcome maxAge needs an ISO 8601 duration such as "P7D" (7 days), got "7 days"',
      );
    });
  });

  it('refuse to compile with both a query and an outcome, or neither', () => {
    const compile = (rule: Partial<RuleDefinition>) => () =>
      compileScorecard({
        id: 'security',
        title: 'Security',
        rules: [{ id: 'scanned', title: 'Scanned', level: 'Silver', ...rule }],
      });
    expect(
      compile({ query: 'kind:component', outcome: 'security-scan' }),
    ).toThrow(
      'scorecard "security", rule "scanned": a rule needs either a query or an outcome, not both',
    );
    expect(compile({})).toThrow(
      'scorecard "security", rule "scanned": a rule needs either a query or an outcome, not neither',
    );
  });
});

describe('validating outcome rules', () => {
  const problemsOf = (rule: Record<string, unknown>) =>
    validateScorecardsConfig({
      definitions: [
        {
          id: 'security',
          title: 'Security',
          rules: [
            { id: 'scanned', title: 'Scanned', level: 'Silver', ...rule },
          ],
        },
      ],
    }).problems;

  it('accepts a check id or a check with whenMissing and maxAge', () => {
    expect(problemsOf({ outcome: 'security-scan' })).toEqual([]);
    expect(
      problemsOf({
        outcome: { check: 'security-scan', whenMissing: 'skip', maxAge: 'P7D' },
      }),
    ).toEqual([]);
  });

  it('names what is wrong, by key path', () => {
    const at = 'scorecards.definitions[0].rules[0]';
    expect(problemsOf({ outcome: 'Security Scan' })).toEqual([
      {
        path: `${at}.outcome`,
        message:
          'check id "Security Scan" may contain only lowercase letters, digits and dashes, such as "security-scan"',
      },
    ]);
    expect(
      problemsOf({ outcome: 'security-scan', query: 'kind:component' }),
    ).toEqual([
      {
        path: `${at}.outcome`,
        message:
          'a rule has either a query or an outcome, not both: remove one of them',
      },
    ]);
    expect(
      problemsOf({
        outcome: { check: 'security-scan', whenMissing: 'pass', owner: 'x' },
      }),
    ).toEqual([
      expect.objectContaining({ path: `${at}.outcome.owner` }),
      {
        path: `${at}.outcome.whenMissing`,
        message: 'whenMissing must be "fail" or "skip", got "pass"',
      },
    ]);
    expect(
      problemsOf({ outcome: { check: 'security-scan', maxAge: 7 } }),
    ).toEqual([
      {
        path: `${at}.outcome.maxAge`,
        message:
          'maxAge needs an ISO 8601 duration such as "P7D" (7 days) or "PT12H" (12 hours), got 7',
      },
    ]);
    expect(problemsOf({ outcome: {} })).toEqual([
      {
        path: `${at}.outcome.check`,
        message: 'an outcome needs a check id, such as "security-scan"',
      },
    ]);
    expect(problemsOf({ outcome: 42 })).toEqual([
      {
        path: `${at}.outcome`,
        message:
          'outcome must be a check id or an object with check, whenMissing and maxAge, got 42',
      },
    ]);
  });
});

describe('reportedOutcomeChecks', () => {
  it('lists the checks of outcome rules and of $facts.outcomes properties, sorted', () => {
    const defs: ScorecardDefinition[] = [
      {
        id: 'security',
        title: 'Security',
        filter: {
          combinator: 'and',
          conditions: [
            {
              property: '$facts.outcomes.in-scope.state',
              operator: '=',
              value: 'pass',
            },
          ],
        },
        rules: [
          { id: 'a', title: 'A', level: 'Bronze', outcome: 'security-scan' },
          {
            id: 'b',
            title: 'B',
            level: 'Silver',
            outcome: { check: 'load-test', whenMissing: 'skip' },
          },
          {
            id: 'c',
            title: 'C',
            level: 'Gold',
            query: '$fact.outcomes.pen-test.state:pass',
          },
          { id: 'd', title: 'D', level: 'Gold', query: 'spec.owner:*' },
        ],
      },
    ];
    expect(reportedOutcomeChecks(defs)).toEqual([
      'in-scope',
      'load-test',
      'pen-test',
      'security-scan',
    ]);
    expect(
      reportedOutcomeChecks([{ id: 'x', title: 'X', rules: [owner] }]),
    ).toEqual([]);
  });
});
