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
const isSqlite = knex =>
  /^(sqlite3|better-sqlite3)$/.test(String(knex.client.config.client ?? ''));

/**
 * SQLite: the index by entity ref no longer holds the result hash. SQLite
 * looks up a run's hashes by the primary key, not by this index, and an
 * update rewrites a row's entry in every index holding a column it sets:
 * with the hash in it, every changed result rewrote its entry here too.
 * At 100k entities a 5% re-run's upsert took about 100 ms less without it.
 * PostgreSQL reads the hashes from this index alone, and keeps it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (isSqlite(knex)) {
    await knex.schema.alterTable('scorecards_results', table => {
      table.dropIndex([], 'scorecards_results_entity_idx');
      table.index(['entity_ref'], 'scorecards_results_entity_idx');
    });
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (isSqlite(knex)) {
    await knex.schema.alterTable('scorecards_results', table => {
      table.dropIndex([], 'scorecards_results_entity_idx');
      table.index(
        ['entity_ref', 'scorecard_id', 'result_hash'],
        'scorecards_results_entity_idx',
      );
    });
  }
};
