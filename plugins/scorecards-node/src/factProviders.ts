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

import { createExtensionPoint } from '@backstage/backend-plugin-api';

/**
 * The entity a fact provider is asked about: the fields the scorecards need,
 * plus its reference.
 *
 * @public
 */
export interface FactProviderEntity {
  entityRef: string;
  entity: Record<string, unknown>;
}

/**
 * Supplies data that is not in the catalog entity, such as "the repository
 * has a README" or "open incidents from the pager". Rules address a fact as
 * `$facts.<name>`.
 *
 * @public
 */
export interface ScorecardsFactProvider {
  /** Unique among providers; shown in logs and errors. */
  id: string;
  /** The fact names this provider supplies. */
  facts: string[];
  /**
   * Returns facts for a page of entities, keyed by entity ref. Entities left
   * out of the result have no facts (rules see them as missing). Called once
   * per catalog page, so providers can batch their lookups.
   */
  getFacts(
    entities: FactProviderEntity[],
    options: { signal?: AbortSignal },
  ): Promise<Map<string, Record<string, unknown>>>;
}

/**
 * Lets backend modules add fact providers to the scorecards backend.
 *
 * @public
 */
export interface ScorecardsFactProvidersExtensionPoint {
  addFactProvider(...providers: ScorecardsFactProvider[]): void;
}

/**
 * The extension point for {@link ScorecardsFactProvidersExtensionPoint}.
 *
 * @public
 */
export const scorecardsFactProvidersExtensionPoint =
  createExtensionPoint<ScorecardsFactProvidersExtensionPoint>({
    id: 'scorecards.factProviders',
  });
