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

import { EntityResultRow, ROLLUP_ORGANISATION } from '../database/ResultStore';
import { RollupAccumulator, rollupDay } from './RollupAccumulator';

function row(
  name: string,
  options: {
    scorecardId?: string;
    owner?: string;
    level: string;
    score: number;
    rules: Array<[string, 'pass' | 'fail' | 'skip']>;
  },
): EntityResultRow {
  return {
    scorecardId: options.scorecardId ?? 'prod',
    entityRef: `component:default/${name}`,
    entity: {
      kind: 'Component',
      namespace: 'default',
      name,
      owner: options.owner,
    },
    level: options.level,
    levelRank: 0,
    score: options.score,
    rulesPassed: 0,
    rulesFailed: 0,
    failingRules: [],
    rules: options.rules.map(([ruleId, status]) => ({
      ruleId,
      status,
      message: '',
    })),
    resultHash: name,
    updatedAt: new Date(),
  };
}

describe('RollupAccumulator', () => {
  it('counts rules by id when rows list them in a different order', () => {
    const accumulator = new RollupAccumulator();
    const add = (name: string, rules: Array<[string, 'pass' | 'fail']>) =>
      accumulator.add(row(name, { level: 'Basic', score: 0, rules }));
    add('a', [
      ['x', 'pass'],
      ['y', 'fail'],
    ]);
    add('b', [
      ['y', 'pass'],
      ['x', 'pass'],
    ]);
    add('c', [['z', 'fail']]);
    const byRule = Object.fromEntries(
      accumulator
        .toRows()
        .rules.filter(r => r.owner === ROLLUP_ORGANISATION)
        .map(r => [r.ruleId, [r.applicable, r.passed]]),
    );
    expect(byRule).toEqual({ x: [2, 2], y: [2, 1], z: [1, 0] });
  });

  it('sums up scores and levels per owner and for the organisation', () => {
    const accumulator = new RollupAccumulator();
    accumulator.add(
      row('a', {
        owner: 'group:default/a',
        level: 'Gold',
        score: 100,
        rules: [],
      }),
    );
    accumulator.add(
      row('b', {
        owner: 'group:default/a',
        level: 'Basic',
        score: 50,
        rules: [],
      }),
    );
    accumulator.add(row('c', { level: 'Gold', score: 30, rules: [] }));

    expect(accumulator.toRows().scorecards).toEqual([
      {
        scorecardId: 'prod',
        owner: '*',
        entities: 3,
        scoreSum: 180,
        levelCounts: { Gold: 2, Basic: 1 },
      },
      {
        scorecardId: 'prod',
        owner: 'group:default/a',
        entities: 2,
        scoreSum: 150,
        levelCounts: { Gold: 1, Basic: 1 },
      },
      {
        scorecardId: 'prod',
        owner: '',
        entities: 1,
        scoreSum: 30,
        levelCounts: { Gold: 1 },
      },
    ]);
  });

  it('counts rule outcomes, leaving skipped rules out of the applicable ones', () => {
    const accumulator = new RollupAccumulator();
    accumulator.add(
      row('a', {
        owner: 'group:default/a',
        level: 'Basic',
        score: 50,
        rules: [
          ['docs', 'pass'],
          ['runbook', 'fail'],
          ['oncall', 'skip'],
        ],
      }),
    );
    accumulator.add(
      row('b', {
        owner: 'group:default/b',
        level: 'Basic',
        score: 100,
        rules: [
          ['docs', 'pass'],
          ['runbook', 'pass'],
        ],
      }),
    );

    const rules = accumulator.toRows().rules;
    const find = (ruleId: string, owner: string) =>
      rules.find(r => r.ruleId === ruleId && r.owner === owner);
    expect(find('docs', '*')).toMatchObject({ applicable: 2, passed: 2 });
    expect(find('runbook', '*')).toMatchObject({ applicable: 2, passed: 1 });
    expect(find('runbook', 'group:default/a')).toMatchObject({
      applicable: 1,
      passed: 0,
    });
    expect(find('runbook', 'group:default/b')).toMatchObject({
      applicable: 1,
      passed: 1,
    });
    // A rule that applied to no entity has no rollup at all.
    expect(find('oncall', '*')).toBeUndefined();
    expect(rules).toHaveLength(6);
  });

  it('counts a stamped result (level, score, status letters) as the evaluated one', () => {
    const rows = [
      row('a', {
        owner: 'group:default/team-a',
        level: 'Gold',
        score: 100,
        rules: [
          ['x', 'pass'],
          ['y', 'pass'],
          ['z', 'skip'],
        ],
      }),
      row('b', {
        level: 'Basic',
        score: 50,
        rules: [
          ['x', 'fail'],
          ['y', 'pass'],
          ['z', 'fail'],
        ],
      }),
    ];
    const evaluated = new RollupAccumulator({ scorecardIds: ['prod'] });
    const stamped = new RollupAccumulator({ scorecardIds: ['prod'] });
    const letter = { pass: 'p', fail: 'f', skip: 's' } as const;
    for (const r of rows) {
      evaluated.add(r);
      stamped.addStamped(
        r.scorecardId,
        r.entity,
        {
          level: r.level,
          score: r.score,
          statuses: r.rules.map(rule => letter[rule.status]).join(''),
        },
        r.rules.map(rule => rule.ruleId),
      );
    }
    expect(stamped.toRows()).toEqual(evaluated.toRows());
    expect(
      stamped
        .toRows()
        .rules.filter(r => r.owner === ROLLUP_ORGANISATION)
        .map(r => [r.ruleId, r.applicable, r.passed]),
    ).toEqual([
      ['x', 2, 1],
      ['y', 2, 2],
      ['z', 1, 0],
    ]);
  });

  it('keeps scorecards apart', () => {
    const accumulator = new RollupAccumulator();
    for (const scorecardId of ['prod', 'docs']) {
      accumulator.add(
        row('a', {
          scorecardId,
          level: 'Basic',
          score: 10,
          rules: [['r', 'pass']],
        }),
      );
    }
    const { scorecards, rules } = accumulator.toRows();
    expect(
      scorecards.filter(r => r.owner === '*').map(r => r.scorecardId),
    ).toEqual(['prod', 'docs']);
    expect(rules.filter(r => r.owner === '*')).toEqual([
      {
        scorecardId: 'prod',
        ruleId: 'r',
        owner: '*',
        applicable: 1,
        passed: 1,
      },
      {
        scorecardId: 'docs',
        ruleId: 'r',
        owner: '*',
        applicable: 1,
        passed: 1,
      },
    ]);
  });

  it('rolls up scorecards that matched no entity as empty', () => {
    const accumulator = new RollupAccumulator({
      scorecardIds: ['prod', 'docs'],
    });
    accumulator.add(row('a', { level: 'Basic', score: 0, rules: [] }));
    expect(accumulator.toRows().scorecards).toEqual([
      expect.objectContaining({ scorecardId: 'prod', owner: '*', entities: 1 }),
      {
        scorecardId: 'docs',
        owner: '*',
        entities: 0,
        scoreSum: 0,
        levelCounts: {},
      },
      expect.objectContaining({ scorecardId: 'prod', owner: '' }),
    ]);
  });

  it("collects each scorecard's distinct kinds, types, lifecycles and systems", () => {
    const accumulator = new RollupAccumulator({ scorecardIds: ['empty'] });
    const withEntity = (
      name: string,
      entity: Partial<EntityResultRow['entity']>,
    ) => {
      const r = row(name, { level: 'Basic', score: 0, rules: [] });
      return { ...r, entity: { ...r.entity, ...entity } };
    };
    accumulator.add(
      withEntity('a', {
        type: 'service',
        lifecycle: 'production',
        system: 'system:default/rides',
      }),
    );
    accumulator.add(
      withEntity('b', {
        kind: 'API',
        type: 'openapi',
        lifecycle: 'experimental',
        system: 'system:default/rides',
      }),
    );
    accumulator.add(withEntity('c', { type: 'service' }));
    expect(accumulator.toRows().facets).toEqual([
      {
        scorecardId: 'empty',
        kinds: [],
        types: [],
        lifecycles: [],
        systems: [],
      },
      {
        scorecardId: 'prod',
        kinds: ['API', 'Component'],
        types: ['openapi', 'service'],
        lifecycles: ['experimental', 'production'],
        systems: ['system:default/rides'],
      },
    ]);
  });

  it('hands out copies, so that adding more leaves earlier rows alone', () => {
    const accumulator = new RollupAccumulator();
    accumulator.add(
      row('a', { level: 'Basic', score: 10, rules: [['r', 'pass']] }),
    );
    const first = accumulator.toRows();
    accumulator.add(
      row('b', { level: 'Basic', score: 10, rules: [['r', 'pass']] }),
    );
    expect(first.scorecards[0]).toMatchObject({
      entities: 1,
      levelCounts: { Basic: 1 },
    });
    expect(first.rules[0]).toMatchObject({ applicable: 1 });
  });

  it('keeps memory by owners and rules, not by entities', () => {
    const accumulator = new RollupAccumulator();
    for (let i = 0; i < 10_000; i++) {
      accumulator.add(
        row(`e${i}`, {
          owner: `group:default/team-${i % 7}`,
          level: 'Basic',
          score: 50,
          rules: [
            ['r1', 'pass'],
            ['r2', 'fail'],
          ],
        }),
      );
    }
    const { scorecards, rules } = accumulator.toRows();
    expect(scorecards).toHaveLength(8);
    expect(rules).toHaveLength(16);
    expect(scorecards[0]).toMatchObject({
      entities: 10_000,
      scoreSum: 500_000,
    });
  });
});

describe('rollupDay', () => {
  it('is the UTC date', () => {
    expect(rollupDay(new Date('2026-11-24T23:59:59.999Z'))).toBe('2026-11-24');
    expect(rollupDay(new Date('2026-11-25T00:00:00.000+02:00'))).toBe(
      '2026-11-24',
    );
  });
});
