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
 * The filter choices of a scorecard's entity table (its entities' distinct
 * kinds, types, lifecycles and systems), as JSON on the organisation-wide
 * daily rollup: collected while a complete run rolls up, so that reading
 * them costs nothing, where a DISTINCT over the results would scan every
 * result of the scorecard. Null on other owners' rows and on older days.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('scorecards_daily', table => {
    table.text('facets').nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('scorecards_daily', table => {
    table.dropColumn('facets');
  });
};
