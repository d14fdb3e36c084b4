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

/**
 * Each result keeps the stamp of the input it was computed from (see
 * `inputStamp.ts`): a run that meets the same input again counts the stored
 * result instead of evaluating it. The run's lookup reads the stamp with
 * the result hash. It is not added to the lookup's covering index: at 100k
 * entities that made the first run about a second slower on PostgreSQL and
 * the lookups no faster.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  for (const table of ['scorecards_results', 'scorecards_pending_results']) {
    await knex.schema.alterTable(table, t => {
      t.string('input_stamp', 512).nullable();
    });
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const table of ['scorecards_results', 'scorecards_pending_results']) {
    await knex.schema.alterTable(table, t => {
      t.dropColumn('input_stamp');
    });
  }
};
