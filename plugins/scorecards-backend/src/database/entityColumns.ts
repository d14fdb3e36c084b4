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

import { fromFailingRules } from './failingRules';
import { EntityResultRow, ResultEntity } from './ResultStore';

/** The denormalised entity facts stored beside each result. */
export interface EntityColumns {
  entity_kind: string;
  entity_namespace: string;
  entity_name: string;
  entity_title: string | null;
  entity_type: string | null;
  entity_lifecycle: string | null;
  /** `''` when the entity has no owner. */
  entity_owner: string;
  entity_system: string | null;
}

/** The entity fact columns, in the order the tables declare them. */
export const ENTITY_COLUMN_NAMES: ReadonlyArray<keyof EntityColumns> = [
  'entity_kind',
  'entity_namespace',
  'entity_name',
  'entity_title',
  'entity_type',
  'entity_lifecycle',
  'entity_owner',
  'entity_system',
];

/** Reads the entity facts of a results row. */
export function fromEntityColumns(row: EntityColumns): ResultEntity {
  return {
    kind: row.entity_kind,
    namespace: row.entity_namespace,
    name: row.entity_name,
    title: row.entity_title ?? undefined,
    type: row.entity_type ?? undefined,
    lifecycle: row.entity_lifecycle ?? undefined,
    owner: row.entity_owner || undefined,
    system: row.entity_system ?? undefined,
  };
}

/** A results row's entity, level, score and failing rules. */
export interface ResultSummaryColumns extends EntityColumns {
  scorecard_id: string;
  entity_ref: string;
  level: string;
  level_rank: number;
  score: number;
  rules_passed: number;
  rules_failed: number;
  failing_rules: string;
}

/** Reads the entity, level, score and failing rules of a results row. */
export function fromResultSummaryColumns(
  row: ResultSummaryColumns,
): Pick<
  EntityResultRow,
  | 'scorecardId'
  | 'entityRef'
  | 'entity'
  | 'level'
  | 'levelRank'
  | 'score'
  | 'rulesPassed'
  | 'rulesFailed'
  | 'failingRules'
> {
  return {
    scorecardId: row.scorecard_id,
    entityRef: row.entity_ref,
    entity: fromEntityColumns(row),
    level: row.level,
    levelRank: Number(row.level_rank),
    score: Number(row.score),
    rulesPassed: Number(row.rules_passed),
    rulesFailed: Number(row.rules_failed),
    failingRules: fromFailingRules(row.failing_rules),
  };
}
