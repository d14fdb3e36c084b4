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
import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  CompiledScorecard,
  compileScorecard,
  requiredEntityFields,
  ScorecardDefinition,
} from '@openscorecards/plugin-scorecards-common';
import { ScorecardsFactProvider } from '@openscorecards/plugin-scorecards-node';
import { DatabaseResultStore } from '../database/DatabaseResultStore';
import { readAhead, ScorecardsEvaluator } from './ScorecardsEvaluator';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const readiness: ScorecardDefinition = {
  id: 'readiness',
  title: 'Production Readiness',
  filter: 'kind:component AND spec.type:service',
  rules: [
    {
      id: 'has-owner',
      title: 'Has an owner',
      level: 'Bronze',
      query: {
        combinator: 'and',
        conditions: [{ property: 'spec.owner', operator: 'isNotEmpty' }],
      },
    },
    {
      id: 'has-pagerduty',
      title: 'Has on-call',
      level: 'Silver',
      query: {
        combinator: 'and',
        conditions: [
          {
            property: 'metadata.annotations.pagerduty.com/service-id',
            operator: 'isNotEmpty',
          },
        ],
      },
    },
    {
      id: 'few-open-prs',
      title: 'Few open pull requests',
      level: 'Gold',
      query: {
        combinator: 'and',
        conditions: [{ property: '$facts.openPrs', operator: '<', value: 5 }],
      },
    },
  ],
};

function service(
  name: string,
  options: { pagerduty?: boolean; owner?: string } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: options.pagerduty
        ? { 'pagerduty.com/service-id': `P${name.length}` }
        : {},
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: options.owner ?? 'team-a',
    },
  };
}

const website: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'web', namespace: 'default' },
  spec: { type: 'website', lifecycle: 'production', owner: 'team-a' },
};

describe.each(databases.eachSupportedId())(
  'ScorecardsEvaluator on %p',
  databaseId => {
    let store: DatabaseResultStore;
    let knex: Knex;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = await DatabaseResultStore.create({
        database: mockServices.database({ knex }),
      });
    });

    function createEvaluator(
      entities: Entity[],
      options: {
        factProviders?: ScorecardsFactProvider[];
        catalog?: ReturnType<typeof catalogServiceMock>;
        /** Compiled from `definitions` unless given. */
        scorecards?: CompiledScorecard[];
        definitions?: ScorecardDefinition[];
        pageSize?: number;
        reuseUnchanged?: boolean;
        entityRunLockTimeoutMs?: number;
      } = {},
    ) {
      const catalog = options.catalog ?? catalogServiceMock({ entities });
      const logger = mockServices.logger.mock();
      const definitions = options.definitions ?? [readiness];
      const evaluator = new ScorecardsEvaluator({
        store,
        catalog,
        auth: mockServices.auth(),
        logger,
        scorecards:
          options.scorecards ?? definitions.map(d => compileScorecard(d)),
        fields: requiredEntityFields(definitions),
        factProviders: options.factProviders,
        pageSize: options.pageSize ?? 2,
        reuseUnchanged: options.reuseUnchanged,
        entityRunLockTimeoutMs: options.entityRunLockTimeoutMs,
      });
      return { evaluator, catalog, logger };
    }

    const prs = (counts: Record<string, number>): ScorecardsFactProvider => ({
      id: 'github',
      facts: ['openPrs'],
      async getFacts(entities) {
        return new Map(
          entities
            .filter(e => counts[e.entityRef] !== undefined)
            .map(e => [e.entityRef, { openPrs: counts[e.entityRef] }]),
        );
      },
    });

    it('stores a result per entity the scorecard selects, with levels and failing rules', async () => {
      const { evaluator } = createEvaluator(
        [
          service('a', { pagerduty: true }),
          service('b'),
          service('c', { pagerduty: true }),
          website,
        ],
        {
          factProviders: [
            prs({ 'component:default/a': 2, 'component:default/c': 9 }),
          ],
        },
      );

      const summary = await evaluator.evaluate({ trigger: 'schedule' });

      expect(summary).toMatchObject({
        entitiesEvaluated: 4,
        resultsWritten: 3,
        resultsDeleted: 0,
      });
      const a = await store.getEntityResults('component:default/a');
      expect(a).toHaveLength(1);
      expect(a[0]).toMatchObject({
        level: 'Gold',
        levelRank: 3,
        score: 100,
        failingRules: [],
        entity: { owner: 'group:default/team-a', type: 'service' },
      });
      const [b] = await store.getEntityResults('component:default/b');
      expect(b).toMatchObject({
        level: 'Bronze',
        failingRules: ['has-pagerduty', 'few-open-prs'],
      });
      const pagerduty = b.rules.find(r => r.ruleId === 'has-pagerduty');
      expect(pagerduty?.status).toBe('fail');
      expect(pagerduty?.message).toContain(
        'metadata.annotations.pagerduty.com/service-id',
      );
      const [c] = await store.getEntityResults('component:default/c');
      expect(c).toMatchObject({
        level: 'Silver',
        failingRules: ['few-open-prs'],
      });
      expect(c.rules.find(r => r.ruleId === 'few-open-prs')?.value).toBe(9);
      expect(await store.getEntityResults('component:default/web')).toEqual([]);

      const [run] = await store.listRuns();
      expect(run).toMatchObject({
        trigger: 'schedule',
        status: 'succeeded',
        entitiesEvaluated: 4,
        resultsWritten: 3,
      });
    });

    it('writes nothing on an unchanged re-run and only what changed otherwise', async () => {
      const entities = [service('a'), service('b'), service('c')];
      const { evaluator } = createEvaluator(entities);
      await evaluator.evaluate({ trigger: 'schedule' });

      const again = await evaluator.evaluate({ trigger: 'schedule' });
      expect(again.resultsWritten).toBe(0);

      const changed = createEvaluator([
        service('a'),
        service('b', { pagerduty: true }),
        service('c'),
      ]).evaluator;
      const third = await changed.evaluate({ trigger: 'schedule' });
      expect(third.resultsWritten).toBe(1);
      const [b] = await store.getEntityResults('component:default/b');
      expect(b.failingRules).toEqual(['few-open-prs']);
    });

    /** A scorecard that counts its evaluations. */
    function counting(definition: ScorecardDefinition = readiness) {
      const compiled = compileScorecard(definition);
      const evaluated: string[] = [];
      const scorecard: CompiledScorecard = {
        ...compiled,
        evaluate(input) {
          evaluated.push((input.entity.metadata as Entity['metadata']).name);
          return compiled.evaluate(input);
        },
      };
      return { scorecard, evaluated };
    }

    it('reuses the stored results of unchanged entities instead of evaluating them', async () => {
      const { scorecard, evaluated } = counting();
      const run = (entities: Entity[]) =>
        createEvaluator(entities, {
          scorecards: [scorecard],
        }).evaluator.evaluate({ trigger: 'schedule' });
      const rollups = jest.spyOn(store, 'writeDailyRollups');
      const entities = [
        service('a', { pagerduty: true }),
        service('b'),
        service('c', { owner: 'team-b' }),
      ];
      await expect(run(entities)).resolves.toMatchObject({
        resultsReused: 0,
        resultsWritten: 3,
      });
      expect(evaluated).toEqual(['a', 'b', 'c']);

      evaluated.length = 0;
      await expect(run(entities)).resolves.toMatchObject({
        entitiesEvaluated: 3,
        resultsReused: 3,
        resultsWritten: 0,
      });
      expect(evaluated).toEqual([]);
      // The day's rollups count the reused results as the evaluated ones.
      expect(rollups).toHaveBeenCalledTimes(2);
      expect(rollups.mock.calls[1][1]).toEqual(rollups.mock.calls[0][1]);

      // Changed entities are evaluated.
      const changed = [
        service('a', { pagerduty: true }),
        service('b', { pagerduty: true }),
        { ...entities[2], metadata: { ...entities[2].metadata, title: 'C' } },
      ];
      await expect(run(changed)).resolves.toMatchObject({
        resultsReused: 1,
        resultsWritten: 2,
      });
      expect(evaluated).toEqual(['b', 'c']);
      const [b] = await store.getEntityResults('component:default/b');
      expect(b.failingRules).toEqual(['few-open-prs']);

      evaluated.length = 0;
      await expect(run(changed)).resolves.toMatchObject({
        resultsReused: 3,
        resultsWritten: 0,
      });
      expect(evaluated).toEqual([]);
    });

    it('evaluates every entity when reuse is turned off', async () => {
      const { scorecard, evaluated } = counting();
      const { evaluator } = createEvaluator([service('a'), service('b')], {
        scorecards: [scorecard],
        reuseUnchanged: false,
      });
      await evaluator.evaluate({ trigger: 'schedule' });
      await expect(
        evaluator.evaluate({ trigger: 'schedule' }),
      ).resolves.toMatchObject({ resultsReused: 0, resultsWritten: 0 });
      expect(evaluated).toEqual(['a', 'b', 'a', 'b']);
    });

    it('evaluates again when the scorecard or the facts changed', async () => {
      const entities = [service('a'), service('b')];
      await createEvaluator(entities, {
        factProviders: [prs({ 'component:default/a': 1 })],
      }).evaluator.evaluate({ trigger: 'schedule' });

      const renamed = counting({
        ...readiness,
        rules: readiness.rules.map(r =>
          r.id === 'few-open-prs' ? { ...r, title: 'At most 4 open PRs' } : r,
        ),
      });
      await expect(
        createEvaluator(entities, {
          scorecards: [renamed.scorecard],
          factProviders: [prs({ 'component:default/a': 1 })],
        }).evaluator.evaluate({ trigger: 'schedule' }),
      ).resolves.toMatchObject({ resultsReused: 0, resultsWritten: 0 });
      expect(renamed.evaluated).toEqual(['a', 'b']);

      renamed.evaluated.length = 0;
      await expect(
        createEvaluator(entities, {
          scorecards: [renamed.scorecard],
          factProviders: [prs({ 'component:default/a': 7 })],
        }).evaluator.evaluate({ trigger: 'schedule' }),
      ).resolves.toMatchObject({ resultsReused: 1, resultsWritten: 1 });
      expect(renamed.evaluated).toEqual(['a']);
      const [a] = await store.getEntityResults('component:default/a');
      expect(a.failingRules).toEqual(['has-pagerduty', 'few-open-prs']);
    });

    it('evaluates a clock-dependent result again once its validUntil has passed', async () => {
      const day = 24 * 60 * 60 * 1000;
      const reviewed = Date.parse('2026-11-01T00:00:00Z');
      const definition: ScorecardDefinition = {
        id: 'fresh',
        title: 'Fresh',
        rules: [
          {
            id: 'reviewed',
            title: 'Reviewed this week',
            level: 'Bronze',
            query: {
              combinator: 'and',
              conditions: [
                { property: 'spec.reviewed', operator: 'within', value: 'P7D' },
              ],
            },
          },
        ],
      };
      const fresh = counting(definition);
      const entity = service('a');
      entity.spec!.reviewed = new Date(reviewed).toISOString();
      const runAt = (time: number) => {
        jest.spyOn(Date, 'now').mockReturnValue(time);
        return createEvaluator([entity], {
          scorecards: [fresh.scorecard],
          definitions: [definition],
        }).evaluator.evaluate({ trigger: 'schedule' });
      };
      try {
        await expect(runAt(reviewed + day)).resolves.toMatchObject({
          resultsWritten: 1,
        });
        await expect(runAt(reviewed + 6 * day)).resolves.toMatchObject({
          resultsReused: 1,
          resultsWritten: 0,
        });
        await expect(runAt(reviewed + 7 * day + 1)).resolves.toMatchObject({
          resultsReused: 0,
          resultsWritten: 1,
        });
        expect(fresh.evaluated).toEqual(['a', 'a']);
        const [a] = await store.getEntityResults('component:default/a');
        expect(a.level).toBe('Basic');
        // A failed `within` stays failed: reused from now on.
        await expect(runAt(reviewed + 30 * day)).resolves.toMatchObject({
          resultsReused: 1,
        });
      } finally {
        jest.restoreAllMocks();
      }
    });

    it('stamps unchanged results that have no stamp, as after an upgrade', async () => {
      const entities = [service('a'), service('b')];
      const { evaluator } = createEvaluator(entities);
      await evaluator.evaluate({ trigger: 'schedule' });
      await knex('scorecards_result_stamps').update({ input_stamp: null });

      await expect(
        evaluator.evaluate({ trigger: 'schedule' }),
      ).resolves.toMatchObject({ resultsReused: 0, resultsWritten: 0 });
      await expect(
        evaluator.evaluate({ trigger: 'schedule' }),
      ).resolves.toMatchObject({ resultsReused: 2, resultsWritten: 0 });
    });

    it('removes results of entities that left the catalog after a complete scan, never after an empty one', async () => {
      await createEvaluator([
        service('a'),
        service('b'),
        service('c'),
      ]).evaluator.evaluate({ trigger: 'schedule' });

      const empty = await createEvaluator([]).evaluator.evaluate({
        trigger: 'schedule',
      });
      expect(empty.resultsDeleted).toBe(0);
      expect(await store.getEntityResults('component:default/b')).toHaveLength(
        1,
      );

      const shrunk = await createEvaluator([
        service('a'),
        service('c'),
      ]).evaluator.evaluate({ trigger: 'schedule' });
      expect(shrunk.resultsDeleted).toBe(1);
      expect(await store.getEntityResults('component:default/b')).toEqual([]);
      expect(await store.getEntityResults('component:default/a')).toHaveLength(
        1,
      );
    });

    it('removes results of entities that left the catalog when the scan met another entity twice', async () => {
      await createEvaluator([
        service('a'),
        service('b'),
        service('c'),
      ]).evaluator.evaluate({ trigger: 'schedule' });

      // The catalog changed between pages: `a` comes again on the second
      // page, and `c` is gone. The scan met three refs for two entities,
      // as many as the results stored.
      const summary = await createEvaluator(
        [service('a'), service('b'), service('a')],
        { pageSize: 2 },
      ).evaluator.evaluate({ trigger: 'schedule' });

      expect(summary.resultsDeleted).toBe(1);
      expect(await store.getEntityResults('component:default/c')).toEqual([]);
      expect(await store.getEntityResults('component:default/a')).toHaveLength(
        1,
      );
      expect(await store.getEntityResults('component:default/b')).toHaveLength(
        1,
      );
    });

    it('drops results of scorecards no longer configured after a complete scan', async () => {
      const retired: ScorecardDefinition = {
        ...readiness,
        id: 'retired',
        title: 'Retired',
      };
      const entities = [service('a')];
      const both = createEvaluator(entities, {
        definitions: [readiness, retired],
      }).evaluator;
      await both.evaluate({ trigger: 'schedule' });
      expect(await store.getEntityResults('component:default/a')).toHaveLength(
        2,
      );

      const summary = await createEvaluator(entities).evaluator.evaluate({
        trigger: 'schedule',
      });

      expect(summary.resultsDeleted).toBe(1);
      const rows = await store.getEntityResults('component:default/a');
      expect(rows.map(r => r.scorecardId)).toEqual(['readiness']);
    });

    it('leaves the previous results intact when a run fails half-way', async () => {
      await createEvaluator([
        service('a'),
        service('b'),
        service('c'),
      ]).evaluator.evaluate({ trigger: 'schedule' });

      // Everything changes, but the catalog fails on the second page.
      const entities = [
        service('a', { pagerduty: true }),
        service('b', { pagerduty: true }),
        service('c', { pagerduty: true }),
      ];
      const catalog = catalogServiceMock({ entities });
      const queryEntities = catalog.queryEntities.bind(catalog);
      let calls = 0;
      jest
        .spyOn(catalog, 'queryEntities')
        .mockImplementation(async (...args) => {
          calls += 1;
          if (calls === 2) {
            throw new Error('catalog went away');
          }
          return queryEntities(...args);
        });
      const { evaluator } = createEvaluator(entities, { catalog });

      await expect(evaluator.evaluate({ trigger: 'schedule' })).rejects.toThrow(
        'catalog went away',
      );

      for (const name of ['a', 'b', 'c']) {
        const [row] = await store.getEntityResults(`component:default/${name}`);
        expect(row.failingRules).toContain('has-pagerduty');
      }
      const [run] = await store.listRuns();
      expect(run).toMatchObject({ status: 'failed', resultsWritten: 0 });
      expect(run.error).toContain('catalog went away');

      // The next good run still sees the changes as changes.
      const next = await createEvaluator(entities).evaluator.evaluate({
        trigger: 'schedule',
      });
      expect(next.resultsWritten).toBe(3);
    });

    it('stops between pages when aborted and keeps stored results', async () => {
      await createEvaluator([
        service('a'),
        service('b'),
        service('c'),
      ]).evaluator.evaluate({ trigger: 'schedule' });
      const entities = [
        service('a', { pagerduty: true }),
        service('b', { pagerduty: true }),
        service('c', { pagerduty: true }),
      ];
      const controller = new AbortController();
      const catalog = catalogServiceMock({ entities });
      const queryEntities = catalog.queryEntities.bind(catalog);
      jest
        .spyOn(catalog, 'queryEntities')
        .mockImplementation(async (...args) => {
          const page = await queryEntities(...args);
          controller.abort();
          return page;
        });

      await expect(
        createEvaluator(entities, { catalog }).evaluator.evaluate({
          trigger: 'schedule',
          signal: controller.signal,
        }),
      ).rejects.toThrow();

      const [run] = await store.listRuns();
      expect(run.status).toBe('aborted');
      const [a] = await store.getEntityResults('component:default/a');
      expect(a.failingRules).toContain('has-pagerduty');
    });

    it('evaluates one entity without touching the others', async () => {
      await createEvaluator([service('a'), service('b')]).evaluator.evaluate({
        trigger: 'schedule',
      });

      const summary = await createEvaluator([
        service('a', { pagerduty: true }),
      ]).evaluator.evaluate({
        trigger: 'manual',
        entityRef: 'component:default/a',
      });

      expect(summary).toMatchObject({
        entitiesEvaluated: 1,
        resultsWritten: 1,
        resultsDeleted: 0,
      });
      const [a] = await store.getEntityResults('component:default/a');
      expect(a.failingRules).toEqual(['few-open-prs']);
      expect(await store.getEntityResults('component:default/b')).toHaveLength(
        1,
      );
    });

    it('writes a result again whose stamp an earlier version left behind when it removed the result', async () => {
      const { evaluator } = createEvaluator([service('a'), service('b')]);
      await evaluator.evaluate({ trigger: 'schedule' });
      // A replica of an earlier version, which keeps no stamps apart,
      // removed b's result during a rolling upgrade.
      await knex('scorecards_results')
        .where({ entity_ref: 'component:default/b' })
        .delete();

      // The stamp says b's result is stored: this run reuses it, and its
      // commit finds one result fewer than it kept, and drops the stamp.
      await expect(
        evaluator.evaluate({ trigger: 'schedule' }),
      ).resolves.toMatchObject({ resultsReused: 2, resultsWritten: 0 });
      await expect(
        evaluator.evaluate({ trigger: 'schedule' }),
      ).resolves.toMatchObject({ resultsReused: 1, resultsWritten: 1 });
      expect(await store.getEntityResults('component:default/b')).toHaveLength(
        1,
      );
    });

    if (databaseId === 'POSTGRES_15') {
      it('fails a run for one entity with a clear conflict when another run holds its results too long', async () => {
        await createEvaluator([service('a')]).evaluator.evaluate({
          trigger: 'schedule',
        });
        // Another run's transaction, holding a's result.
        const other = await knex.transaction();
        try {
          await other('scorecards_results')
            .where({ entity_ref: 'component:default/a' })
            .forUpdate()
            .select('entity_ref');

          await expect(
            createEvaluator([service('a', { pagerduty: true })], {
              entityRunLockTimeoutMs: 100,
            }).evaluator.evaluate({
              trigger: 'manual',
              entityRef: 'component:default/a',
            }),
          ).rejects.toMatchObject({
            name: 'ConflictError',
            message: expect.stringContaining('Try again when it has finished'),
          });
        } finally {
          await other.rollback();
        }
        const [a] = await store.getEntityResults('component:default/a');
        expect(a.failingRules).toContain('has-pagerduty');
        await expect(store.getLastRun()).resolves.toMatchObject({
          status: 'failed',
        });
      });
    }

    it('looks up stored hashes only for scorecards that have results', async () => {
      const entities = [service('a'), service('b', { pagerduty: true })];
      const lookups = jest.spyOn(store, 'getResultHashes');
      const first = createEvaluator(entities).evaluator;
      await expect(
        first.evaluate({ trigger: 'schedule' }),
      ).resolves.toMatchObject({ resultsWritten: 2 });
      // Nothing was stored: every result is new, nothing to compare.
      expect(lookups).not.toHaveBeenCalled();

      // A scorecard added to config: hashes are read for the one with
      // results, never for the new one, and only the new one is written.
      const added: ScorecardDefinition = { ...readiness, id: 'added' };
      const both = createEvaluator(entities, {
        definitions: [readiness, added],
        pageSize: 50,
      }).evaluator;
      await expect(
        both.evaluate({ trigger: 'schedule' }),
      ).resolves.toMatchObject({ resultsWritten: 2 });
      expect(lookups).toHaveBeenCalledTimes(1);
      expect(
        lookups.mock.calls[0][0].map(key => key.scorecardId).sort(),
      ).toEqual(['readiness', 'readiness']);
      const a = await store.getEntityResults('component:default/a');
      expect(a.map(r => r.scorecardId).sort()).toEqual(['added', 'readiness']);
    });

    it('lets other work run while it evaluates a page', async () => {
      const compiled = compileScorecard(readiness);
      let evaluations = 0;
      let evaluationsBeforeTimer: number | undefined;
      const slow = {
        ...compiled,
        evaluate(input: Parameters<typeof compiled.evaluate>[0]) {
          if (evaluations === 0) {
            setImmediate(() => {
              evaluationsBeforeTimer = evaluations;
            });
          }
          evaluations++;
          // A scorecard that takes a while, as many rules over a large
          // page do.
          const until = performance.now() + 3;
          while (performance.now() < until) {
            // busy
          }
          return compiled.evaluate(input);
        },
      };
      const entities = Array.from({ length: 20 }, (_, i) => service(`s${i}`));
      const { evaluator } = createEvaluator(entities, {
        scorecards: [slow],
        pageSize: 50,
      });

      await evaluator.evaluate({ trigger: 'schedule' });

      expect(evaluations).toBe(20);
      // The timer ran while the one page was being evaluated, not after.
      expect(evaluationsBeforeTimer).toBeLessThan(10);
    });

    it('stages changed results of several pages in one write', async () => {
      const staged = jest.spyOn(store, 'stageResults');
      const entities = Array.from({ length: 620 }, (_, i) => service(`s${i}`));
      const { evaluator } = createEvaluator(entities, { pageSize: 100 });

      const summary = await evaluator.evaluate({ trigger: 'schedule' });

      expect(summary.resultsWritten).toBe(620);
      // Written once 500 rows are gathered, and the rest at the end.
      expect(staged.mock.calls.map(([, rows]) => rows.length)).toEqual([
        500, 120,
      ]);
      for (const name of ['s0', 's499', 's500', 's619']) {
        await expect(
          store.getEntityResults(`component:default/${name}`),
        ).resolves.toHaveLength(1);
      }
    });

    it('evaluates each page as soon as its stored hashes are known', async () => {
      const entities = ['a', 'b', 'c'].map(name => service(name));
      await createEvaluator(entities).evaluator.evaluate({
        trigger: 'schedule',
      });
      const events: string[] = [];
      const compiled = compileScorecard(readiness);
      const recording = {
        ...compiled,
        // Another definition: the stored results are not reused.
        definition: { ...readiness, title: 'Recorded' },
        evaluate(input: Parameters<typeof compiled.evaluate>[0]) {
          events.push(
            `evaluate ${(input.entity.metadata as Entity['metadata']).name}`,
          );
          return compiled.evaluate(input);
        },
      };
      const lookUp = store.getResultHashes.bind(store);
      jest.spyOn(store, 'getResultHashes').mockImplementation(async keys => {
        events.push(`look up ${keys.map(k => k.entityRef).join()}`);
        return lookUp(keys);
      });
      const { evaluator } = createEvaluator(entities, {
        scorecards: [recording],
        pageSize: 1,
      });

      const summary = await evaluator.evaluate({ trigger: 'schedule' });

      expect(summary.resultsWritten).toBe(0);
      // No page waits, prepared, while the page before it is evaluated.
      expect(events).toEqual([
        'look up component:default/a',
        'evaluate a',
        'look up component:default/b',
        'evaluate b',
        'look up component:default/c',
        'evaluate c',
      ]);
    });

    it("lets go of each entity of the catalog's page once its results are computed", async () => {
      const entities = [service('a'), website, service('b'), service('c')];
      const catalog = catalogServiceMock({ entities });
      const queryEntities = catalog.queryEntities.bind(catalog);
      const pages: Array<Array<Entity | undefined>> = [];
      jest
        .spyOn(catalog, 'queryEntities')
        .mockImplementation(async (...args) => {
          const response = await queryEntities(...args);
          pages.push(response.items);
          return response;
        });
      // What the page held when each entity was evaluated.
      const seen: Record<string, Array<string | undefined>> = {};
      const compiled = compileScorecard(readiness);
      const recording = {
        ...compiled,
        evaluate(input: Parameters<typeof compiled.evaluate>[0]) {
          const name = (input.entity.metadata as Entity['metadata']).name;
          seen[name] = pages[0].map(entity => entity?.metadata.name);
          return compiled.evaluate(input);
        },
      };
      const { evaluator } = createEvaluator(entities, {
        catalog,
        scorecards: [recording],
        pageSize: 4,
      });

      const summary = await evaluator.evaluate({ trigger: 'schedule' });

      expect(summary.resultsWritten).toBe(3);
      // The website, which no scorecard applies to, goes before evaluation;
      // each service goes once it is evaluated.
      expect(seen).toEqual({
        a: ['a', undefined, 'b', 'c'],
        b: [undefined, undefined, 'b', 'c'],
        c: [undefined, undefined, undefined, 'c'],
      });
      expect(pages).toHaveLength(1);
      expect(pages[0]).toEqual([undefined, undefined, undefined, undefined]);
    });

    it('logs a failing fact provider and fails only the rules that need its facts', async () => {
      const broken: ScorecardsFactProvider = {
        id: 'broken',
        facts: ['openPrs'],
        async getFacts() {
          throw new Error('rate limited');
        },
      };
      const { evaluator, logger } = createEvaluator(
        [service('a', { pagerduty: true })],
        { factProviders: [broken] },
      );

      await evaluator.evaluate({ trigger: 'schedule' });

      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('broken failed: Error: rate limited'),
      );
      const [a] = await store.getEntityResults('component:default/a');
      expect(a).toMatchObject({
        level: 'Silver',
        failingRules: ['few-open-prs'],
      });
    });
  },
);

describe('readAhead', () => {
  it('yields every item in order, reading at most one ahead', async () => {
    const started: number[] = [];
    async function* source() {
      for (let i = 0; i < 4; i++) {
        started.push(i);
        yield i;
      }
    }
    const seen: number[] = [];
    for await (const item of readAhead(source())) {
      // While item i is consumed, item i + 1 may be read, never i + 2.
      expect(Math.max(...started)).toBeLessThanOrEqual(item + 1);
      seen.push(item);
    }
    expect(seen).toEqual([0, 1, 2, 3]);
  });

  it('lets the read ahead send its request before the consumer works', async () => {
    // Node's HTTP client sends a request from a process.nextTick callback.
    const sent: number[] = [];
    async function* source() {
      for (let i = 0; i < 3; i++) {
        process.nextTick(() => sent.push(i));
        yield i;
      }
    }
    for await (const item of readAhead(source())) {
      // The next item's request has left, not only this item's.
      expect(sent).toEqual(
        Array.from({ length: Math.min(item + 2, 3) }, (_, i) => i),
      );
    }
  });

  it('surfaces an error of the read ahead when that item is asked for', async () => {
    async function* source() {
      yield 1;
      throw new Error('page 2 failed');
    }
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const item of readAhead(source())) {
          seen.push(item);
        }
      })(),
    ).rejects.toThrow('page 2 failed');
    expect(seen).toEqual([1]);
  });

  it('closes the source when the consumer stops early', async () => {
    let closed = false;
    async function* source() {
      try {
        for (let i = 0; ; i++) {
          yield i;
        }
      } finally {
        closed = true;
      }
    }
    for await (const item of readAhead(source())) {
      if (item === 2) break;
    }
    expect(closed).toBe(true);
  });
});
