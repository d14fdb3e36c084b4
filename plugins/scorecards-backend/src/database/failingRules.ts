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

// Failing rule ids are stored as `|rule-a|rule-b|`, so that one LIKE finds the
// entities failing a rule without confusing `rule-a` with `rule-ab`.

/** Encodes failing rule ids for the `failing_rules` column. */
export function toFailingRules(ruleIds: string[]): string {
  return ruleIds.length ? `|${ruleIds.join('|')}|` : '';
}

/** Decodes the `failing_rules` column. */
export function fromFailingRules(value: string): string[] {
  return value.split('|').filter(Boolean);
}

/** The escape character of {@link likePattern}; the same on every engine. */
export const LIKE_ESCAPE = '!';

/** A LIKE pattern that matches `value` literally between `prefix` and `suffix`. */
export function likePattern(prefix: string, value: string, suffix: string) {
  const escaped = value.replace(/[!%_]/g, c => `${LIKE_ESCAPE}${c}`);
  return `${prefix}${escaped}${suffix}`;
}

/** The LIKE pattern of `failing_rules` values that include `ruleId`. */
export function failingRulePattern(ruleId: string): string {
  return likePattern('%|', ruleId, '|%');
}
