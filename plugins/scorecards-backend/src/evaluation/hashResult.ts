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

import { createHash } from 'node:crypto';
import { ScorecardResult } from '@openscorecards/plugin-scorecards-common';
import { EntityFacts } from './describeEntity';

/**
 * A fingerprint of everything stored for one entity and scorecard, so that a
 * run writes only the results that changed.
 */
export function hashResult(
  facts: EntityFacts,
  result: ScorecardResult,
): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        facts,
        result.level,
        result.score,
        result.rules.map(r => [r.ruleId, r.status, r.value ?? null, r.message]),
      ]),
    )
    .digest('hex');
}
