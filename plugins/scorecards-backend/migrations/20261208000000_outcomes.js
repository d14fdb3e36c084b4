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
 * Outcomes that external systems (CI, security scanners) report through
 * `POST /outcomes`: the latest state of a check for an entity. Rules read
 * them as `$facts.outcomes.<check>` or through `outcome: <check>`. A
 * report replaces the entity's earlier outcome of the same check. The key
 * starts with the entity: a run reads the outcomes of a page of entities.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scorecards_outcomes', table => {
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 100).notNullable();
    table.string('state', 8).notNullable();
    table.text('remarks').nullable();
    table.string('reported_by', 255).notNullable();
    table.datetime('reported_at', TIMESTAMP).notNullable();
    table.primary(['entity_ref', 'check_id'], 'scorecards_outcomes_pkey');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scorecards_outcomes');
};
