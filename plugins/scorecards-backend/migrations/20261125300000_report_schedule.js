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

const TIMESTAMP = /** @type {const} */ ({ useTz: false, precision: 3 });

/**
 * The schedule slot each report last handled. A report is due when the
 * next time its schedule names after this slot has passed; the slot moves
 * forward (compare-and-set) before the report is sent, so that each slot
 * is sent at most once across replicas. Sends by hand do not move it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('scorecards_reports', table => {
    table.datetime('last_scheduled_for', TIMESTAMP).nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('scorecards_reports', table => {
    table.dropColumn('last_scheduled_for');
  });
};
