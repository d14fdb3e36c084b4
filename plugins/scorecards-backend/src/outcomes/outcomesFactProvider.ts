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

import { OUTCOMES_FACT } from '@openscorecards/plugin-scorecards-common';
import { ScorecardsFactProvider } from '@openscorecards/plugin-scorecards-node';
import { OutcomeStore } from './OutcomeStore';

/**
 * The fact provider through which reported outcomes reach the rules, as
 * `$facts.outcomes.<check>` (`{ state, remarks }`). Since an entity's
 * facts are part of its input stamp, a new outcome makes the next run
 * evaluate the entity again.
 */
export function createOutcomesFactProvider(
  store: OutcomeStore,
): ScorecardsFactProvider {
  return {
    id: 'scorecards-outcomes',
    facts: [OUTCOMES_FACT],
    async getFacts(entities) {
      const byRef = await store.factsOf(entities.map(e => e.entityRef));
      const facts = new Map<string, Record<string, unknown>>();
      for (const [ref, outcomes] of byRef) {
        facts.set(ref, { [OUTCOMES_FACT]: outcomes });
      }
      return facts;
    },
  };
}
