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

import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory, { Knex } from 'knex';
import { DatabaseResultStore, statisticsStale } from './DatabaseResultStore';
import { EntityResultRow, RunScope } from './ResultStore';
import { toDbTimestamp } from './SqlDialect';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});

const TABLES = [
  'scorecards_history',
  'scorecards_pending_results',
  'scorecards_results',
  'scorecards_result_stamps',
  'scorecards_runs',
];

function result(
  name: string,
  overrides: Partial<EntityResultRow> = {},
): EntityResultRow {
  return {
    scorecardId: 'production-readiness',
    entityRef: `component:default/${name}`,
    entity: {
      kind: 'Component',
      namespace: 'default',
      name,
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/team-a',
      system: 'system:default/payments',
    },
    level: 'Silver',
    levelRank: 2,
    score: 66.67,
    rulesPassed: 2,
    rulesFailed: 1,
    failingRules: ['has-runbook'],
    rules: [
      { ruleId: 'has-owner', status: 'pass', message: 'ok' },
      { ruleId: 'has-docs', status: 'pass', message: 'ok' },
      { ruleId: 'has-runbook', status: 'fail', message: 'no runbook' },
    ],
    resultHash: `hash-${name}`,
    updatedAt: new Date('2026-11-24T10:00:00.000Z'),
    ...overrides,
  };
}

describe('statisticsStale', () => {
  it('refreshes statistics after a bulk write into a table never analyzed', () => {
    expect(statisticsStale(182_394, -1)).toBe(true);
    expect(statisticsStale(182_394, 0)).toBe(true);
  });

  it('refreshes statistics when a commit changed a large share of the rows', () => {
    expect(statisticsStale(50_000, 182_394)).toBe(true);
    expect(statisticsStale(18_240, 182_394)).toBe(true);
  });

  it('leaves statistics alone after small commits, or a small share changed', () => {
    expect(statisticsStale(4_999, -1)).toBe(false);
    expect(statisticsStale(9_074, 182_394)).toBe(false);
  });
});

// PostgreSQL writes the results of a run that gives their time up front as
// they come, in a transaction open until the commit; every engine can also
// stage them until the commit.
const storeCases: Array<[TestDatabaseId, string, boolean]> = databases
  .eachSupportedId()
  .flatMap(
    ([databaseId]): Array<[TestDatabaseId, string, boolean]> =>
      databaseId === 'POSTGRES_15'
        ? [
            [databaseId, 'staged until the commit', false],
            [databaseId, 'written as they come', true],
          ]
        : [[databaseId, 'staged until the commit', false]],
  );

describe.each(storeCases)(
  'DatabaseResultStore on %p, results %s',
  (databaseId, _mode, asTheyCome) => {
    let knex: Knex;
    let store: DatabaseResultStore;
    // On better-sqlite3, runs stage in a temporary table of the connection.
    const stagingTable =
      databaseId === 'SQLITE_3'
        ? 'temp.scorecards_staged_results'
        : 'scorecards_pending_results';

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      store = await DatabaseResultStore.create({
        database: mockServices.database({ knex }),
      });
    });

    beforeEach(async () => {
      for (const table of [...TABLES, stagingTable]) {
        await knex(table).delete();
      }
    });

    // Each entity's changes in order; a run records its entities' changes in
    // no particular order.
    const history = () =>
      knex('scorecards_history')
        .orderBy(['entity_ref', 'id'])
        .select('entity_ref', 'level', 'level_rank', 'score', 'failing_rules');

    /** Stages rows of a run that will commit at `at`. */
    const stage = (runId: number, rows: EntityResultRow[], at: Date) =>
      store.stageResults(runId, rows, asTheyCome ? { at } : undefined);

    async function runWith(
      rows: EntityResultRow[],
      at: Date,
      removals?: { keep: Map<string, Set<string>> },
    ) {
      const runId = await store.createRun({ trigger: 'schedule', scope: {} });
      await stage(runId, rows, at);
      const committed = await store.commitRun(runId, { at, removals });
      await store.finishRun(runId, {
        status: 'succeeded',
        entitiesEvaluated: rows.length,
        resultsWritten: committed.written,
        resultsDeleted: committed.deleted,
      });
      return committed;
    }

    it('keeps staged results invisible until the run commits', async () => {
      const at = new Date('2026-11-24T10:00:00.123Z');
      const runId = await store.createRun({ trigger: 'manual', scope: {} });
      await stage(runId, [result('a'), result('b')], at);

      await expect(
        store.getEntityResults('component:default/a'),
      ).resolves.toEqual([]);
      await expect(
        store.getResultHashes([
          {
            scorecardId: 'production-readiness',
            entityRef: 'component:default/a',
          },
        ]),
      ).resolves.toEqual([undefined]);
      await expect(history()).resolves.toEqual([]);

      await expect(store.commitRun(runId, { at })).resolves.toEqual({
        written: 2,
        deleted: 0,
      });

      await expect(
        store.getEntityResults('component:default/a'),
      ).resolves.toEqual([{ ...result('a'), stateSince: at }]);
      // Stored as UTC wall-clock time, whatever the process time zone.
      await expect(
        knex('scorecards_results')
          .where({ state_since: '2026-11-24 10:00:00.123' })
          .orderBy('entity_ref')
          .pluck('entity_ref'),
      ).resolves.toEqual(['component:default/a', 'component:default/b']);
      await expect(history()).resolves.toEqual([
        expect.objectContaining({
          entity_ref: 'component:default/a',
          level: 'Silver',
          failing_rules: '|has-runbook|',
        }),
        expect.objectContaining({ entity_ref: 'component:default/b' }),
      ]);
      expect(await knex(stagingTable)).toEqual([]);
    });

    it("keeps another run's staged results when a run commits", async () => {
      const at = new Date('2026-11-24T10:00:00.000Z');
      const first = await store.createRun({ trigger: 'schedule', scope: {} });
      const second = await store.createRun({ trigger: 'manual', scope: {} });
      await stage(first, [result('a'), result('b')], at);
      await stage(second, [result('c')], at);

      await expect(store.commitRun(first, { at })).resolves.toEqual({
        written: 2,
        deleted: 0,
      });
      await expect(knex(stagingTable).pluck('entity_ref')).resolves.toEqual(
        asTheyCome ? [] : ['component:default/c'],
      );
      await expect(
        store.getEntityResults('component:default/c'),
      ).resolves.toEqual([]);

      await expect(store.commitRun(second, { at })).resolves.toEqual({
        written: 1,
        deleted: 0,
      });
      await expect(
        store.getEntityResults('component:default/c'),
      ).resolves.toEqual([{ ...result('c'), stateSince: at }]);
      expect(await knex(stagingTable)).toEqual([]);
    });

    it('keeps the state and adds no history when nothing changed', async () => {
      const first = new Date('2026-11-24T10:00:00.000Z');
      await runWith([result('a')], first);

      // Same level, score and failing rules; only a message and the time.
      const updatedAt = new Date('2026-11-24T11:00:00.000Z');
      const reworded = result('a', {
        rules: [
          { ruleId: 'has-owner', status: 'pass', message: 'owned by team-a' },
          { ruleId: 'has-docs', status: 'pass', message: 'ok' },
          { ruleId: 'has-runbook', status: 'fail', message: 'still none' },
        ],
        resultHash: 'hash-a-2',
        updatedAt,
      });
      await runWith([reworded], new Date('2026-11-24T11:00:00.000Z'));
      await runWith([reworded], new Date('2026-11-24T12:00:00.000Z'));

      const [stored] = await store.getEntityResults('component:default/a');
      expect(stored).toEqual({ ...reworded, stateSince: first });
      await expect(history()).resolves.toHaveLength(1);
    });

    it('records history and starts a new state when the level changes', async () => {
      const first = new Date('2026-11-24T10:00:00.000Z');
      const second = new Date('2026-11-25T10:00:00.000Z');
      await runWith([result('a'), result('b')], first);
      await runWith(
        [
          result('a', {
            level: 'Gold',
            levelRank: 3,
            score: 100,
            rulesPassed: 3,
            rulesFailed: 0,
            failingRules: [],
            resultHash: 'hash-a-gold',
          }),
        ],
        second,
      );

      const [a] = await store.getEntityResults('component:default/a');
      expect(a).toMatchObject({
        level: 'Gold',
        levelRank: 3,
        score: 100,
        failingRules: [],
        stateSince: second,
      });
      const [b] = await store.getEntityResults('component:default/b');
      expect(b.stateSince).toEqual(first);

      await expect(history()).resolves.toEqual([
        expect.objectContaining({
          entity_ref: 'component:default/a',
          level: 'Silver',
        }),
        {
          entity_ref: 'component:default/a',
          level: 'Gold',
          level_rank: 3,
          score: 100,
          failing_rules: '',
        },
        expect.objectContaining({
          entity_ref: 'component:default/b',
          level: 'Silver',
        }),
      ]);
    });

    it('starts a new state when only the score or the failing rules change', async () => {
      await runWith(
        [result('a'), result('b')],
        new Date('2026-11-24T10:00:00Z'),
      );
      const later = new Date('2026-11-24T11:00:00Z');
      await runWith(
        [
          result('a', { score: 70, resultHash: 'a2' }),
          result('b', { failingRules: ['Has-Runbook'], resultHash: 'b2' }),
        ],
        later,
      );

      for (const name of ['a', 'b']) {
        const [stored] = await store.getEntityResults(
          `component:default/${name}`,
        );
        expect(stored.stateSince).toEqual(later);
      }
      await expect(history()).resolves.toHaveLength(4);
    });

    it('removes results of entities no longer kept, only for the given scorecards', async () => {
      const other = (name: string) =>
        result(name, { scorecardId: 'security', resultHash: `s-${name}` });
      await runWith(
        [result('a'), result('b'), result('c'), other('a'), other('b')],
        new Date('2026-11-24T10:00:00Z'),
      );

      // Nothing changed for "a"; "b" and "c" left the catalog.
      const committed = await runWith([], new Date('2026-11-24T11:00:00Z'), {
        keep: new Map([
          ['production-readiness', new Set(['component:default/a'])],
        ]),
      });

      expect(committed).toEqual({ written: 0, deleted: 2 });
      const refs = async (scorecardId: string) =>
        store.listCurrentEntityRefs(scorecardId, { limit: 10 });
      await expect(refs('production-readiness')).resolves.toEqual([
        'component:default/a',
      ]);
      await expect(refs('security')).resolves.toEqual([
        'component:default/a',
        'component:default/b',
      ]);
      // Nor do the lookups find them: were "b" to come back unchanged, a
      // run would write its result again instead of counting it stored.
      await expect(
        store.getResultHashes([result('a'), result('b'), other('b')]),
      ).resolves.toEqual([
        { resultHash: 'hash-a' },
        undefined,
        { resultHash: 's-b' },
      ]);
    });

    it('removes results in a run that staged nothing, right after start-up', async () => {
      await runWith(
        [result('a'), result('b')],
        new Date('2026-11-24T10:00:00Z'),
      );
      const restarted = await DatabaseResultStore.create({
        database: mockServices.database({ knex, migrations: { skip: true } }),
      });

      const runId = await restarted.createRun({
        trigger: 'schedule',
        scope: {},
      });
      await expect(
        restarted.commitRun(runId, {
          at: new Date('2026-11-24T11:00:00Z'),
          removals: {
            keep: new Map([
              ['production-readiness', new Set(['component:default/b'])],
            ]),
          },
        }),
      ).resolves.toEqual({ written: 0, deleted: 1 });
    });

    it('removes results beyond one page of entity refs', async () => {
      const rows = Array.from({ length: 50_100 }, (_, i) =>
        result(`e${String(i).padStart(5, '0')}`, { rules: [] }),
      );
      await runWith(rows, new Date('2026-11-24T10:00:00Z'));

      const keep = new Set(
        rows.filter((_, i) => i % 2 === 0).map(r => r.entityRef),
      );
      const committed = await runWith([], new Date('2026-11-24T11:00:00Z'), {
        keep: new Map([['production-readiness', keep]]),
      });

      expect(committed.deleted).toBe(25_050);
      const remaining = await store.listCurrentEntityRefs(
        'production-readiness',
        { limit: 100_000 },
      );
      expect(new Set(remaining)).toEqual(keep);
    });

    it('never loses stored results when a run is discarded', async () => {
      const at = new Date('2026-11-24T10:00:00Z');
      await runWith([result('a')], at);

      const runId = await store.createRun({ trigger: 'schedule', scope: {} });
      await stage(
        runId,
        [result('a', { level: 'Bronze', levelRank: 1, resultHash: 'broken' })],
        new Date('2026-11-24T11:00:00Z'),
      );
      await store.discardRun(runId);
      await store.finishRun(runId, {
        status: 'failed',
        entitiesEvaluated: 1,
        resultsWritten: 0,
        resultsDeleted: 0,
        error: 'catalog unavailable',
      });

      await expect(
        store.getEntityResults('component:default/a'),
      ).resolves.toEqual([{ ...result('a'), stateSince: at }]);
      expect(await knex(stagingTable)).toEqual([]);
      await expect(store.commitRun(runId, { at: new Date() })).resolves.toEqual(
        { written: 0, deleted: 0 },
      );
      await expect(store.getLastRun()).resolves.toMatchObject({
        id: runId,
        status: 'failed',
        error: 'catalog unavailable',
      });
    });

    it('fails runs left running by a replica that died', async () => {
      const stale = await store.createRun({ trigger: 'schedule', scope: {} });
      await store.stageResults(stale, [result('a')]);
      const finished = await store.createRun({ trigger: 'manual', scope: {} });
      await store.finishRun(finished, {
        status: 'succeeded',
        entitiesEvaluated: 0,
        resultsWritten: 0,
        resultsDeleted: 0,
      });
      await knex('scorecards_runs')
        .whereIn('id', [stale, finished])
        .update({ started_at: '2026-01-01 00:00:00.000' });
      const current = await store.createRun({ trigger: 'schedule', scope: {} });
      await store.stageResults(current, [result('b')]);

      await expect(
        store.failStaleRuns(new Date(Date.now() - 60_000)),
      ).resolves.toBe(1);

      const runs = await store.listRuns();
      expect(runs.map(r => [r.id, r.status, r.error])).toEqual([
        [current, 'running', undefined],
        [finished, 'succeeded', undefined],
        [stale, 'failed', 'interrupted'],
      ]);
      expect(runs[2].finishedAt).toBeInstanceOf(Date);
      await expect(knex(stagingTable).pluck('entity_ref')).resolves.toEqual([
        'component:default/b',
      ]);
      await expect(
        store.failStaleRuns(new Date(Date.now() - 60_000)),
      ).resolves.toBe(0);
    });

    it('prunes finished runs that started before a cutoff, keeping the latest successful one', async () => {
      const finish = (id: number, status: 'succeeded' | 'failed') =>
        store.finishRun(id, {
          status,
          entitiesEvaluated: 0,
          resultsWritten: 0,
          resultsDeleted: 0,
        });
      const oldSucceeded = await store.createRun({
        trigger: 'schedule',
        scope: {},
      });
      await finish(oldSucceeded, 'succeeded');
      const lastSucceeded = await store.createRun({
        trigger: 'outcome',
        scope: { entityRef: 'component:default/a' },
      });
      await finish(lastSucceeded, 'succeeded');
      const oldFailed = await store.createRun({ trigger: 'manual', scope: {} });
      await finish(oldFailed, 'failed');
      const oldRunning = await store.createRun({
        trigger: 'schedule',
        scope: {},
      });
      await knex('scorecards_runs')
        .whereIn('id', [oldSucceeded, lastSucceeded, oldFailed, oldRunning])
        .update({ started_at: '2025-01-01 00:00:00.000' });
      const recent = await store.createRun({ trigger: 'schedule', scope: {} });
      await finish(recent, 'failed');

      await expect(
        store.pruneRuns(new Date('2026-01-01T00:00:00Z')),
      ).resolves.toBe(1);
      const ids = (await store.listRuns()).map(r => r.id);
      expect(ids).toEqual(
        expect.arrayContaining([lastSucceeded, oldFailed, oldRunning, recent]),
      );
      expect(ids).not.toContain(oldSucceeded);
      // Once a later run succeeds, the older ones go too.
      await knex('scorecards_runs')
        .where({ id: oldRunning })
        .update({ status: 'failed' });
      const next = await store.createRun({ trigger: 'schedule', scope: {} });
      await finish(next, 'succeeded');
      await expect(
        store.pruneRuns(new Date('2026-01-01T00:00:00Z')),
      ).resolves.toBe(3);
      await expect(
        store.listRuns().then(runs => runs.map(r => r.id)),
      ).resolves.toEqual([next, recent]);
    });

    it('looks up hashes for more keys than fit in one statement', async () => {
      const rows = Array.from({ length: 1200 }, (_, i) =>
        result(`e${i}`, {
          scorecardId: i % 3 === 0 ? 'security' : 'production-readiness',
          resultHash: `h${i}`,
        }),
      );
      await runWith(rows, new Date('2026-11-24T10:00:00Z'));

      // Answered in the order asked, whatever the order of the rows.
      const reversed = [...rows].reverse();
      const keys = [
        { scorecardId: 'security', entityRef: 'component:default/missing' },
        // e0 has a result of the other scorecard only.
        {
          scorecardId: 'production-readiness',
          entityRef: 'component:default/e0',
        },
        ...reversed,
      ];
      const hashes = await store.getResultHashes(keys);

      expect(hashes).toHaveLength(1202);
      expect(hashes[0]).toBeUndefined();
      expect(hashes[1]).toBeUndefined();
      reversed.forEach((row, i) => {
        expect(hashes[i + 2]).toEqual({ resultHash: row.resultHash });
      });
      await expect(store.getResultHashes([])).resolves.toEqual([]);
    });

    if (databaseId === 'POSTGRES_15') {
      /** A number PostgreSQL keeps about a table (the results by default). */
      const resultsTable = async (
        column: 'reltuples' | 'vacuum_count',
        table = 'scorecards_results',
      ): Promise<number> => {
        const view =
          column === 'reltuples' ? 'pg_class' : 'pg_stat_user_tables';
        const { rows } = await knex.raw(
          `select ${column} as value from ${view} where relname = ?`,
          [table],
        );
        return Number(rows[0].value);
      };

      it('refreshes the statistics of the results after a bulk commit', async () => {
        const reltuples = () => resultsTable('reltuples');
        await runWith(
          Array.from({ length: 5_000 }, (_, i) => result(`bulk-${i}`)),
          new Date('2026-11-24T10:00:00Z'),
        );
        // Counted by the vacuum (analyze) the commit ran: without it, the
        // table would still look empty or never analyzed to the planner.
        await expect(reltuples()).resolves.toBe(5_000);
        // Likewise the stamps, which the lookups read.
        await expect(
          resultsTable('reltuples', 'scorecards_result_stamps'),
        ).resolves.toBe(5_000);
      });

      it('vacuums the stamps, not the results, after a commit that follows many restamped results', async () => {
        const vacuums = async () => ({
          results: await resultsTable('vacuum_count'),
          stamps: await resultsTable(
            'vacuum_count',
            'scorecards_result_stamps',
          ),
        });
        const rows = Array.from({ length: 5_000 }, (_, i) =>
          result(`restamp-${i}`),
        );
        await runWith(rows, new Date('2026-11-24T10:00:00Z'));
        const afterBulk = await vacuums();
        const stored = await store.getResultHashes(rows);
        await store.updateInputStamps(
          rows.map((row, i) => ({
            scorecardId: row.scorecardId,
            entityRef: row.entityRef,
            resultHash: stored[i]!.resultHash,
            inputStamp: 'new-stamp',
          })),
        );

        // A run that changed no result, after restamping every one: the
        // restamps changed only the stamps.
        await runWith([], new Date('2026-11-24T11:00:00Z'));
        const afterRestamps = {
          results: afterBulk.results,
          stamps: afterBulk.stamps + 1,
        };
        await expect(vacuums()).resolves.toEqual(afterRestamps);
        // The count starts again: the next quiet run does not vacuum.
        await runWith([], new Date('2026-11-24T12:00:00Z'));
        await expect(vacuums()).resolves.toEqual(afterRestamps);
      });
    }

    if (databaseId === 'POSTGRES_15') {
      it('restamps a result without writing a new version of its row', async () => {
        await runWith(
          [result('a', { inputStamp: 'v.a1|||p|Gold' })],
          new Date('2026-11-24T10:00:00Z'),
        );
        // The row's version: a new one for every update of the row.
        const version = async () => {
          const { rows } = await knex.raw(
            `select xmin::text as xmin, ctid::text as ctid
             from scorecards_results where entity_ref = ?`,
            ['component:default/a'],
          );
          return rows[0];
        };
        const before = await version();

        await store.updateInputStamps([
          {
            scorecardId: 'production-readiness',
            entityRef: 'component:default/a',
            resultHash: 'hash-a',
            inputStamp: 'v.a2|||p|Gold',
          },
        ]);

        await expect(store.getResultHashes([result('a')])).resolves.toEqual([
          { resultHash: 'hash-a', inputStamp: 'v.a2|||p|Gold' },
        ]);
        await expect(version()).resolves.toEqual(before);
        // The stored result answers the current stamp, not the one its row
        // was written with.
        const [stored] = await store.getEntityResults('component:default/a');
        expect(stored.inputStamp).toBe('v.a2|||p|Gold');
      });
    }

    it('tells which scorecards have stored results', async () => {
      await expect(
        store.scorecardsWithResults(['production-readiness', 'security']),
      ).resolves.toEqual(new Set());
      await runWith([result('a')], new Date('2026-11-24T10:00:00Z'));

      await expect(
        store.scorecardsWithResults(['production-readiness', 'security']),
      ).resolves.toEqual(new Set(['production-readiness']));
    });

    it('keeps the input stamp with a result and updates it only while the result is unchanged', async () => {
      await runWith(
        [
          result('a', { inputStamp: 'v.a1|||p|Gold' }),
          result('b', { inputStamp: 'v.b1|||p|Gold' }),
          result('c'),
        ],
        new Date('2026-11-24T10:00:00Z'),
      );
      const key = (name: string) => ({
        scorecardId: 'production-readiness',
        entityRef: `component:default/${name}`,
      });
      const stamps = async () => {
        const found = await store.getResultHashes(['a', 'b', 'c'].map(key));
        return found.map(stored => stored?.inputStamp);
      };
      await expect(stamps()).resolves.toEqual([
        'v.a1|||p|Gold',
        'v.b1|||p|Gold',
        undefined,
      ]);

      // Many at once, across statements; b's result changed meanwhile.
      const others = Array.from({ length: 1500 }, (_, i) => ({
        ...key(`other-${i}`),
        resultHash: 'none',
        inputStamp: 'v.x|||p|Gold',
      }));
      await store.updateInputStamps([
        { ...key('a'), resultHash: 'hash-a', inputStamp: 'v.a2|||p|Gold' },
        { ...key('b'), resultHash: 'stale', inputStamp: 'v.b2|||p|Gold' },
        ...others,
        { ...key('c'), resultHash: 'hash-c', inputStamp: 'v.c2|||p|Gold' },
      ]);
      await expect(stamps()).resolves.toEqual([
        'v.a2|||p|Gold',
        'v.b1|||p|Gold',
        'v.c2|||p|Gold',
      ]);
      // A stored result answers its current stamp too.
      const [a] = await store.getEntityResults('component:default/a');
      expect(a.inputStamp).toBe('v.a2|||p|Gold');
      await store.updateInputStamps([]);

      // A later run's changed result brings its own stamp.
      await runWith(
        [result('a', { resultHash: 'a-new', inputStamp: 'v.a3|||f|Basic' })],
        new Date('2026-11-24T11:00:00Z'),
      );
      await expect(stamps()).resolves.toEqual([
        'v.a3|||f|Basic',
        'v.b1|||p|Gold',
        'v.c2|||p|Gold',
      ]);
    });

    it('answers only the pairs asked about', async () => {
      // A name JSON escapes, beyond ASCII and the BMP.
      const odd = 'q"\\ü𝄞\u0001';
      await runWith(
        [
          result('both', { scorecardId: 'security', resultHash: 'hs' }),
          result('both', {
            scorecardId: 'production-readiness',
            resultHash: 'hp',
          }),
          result('other', { scorecardId: 'production-readiness' }),
          result(odd, { scorecardId: 'security', resultHash: 'ho' }),
        ],
        new Date('2026-11-24T10:00:00Z'),
      );
      const hashes = await store.getResultHashes([
        { scorecardId: 'security', entityRef: 'component:default/both' },
        {
          scorecardId: 'production-readiness',
          entityRef: 'component:default/nope',
        },
        { scorecardId: 'security', entityRef: `component:default/${odd}` },
        // Asked twice.
        { scorecardId: 'security', entityRef: 'component:default/both' },
      ]);
      expect(hashes).toEqual([
        { resultHash: 'hs' },
        undefined,
        { resultHash: 'ho' },
        { resultHash: 'hs' },
      ]);
    });

    it('stages in batches and tolerates an entity met twice in a run', async () => {
      const rows = Array.from({ length: 2500 }, (_, i) => result(`e${i}`));
      const at = new Date('2026-11-24T10:00:00Z');
      const runId = await store.createRun({ trigger: 'schedule', scope: {} });
      await stage(runId, rows, at);
      await stage(
        runId,
        [result('e0', { level: 'Gold', levelRank: 3, resultHash: 'again' })],
        at,
      );

      // Written as they come, e0 is written twice.
      await expect(store.commitRun(runId, { at })).resolves.toEqual({
        written: asTheyCome ? 2501 : 2500,
        deleted: 0,
      });
      const [e0] = await store.getEntityResults('component:default/e0');
      expect(e0).toMatchObject({ level: 'Gold', resultHash: 'again' });
      expect(
        Number((await knex('scorecards_results').count({ n: '*' }))[0].n),
      ).toBe(2500);
    });

    it('writes new and stored results met in one write, with history for the new and the changed', async () => {
      const at = new Date('2026-11-24T10:00:00Z');
      const later = new Date('2026-11-24T11:00:00Z');
      await runWith([result('a'), result('b')], at);
      const runId = await store.createRun({ trigger: 'schedule', scope: {} });
      // A new result first: written as they come, the write tries plain
      // inserts, meets the stored 'a' and merges instead.
      await stage(
        runId,
        [
          result('c'),
          result('a', { level: 'Gold', levelRank: 3, resultHash: 'a2' }),
          result('b', { resultHash: 'b2' }),
        ],
        later,
      );

      await expect(store.commitRun(runId, { at: later })).resolves.toEqual({
        written: 3,
        deleted: 0,
      });
      const silver = { level: 'Silver', level_rank: 2, score: 66.67 };
      await expect(history()).resolves.toEqual([
        {
          entity_ref: 'component:default/a',
          ...silver,
          failing_rules: '|has-runbook|',
        },
        {
          entity_ref: 'component:default/a',
          level: 'Gold',
          level_rank: 3,
          score: 66.67,
          failing_rules: '|has-runbook|',
        },
        {
          entity_ref: 'component:default/b',
          ...silver,
          failing_rules: '|has-runbook|',
        },
        {
          entity_ref: 'component:default/c',
          ...silver,
          failing_rules: '|has-runbook|',
        },
      ]);
      const since = async (name: string) =>
        (await store.getEntityResults(`component:default/${name}`))[0]
          ?.stateSince;
      await expect(since('a')).resolves.toEqual(later);
      await expect(since('b')).resolves.toEqual(at);
      await expect(since('c')).resolves.toEqual(later);
    });

    it('writes the history and stamps of a scorecard just added beside stored results, once for each new result', async () => {
      const at = new Date('2026-11-24T10:00:00Z');
      const later = new Date('2026-11-24T11:00:00Z');
      await runWith([result('b'), result('a')], at);
      // All new: plain inserts, after the stored results.
      await expect(
        runWith(
          [
            result('c', { scorecardId: 'security', resultHash: 'sc' }),
            result('a', {
              scorecardId: 'security',
              resultHash: 'sa',
              inputStamp: 'stamp-a',
              level: 'Gold',
              levelRank: 3,
            }),
          ],
          later,
        ),
      ).resolves.toEqual({ written: 2, deleted: 0 });

      await expect(
        knex('scorecards_history')
          .orderBy(['scorecard_id', 'entity_ref'])
          .select('scorecard_id', 'entity_ref', 'level'),
      ).resolves.toEqual([
        {
          scorecard_id: 'production-readiness',
          entity_ref: 'component:default/a',
          level: 'Silver',
        },
        {
          scorecard_id: 'production-readiness',
          entity_ref: 'component:default/b',
          level: 'Silver',
        },
        {
          scorecard_id: 'security',
          entity_ref: 'component:default/a',
          level: 'Gold',
        },
        {
          scorecard_id: 'security',
          entity_ref: 'component:default/c',
          level: 'Silver',
        },
      ]);
      await expect(
        store.getResultHashes(
          ['a', 'b', 'c'].flatMap(name =>
            ['production-readiness', 'security'].map(scorecardId => ({
              scorecardId,
              entityRef: `component:default/${name}`,
            })),
          ),
        ),
      ).resolves.toEqual([
        { resultHash: 'hash-a' },
        { resultHash: 'sa', inputStamp: 'stamp-a' },
        { resultHash: 'hash-b' },
        undefined,
        undefined,
        { resultHash: 'sc' },
      ]);
      const [{ n }] = await knex('scorecards_result_stamps').count({ n: '*' });
      expect(Number(n)).toBe(4);
    });

    it('rewrites every column of a stored result, whichever of its sorted columns change', async () => {
      const at = new Date('2026-11-24T10:00:00Z');
      const later = new Date('2026-11-24T11:00:00Z');
      await runWith([result('a'), result('b'), result('c'), result('d')], at);
      const entity = result('a').entity;
      const rules: EntityResultRow['rules'] = [
        { ruleId: 'has-owner', status: 'pass', message: 'owned' },
        { ruleId: 'has-docs', status: 'fail', message: 'no docs', value: 0 },
        { ruleId: 'has-runbook', status: 'pass', message: 'runbook' },
      ];
      const changes = { rules, updatedAt: later };
      const rows = [
        // Facts and messages only: owner, name, level and score as stored.
        result('a', {
          ...changes,
          entity: { ...entity, name: 'a', title: 'A', lifecycle: 'beta' },
          failingRules: ['has-docs'],
          rulesPassed: 1,
          rulesFailed: 2,
          resultHash: 'a2',
        }),
        // A new score and level; owner and name as stored.
        result('b', {
          ...changes,
          entity: { ...entity, name: 'b', type: 'website' },
          level: 'Gold',
          levelRank: 3,
          score: 100,
          resultHash: 'b2',
        }),
        // A new owner.
        result('c', {
          ...changes,
          entity: { ...entity, name: 'c', owner: 'group:default/team-b' },
          resultHash: 'c2',
        }),
        // Unchanged but for the time it was computed.
        result('d', { updatedAt: later }),
        // New.
        result('e', changes),
      ];
      await expect(runWith(rows, later)).resolves.toEqual({
        written: 5,
        deleted: 0,
      });

      // A new state for a new level, score or failing rules, and for 'e'.
      const newState = ['a', 'b', 'e'].map(n => `component:default/${n}`);
      for (const row of rows) {
        const stored = await store.getEntityResults(row.entityRef);
        expect(stored).toEqual([
          { ...row, stateSince: newState.includes(row.entityRef) ? later : at },
        ]);
      }
      // The sorted columns are found by what they now hold.
      const byOwner = await knex('scorecards_results')
        .where({ entity_owner: 'group:default/team-b' })
        .pluck('entity_ref');
      expect(byOwner).toEqual(['component:default/c']);
      const byScore = await knex('scorecards_results')
        .where({ score: 100, level_rank: 3 })
        .pluck('entity_ref');
      expect(byScore).toEqual(['component:default/b']);
    });

    it('stages an entity met twice within one call, the later row winning', async () => {
      const at = new Date('2026-11-24T10:00:00Z');
      const runId = await store.createRun({ trigger: 'schedule', scope: {} });
      await stage(
        runId,
        [
          result('a'),
          result('b'),
          result('a', { level: 'Gold', levelRank: 3, resultHash: 'later' }),
        ],
        at,
      );

      await expect(store.commitRun(runId, { at })).resolves.toEqual({
        written: 2,
        deleted: 0,
      });
      const [a] = await store.getEntityResults('component:default/a');
      expect(a).toMatchObject({ level: 'Gold', resultHash: 'later' });
    });

    if (asTheyCome) {
      describe('while a run writes as results come', () => {
        const later = new Date('2026-11-24T11:00:00Z');
        // A scorecard id longer than its column: PostgreSQL refuses the row.
        const refused = result('b', { scorecardId: 'x'.repeat(101) });
        // A run's write goes on in the background: waits until a run's
        // transaction holds the stored result of `entityRef` (one it
        // inserted is invisible here until it commits).
        const untilHeld = async (entityRef: string) => {
          for (let i = 0; ; i++) {
            const { rows } = await knex.raw(
              `select entity_ref from scorecards_results
               where entity_ref = ? for update skip locked`,
              [entityRef],
            );
            const exists = await knex('scorecards_results')
              .where({ entity_ref: entityRef })
              .first('entity_ref');
            if (rows.length === 0 && exists) {
              return;
            }
            if (i > 200) throw new Error(`no run holds ${entityRef}`);
            await new Promise(resolve => setTimeout(resolve, 25));
          }
        };
        const openTransactions = async () => {
          const { rows } = await knex.raw(
            `select count(*) as n from pg_stat_activity
             where datname = current_database()
               and state like 'idle in transaction%'`,
          );
          return Number(rows[0].n);
        };

        it('fails the commit when a write failed, and keeps the stored results', async () => {
          const at = new Date('2026-11-24T10:00:00Z');
          await runWith([result('a')], at);
          const runId = await store.createRun({
            trigger: 'schedule',
            scope: {},
          });
          const gold = { level: 'Gold', levelRank: 3, resultHash: 'new' };
          await stage(runId, [result('a', gold)], later);
          // The rows are sent while the caller goes on; their failure
          // fails what comes next.
          await stage(runId, [refused], later);

          await expect(store.commitRun(runId, { at: later })).rejects.toThrow(
            /too long/,
          );
          await store.discardRun(runId);
          await expect(
            store.getEntityResults('component:default/a'),
          ).resolves.toEqual([{ ...result('a'), stateSince: at }]);
          await expect(history()).resolves.toHaveLength(1);
          await expect(openTransactions()).resolves.toBe(0);
        });

        it('undoes every write of a run discarded after a failed write', async () => {
          const runId = await store.createRun({
            trigger: 'schedule',
            scope: {},
          });
          await stage(runId, [result('a')], later);
          await stage(runId, [refused], later);
          await stage(runId, [result('c')], later);

          await store.discardRun(runId);
          await expect(
            store.getEntityResults('component:default/a'),
          ).resolves.toEqual([]);
          await expect(history()).resolves.toEqual([]);
          await expect(openTransactions()).resolves.toBe(0);
        });

        it('stamps stored results without waiting for those a running run holds', async () => {
          const at = new Date('2026-11-24T10:00:00Z');
          await runWith([result('a'), result('b')], at);
          const runId = await store.createRun({
            trigger: 'schedule',
            scope: {},
          });
          await stage(runId, [result('a', { resultHash: 'hash-a-2' })], later);
          await untilHeld('component:default/a');

          await store.updateInputStamps([
            {
              scorecardId: 'production-readiness',
              entityRef: 'component:default/a',
              resultHash: 'hash-a',
              inputStamp: 'stamp-a',
            },
            {
              scorecardId: 'production-readiness',
              entityRef: 'component:default/b',
              resultHash: 'hash-b',
              inputStamp: 'stamp-b',
            },
          ]);
          await store.commitRun(runId, { at: later });

          await expect(
            knex('scorecards_result_stamps')
              .orderBy('entity_ref')
              .select('entity_ref', 'result_hash', 'input_stamp'),
          ).resolves.toEqual([
            {
              entity_ref: 'component:default/a',
              result_hash: 'hash-a-2',
              input_stamp: null,
            },
            {
              entity_ref: 'component:default/b',
              result_hash: 'hash-b',
              input_stamp: 'stamp-b',
            },
          ]);
        }, 20_000);

        it('fails a run with a conflict when results another run holds stay held too long', async () => {
          await runWith([result('a')], new Date('2026-11-24T10:00:00Z'));
          const holder = await store.createRun({
            trigger: 'schedule',
            scope: {},
          });
          await stage(holder, [result('a', { resultHash: 'hash-a-1' })], later);
          await untilHeld('component:default/a');

          const waiting = await store.createRun({
            trigger: 'manual',
            scope: { entityRef: 'component:default/a' },
          });
          await store.stageResults(
            waiting,
            [result('a', { resultHash: 'hash-a-2' })],
            { at: later, lockTimeoutMs: 100 },
          );
          await expect(
            store.commitRun(waiting, { at: later }),
          ).rejects.toMatchObject({
            name: 'ConflictError',
            message: expect.stringContaining(
              'Another scorecards run is writing results this run also writes',
            ),
          });
          await store.discardRun(waiting);

          await store.commitRun(holder, { at: later });
          const [a] = await store.getEntityResults('component:default/a');
          expect(a.resultHash).toBe('hash-a-1');
          await expect(openTransactions()).resolves.toBe(0);
        });

        it('refuses a commit at another time than its writes, and undoes them', async () => {
          const runId = await store.createRun({
            trigger: 'schedule',
            scope: {},
          });
          await stage(runId, [result('a')], later);
          await expect(
            stage(runId, [result('b')], new Date('2026-11-24T12:00:00Z')),
          ).rejects.toThrow(/a run has one time/);

          await expect(
            store.commitRun(runId, { at: new Date('2026-11-24T12:00:00Z') }),
          ).rejects.toThrow(/cannot commit at/);
          await expect(
            store.getEntityResults('component:default/a'),
          ).resolves.toEqual([]);
          await expect(openTransactions()).resolves.toBe(0);
        });
      });
    }

    it('stores entity facts and numbers exactly as staged', async () => {
      const entity = {
        kind: 'Component',
        namespace: 'default',
        name: 'odd',
        // Quotes, backslashes (also before N, which COPY reads as null),
        // tabs, line breaks and characters beyond the BMP.
        title: 'Q\'s "café" \\ \\N ✓ 𝄞 \u0001 {"json":[1]}\tcol\r\nline\\\t',
        type: 'service',
        lifecycle: 'production',
        owner: 'group:default/team-a',
        system: 'system:default/payments',
      };
      await runWith(
        [result('odd', { entity, score: 33.3, levelRank: 0, level: 'Basic' })],
        new Date('2026-11-24T10:00:00Z'),
      );

      const [stored] = await store.getEntityResults('component:default/odd');
      expect(stored.entity).toStrictEqual(entity);
      expect(stored).toMatchObject({
        score: 33.3,
        levelRank: 0,
        level: 'Basic',
        updatedAt: new Date('2026-11-24T10:00:00.000Z'),
      });
    });

    it('lists runs newest first and records how they ended', async () => {
      const ids: number[] = [];
      for (const trigger of ['schedule', 'manual', 'catalog-change'] as const) {
        ids.push(
          await store.createRun({
            trigger,
            scope: trigger === 'manual' ? { scorecardId: 'security' } : {},
          }),
        );
      }
      await store.finishRun(ids[0], {
        status: 'succeeded',
        entitiesEvaluated: 10,
        resultsWritten: 4,
        resultsDeleted: 1,
      });
      await store.finishRun(ids[1], {
        status: 'aborted',
        entitiesEvaluated: 3,
        resultsWritten: 0,
        resultsDeleted: 0,
        error: 'Aborted',
      });

      const runs = await store.listRuns();
      expect(runs.map(r => r.id)).toEqual([...ids].reverse());
      expect(runs[2]).toEqual({
        id: ids[0],
        trigger: 'schedule',
        scope: {},
        status: 'succeeded',
        startedAt: expect.any(Date),
        finishedAt: expect.any(Date),
        entitiesEvaluated: 10,
        resultsWritten: 4,
        resultsDeleted: 1,
      });
      expect(runs[1]).toMatchObject({
        trigger: 'manual',
        scope: { scorecardId: 'security' },
        status: 'aborted',
        error: 'Aborted',
      });
      expect(runs[0]).toMatchObject({
        status: 'running',
        finishedAt: undefined,
      });
      expect(Math.abs(runs[0].startedAt.getTime() - Date.now())).toBeLessThan(
        60_000,
      );

      await expect(store.listRuns({ limit: 1 })).resolves.toHaveLength(1);
      await expect(store.getLastRun()).resolves.toMatchObject({ id: ids[2] });
      await expect(
        store.getLastRun({ status: 'succeeded' }),
      ).resolves.toMatchObject({ id: ids[0] });
      await expect(
        store.getLastRun({ status: 'failed' }),
      ).resolves.toBeUndefined();
    });

    it('finds when succeeded runs last evaluated an entity, and the last run over the catalog', async () => {
      const finish = async (
        scope: RunScope,
        at: string,
        status: 'succeeded' | 'failed' = 'succeeded',
      ) => {
        const id = await store.createRun({ trigger: 'manual', scope });
        await store.finishRun(id, {
          status,
          entitiesEvaluated: 1,
          resultsWritten: 0,
          resultsDeleted: 0,
        });
        await knex('scorecards_runs')
          .where({ id })
          .update({ finished_at: toDbTimestamp(new Date(at)) });
        return id;
      };
      const day = (d: number) => new Date(`2026-12-0${d}T00:00:00.000Z`);
      await expect(
        store.getEntityEvaluatedAt('component:default/a'),
      ).resolves.toEqual({ byScorecard: new Map() });

      await finish({}, '2026-12-01T00:00:00Z');
      const lastFull = await finish({}, '2026-12-02T00:00:00Z');
      const security = await finish(
        { scorecardId: 'security' },
        '2026-12-03T00:00:00Z',
      );
      await finish(
        { entityRef: 'component:default/a' },
        '2026-12-04T00:00:00Z',
      );
      await finish(
        { entityRef: 'component:default/b' },
        '2026-12-05T00:00:00Z',
      );
      // More runs over the entity than one read of runs holds.
      for (let i = 0; i < 101; i++) {
        await finish(
          { scorecardId: 'docs', entityRef: 'Component:default/A' },
          '2026-12-06T00:00:00Z',
        );
      }
      const failed = await finish({}, '2026-12-07T00:00:00Z', 'failed');

      await expect(
        store.getEntityEvaluatedAt('component:default/a'),
      ).resolves.toEqual({
        all: day(4),
        byScorecard: new Map([
          ['docs', day(6)],
          ['security', day(3)],
        ]),
      });
      await expect(
        store.getEntityEvaluatedAt('component:default/c'),
      ).resolves.toEqual({
        all: day(2),
        byScorecard: new Map([['security', day(3)]]),
      });

      // The overview's and a scorecard's last run: never one over an entity.
      await expect(
        store.getLastRun({ overCatalog: true }),
      ).resolves.toMatchObject({ id: failed });
      await expect(
        store.getLastRun({ status: 'succeeded', overCatalog: true }),
      ).resolves.toMatchObject({ id: security });
      await expect(
        store.getLastRun({
          status: 'succeeded',
          overCatalog: { scorecardId: 'docs' },
        }),
      ).resolves.toMatchObject({ id: lastFull });
    });

    it('round-trips rule results with values of every JSON type', async () => {
      const rules = [
        {
          ruleId: 'string',
          status: 'pass',
          value: 'héllo "quoted" ✓',
          message: 'a',
        },
        { ruleId: 'number', status: 'fail', value: -12.5e3, message: 'b' },
        { ruleId: 'boolean', status: 'pass', value: false, message: 'c' },
        { ruleId: 'null', status: 'skip', value: null, message: 'd' },
        {
          ruleId: 'array',
          status: 'pass',
          value: [1, 'two', [3], { four: 4 }],
          message: 'e',
        },
        {
          ruleId: 'object',
          status: 'pass',
          value: { nested: { list: [true, null] } },
          message: 'f',
        },
        { ruleId: 'missing', status: 'fail', message: 'g' },
      ] as EntityResultRow['rules'];
      const row = result('json', {
        entity: { kind: 'Component', namespace: 'default', name: 'json' },
        rules,
        failingRules: ['number', 'missing'],
      });
      await runWith([row], new Date('2026-11-24T10:00:00Z'));

      const [stored] = await store.getEntityResults('component:default/json');
      expect(stored.rules).toStrictEqual(rules);
      expect(stored.entity).toStrictEqual({
        kind: 'Component',
        namespace: 'default',
        name: 'json',
        title: undefined,
        type: undefined,
        lifecycle: undefined,
        owner: undefined,
        system: undefined,
      });
      expect(stored.failingRules).toEqual(['number', 'missing']);
      await expect(
        knex('scorecards_results')
          .where('failing_rules', 'like', '%|missing|%')
          .pluck('entity_ref'),
      ).resolves.toEqual(['component:default/json']);
    });

    it('stores rule results compactly and reads those of rows written before', async () => {
      const rules = [
        {
          ruleId: 'runbook',
          status: 'pass',
          value: 'https://runbooks.example.com/compact',
          message:
            'metadata.annotations.example.com/runbook is "https://runbooks.example.com/compact"; must begin with "https://"',
        },
        {
          ruleId: 'title',
          status: 'fail',
          message: 'metadata.title is missing',
        },
      ] as EntityResultRow['rules'];
      await runWith(
        [result('compact', { rules, failingRules: ['title'] })],
        new Date('2026-11-24T10:00:00Z'),
      );
      const [text] = await knex('scorecards_results').pluck('rule_results');
      expect(text).not.toContain('"ruleId"');
      expect(text.split('runbooks.example.com/compact')).toHaveLength(2);
      const ref = 'component:default/compact';
      expect((await store.getEntityResults(ref))[0].rules).toStrictEqual(rules);

      // A row as an earlier version stored it: JSON objects.
      await knex('scorecards_results').update({
        rule_results: JSON.stringify(rules),
      });
      expect((await store.getEntityResults(ref))[0].rules).toStrictEqual(rules);
    });

    it('pages through current entity refs', async () => {
      await runWith(
        ['c', 'a', 'd', 'b'].map(name => result(name)),
        new Date('2026-11-24T10:00:00Z'),
      );
      const page1 = await store.listCurrentEntityRefs('production-readiness', {
        limit: 3,
      });
      const page2 = await store.listCurrentEntityRefs('production-readiness', {
        after: page1[page1.length - 1],
        limit: 3,
      });
      expect([page1, page2]).toEqual([
        ['component:default/a', 'component:default/b', 'component:default/c'],
        ['component:default/d'],
      ]);
    });

    it('deletes the results of scorecards no longer configured', async () => {
      await runWith(
        [
          result('a'),
          result('a', { scorecardId: 'security' }),
          result('a', { scorecardId: 'retired' }),
        ],
        new Date('2026-11-24T10:00:00Z'),
      );

      await expect(
        store.deleteScorecardsExcept(['production-readiness', 'security']),
      ).resolves.toBe(1);
      const rows = await store.getEntityResults('component:default/a');
      expect(rows.map(r => r.scorecardId)).toEqual([
        'production-readiness',
        'security',
      ]);
      await expect(
        store.getResultHashes([
          result('a', { scorecardId: 'retired' }),
          result('a', { scorecardId: 'security' }),
        ]),
      ).resolves.toEqual([undefined, { resultHash: 'hash-a' }]);
      await expect(store.deleteScorecardsExcept([])).resolves.toBe(2);
      await expect(
        store.getResultHashes([result('a', { scorecardId: 'security' })]),
      ).resolves.toEqual([undefined]);
    });
  },
);

describe('DatabaseResultStore on a SQLite file', () => {
  let dir: string;
  let file: string;
  let knex: Knex;
  let store: DatabaseResultStore;

  const open = () =>
    knexFactory({
      client: 'better-sqlite3',
      connection: { filename: file },
      useNullAsDefault: true,
    });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'scorecards-store-'));
    file = join(dir, 'scorecards.sqlite');
    knex = open();
    store = await DatabaseResultStore.create({
      database: mockServices.database({ knex }),
    });
  });

  afterEach(async () => {
    await knex.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const at = new Date('2026-11-24T10:00:00.000Z');

  it('stages results outside the database file until the run commits', async () => {
    const runId = await store.createRun({ trigger: 'manual', scope: {} });
    await store.stageResults(runId, [result('a'), result('b')]);

    // Another connection to the file, as another process would have.
    const other = open();
    try {
      await expect(other('scorecards_pending_results')).resolves.toEqual([]);
      await expect(
        knex('temp.scorecards_staged_results').pluck('entity_ref'),
      ).resolves.toEqual(['component:default/a', 'component:default/b']);

      await expect(store.commitRun(runId, { at })).resolves.toEqual({
        written: 2,
        deleted: 0,
      });
      await expect(
        other('scorecards_results').orderBy('entity_ref').pluck('entity_ref'),
      ).resolves.toEqual(['component:default/a', 'component:default/b']);
      await expect(knex('temp.scorecards_staged_results')).resolves.toEqual([]);
    } finally {
      await other.destroy();
    }
  });

  it('fails a run whose connection was replaced, which dropped its staged results', async () => {
    const lost = await store.createRun({ trigger: 'schedule', scope: {} });
    await store.stageResults(lost, [result('a')]);
    // Knex's pool closes its connection and opens another.
    await knex.destroy();
    knex.initialize();

    await expect(store.commitRun(lost, { at })).rejects.toThrow(
      `Run ${lost} staged its results on a SQLite connection that has since been closed`,
    );
    await store.discardRun(lost);
    await expect(
      store.getEntityResults('component:default/a'),
    ).resolves.toEqual([]);

    // The next run, on the new connection, stages and commits.
    const next = await store.createRun({ trigger: 'schedule', scope: {} });
    await store.stageResults(next, [result('a')]);
    await expect(store.commitRun(next, { at })).resolves.toEqual({
      written: 1,
      deleted: 0,
    });
    await expect(
      store.getEntityResults('component:default/a'),
    ).resolves.toEqual([{ ...result('a'), stateSince: at }]);
  });

  it('fails a run whose connection was replaced between two pages', async () => {
    const runId = await store.createRun({ trigger: 'schedule', scope: {} });
    await store.stageResults(runId, [result('a')]);
    await knex.destroy();
    knex.initialize();

    await expect(store.stageResults(runId, [result('b')])).rejects.toThrow(
      `Run ${runId} staged its results on a SQLite connection that has since been closed`,
    );
    await store.discardRun(runId);
    await expect(store.commitRun(runId, { at })).resolves.toEqual({
      written: 0,
      deleted: 0,
    });
  });
});
