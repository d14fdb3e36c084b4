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
import { EntityResultRow } from './ResultStore';

jest.setTimeout(60_000);

const migrationsDir = `${__dirname}/../../migrations`;

const TABLES = [
  'scorecards_runs',
  'scorecards_results',
  'scorecards_result_stamps',
  'scorecards_pending_results',
  'scorecards_history',
  'scorecards_daily',
  'scorecards_daily_rules',
  'scorecards_campaigns',
  'scorecards_campaign_daily',
  'scorecards_outcomes',
];

/** PostgreSQL's persistence of the staging table ('u': unlogged). */
async function stagingPersistence(
  knex: Knex,
  databaseId: string,
): Promise<string | undefined> {
  if (!databaseId.startsWith('POSTGRES')) {
    return undefined;
  }
  const { rows } = await knex.raw(
    `select relpersistence from pg_class where relname = 'scorecards_pending_results'`,
  );
  return rows[0]?.relpersistence;
}

/**
 * The columns of the results' index by entity ref, in order; on PostgreSQL,
 * those it only includes are marked so.
 */
async function entityIndexColumns(
  knex: Knex,
  databaseId: string,
): Promise<string[]> {
  const index = 'scorecards_results_entity_idx';
  if (databaseId.startsWith('SQLITE')) {
    const rows = await knex.raw(
      'select name from pragma_index_info(?) order by seqno',
      [index],
    );
    return rows.map((r: { name: string }) => r.name);
  }
  if (databaseId.startsWith('POSTGRES')) {
    // indkey (an int2vector) counts from 0; key columns come first.
    const { rows } = await knex.raw(
      `select a.attname as name,
         array_position(i.indkey::int[], a.attnum::int) >= i.indnkeyatts as included
       from pg_index i
       join pg_class c on c.oid = i.indexrelid
       join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
       where c.relname = ?
       order by array_position(i.indkey::int[], a.attnum::int)`,
      [index],
    );
    return rows.map((r: { name: string; included: boolean }) =>
      r.included ? `${r.name} (included)` : r.name,
    );
  }
  const [rows] = await knex.raw(
    `select column_name as name from information_schema.statistics
     where table_schema = database() and index_name = ?
     order by seq_in_index`,
    [index],
  );
  return rows.map((r: { name: string }) => r.name);
}

describe('migrations', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
  });

  it.each(databases.eachSupportedId())(
    'steps up to the latest, down to nothing and up again on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const config = { directory: migrationsDir };
      const tablesExist = () =>
        Promise.all(TABLES.map(table => knex.schema.hasTable(table)));
      const stepUp = async () => {
        while ((await knex.migrate.list(config))[1].length > 0) {
          await knex.migrate.up(config);
        }
      };
      const stepDown = async () => {
        while ((await knex.migrate.list(config))[0].length > 0) {
          await knex.migrate.down(config);
        }
      };

      await stepUp();
      await expect(tablesExist()).resolves.toEqual(TABLES.map(() => true));

      await stepDown();
      await expect(tablesExist()).resolves.toEqual(TABLES.map(() => false));

      await stepUp();
      await expect(tablesExist()).resolves.toEqual(TABLES.map(() => true));
      // Staged results skip PostgreSQL's write-ahead log.
      await expect(stagingPersistence(knex, databaseId)).resolves.toBe(
        databaseId.startsWith('POSTGRES') ? 'u' : undefined,
      );

      // SQLite's index by entity ref leaves out the result hash, which
      // every changed result would rewrite; PostgreSQL's only the key, its
      // lookups reading the stamps' table; MySQL's the hash.
      const entityIndex: Record<string, string[]> = {
        SQLITE: ['entity_ref'],
        POSTGRES: ['entity_ref', 'scorecard_id'],
        MYSQL: ['entity_ref', 'scorecard_id', 'result_hash'],
      };
      await expect(entityIndexColumns(knex, databaseId)).resolves.toEqual(
        entityIndex[databaseId.split('_')[0]],
      );

      // The store runs the same migrations and finds nothing left to do.
      const store = await DatabaseResultStore.create({
        database: mockServices.database({ knex }),
      });
      await expect(store.listRuns()).resolves.toEqual([]);
    },
  );
});

describe('the compact rule results migration', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
  });

  it.each(databases.eachSupportedId())(
    'rewrites rule results as objects on the way down on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseResultStore.create({
        database: mockServices.database({ knex }),
      });
      const rules: EntityResultRow['rules'] = [
        {
          ruleId: 'runbook',
          status: 'pass',
          value: 'https://runbooks.example.com/a',
          message:
            'metadata.annotations.example.com/runbook is "https://runbooks.example.com/a"; must begin with "https://"',
        },
        { ruleId: 'tags', status: 'fail', value: [], message: 'tags is []' },
        { ruleId: 'title', status: 'skip', message: 'not applicable' },
      ];
      const runId = await store.createRun({ trigger: 'schedule', scope: {} });
      // More results than one page of the migration, in two scorecards.
      const rows: EntityResultRow[] = [];
      for (const scorecardId of ['a', 'b']) {
        for (let i = 0; i < 1100; i++) {
          rows.push({
            scorecardId,
            entityRef: `component:default/e${i}`,
            entity: {
              kind: 'Component',
              namespace: 'default',
              name: `e${i}`,
              owner: 'group:default/team-a',
            },
            level: 'Bronze',
            levelRank: 1,
            score: 33.3,
            rulesPassed: 1,
            rulesFailed: 1,
            failingRules: ['tags'],
            rules,
            resultHash: 'h',
            updatedAt: new Date('2026-12-05T10:00:00Z'),
          });
        }
      }
      await store.stageResults(runId, rows);
      await store.commitRun(runId, { at: new Date('2026-12-05T10:00:00Z') });
      // One row as the earlier backend wrote it stays as it is.
      const earlier = JSON.stringify([
        { ruleId: 'x', status: 'pass', message: 'm' },
      ]);
      await knex('scorecards_results')
        .where({ scorecard_id: 'b', entity_ref: 'component:default/e7' })
        .update({ rule_results: earlier });

      await knex.migrate.down({
        directory: migrationsDir,
        name: '20261205200000_compact_rule_results.js',
      });

      const stored = await knex('scorecards_results')
        .orderBy(['scorecard_id', 'entity_ref'])
        .select('scorecard_id', 'entity_ref', 'rule_results');
      expect(stored).toHaveLength(2200);
      for (const row of stored) {
        const expected =
          row.scorecard_id === 'b' && row.entity_ref === 'component:default/e7'
            ? earlier
            : JSON.stringify(rules);
        expect(JSON.parse(row.rule_results)).toStrictEqual(
          JSON.parse(expected),
        );
      }
      await knex.migrate.latest({ directory: migrationsDir });
    },
  );
});

describe('the result stamps migrations', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
  });

  it.each(databases.eachSupportedId())(
    'moves the stamps to their own table and back on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseResultStore.create({
        database: mockServices.database({ knex }),
      });
      const at = new Date('2026-12-07T10:00:00Z');
      const row = (name: string, inputStamp?: string): EntityResultRow => ({
        scorecardId: 'a',
        entityRef: `component:default/${name}`,
        entity: {
          kind: 'Component',
          namespace: 'default',
          name,
          owner: 'group:default/team-a',
        },
        level: 'Bronze',
        levelRank: 1,
        score: 50,
        rulesPassed: 1,
        rulesFailed: 1,
        failingRules: ['tags'],
        rules: [],
        resultHash: `hash-${name}`,
        inputStamp,
        updatedAt: at,
      });
      const runId = await store.createRun({ trigger: 'schedule', scope: {} });
      await store.stageResults(runId, [row('x', 'v.x1'), row('y')], { at });
      await store.commitRun(runId, { at });
      // Restamped after it was written: only in the stamps' table.
      await store.updateInputStamps([
        {
          scorecardId: 'a',
          entityRef: 'component:default/x',
          resultHash: 'hash-x',
          inputStamp: 'v.x2',
        },
      ]);
      const inResults = () =>
        knex('scorecards_results').orderBy('entity_ref').pluck('input_stamp');
      await expect(inResults()).resolves.toEqual(['v.x1', null]);

      await knex.migrate.down({
        directory: migrationsDir,
        name: databaseId.startsWith('POSTGRES')
          ? '20261207000000_pg_result_stamps.js'
          : '20261207100000_result_stamps.js',
      });
      await expect(
        knex.schema.hasTable('scorecards_result_stamps'),
      ).resolves.toBe(false);
      await expect(inResults()).resolves.toEqual(['v.x2', null]);

      // Up again, from the results.
      await knex.migrate.latest({ directory: migrationsDir });
      await expect(
        knex('scorecards_result_stamps')
          .orderBy('entity_ref')
          .select('entity_ref', 'result_hash', 'input_stamp'),
      ).resolves.toEqual([
        {
          entity_ref: 'component:default/x',
          result_hash: 'hash-x',
          input_stamp: 'v.x2',
        },
        {
          entity_ref: 'component:default/y',
          result_hash: 'hash-y',
          input_stamp: null,
        },
      ]);
      await expect(
        store.getResultHashes([
          { scorecardId: 'a', entityRef: 'component:default/x' },
        ]),
      ).resolves.toEqual([{ resultHash: 'hash-x', inputStamp: 'v.x2' }]);
    },
  );
});
