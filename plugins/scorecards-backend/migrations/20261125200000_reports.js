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
 * The outcome of each configured scorecard report's last send: when it was
 * last sent (the baseline of the next report's changes), and what it said.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scorecards_reports', table => {
    table.string('report_id', 100).notNullable().primary();
    // The last successful send; null until the report was first sent.
    table.datetime('last_sent_at', TIMESTAMP).nullable();
    // The last attempt, successful or not.
    table.datetime('last_attempt_at', TIMESTAMP).nullable();
    // 'sent', 'partial' (some channels failed) or 'failed'.
    table.string('last_status', 16).nullable();
    table.text('last_error').nullable();
    // JSON: the content of the last successful send.
    table.text('last_content', 'mediumtext').nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scorecards_reports');
};
