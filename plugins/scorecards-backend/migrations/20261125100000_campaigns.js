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
 * Campaigns created from the UI (config campaigns live in app-config and are
 * not stored), and the daily progress of every campaign.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scorecards_campaigns', table => {
    table.string('key', 100).notNullable().primary();
    // JSON: the validated campaign definition.
    table.text('definition').notNullable();
    // 'database' for campaigns created from the UI; 'config' is reserved.
    table.string('source', 16).notNullable().defaultTo('database');
    table.boolean('archived').notNullable().defaultTo(false);
    table.string('created_by', 255).notNullable();
    table.datetime('created_at', TIMESTAMP).notNullable();
    table.datetime('updated_at', TIMESTAMP).notNullable();
  });

  // One row per campaign, day (`YYYY-MM-DD`, UTC) and owner, where '*' stands
  // for the whole organisation; written after each complete run.
  await knex.schema.createTable('scorecards_campaign_daily', table => {
    table.string('campaign_key', 100).notNullable();
    table.string('day', 10).notNullable();
    table.string('owner', 255).notNullable();
    table.integer('in_scope').notNullable();
    table.integer('passing').notNullable();
    table.primary(
      ['campaign_key', 'day', 'owner'],
      'scorecards_campaign_daily_pkey',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scorecards_campaign_daily');
  await knex.schema.dropTable('scorecards_campaigns');
};
