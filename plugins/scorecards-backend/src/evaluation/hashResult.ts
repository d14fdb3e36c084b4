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

import { hash } from 'node:crypto';
import { ScorecardResult } from '@openscorecards/plugin-scorecards-common';
import { encodeRuleResults } from '../database/ruleResultsText';
import { EntityFacts } from './describeEntity';

/**
 * The text that {@link hashResult} hashes: the facts, the level and the
 * score as one JSON list, followed by the rule results as they are stored
 * (`encodeRuleResults`). The JSON list ends where its brackets close, and
 * the stored text keeps each rule's id, status, value (or its absence) and
 * message apart, so different content never gives the same text.
 *
 * @internal exported for tests
 */
export function resultFingerprint(
  facts: EntityFacts,
  result: ScorecardResult,
  ruleResultsText: string = encodeRuleResults(result.rules),
): string {
  return `${JSON.stringify([
    facts,
    result.level,
    result.score,
  ])}${ruleResultsText}`;
}

/**
 * A fingerprint of everything stored for one entity and scorecard, so that a
 * run writes only the results that changed: SHA-1 (40 hex digits; the
 * `result_hash` column holds up to 64) of {@link resultFingerprint}.
 *
 * The rule results are hashed in the form they are stored in, so that a
 * changed result is encoded once, for the hash, and that text is what the
 * store writes (pass it as `ruleResultsText`). Measured at 100k entities
 * (182k results), hashing a separate flat JSON list of the same content
 * and then encoding the changed results cost about 0.3-0.5 s more of a
 * first run's main thread. The one-shot `crypto.hash` saves a hash object; SHA-1 is cheaper
 * than SHA-256 here, and a 160-bit hash keeps accidental collisions out of
 * the question (the hash only detects change; it guards nothing). A 64-bit
 * FNV-1a in JavaScript was measured slower. The first run after a change
 * of this text rewrites every result once, as every hash differs.
 */
export function hashResult(
  facts: EntityFacts,
  result: ScorecardResult,
  ruleResultsText?: string,
): string {
  return hash('sha1', resultFingerprint(facts, result, ruleResultsText), 'hex');
}
