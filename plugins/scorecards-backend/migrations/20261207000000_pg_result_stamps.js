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

/**
 * PostgreSQL: each result's hash and input stamp also go in a narrow table
 * of their own, which a run's lookups read and its restamps update. An
 * update in PostgreSQL writes a new version of the whole row and, unless
 * the row's page has room for it and no indexed column changed, a new
 * entry in every index: restamping a result (an unchanged result whose
 * input stamp is out of date, as is every result after an upgrade of the
 * rule language or after a scorecard's definition changed) rewrote its
 * ~1.3 kB row and its entries in seven indexes. At 100k entities (182k
 * results) that took about 12 s and 920 MB of write-ahead log, and doubled
 * the results table.
 *
 * Here a row is about 180 bytes and has one index, its primary key, which
 * includes the hash and the stamp so that lookups read the index alone.
 * On a copy of the benchmark's database at 100k entities, restamping every
 * result took 3.3-3.5 s and 113-146 MB of log, and the lookups of a run
 * (182k keys in pages of 500 refs) 540-600 ms, against 570-850 ms from
 * the results' index that included the stamp. Leaving the stamp out of
 * the index and half of each page free (fillfactor 50), so that a restamp
 * stays on its page and writes no index entry, restamped in 2.4-2.5 s but
 * looked up in 740-1,020 ms: every run looks up, few restamp.
 *
 * `scorecards_results.input_stamp` is no longer read on PostgreSQL: it
 * keeps the stamp its result was written with. The index by entity ref
 * goes back to the plain key it needs for reading an entity's results.
 * SQLite and MySQL get the same table in `20261207100000_result_stamps.js`.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (!isPostgres(knex)) {
    return;
  }
  await knex.raw(
    `create table scorecards_result_stamps (
       entity_ref varchar(255) not null,
       scorecard_id varchar(100) not null,
       result_hash varchar(64) not null,
       input_stamp varchar(512),
       constraint scorecards_result_stamps_pkey
         primary key (entity_ref, scorecard_id)
         include (result_hash, input_stamp)
     )`,
  );
  await knex.raw(
    `insert into scorecards_result_stamps
       (entity_ref, scorecard_id, result_hash, input_stamp)
     select entity_ref, scorecard_id, result_hash, input_stamp
     from scorecards_results
     order by entity_ref, scorecard_id`,
  );
  await knex.raw('drop index scorecards_results_entity_idx');
  await knex.raw(
    `create index scorecards_results_entity_idx on scorecards_results
     (entity_ref, scorecard_id)`,
  );
};

/**
 * Puts the stamps back in the results (an earlier backend reads them
 * there), then drops the table and restores the index that includes them.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (!isPostgres(knex)) {
    return;
  }
  await knex.raw(
    `update scorecards_results r set input_stamp = s.input_stamp
     from scorecards_result_stamps s
     where s.entity_ref = r.entity_ref and s.scorecard_id = r.scorecard_id
       and s.result_hash = r.result_hash
       and s.input_stamp is distinct from r.input_stamp`,
  );
  await knex.raw('drop table scorecards_result_stamps');
  await knex.raw('drop index scorecards_results_entity_idx');
  await knex.raw(
    `create index scorecards_results_entity_idx on scorecards_results
     (entity_ref, scorecard_id) include (result_hash, input_stamp)`,
  );
};
