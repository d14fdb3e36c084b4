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

import { csvLine } from '@openscorecards/plugin-scorecards-common';
import { ScorecardEntity } from '../database/ResultQueries';

const COLUMNS = [
  'entity_ref',
  'kind',
  'namespace',
  'name',
  'title',
  'type',
  'lifecycle',
  'owner',
  'system',
  'level',
  'score',
  'rules_passed',
  'rules_failed',
  'failing_rules',
  'updated_at',
];

/** The header line of an entities export. */
export const ENTITIES_CSV_HEADER = csvLine(COLUMNS);

/** One entity's line of an entities export. */
export function entityCsvLine(row: ScorecardEntity): string {
  const { entity } = row;
  return csvLine([
    row.entityRef,
    entity.kind,
    entity.namespace,
    entity.name,
    entity.title,
    entity.type,
    entity.lifecycle,
    entity.owner,
    entity.system,
    row.level,
    row.score,
    row.rulesPassed,
    row.rulesFailed,
    row.failingRules.join(';'),
    row.updatedAt.toISOString(),
  ]);
}
