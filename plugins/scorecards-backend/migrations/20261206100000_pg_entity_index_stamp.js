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
 * PostgreSQL: the index by entity ref also holds the input stamp, so a
 * run's lookups (for a page of entity refs, the hash and the input stamp
 * of each of their results) read the index alone again. Since the input
 * stamp came (20261205100000_input_stamp.js), every result found fetched
 * its ~1.5 kB row from the table as well. The stamp and the hash are
 * included columns, not keys: nothing searches by them. At 100k entities,
 * over four runs each, a re-run's lookups took 1.1-1.6 s instead of
 * 1.4-2.0 s; a first run took as long within the noise.
 *
 * SQLite looks results up by the primary key, and MySQL has no included
 * columns; both keep their index.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (isPostgres(knex)) {
    await knex.raw('drop index scorecards_results_entity_idx');
    await knex.raw(
      `create index scorecards_results_entity_idx on scorecards_results
       (entity_ref, scorecard_id) include (result_hash, input_stamp)`,
    );
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (isPostgres(knex)) {
    await knex.schema.alterTable('scorecards_results', table => {
      table.dropIndex([], 'scorecards_results_entity_idx');
      table.index(
        ['entity_ref', 'scorecard_id', 'result_hash'],
        'scorecards_results_entity_idx',
      );
    });
  }
};
