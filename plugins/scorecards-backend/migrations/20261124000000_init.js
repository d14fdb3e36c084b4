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

// Timestamps are written by the store as UTC wall-clock values, so they are
// columns without a time zone on every engine.
const TIMESTAMP = /** @type {const} */ ({ useTz: false, precision: 3 });

/**
 * The columns of one stored result; shared by the current results and the
 * results a running run has staged.
 *
 * @param {import('knex').Knex.CreateTableBuilder} table
 */
function resultColumns(table) {
  // Bounded lengths: MySQL cannot index unbounded strings.
  table.string('scorecard_id', 100).notNullable();
  table.string('entity_ref', 255).notNullable();
  table.string('entity_kind', 255).notNullable();
  table.string('entity_namespace', 255).notNullable();
  table.string('entity_name', 255).notNullable();
  table.text('entity_title').nullable();
  table.string('entity_type', 255).nullable();
  table.string('entity_lifecycle', 255).nullable();
  // '' when the entity has no owner: unlike NULL, it sorts the same on every
  // engine, so the owner index can serve key-set paging.
  table.string('entity_owner', 255).notNullable();
  table.string('entity_system', 255).nullable();
  table.string('level', 255).notNullable();
  table.integer('level_rank').notNullable();
  table.double('score').notNullable();
  table.integer('rules_passed').notNullable();
  table.integer('rules_failed').notNullable();
  // `|rule-a|rule-b|`, so that LIKE '%|rule-a|%' finds entities failing a rule.
  table.text('failing_rules').notNullable();
  table.text('rule_results', 'mediumtext').notNullable();
  table.string('result_hash', 64).notNullable();
  table.datetime('updated_at', TIMESTAMP).notNullable();
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scorecards_runs', table => {
    table.increments('id');
    table.string('trigger', 32).notNullable();
    table.text('scope').notNullable();
    table.string('status', 32).notNullable();
    table.datetime('started_at', TIMESTAMP).notNullable();
    table.datetime('finished_at', TIMESTAMP).nullable();
    table.integer('entities_evaluated').notNullable().defaultTo(0);
    table.integer('results_written').notNullable().defaultTo(0);
    table.integer('results_deleted').notNullable().defaultTo(0);
    table.text('error').nullable();
    table.index(['status', 'started_at'], 'scorecards_runs_status_idx');
  });

  await knex.schema.createTable('scorecards_results', table => {
    resultColumns(table);
    table.datetime('state_since', TIMESTAMP).notNullable();
    table.primary(['scorecard_id', 'entity_ref'], 'scorecards_results_pkey');
    // The entity table filters by team and level and sorts by name, score,
    // level, owner and time; each sort index ends in the entity ref, the
    // tie-breaker of its key-set paging, so that a page is one index range.
    table.index(
      ['scorecard_id', 'entity_owner', 'entity_ref'],
      'scorecards_results_owner_idx',
    );
    table.index(
      ['scorecard_id', 'level_rank', 'score', 'entity_ref'],
      'scorecards_results_level_idx',
    );
    table.index(
      ['scorecard_id', 'score', 'entity_ref'],
      'scorecards_results_score_idx',
    );
    table.index(
      ['scorecard_id', 'entity_name', 'entity_ref'],
      'scorecards_results_name_idx',
    );
    table.index(
      ['scorecard_id', 'updated_at', 'entity_ref'],
      'scorecards_results_updated_idx',
    );
    table.index(['entity_ref'], 'scorecards_results_entity_idx');
  });

  await knex.schema.createTable('scorecards_pending_results', table => {
    // No foreign key: pending rows are removed together with their run's
    // outcome, and a foreign key would only slow down staging.
    table.integer('run_id').unsigned().notNullable();
    resultColumns(table);
    table.primary(
      ['run_id', 'scorecard_id', 'entity_ref'],
      'scorecards_pending_results_pkey',
    );
  });

  await knex.schema.createTable('scorecards_history', table => {
    table.increments('id');
    table.string('scorecard_id', 100).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('entity_owner', 255).nullable();
    table.datetime('at', TIMESTAMP).notNullable();
    table.string('level', 255).notNullable();
    table.integer('level_rank').notNullable();
    table.double('score').notNullable();
    table.text('failing_rules').notNullable();
    table.index(
      ['scorecard_id', 'entity_ref', 'at'],
      'scorecards_history_entity_idx',
    );
    table.index(['scorecard_id', 'at'], 'scorecards_history_scorecard_idx');
  });

  // Daily rollups, written by complete runs: one row per scorecard, day and
  // owner, where the owner '*' stands for the whole organisation and '' for
  // entities without an owner. The key leads with the scorecard and the day,
  // which is how a day is replaced and read; the second index serves the
  // series of one owner.
  await knex.schema.createTable('scorecards_daily', table => {
    table.string('scorecard_id', 100).notNullable();
    // `YYYY-MM-DD` (UTC): sorts and compares as text on every engine.
    table.string('day', 10).notNullable();
    table.string('owner', 255).notNullable();
    table.integer('entities').notNullable();
    table.double('score_sum').notNullable();
    // JSON: entities per level name, so a changed ladder keeps old days readable.
    table.text('level_counts').notNullable();
    table.datetime('computed_at', TIMESTAMP).notNullable();
    table.primary(['scorecard_id', 'day', 'owner'], 'scorecards_daily_pkey');
    table.index(['scorecard_id', 'owner', 'day'], 'scorecards_daily_owner_idx');
  });

  await knex.schema.createTable('scorecards_daily_rules', table => {
    table.string('scorecard_id', 100).notNullable();
    table.string('day', 10).notNullable();
    table.string('owner', 255).notNullable();
    table.string('rule_id', 100).notNullable();
    // Entities the rule applied to (passed or failed; skipped ones do not count).
    table.integer('applicable').notNullable();
    table.integer('passed').notNullable();
    table.primary(
      ['scorecard_id', 'day', 'owner', 'rule_id'],
      'scorecards_daily_rules_pkey',
    );
    table.index(
      ['scorecard_id', 'rule_id', 'owner', 'day'],
      'scorecards_daily_rules_rule_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scorecards_daily_rules');
  await knex.schema.dropTable('scorecards_daily');
  await knex.schema.dropTable('scorecards_history');
  await knex.schema.dropTable('scorecards_pending_results');
  await knex.schema.dropTable('scorecards_results');
  await knex.schema.dropTable('scorecards_runs');
};
