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

import {
  ScorecardDefinition,
  ScorecardsDefinitionsConfig,
} from '@openscorecards/plugin-scorecards-common';
import { Knex } from 'knex';

/** Two scorecards for the campaign tests. */
export const testDefinitions: ScorecardsDefinitionsConfig = {
  definitions: [
    {
      id: 'docs',
      title: 'Documentation',
      rules: [
        {
          id: 'techdocs',
          title: 'Has TechDocs',
          level: 'Bronze',
          query: 'metadata.annotations.backstage.io/techdocs-ref:*',
          guidance: { text: 'Add the annotation.' },
        },
        { id: 'readme', title: 'Has a README', level: 'Silver', query: 'x:*' },
      ],
    },
    {
      id: 'ops',
      title: 'Operations',
      rules: [
        { id: 'oncall', title: 'Has on-call', level: 'Bronze', query: 'x:*' },
      ],
    },
  ] as ScorecardDefinition[],
};

export interface TestResult {
  scorecardId: string;
  name: string;
  owner?: string;
  lifecycle?: string;
  kind?: string;
  /** Rule id to status. */
  rules: Record<string, 'pass' | 'fail' | 'skip'>;
}

/** Writes current results straight into `scorecards_results`. */
export async function insertResults(knex: Knex, results: TestResult[]) {
  await knex('scorecards_results').insert(
    results.map(r => {
      const kind = r.kind ?? 'Component';
      const entries = Object.entries(r.rules);
      return {
        scorecard_id: r.scorecardId,
        entity_ref: `${kind.toLowerCase()}:default/${r.name}`,
        entity_kind: kind,
        entity_namespace: 'default',
        entity_name: r.name,
        entity_title: null,
        entity_type: 'service',
        entity_lifecycle: r.lifecycle ?? 'production',
        entity_owner: r.owner ?? '',
        entity_system: null,
        level: 'Bronze',
        level_rank: 1,
        score: 50,
        rules_passed: entries.filter(([, s]) => s === 'pass').length,
        rules_failed: entries.filter(([, s]) => s === 'fail').length,
        failing_rules: `|${entries
          .filter(([, s]) => s === 'fail')
          .map(([id]) => id)
          .join('|')}|`,
        rule_results: JSON.stringify(
          entries.map(([ruleId, status]) => ({
            ruleId,
            status,
            message: `${ruleId} ${status}`,
          })),
        ),
        result_hash: 'h',
        updated_at: '2026-11-24 10:00:00.000',
        state_since: '2026-11-24 10:00:00.000',
      };
    }),
  );
}
