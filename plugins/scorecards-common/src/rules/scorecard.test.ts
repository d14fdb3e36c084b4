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

import { DateTime, Duration } from 'luxon';
import { compileScorecard, computeLevel, computeScore } from './scorecard';
import { RuleDefinition, ScorecardDefinition } from './types';

/**
 * The Port seed's ownership scorecard, with the seed's properties placed in
 * a Backstage entity: `is_production`, `on_call` and `open_incidents` in
 * spec, and `$team` as in the seed.
 */
const ownership: ScorecardDefinition = {
  id: 'ownership',
  title: 'Ownership',
  filter: {
    combinator: 'and',
    conditions: [
      { property: 'spec.is_production', operator: '=', value: true },
    ],
  },
  rules: [
    {
      id: 'has-on-call',
      title: 'Has on call?',
      level: 'Gold',
      query: {
        combinator: 'and',
        conditions: [
          { operator: 'isNotEmpty', property: 'spec.on_call' },
          { operator: '<', property: 'spec.open_incidents', value: 5 },
        ],
      },
    },
    {
      id: 'has-team',
      title: 'Has a team?',
      level: 'Silver',
      query: {
        combinator: 'and',
        conditions: [{ operator: 'isNotEmpty', property: '$team' }],
      },
    },
  ],
};

const component = (
  spec: Record<string, unknown>,
  relations: unknown[] = [],
) => ({
  entity: {
    kind: 'Component',
    metadata: { name: 'trips' },
    spec,
    relations,
  },
});

const isNotEmpty = (
  id: string,
  level: string,
  property: string,
): RuleDefinition => ({
  id,
  title: id,
  level,
  query: {
    combinator: 'and',
    conditions: [{ property, operator: 'isNotEmpty' }],
  },
});

describe('the Port ownership scorecard', () => {
  const scorecard = compileScorecard(ownership);

  it('applies only to production entities', () => {
    expect(scorecard.appliesTo(component({ is_production: true }))).toBe(true);
    expect(scorecard.appliesTo(component({ is_production: 'true' }))).toBe(
      true,
    );
    expect(scorecard.appliesTo(component({ is_production: false }))).toBe(
      false,
    );
    expect(scorecard.appliesTo(component({}))).toBe(false);
  });

  it('reaches Gold when it has a team, an on-call and few incidents', () => {
    const result = scorecard.evaluate(
      component({
        is_production: true,
        owner: 'trips',
        on_call: 'alice',
        open_incidents: 2,
      }),
    );
    expect(result).toEqual({
      scorecardId: 'ownership',
      level: 'Gold',
      score: 100,
      rules: [
        {
          ruleId: 'has-on-call',
          status: 'pass',
          value: 'alice',
          message: 'spec.on_call is "alice"',
        },
        {
          ruleId: 'has-team',
          status: 'pass',
          value: 'group:default/trips',
          message: '$team is "group:default/trips"',
        },
      ],
    });
  });

  it('stays at Silver with too many open incidents', () => {
    const result = scorecard.evaluate(
      component({
        is_production: true,
        owner: 'trips',
        on_call: 'alice',
        open_incidents: 7,
      }),
    );
    expect(result.level).toBe('Silver');
    expect(result.score).toBe(50);
    expect(result.rules[0]).toEqual({
      ruleId: 'has-on-call',
      status: 'fail',
      value: 7,
      message: 'spec.open_incidents is 7; must be < 5',
    });
  });

  it('gets Gold only with Silver: a missing team keeps it at Basic', () => {
    const result = scorecard.evaluate(
      component({ is_production: true, on_call: 'alice', open_incidents: 0 }),
    );
    expect(result.level).toBe('Basic');
    expect(result.score).toBe(50);
    expect(result.rules[1]).toEqual({
      ruleId: 'has-team',
      status: 'fail',
      value: undefined,
      message: '$team is missing; must not be empty',
    });
  });

  it('reads the team from the ownedBy relation', () => {
    const result = scorecard.evaluate(
      component({ is_production: true }, [
        { type: 'ownedBy', targetRef: 'group:default/sre' },
      ]),
    );
    expect(result.rules[1].value).toBe('group:default/sre');
  });
});

describe('levels (Port: "Basic → Bronze → Silver → Gold")', () => {
  // Two Bronze rules, four Silver rules, one Gold rule.
  const scorecard = compileScorecard({
    id: 'maturity',
    title: 'Maturity',
    rules: [
      isNotEmpty('b1', 'Bronze', 'spec.b1'),
      isNotEmpty('b2', 'Bronze', 'spec.b2'),
      isNotEmpty('s1', 'Silver', 'spec.s1'),
      isNotEmpty('s2', 'Silver', 'spec.s2'),
      isNotEmpty('s3', 'Silver', 'spec.s3'),
      isNotEmpty('s4', 'Silver', 'spec.s4'),
      isNotEmpty('g1', 'Gold', 'spec.g1'),
    ],
  });
  const all = { b1: 1, b2: 1, s1: 1, s2: 1, s3: 1, s4: 1, g1: 1 };

  it('starts at Basic', () => {
    expect(scorecard.evaluate(component({})).level).toBe('Basic');
    expect(scorecard.evaluate(component({})).score).toBe(0);
  });

  it('reaches Bronze when both Bronze rules pass', () => {
    expect(scorecard.evaluate(component({ b1: 1, b2: 1 })).level).toBe(
      'Bronze',
    );
  });

  it('stays at Basic when it passes one of two Bronze rules and all Silver rules', () => {
    const result = scorecard.evaluate(
      component({ ...all, b2: undefined, g1: undefined }),
    );
    expect(result.level).toBe('Basic');
    expect(result.score).toBe(71.4); // 5 of 7
  });

  it('reaches Silver with every Bronze and Silver rule, and Gold with all', () => {
    expect(scorecard.evaluate(component({ ...all, g1: undefined })).level).toBe(
      'Silver',
    );
    expect(scorecard.evaluate(component(all)).level).toBe('Gold');
    expect(scorecard.evaluate(component({ ...all, s3: undefined })).level).toBe(
      'Bronze',
    );
  });

  it('skips levels without applicable rules', () => {
    const gapped = compileScorecard({
      id: 'gapped',
      title: 'Gapped',
      rules: [
        isNotEmpty('b', 'Bronze', 'spec.b'),
        isNotEmpty('g', 'Gold', 'spec.g'),
      ],
    });
    expect(gapped.evaluate(component({ b: 1, g: 1 })).level).toBe('Gold');
    expect(gapped.evaluate(component({ b: 1 })).level).toBe('Bronze');
    expect(gapped.evaluate(component({ g: 1 })).level).toBe('Basic');

    const goldOnly = compileScorecard({
      id: 'gold-only',
      title: 'Gold only',
      rules: [isNotEmpty('g', 'Gold', 'spec.g')],
    });
    expect(goldOnly.evaluate(component({ g: 1 })).level).toBe('Gold');
  });

  it('skips levels whose rules are all filtered out for the entity', () => {
    const filtered = compileScorecard({
      id: 'filtered',
      title: 'Filtered',
      rules: [
        {
          ...isNotEmpty('b', 'Bronze', 'spec.b'),
          filter: 'spec.type:website',
        },
        isNotEmpty('s', 'Silver', 'spec.s'),
      ],
    });
    const result = filtered.evaluate(component({ type: 'service', s: 1 }));
    expect(result.level).toBe('Silver');
    expect(result.score).toBe(100);
    expect(result.rules[0]).toEqual({
      ruleId: 'b',
      status: 'skip',
      value: undefined,
      message: 'not applicable: spec.type is "service"; must be "website"',
    });
  });

  it('stays Basic when no rule applies', () => {
    const none = compileScorecard({
      id: 'none',
      title: 'None',
      rules: [{ ...isNotEmpty('b', 'Bronze', 'spec.b'), filter: 'kind:api' }],
    });
    expect(none.evaluate(component({ b: 1 }))).toMatchObject({
      level: 'Basic',
      score: 0,
    });
  });

  it('uses a custom ladder', () => {
    const custom = compileScorecard(
      {
        id: 'custom',
        title: 'Custom',
        rules: [
          isNotEmpty('a', 'Crawl', 'spec.a'),
          isNotEmpty('b', 'Walk', 'spec.b'),
          isNotEmpty('c', 'Run', 'spec.c'),
        ],
      },
      { levels: ['Crawl', 'Walk', 'Run'] },
    );
    expect(custom.levels).toEqual(['Crawl', 'Walk', 'Run']);
    expect(custom.evaluate(component({ a: 1, b: 1 })).level).toBe('Walk');
    expect(custom.evaluate(component({ a: 1, c: 1 })).level).toBe('Crawl');
    expect(() =>
      compileScorecard(
        { id: 'x', title: 'x', rules: [isNotEmpty('a', 'Gold', 'spec.a')] },
        { levels: ['Crawl', 'Walk', 'Run'] },
      ),
    ).toThrow(
      'scorecard "x", rule "a": unknown level "Gold"; levels are Crawl, Walk, Run',
    );
  });
});

describe('score', () => {
  it('weighs passed rules', () => {
    const weighted = compileScorecard({
      id: 'weighted',
      title: 'Weighted',
      rules: [
        { ...isNotEmpty('a', 'Bronze', 'spec.a'), weight: 3 },
        isNotEmpty('b', 'Bronze', 'spec.b'),
        { ...isNotEmpty('c', 'Silver', 'spec.c'), weight: 2 },
      ],
    });
    expect(weighted.evaluate(component({ a: 1 })).score).toBe(50);
    expect(weighted.evaluate(component({ b: 1 })).score).toBe(16.7);
    expect(weighted.evaluate(component({ b: 1, c: 1 })).score).toBe(50);
    expect(weighted.evaluate(component({ a: 1, b: 1, c: 1 })).score).toBe(100);
  });

  it('leaves skipped rules out', () => {
    const skipping = compileScorecard({
      id: 'skipping',
      title: 'Skipping',
      rules: [
        isNotEmpty('a', 'Bronze', 'spec.a'),
        isNotEmpty('b', 'Bronze', 'spec.b'),
        { ...isNotEmpty('c', 'Bronze', 'spec.c'), filter: 'kind:api' },
      ],
    });
    expect(skipping.evaluate(component({ a: 1 })).score).toBe(50);
  });
});

describe('computeLevel and computeScore', () => {
  it('agree with evaluate', () => {
    const rules = [
      { level: 'Bronze', status: 'pass' as const, weight: 2 },
      { level: 'Bronze', status: 'skip' as const },
      { level: 'Silver', status: 'fail' as const },
      { level: 'Gold', status: 'pass' as const },
    ];
    expect(computeLevel(rules)).toBe('Bronze');
    expect(computeScore(rules)).toBe(75);
    expect(computeLevel([])).toBe('Basic');
    expect(computeScore([])).toBe(0);
    expect(computeLevel([{ level: 'Silver', status: 'pass' }])).toBe('Silver');
    expect(
      computeLevel([{ level: 'Two', status: 'pass' }], ['One', 'Two']),
    ).toBe('Two');
  });
});

describe('compileScorecard', () => {
  it('names the scorecard, rule and condition in errors', () => {
    expect(() =>
      compileScorecard({
        id: 'x',
        title: 'x',
        rules: [
          {
            id: 'r',
            title: 'r',
            level: 'Bronze',
            query: {
              combinator: 'and',
              conditions: [
                { property: 'spec.a', operator: '<', value: 'lots' },
              ],
            },
          },
        ],
      }),
    ).toThrow(
      'scorecard "x", rule "r": query.conditions[0]: operator "<" needs a number (or an ISO 8601 date such as "2026-01-31"), got "lots"',
    );
    expect(() =>
      compileScorecard({ id: 'x', title: 'x', filter: 'kind:(', rules: [] }),
    ).toThrow('scorecard "x": expected a value at position 5');
    expect(() =>
      compileScorecard({
        id: 'x',
        title: 'x',
        rules: [{ ...isNotEmpty('r', 'Bronze', 'spec.a'), weight: 0 }],
      }),
    ).toThrow('scorecard "x", rule "r": weight must be a positive number');
  });

  it('reads the clock at evaluation time', () => {
    let now = new Date('2026-01-10T00:00:00Z');
    const fresh = compileScorecard(
      {
        id: 'fresh',
        title: 'Fresh',
        rules: [
          {
            id: 'recent',
            title: 'Recent',
            level: 'Bronze',
            query: {
              combinator: 'and',
              conditions: [
                { property: 'spec.reviewed', operator: 'within', value: 'P1M' },
              ],
            },
          },
        ],
      },
      { now: () => now },
    );
    const input = component({ reviewed: '2025-12-15' });
    expect(fresh.evaluate(input).level).toBe('Bronze');
    now = new Date('2026-02-01T00:00:00Z');
    expect(fresh.evaluate(input).level).toBe('Basic');
  });

  describe('validUntil', () => {
    const timed = (operator: 'within' | 'olderThan', value: string) => {
      let now = new Date('2026-03-01T12:00:00Z');
      const scorecard = compileScorecard(
        {
          id: 'timed',
          title: 'Timed',
          rules: [
            {
              id: 'named',
              title: 'Named',
              level: 'Bronze',
              query: 'metadata.name:a*',
            },
            {
              id: 'dated',
              title: 'Dated',
              level: 'Silver',
              query: {
                combinator: 'and',
                conditions: [{ property: 'spec.reviewed', operator, value }],
              },
            },
          ],
        },
        { now: () => now },
      );
      return {
        at: (time: number) => {
          now = new Date(time);
          return scorecard;
        },
      };
    };
    const DAY = 24 * 60 * 60 * 1000;

    it('is absent without clock-dependent rules', () => {
      const plain = compileScorecard({
        id: 'plain',
        title: 'Plain',
        rules: [
          {
            id: 'named',
            title: 'Named',
            level: 'Bronze',
            query: 'metadata.name:a*',
          },
        ],
      });
      expect(plain.evaluate(component({})).validUntil).toBeUndefined();
    });

    it('is when a recent date becomes old, for a fixed duration', () => {
      const reviewed = Date.parse('2026-02-25T00:00:00Z');
      const input = component({ reviewed: new Date(reviewed).toISOString() });
      const now = Date.parse('2026-03-01T12:00:00Z');
      for (const operator of ['within', 'olderThan'] as const) {
        const clock = timed(operator, 'P7D');
        const result = clock.at(now).evaluate(input);
        expect(result.validUntil).toBe(reviewed + 7 * DAY);
        const statusAt = (t: number) =>
          clock.at(t).evaluate(input).rules[1].status;
        expect(statusAt(result.validUntil! - 1)).toBe(statusAt(now));
        expect(statusAt(result.validUntil! + 1)).not.toBe(statusAt(now));
      }
    });

    it('is absent once the date is old: it stays old', () => {
      const input = component({ reviewed: '2026-01-01T00:00:00Z' });
      const now = Date.parse('2026-03-01T12:00:00Z');
      for (const operator of ['within', 'olderThan'] as const) {
        expect(
          timed(operator, 'P7D').at(now).evaluate(input).validUntil,
        ).toBeUndefined();
      }
    });

    it('never comes after the result changes, for calendar durations', () => {
      // Dates over more than a year, against months, years and mixed
      // durations: up to validUntil, the rule's outcome stays as it was.
      const now = Date.parse('2026-03-01T12:00:00Z');
      // A month counts as its shortest (28 days), so validUntil may have
      // passed already: the next run evaluates again. What must not happen
      // is a status that changes before validUntil.
      const wrong: string[] = [];
      let ahead = 0;
      for (const value of ['P1M', 'P3M', 'P1Y', 'P1Y2M', 'P1M2D', 'PT36H']) {
        for (let day = 0; day < 400; day += 3) {
          const reviewed = now - day * DAY - 7 * 60 * 60 * 1000;
          const input = component({
            reviewed: new Date(reviewed).toISOString(),
          });
          const clock = timed('within', value);
          const before = clock.at(now).evaluate(input);
          const status = before.rules[1].status;
          const until = before.validUntil ?? Infinity;
          // Without validUntil, the date is old: the rule fails for good.
          const expected = until === Infinity ? 'fail' : 'pass';
          const times = [now, until - 1, (now + until) / 2, now + 500 * DAY];
          for (const t of times.filter(x => x >= now && x < until)) {
            const later = clock.at(t).evaluate(input).rules[1].status;
            if (status !== expected || later !== status) {
              wrong.push(
                `${value} ${day}d ago at ${new Date(t).toISOString()}`,
              );
            }
          }
          if (until > now && until !== Infinity) {
            ahead++;
          }
        }
      }
      expect(wrong).toEqual([]);
      expect(ahead).toBeGreaterThan(50);
    });

    it('is the earliest of the rules and of their filters', () => {
      const now = new Date('2026-03-01T12:00:00Z');
      const scorecard = compileScorecard(
        {
          id: 'two',
          title: 'Two',
          rules: [
            {
              id: 'reviewed',
              title: 'Reviewed',
              level: 'Bronze',
              query: {
                combinator: 'and',
                conditions: [
                  {
                    property: 'spec.reviewed',
                    operator: 'within',
                    value: 'P30D',
                  },
                ],
              },
            },
            {
              id: 'deployed',
              title: 'Deployed',
              level: 'Bronze',
              filter: {
                combinator: 'and',
                conditions: [
                  {
                    property: 'spec.created',
                    operator: 'olderThan',
                    value: 'P10D',
                  },
                ],
              },
              query: 'metadata.name:a*',
            },
          ],
        },
        { now: () => now },
      );
      const result = scorecard.evaluate(
        component({
          reviewed: '2026-02-20T00:00:00Z',
          created: '2026-02-25T00:00:00Z',
        }),
      );
      expect(result.rules[1].status).toBe('skip');
      expect(result.validUntil).toBe(Date.parse('2026-03-07T00:00:00Z'));
    });
  });

  it('parses nothing while evaluating', () => {
    const scorecard = compileScorecard(
      {
        id: 'busy',
        title: 'Busy',
        filter: 'kind:component AND spec.lifecycle:production,staging',
        rules: [
          {
            id: 'named',
            title: 'Named',
            level: 'Bronze',
            query: {
              combinator: 'and',
              conditions: [
                {
                  property: 'metadata.name',
                  operator: 'matches',
                  value: '^[a-z-]+$',
                },
                {
                  property: 'metadata.name',
                  operator: 'doesNotMatch',
                  value: 'legacy',
                  ignoreCase: true,
                },
              ],
            },
          },
          {
            id: 'fresh',
            title: 'Fresh',
            level: 'Silver',
            query: {
              combinator: 'or',
              conditions: [
                { property: 'spec.reviewed', operator: 'within', value: 'P1M' },
                {
                  property: 'spec.reviewed',
                  operator: 'after',
                  value: '2026-01-01',
                },
              ],
            },
          },
          {
            id: 'docs',
            title: 'Docs',
            level: 'Gold',
            query:
              'metadata.annotations.backstage.io/techdocs-ref:* AND NOT metadata.tags:legacy',
          },
        ],
      },
      { now: () => new Date('2026-02-01T00:00:00Z') },
    );
    const regExp = jest.spyOn(globalThis, 'RegExp');
    const fromISO = jest.spyOn(DateTime, 'fromISO');
    const durationFromISO = jest.spyOn(Duration, 'fromISO');
    try {
      let gold = 0;
      for (let i = 0; i < 100_000; i++) {
        const input = component({
          lifecycle: 'production',
          reviewed: `2026-01-${String((i % 28) + 1).padStart(
            2,
            '0',
          )}T10:00:00Z`,
        });
        (input.entity.metadata as Record<string, unknown>).annotations =
          i % 2 ? { 'backstage.io/techdocs-ref': 'dir:.' } : {};
        if (
          scorecard.appliesTo(input) &&
          scorecard.evaluate(input).level === 'Gold'
        ) {
          gold++;
        }
      }
      expect(gold).toBe(50_000);
      expect(regExp).not.toHaveBeenCalled();
      expect(fromISO).not.toHaveBeenCalled();
      expect(durationFromISO).not.toHaveBeenCalled();

      // The spies do see compilation.
      compileScorecard({
        id: 'again',
        title: 'Again',
        rules: [
          {
            id: 'r',
            title: 'r',
            level: 'Bronze',
            query: {
              combinator: 'and',
              conditions: [
                { property: 'a', operator: 'matches', value: 'x' },
                { property: 'a', operator: 'within', value: 'P1D' },
                { property: 'a', operator: 'before', value: '2026-01-01' },
              ],
            },
          },
        ],
      });
      expect(regExp).toHaveBeenCalled();
      expect(fromISO).toHaveBeenCalled();
      expect(durationFromISO).toHaveBeenCalled();
    } finally {
      regExp.mockRestore();
      fromISO.mockRestore();
      durationFromISO.mockRestore();
    }
  });
});
