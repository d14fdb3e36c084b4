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

import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseResultStore } from './DatabaseResultStore';
import {
  ENTITY_SORT_FIELDS,
  EntityFilter,
  EntitySort,
  ResultQueries,
  ScorecardEntity,
  entitySortKey,
} from './ResultQueries';
import { DailyRollups, EntityResultRow } from './ResultStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});

const TABLES = [
  'scorecards_history',
  'scorecards_pending_results',
  'scorecards_results',
  'scorecards_runs',
  'scorecards_daily',
  'scorecards_daily_rules',
];

const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';
const PAYMENTS = 'system:default/payments';
const LADDER = ['Basic', 'Bronze', 'Silver', 'Gold'];

function result(
  name: string,
  options: {
    scorecardId?: string;
    kind?: string;
    title?: string;
    type?: string;
    lifecycle?: string;
    owner?: string;
    system?: string;
    levelRank: number;
    score: number;
    failingRules?: string[];
    updatedAt?: string;
  },
): EntityResultRow {
  const failingRules = options.failingRules ?? [];
  return {
    scorecardId: options.scorecardId ?? 'prod',
    entityRef: `${(options.kind ?? 'Component').toLowerCase()}:default/${name}`,
    entity: {
      kind: options.kind ?? 'Component',
      namespace: 'default',
      name,
      title: options.title,
      type: options.type,
      lifecycle: options.lifecycle,
      owner: options.owner,
      system: options.system,
    },
    level: LADDER[options.levelRank],
    levelRank: options.levelRank,
    score: options.score,
    rulesPassed: 4 - failingRules.length,
    rulesFailed: failingRules.length,
    failingRules,
    rules: failingRules.map(ruleId => ({
      ruleId,
      status: 'fail',
      message: 'failed',
    })),
    resultHash: `${name}-${options.score}`,
    updatedAt: new Date(options.updatedAt ?? '2026-11-24T10:00:00.000Z'),
  };
}

const FIXTURES: EntityResultRow[] = [
  result('alpha', {
    title: 'Alpha Service',
    type: 'service',
    lifecycle: 'production',
    owner: TEAM_A,
    system: PAYMENTS,
    levelRank: 3,
    score: 100,
    updatedAt: '2026-11-24T10:00:00.004Z',
  }),
  result('bravo', {
    title: 'Bravo 100% Web',
    type: 'website',
    lifecycle: 'experimental',
    owner: TEAM_A,
    system: PAYMENTS,
    levelRank: 2,
    score: 66.7,
    failingRules: ['rule-ab'],
    updatedAt: '2026-11-24T10:00:00.001Z',
  }),
  result('charlie', {
    type: 'service',
    lifecycle: 'production',
    owner: TEAM_B,
    levelRank: 1,
    score: 33.3,
    failingRules: ['rule-a', 'rule-ab'],
    updatedAt: '2026-11-24T10:00:00.003Z',
  }),
  result('delta', {
    kind: 'API',
    type: 'openapi',
    levelRank: 0,
    score: 0,
    failingRules: ['rule-a', 'has_docs'],
    updatedAt: '2026-11-24T10:00:00.000Z',
  }),
  result('echo', {
    type: 'service',
    lifecycle: 'production',
    owner: TEAM_B,
    levelRank: 2,
    score: 66.7,
    failingRules: ['has-docs'],
    updatedAt: '2026-11-24T10:00:00.002Z',
  }),
  // Another scorecard: never part of prod's answers.
  result('alpha', {
    scorecardId: 'docs',
    owner: TEAM_A,
    levelRank: 0,
    score: 0,
  }),
];

const names = (rows: ScorecardEntity[]) => rows.map(r => r.entity.name);

describe.each(databases.eachSupportedId())(
  'ResultQueries on %p',
  databaseId => {
    let knex: Knex;
    let store: DatabaseResultStore;
    let queries: ResultQueries;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      store = await DatabaseResultStore.create({
        database: mockServices.database({ knex }),
      });
      queries = store.queries;
    });

    beforeEach(async () => {
      for (const table of TABLES) {
        await knex(table).delete();
      }
    });

    async function commit(rows: EntityResultRow[], at: string) {
      const runId = await store.createRun({ trigger: 'schedule', scope: {} });
      await store.stageResults(runId, rows);
      await store.commitRun(runId, { at: new Date(at) });
      await store.finishRun(runId, {
        status: 'succeeded',
        entitiesEvaluated: rows.length,
        resultsWritten: rows.length,
        resultsDeleted: 0,
      });
    }

    const list = (
      filter: EntityFilter,
      sort: EntitySort = { field: 'name', order: 'asc' },
    ) => queries.listEntities('prod', { filter, sort, limit: 100 });

    describe('entity tables', () => {
      beforeEach(() => commit(FIXTURES, '2026-11-24T10:00:00.000Z'));

      it('lists the current results of one scorecard, without rule details', async () => {
        const rows = await list({});
        expect(names(rows)).toEqual([
          'alpha',
          'bravo',
          'charlie',
          'delta',
          'echo',
        ]);
        expect(rows[1]).toEqual({
          scorecardId: 'prod',
          entityRef: 'component:default/bravo',
          entity: {
            kind: 'Component',
            namespace: 'default',
            name: 'bravo',
            title: 'Bravo 100% Web',
            type: 'website',
            lifecycle: 'experimental',
            owner: TEAM_A,
            system: PAYMENTS,
          },
          level: 'Silver',
          levelRank: 2,
          score: 66.7,
          rulesPassed: 3,
          rulesFailed: 1,
          failingRules: ['rule-ab'],
          updatedAt: new Date('2026-11-24T10:00:00.001Z'),
          stateSince: new Date('2026-11-24T10:00:00.000Z'),
        });
        expect(rows[3].entity).toEqual({
          kind: 'API',
          namespace: 'default',
          name: 'delta',
          title: undefined,
          type: 'openapi',
          lifecycle: undefined,
          owner: undefined,
          system: undefined,
        });
        await expect(queries.countEntities('prod')).resolves.toBe(5);
        await expect(queries.countEntities('docs')).resolves.toBe(1);
        await expect(queries.countEntities('unknown')).resolves.toBe(0);
      });

      it.each<[string, EntityFilter, string[]]>([
        ['teams', { owners: [TEAM_B] }, ['charlie', 'echo']],
        [
          'several teams',
          { owners: [TEAM_A, TEAM_B] },
          ['alpha', 'bravo', 'charlie', 'echo'],
        ],
        [
          'kinds, case-insensitively',
          { kinds: ['component'] },
          ['alpha', 'bravo', 'charlie', 'echo'],
        ],
        [
          'several kinds',
          { kinds: ['api', 'Component'] },
          ['alpha', 'bravo', 'charlie', 'delta', 'echo'],
        ],
        ['types', { types: ['service'] }, ['alpha', 'charlie', 'echo']],
        ['lifecycles', { lifecycles: ['experimental'] }, ['bravo']],
        ['systems', { systems: [PAYMENTS] }, ['alpha', 'bravo']],
        ['levels', { levelRanks: [2] }, ['bravo', 'echo']],
        ['several levels', { levelRanks: [0, 3] }, ['alpha', 'delta']],
        [
          'a failing rule, not one that merely starts alike',
          { failingRules: ['rule-a'] },
          ['charlie', 'delta'],
        ],
        [
          'a failing rule with a LIKE wildcard in its id',
          { failingRules: ['has_docs'] },
          ['delta'],
        ],
        [
          'any of several failing rules',
          { failingRules: ['rule-ab', 'has-docs'] },
          ['bravo', 'charlie', 'echo'],
        ],
        ['text in the ref, case-insensitively', { text: 'ALPH' }, ['alpha']],
        ['text in the title', { text: 'web' }, ['bravo']],
        ['text in the kind of the ref', { text: 'api:' }, ['delta']],
        ['text with a literal %', { text: '0% w' }, ['bravo']],
        ['text with a literal _', { text: 'a_p' }, []],
        [
          'everything at once',
          {
            owners: [TEAM_A, TEAM_B],
            types: ['service'],
            levelRanks: [1, 2],
            text: 'e',
          },
          ['charlie', 'echo'],
        ],
        [
          'empty lists as no filter',
          { owners: [], kinds: [], failingRules: [] },
          ['alpha', 'bravo', 'charlie', 'delta', 'echo'],
        ],
      ])('filters by %s', async (_, filter, expected) => {
        await expect(list(filter).then(names)).resolves.toEqual(expected);
        await expect(queries.countEntities('prod', filter)).resolves.toBe(
          expected.length,
        );
      });

      it.each<[EntitySort, string[]]>([
        [
          { field: 'name', order: 'asc' },
          ['alpha', 'bravo', 'charlie', 'delta', 'echo'],
        ],
        [
          { field: 'name', order: 'desc' },
          ['echo', 'delta', 'charlie', 'bravo', 'alpha'],
        ],
        [
          { field: 'score', order: 'asc' },
          ['delta', 'charlie', 'bravo', 'echo', 'alpha'],
        ],
        [
          { field: 'score', order: 'desc' },
          ['alpha', 'echo', 'bravo', 'charlie', 'delta'],
        ],
        [
          { field: 'level', order: 'asc' },
          ['delta', 'charlie', 'bravo', 'echo', 'alpha'],
        ],
        [
          { field: 'level', order: 'desc' },
          ['alpha', 'echo', 'bravo', 'charlie', 'delta'],
        ],
        // Entities without an owner come first on every engine.
        [
          { field: 'owner', order: 'asc' },
          ['delta', 'alpha', 'bravo', 'charlie', 'echo'],
        ],
        [
          { field: 'owner', order: 'desc' },
          ['echo', 'charlie', 'bravo', 'alpha', 'delta'],
        ],
        [
          { field: 'updatedAt', order: 'asc' },
          ['delta', 'bravo', 'echo', 'charlie', 'alpha'],
        ],
        [
          { field: 'updatedAt', order: 'desc' },
          ['alpha', 'charlie', 'echo', 'bravo', 'delta'],
        ],
      ])('sorts by %j', async (sort, expected) => {
        await expect(list({}, sort).then(names)).resolves.toEqual(expected);
      });

      it('sorts by level and then by score', async () => {
        await commit(
          [
            result('foxtrot', { levelRank: 2, score: 90 }),
            result('golf', { levelRank: 2, score: 10 }),
          ],
          '2026-11-24T11:00:00.000Z',
        );
        const rows = await list({}, { field: 'level', order: 'desc' });
        expect(names(rows)).toEqual([
          'alpha',
          'foxtrot',
          'echo',
          'bravo',
          'golf',
          'charlie',
          'delta',
        ]);
      });
    });

    describe('paging', () => {
      // Many ties in every sort column, so that the entity ref decides.
      const many = Array.from({ length: 23 }, (_, i) =>
        result(`e${String((i * 7) % 23).padStart(2, '0')}`, {
          owner: i % 4 === 0 ? undefined : `group:default/team-${i % 3}`,
          levelRank: i % 4,
          score: [0, 33.3, 66.7, 100][i % 3],
          updatedAt: `2026-11-24T10:00:00.00${i % 5}Z`,
          failingRules: i % 2 ? ['rule-a'] : [],
        }),
      );

      beforeEach(() => commit(many, '2026-11-24T10:00:00.000Z'));

      it.each(
        ENTITY_SORT_FIELDS.flatMap(field =>
          (['asc', 'desc'] as const).map(order => ({ field, order })),
        ),
      )('pages by key set through %j without gaps or repeats', async sort => {
        for (const filter of [{}, { failingRules: ['rule-a'] }]) {
          const all = await queries.listEntities('prod', {
            filter,
            sort,
            limit: 100,
          });
          const paged: ScorecardEntity[] = [];
          let after;
          for (let pages = 0; pages < 20; pages++) {
            const page = await queries.listEntities('prod', {
              filter,
              sort,
              after,
              limit: 4,
            });
            paged.push(...page);
            if (page.length < 4) {
              break;
            }
            after = entitySortKey(page[page.length - 1], sort.field);
          }
          expect(paged.map(r => r.entityRef)).toEqual(
            all.map(r => r.entityRef),
          );
          expect(new Set(paged.map(r => r.entityRef)).size).toBe(all.length);
        }
      });

      it('orders numbers as numbers and ties by entity ref', async () => {
        const rows = await queries.listEntities('prod', {
          sort: { field: 'score', order: 'asc' },
          limit: 100,
        });
        const keys = rows.map(r => [r.score, r.entityRef] as const);
        const sorted = [...keys].sort(
          (a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1),
        );
        expect(keys).toEqual(sorted);
      });

      it('rejects keys of another sort', async () => {
        await expect(
          queries.listEntities('prod', {
            sort: { field: 'score', order: 'asc' },
            after: ['e01', 'component:default/e01'],
            limit: 4,
          }),
        ).rejects.toThrow('Not a sort key of score');
      });
    });

    describe('history', () => {
      it('answers the changes of an entity in a range and the state before it', async () => {
        const alpha = (levelRank: number, score: number) =>
          result('alpha', { levelRank, score });
        await commit(
          [alpha(3, 100), result('bravo', { levelRank: 1, score: 10 })],
          '2026-11-20T10:00:00.000Z',
        );
        await commit([alpha(0, 50)], '2026-11-22T10:00:00.000Z');
        await commit([alpha(2, 66.7)], '2026-11-24T10:00:00.000Z');
        await commit([alpha(1, 33.3)], '2026-11-26T00:00:00.000Z');

        const history = await queries.getEntityHistory(
          'prod',
          'component:default/alpha',
          {
            from: new Date('2026-11-21T00:00:00.000Z'),
            to: new Date('2026-11-26T00:00:00.000Z'),
          },
        );
        expect(history).toEqual({
          before: {
            at: new Date('2026-11-20T10:00:00.000Z'),
            level: 'Gold',
            levelRank: 3,
            score: 100,
            failingRules: [],
          },
          events: [
            expect.objectContaining({
              at: new Date('2026-11-22T10:00:00.000Z'),
              level: 'Basic',
              score: 50,
            }),
            expect.objectContaining({
              at: new Date('2026-11-24T10:00:00.000Z'),
              level: 'Silver',
              score: 66.7,
            }),
          ],
        });

        await expect(
          queries.getEntityHistory('prod', 'component:default/alpha', {
            from: new Date('2026-11-10T00:00:00.000Z'),
            to: new Date('2026-11-11T00:00:00.000Z'),
          }),
        ).resolves.toEqual({ before: undefined, events: [] });
      });
    });

    describe('daily rollups', () => {
      const rollups = (
        scorecardId: string,
        entities: number,
        teams: Array<[string, number]> = [],
      ): DailyRollups => ({
        scorecards: [
          {
            scorecardId,
            owner: '*',
            entities,
            scoreSum: entities * 50,
            levelCounts: { Basic: entities },
          },
          ...teams.map(([owner, count]) => ({
            scorecardId,
            owner,
            entities: count,
            scoreSum: count * 50,
            levelCounts: { Basic: count },
          })),
        ],
        rules: [
          {
            scorecardId,
            ruleId: 'rule-a',
            owner: '*',
            applicable: entities,
            passed: Math.floor(entities / 2),
          },
          ...teams.map(([owner, count]) => ({
            scorecardId,
            ruleId: 'rule-a',
            owner,
            applicable: count,
            passed: count,
          })),
        ],
      });

      it('replaces a day of the scorecards written, and only those', async () => {
        await store.writeDailyRollups('2026-11-23', {
          scorecards: [
            ...rollups('prod', 3).scorecards,
            ...rollups('docs', 7).scorecards,
          ],
          rules: [...rollups('prod', 3).rules, ...rollups('docs', 7).rules],
        });
        await store.writeDailyRollups(
          '2026-11-24',
          rollups('prod', 4, [
            [TEAM_A, 1],
            [TEAM_B, 3],
          ]),
        );
        await store.writeDailyRollups('2026-11-24', rollups('docs', 8));
        // A later run of the same day: team-b has left, team-a grew.
        await store.writeDailyRollups(
          '2026-11-24',
          rollups('prod', 5, [
            [TEAM_A, 2],
            ['', 3],
          ]),
        );

        const latest = await queries.getLatestRollups([
          'prod',
          'docs',
          'other',
        ]);
        expect([...latest.keys()].sort()).toEqual(['docs', 'prod']);
        expect(latest.get('prod')).toEqual({
          scorecardId: 'prod',
          day: '2026-11-24',
          owner: '*',
          entities: 5,
          scoreSum: 250,
          levelCounts: { Basic: 5 },
          computedAt: expect.any(Date),
        });
        expect(
          Math.abs(latest.get('prod')!.computedAt.getTime() - Date.now()),
        ).toBeLessThan(60_000);
        expect(latest.get('docs')).toMatchObject({
          day: '2026-11-24',
          entities: 8,
        });

        const day = await queries.getRollupsOfDay('prod', '2026-11-24');
        expect(day.scorecards.map(r => [r.owner, r.entities])).toEqual([
          ['', 3],
          ['*', 5],
          [TEAM_A, 2],
        ]);
        expect(day.rules).toEqual([
          {
            scorecardId: 'prod',
            day: '2026-11-24',
            ruleId: 'rule-a',
            owner: '*',
            applicable: 5,
            passed: 2,
          },
        ]);
        expect(day.ownerRules.map(r => [r.owner, r.ruleId, r.passed])).toEqual([
          ['', 'rule-a', 3],
          [TEAM_A, 'rule-a', 2],
        ]);

        // One owner's rollups alone; team-b has none that day.
        const ofTeam = await queries.getRollupsOfDay('prod', '2026-11-24', {
          owners: [TEAM_A, TEAM_B],
        });
        expect(ofTeam.scorecards.map(r => [r.owner, r.entities])).toEqual([
          [TEAM_A, 2],
        ]);
        expect(ofTeam.rules).toEqual([]);
        expect(
          ofTeam.ownerRules.map(r => [r.owner, r.ruleId, r.passed]),
        ).toEqual([[TEAM_A, 'rule-a', 2]]);
        // Several owners' rollups, the entities without an owner among them.
        const ofOwners = await queries.getRollupsOfDay('prod', '2026-11-24', {
          owners: ['', TEAM_A],
        });
        expect(ofOwners.scorecards.map(r => [r.owner, r.entities])).toEqual([
          ['', 3],
          [TEAM_A, 2],
        ]);
        expect(
          ofOwners.ownerRules.map(r => [r.owner, r.ruleId, r.passed]),
        ).toEqual([
          ['', 'rule-a', 3],
          [TEAM_A, 'rule-a', 2],
        ]);

        await expect(
          queries.getScorecardSeries('prod', {
            owners: ['*'],
            from: '2026-11-01',
            to: '2026-11-30',
          }),
        ).resolves.toEqual([
          expect.objectContaining({ day: '2026-11-23', entities: 3 }),
          expect.objectContaining({ day: '2026-11-24', entities: 5 }),
        ]);
        await expect(
          queries.getScorecardSeries('prod', {
            owners: [TEAM_B],
            from: '2026-11-01',
            to: '2026-11-30',
          }),
        ).resolves.toEqual([]);
        await expect(
          queries.getScorecardSeries('docs', {
            owners: ['*'],
            from: '2026-11-23',
            to: '2026-11-23',
          }),
        ).resolves.toEqual([
          expect.objectContaining({ day: '2026-11-23', entities: 7 }),
        ]);
        await expect(
          queries.getRuleSeries('prod', 'rule-a', {
            owners: [TEAM_A],
            from: '2026-11-01',
            to: '2026-11-30',
          }),
        ).resolves.toEqual([
          {
            scorecardId: 'prod',
            day: '2026-11-24',
            ruleId: 'rule-a',
            owner: TEAM_A,
            applicable: 2,
            passed: 2,
          },
        ]);
        // Several owners' series: each day's rows by owner.
        await expect(
          queries.getScorecardSeries('prod', {
            owners: ['', TEAM_A, TEAM_B],
            from: '2026-11-01',
            to: '2026-11-30',
          }),
        ).resolves.toEqual([
          expect.objectContaining({
            day: '2026-11-24',
            owner: '',
            entities: 3,
          }),
          expect.objectContaining({
            day: '2026-11-24',
            owner: TEAM_A,
            entities: 2,
          }),
        ]);
        await expect(
          queries.getRuleSeries('prod', 'rule-a', {
            owners: ['', TEAM_A],
            from: '2026-11-01',
            to: '2026-11-30',
          }),
        ).resolves.toEqual([
          expect.objectContaining({ owner: '', applicable: 3, passed: 3 }),
          expect.objectContaining({ owner: TEAM_A, applicable: 2, passed: 2 }),
        ]);
      });

      it('writes days with more rows than one insert may carry', async () => {
        const owners = Array.from(
          { length: 1500 },
          (_, i): [string, number] => [`group:default/team-${i}`, 1],
        );
        await store.writeDailyRollups(
          '2026-11-24',
          rollups('prod', 1500, owners),
        );
        await expect(
          knex('scorecards_daily').count({ n: '*' }),
        ).resolves.toEqual([{ n: expect.anything() }]);
        const [{ n }] = await knex('scorecards_daily_rules').count({ n: '*' });
        expect(Number(n)).toBe(1501);
      });

      it("keeps a day's facets with its organisation-wide rollup", async () => {
        const facets = {
          kinds: ['API', 'Component'],
          types: ['service'],
          lifecycles: [],
          systems: ['system:default/rides'],
        };
        await store.writeDailyRollups('2026-11-25', {
          ...rollups('prod', 2, [[TEAM_A, 2]]),
          facets: [{ scorecardId: 'prod', ...facets }],
        });
        const latest = await queries.getLatestRollups(['prod']);
        expect(latest.get('prod')).toMatchObject({ day: '2026-11-25', facets });
        const day = await queries.getRollupsOfDay('prod', '2026-11-25');
        expect(day.scorecards.map(r => [r.owner, r.facets])).toEqual([
          ['*', facets],
          [TEAM_A, undefined],
        ]);
      });

      it('rejects days that are not YYYY-MM-DD', async () => {
        await expect(
          store.writeDailyRollups('24.11.2026', rollups('prod', 1)),
        ).rejects.toThrow('Rollup day must be YYYY-MM-DD');
      });
    });

    describe('pruneHistory', () => {
      it('keeps what carries state into the retained range and drops the rest', async () => {
        const at = (day: string) => `2026-11-${day}T10:00:00.000Z`;
        const row = (name: string, score: number) =>
          result(name, { levelRank: 0, score });
        await commit(
          [row('alpha', 10), row('bravo', 10), row('gone', 10)],
          at('01'),
        );
        await commit(
          [row('alpha', 20), row('bravo', 20), row('gone', 20)],
          at('02'),
        );
        await commit([row('alpha', 30)], at('20'));
        // "gone" left the catalog.
        await knex('scorecards_results')
          .where({ entity_ref: 'component:default/gone' })
          .delete();
        for (const day of ['2026-11-09', '2026-11-10', '2026-11-11']) {
          await store.writeDailyRollups(day, {
            scorecards: [
              {
                scorecardId: 'prod',
                owner: '*',
                entities: 1,
                scoreSum: 1,
                levelCounts: {},
              },
            ],
            rules: [
              {
                scorecardId: 'prod',
                ruleId: 'r',
                owner: '*',
                applicable: 1,
                passed: 1,
              },
            ],
          });
        }

        await expect(
          store.pruneHistory(new Date('2026-11-10T12:00:00.000Z')),
        ).resolves.toEqual({ historyDeleted: 4, rollupsDeleted: 2 });

        const kept = await knex('scorecards_history')
          .orderBy('id')
          .select('entity_ref', 'score');
        expect(
          kept.map(r => [
            r.entity_ref.replace('component:default/', ''),
            Number(r.score),
          ]),
        ).toEqual([
          ['alpha', 20],
          ['bravo', 20],
          ['alpha', 30],
        ]);
        await expect(
          knex('scorecards_daily').orderBy('day').pluck('day'),
        ).resolves.toEqual(['2026-11-10', '2026-11-11']);
        await expect(
          knex('scorecards_daily_rules').pluck('day'),
        ).resolves.toEqual(
          expect.arrayContaining(['2026-11-10', '2026-11-11']),
        );

        // Nothing more to prune; an empty history is fine too.
        await expect(
          store.pruneHistory(new Date('2026-11-10T12:00:00.000Z')),
        ).resolves.toEqual({ historyDeleted: 0, rollupsDeleted: 0 });
        await knex('scorecards_history').delete();
        await expect(
          store.pruneHistory(new Date('2026-12-31T00:00:00.000Z')),
        ).resolves.toEqual({ historyDeleted: 0, rollupsDeleted: 4 });
      });

      it('prunes histories longer than one window of ids', async () => {
        const rows = Array.from({ length: 12_345 }, (_, i) =>
          result(`e${i}`, { levelRank: 0, score: 1 }),
        );
        await commit(rows, '2026-11-01T10:00:00.000Z');
        await commit(
          rows.map(r => ({ ...r, score: 2, resultHash: 'changed' })),
          '2026-11-02T10:00:00.000Z',
        );
        await expect(
          store.pruneHistory(new Date('2026-11-05T00:00:00.000Z')),
        ).resolves.toEqual({ historyDeleted: 12_345, rollupsDeleted: 0 });
        const [{ n }] = await knex('scorecards_history').count({ n: '*' });
        expect(Number(n)).toBe(12_345);
      });
    });
  },
);
