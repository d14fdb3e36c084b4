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

// @ts-check

/** @param {import('knex').Knex} knex */
const isPostgres = knex =>
  /^(pg|postgres|postgresql|pgnative)$/.test(
    String(knex.client.config.client ?? ''),
  );

/** @param {import('knex').Knex} knex */
const isSqlite = knex =>
  /^(sqlite3|better-sqlite3)$/.test(String(knex.client.config.client ?? ''));

/**
 * SQLite and MySQL: each result's hash and input stamp also go in a narrow
 * table of their own, as on PostgreSQL since
 * `20261207000000_pg_result_stamps.js`, which a run's lookups read and its
 * restamps update. These engines update a row in place, but a row of the
 * results is about 1.3 kB: three to a page. On a copy of the benchmark's
 * SQLite database at 100k entities (182k results), looking up every
 * result in the catalog's order (pages of 500 refs) took 200 ms from this
 * table against 510-540 ms from the results (their key, then their row),
 * and restamping every result 0.8-0.9 s against 2.7-2.8 s. A first run
 * pays for it: in the benchmark's at 100k entities, writing the 182k
 * stamps took about 0.65 s, next to 2.9 s for the results themselves.
 *
 * On SQLite it is a table without rowid: its key is the table, and a
 * lookup reads one tree. Its key starts with the scorecard, as the
 * results' does, so that a run's stamps arrive in the order the staged
 * results are read (in the catalog's order they took 1.15 s). On
 * PostgreSQL the key starts with the entity ref, which its lookups use.
 * `scorecards_results.input_stamp` is no longer read: it keeps the stamp
 * its result was written with.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (isPostgres(knex)) {
    return;
  }
  if (isSqlite(knex)) {
    await knex.raw(
      `create table scorecards_result_stamps (
         entity_ref varchar(255) not null,
         scorecard_id varchar(100) not null,
         result_hash varchar(64) not null,
         input_stamp varchar(512),
         primary key (scorecard_id, entity_ref)
       ) without rowid`,
    );
  } else {
    await knex.schema.createTable('scorecards_result_stamps', table => {
      table.string('entity_ref', 255).notNullable();
      table.string('scorecard_id', 100).notNullable();
      table.string('result_hash', 64).notNullable();
      table.string('input_stamp', 512).nullable();
      table.primary(
        ['scorecard_id', 'entity_ref'],
        'scorecards_result_stamps_pkey',
      );
    });
  }
  await knex.raw(
    `insert into scorecards_result_stamps
       (entity_ref, scorecard_id, result_hash, input_stamp)
     select entity_ref, scorecard_id, result_hash, input_stamp
     from scorecards_results
     order by scorecard_id, entity_ref`,
  );
};

/**
 * Puts the stamps back in the results (an earlier backend reads them
 * there), then drops the table.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (isPostgres(knex)) {
    return;
  }
  await knex.raw(
    `update scorecards_results set input_stamp = (
       select s.input_stamp from scorecards_result_stamps s
       where s.entity_ref = scorecards_results.entity_ref
         and s.scorecard_id = scorecards_results.scorecard_id)
     where exists (
       select 1 from scorecards_result_stamps s
       where s.entity_ref = scorecards_results.entity_ref
         and s.scorecard_id = scorecards_results.scorecard_id
         and s.result_hash = scorecards_results.result_hash)`,
  );
  await knex.schema.dropTable('scorecards_result_stamps');
};
