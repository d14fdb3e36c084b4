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

import { Entity } from '@backstage/catalog-model';

/** Kinds that describe software, which is what scorecards are written for. */
const SCORED_KINDS = ['component', 'api', 'resource', 'system'];

/**
 * Whether to show the Scorecards tab and card for an entity: true for
 * Components, APIs, Resources and Systems.
 *
 * A synchronous check on the kind, because entity page routes take only
 * synchronous conditions. Which scorecards apply is decided by each
 * scorecard's `filter` on the backend; an entity of these kinds that none
 * of them selects sees an empty state that says so.
 *
 * @public
 */
export function isScorecardsAvailable(entity: Entity): boolean {
  return SCORED_KINDS.includes(entity.kind.toLocaleLowerCase('en-US'));
}

/**
 * Whether to show the team cards (`EntityTeamScorecardsCard`,
 * `EntityTeamCampaignsCard`) for an entity:
 * true for Groups and Users, the owners of entities.
 *
 * @public
 */
export function isTeamScorecardsAvailable(entity: Entity): boolean {
  return ['group', 'user'].includes(entity.kind.toLocaleLowerCase('en-US'));
}
