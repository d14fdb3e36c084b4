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
  EntityScorecardResult,
  ScorecardsDefinitionsConfig,
} from '@openscorecards/plugin-scorecards-common';
import {
  EntityEvaluatedAt,
  EntityResultRow,
  evaluatedAtFor,
  latestDate,
} from '../database/ResultStore';
import { checkOf } from './scorecardSummaries';

/**
 * Joins an entity's stored results with the scorecard definitions, so that
 * the response carries titles, levels and guidance next to each outcome.
 * Results of scorecards no longer configured are left out. A result was
 * evaluated when it was written or, if later, when a run last evaluated the
 * entity against its scorecard and kept it unchanged.
 */
export function toEntityScorecards(
  config: ScorecardsDefinitionsConfig,
  rows: EntityResultRow[],
  evaluated: EntityEvaluatedAt = { byScorecard: new Map() },
): EntityScorecardResult[] {
  const byScorecard = new Map(rows.map(r => [r.scorecardId, r]));
  return config.definitions.flatMap(definition => {
    const row = byScorecard.get(definition.id);
    if (!row) {
      return [];
    }
    const outcomes = new Map(row.rules.map(r => [r.ruleId, r]));
    return [
      {
        id: definition.id,
        title: definition.title,
        description: definition.description,
        level: row.level,
        score: row.score,
        stateSince: row.stateSince?.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
        evaluatedAt: latestDate(
          row.updatedAt,
          evaluatedAtFor(evaluated, definition.id),
        )!.toISOString(),
        rules: definition.rules.map(rule => {
          const outcome = outcomes.get(rule.id);
          return {
            id: rule.id,
            title: rule.title,
            description: rule.description,
            level: rule.level,
            weight: rule.weight ?? 1,
            guidance: rule.guidance,
            ...checkOf(rule),
            status: outcome?.status ?? 'skip',
            value: outcome?.value,
            message: outcome?.message ?? 'Not evaluated yet',
          };
        }),
      },
    ];
  });
}
