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

import { RuleResult } from '@openscorecards/plugin-scorecards-common';

/*
 * How a result's rule results are stored (the `rule_results` column).
 *
 * They are most of a result row: at 100k entities, 30 rules, about 1,400 of
 * a row's 1,800 bytes as a JSON array of objects, so most of the
 * database's size. (Measured at 100k on PostgreSQL, the smaller form saved
 * about 1 s of a first run's commit and did not change peak RSS beyond the
 * bench's noise.)
 *
 * Stored as a JSON array with one array per rule instead of one object:
 *
 * - `[ruleId, status, message]`: no value;
 * - `[ruleId, status, message, value]`;
 * - `[ruleId, status, before, value, after]`: the message is `before`, the
 *   value as JSON, then `after`. Messages quote the value they found
 *   (`… is "https://…"; must begin with "https://"`), so it is stored once.
 *
 * The status is `p`, `f` or `s`. Rows written before this format hold an
 * array of {@link RuleResult} objects; they are read as they are, and are
 * written in this format when their result next changes.
 */

type StoredRule =
  | [string, string, string]
  | [string, string, string, unknown]
  | [string, string, string, unknown, string];

const LETTERS: Record<string, string> = { pass: 'p', fail: 'f', skip: 's' };
const STATUSES: Record<string, RuleResult['status']> = {
  p: 'pass',
  f: 'fail',
  s: 'skip',
};

function toStoredRule(rule: RuleResult): StoredRule {
  const status = LETTERS[rule.status] ?? rule.status;
  // What JSON.stringify of the rule object would have kept of the value.
  const json =
    rule.value === undefined ? undefined : JSON.stringify(rule.value);
  if (json === undefined) {
    return [rule.ruleId, status, rule.message];
  }
  // A value of up to 3 characters costs more to split out than it saves.
  const at = json.length > 3 ? rule.message.indexOf(json) : -1;
  if (at < 0) {
    return [rule.ruleId, status, rule.message, rule.value];
  }
  return [
    rule.ruleId,
    status,
    rule.message.slice(0, at),
    rule.value,
    rule.message.slice(at + json.length),
  ];
}

function fromStoredRule(stored: StoredRule): RuleResult {
  const [ruleId, letter] = stored;
  const status = STATUSES[letter] ?? (letter as RuleResult['status']);
  if (stored.length === 3) {
    return { ruleId, status, message: stored[2] };
  }
  if (stored.length === 4) {
    return { ruleId, status, value: stored[3], message: stored[2] };
  }
  const value = stored[3];
  return {
    ruleId,
    status,
    value,
    message: `${stored[2]}${JSON.stringify(value)}${stored[4]}`,
  };
}

/** The text stored for a result's rule results. */
export function encodeRuleResults(rules: ReadonlyArray<RuleResult>): string {
  return JSON.stringify(rules.map(toStoredRule));
}

/** Reads a stored `rule_results`, in this format or the earlier one. */
export function decodeRuleResults(text: string): RuleResult[] {
  const stored: Array<StoredRule | RuleResult> = JSON.parse(text);
  return stored.map(rule =>
    Array.isArray(rule) ? fromStoredRule(rule) : rule,
  );
}
