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
 * From this version, a result's `rule_results` holds one array per rule
 * instead of one object, about a third smaller (`src/database/ruleResultsText.ts`).
 * The backend reads both forms and writes the new one when a result changes,
 * so the way up has nothing to do.
 *
 * @param {import('knex').Knex} _knex
 */
exports.up = async function up(_knex) {};

/** @type {Record<string, string>} */
const STATUSES = { p: 'pass', f: 'fail', s: 'skip' };

/**
 * The rule results in the earlier form: an array of objects.
 *
 * @param {string} text
 */
function asObjects(text) {
  /** @type {unknown[]} */
  const rules = JSON.parse(text);
  return JSON.stringify(
    rules.map(rule => {
      if (!Array.isArray(rule)) {
        return rule;
      }
      const [ruleId, letter, message, value, after] = rule;
      const status = STATUSES[letter] ?? letter;
      if (rule.length === 3) {
        return { ruleId, status, message };
      }
      if (rule.length === 4) {
        return { ruleId, status, value, message };
      }
      return {
        ruleId,
        status,
        value,
        message: `${message}${JSON.stringify(value)}${after}`,
      };
    }),
  );
}

const PAGE = 1000;

/**
 * Rewrites the results stored in the new form as the earlier backend reads
 * them. Staged results are dropped: their run cannot commit any more.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex('scorecards_pending_results').delete();
  /** @type {{ scorecard_id: string, entity_ref: string } | undefined} */
  let after;
  for (;;) {
    const query = knex('scorecards_results')
      .select('scorecard_id', 'entity_ref', 'rule_results')
      .orderBy([
        { column: 'scorecard_id', order: 'asc' },
        { column: 'entity_ref', order: 'asc' },
      ])
      .limit(PAGE);
    if (after) {
      const { scorecard_id, entity_ref } = after;
      query.where(q =>
        q
          .where('scorecard_id', '>', scorecard_id)
          .orWhere(q2 =>
            q2
              .where('scorecard_id', scorecard_id)
              .andWhere('entity_ref', '>', entity_ref),
          ),
      );
    }
    const rows = await query;
    const compact = rows.filter(row => row.rule_results.startsWith('[['));
    if (compact.length > 0) {
      await knex.transaction(async trx => {
        for (const row of compact) {
          await trx('scorecards_results')
            .where({
              scorecard_id: row.scorecard_id,
              entity_ref: row.entity_ref,
            })
            .update({ rule_results: asObjects(row.rule_results) });
        }
      });
    }
    if (rows.length < PAGE) {
      return;
    }
    after = rows[rows.length - 1];
  }
};
