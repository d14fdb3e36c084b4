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

import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityFilter,
  EntitySort,
  EntitySortKey,
  ResultQueries,
  ScorecardEntity,
  entitySortKey,
} from '../database/ResultQueries';

// The least the catalog must return to tell that an entity is visible.
const VISIBILITY_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];
// Rows read per statement while looking for visible ones; also how many refs
// one catalog request carries.
const MAX_BATCH = 500;

/**
 * Throws a NotFoundError unless the caller may see the entity. The catalog
 * decides what the caller may see; a hidden entity is indistinguishable
 * from one that does not exist.
 */
export async function assertVisible(
  catalog: CatalogService,
  entityRef: string,
  credentials: BackstageCredentials,
): Promise<void> {
  const { items } = await catalog.getEntitiesByRefs(
    { entityRefs: [entityRef], fields: ['kind', 'metadata.name'] },
    { credentials },
  );
  if (!items[0]) {
    throw new NotFoundError(`No entity ${entityRef} in the catalog`);
  }
}

/**
 * The refs of those entities the caller may see, asking the catalog in
 * batches of 500 refs.
 */
export async function visibleRefs(
  catalog: CatalogService,
  refs: string[],
  credentials: BackstageCredentials,
): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < refs.length; i += MAX_BATCH) {
    const batch = refs.slice(i, i + MAX_BATCH);
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: batch, fields: VISIBILITY_FIELDS },
      { credentials },
    );
    batch.forEach((ref, j) => {
      if (items[j]) {
        out.add(ref);
      }
    });
  }
  return out;
}

export interface VisibleEntitiesOptions {
  queries: ResultQueries;
  catalog: CatalogService;
  credentials: BackstageCredentials;
  scorecardId: string;
  filter?: EntityFilter;
  sort: EntitySort;
}

/** The rows whose entities the catalog shows to the caller, in order. */
async function keepVisible(
  rows: ScorecardEntity[],
  options: Pick<VisibleEntitiesOptions, 'catalog' | 'credentials'>,
): Promise<ScorecardEntity[]> {
  if (rows.length === 0) {
    return [];
  }
  const { items } = await options.catalog.getEntitiesByRefs(
    { entityRefs: rows.map(r => r.entityRef), fields: VISIBILITY_FIELDS },
    { credentials: options.credentials },
  );
  return rows.filter((_, i) => Boolean(items[i]));
}

/**
 * A page of `limit` rows the caller may see, after `after`. Reads on past
 * hidden rows, in growing batches, until the page is full or the rows run
 * out; `next` is set only when a further visible row exists.
 */
export async function pageVisibleEntities(
  options: VisibleEntitiesOptions & { after?: EntitySortKey; limit: number },
): Promise<{ items: ScorecardEntity[]; next?: EntitySortKey }> {
  const { queries, scorecardId, filter, sort, limit } = options;
  const items: ScorecardEntity[] = [];
  let after = options.after;
  // One more than the page: a visible extra row proves there is a next page.
  let batchSize = Math.min(limit + 1, MAX_BATCH);
  for (;;) {
    const rows = await queries.listEntities(scorecardId, {
      filter,
      sort,
      after,
      limit: batchSize,
    });
    for (const row of await keepVisible(rows, options)) {
      if (items.length === limit) {
        return { items, next: entitySortKey(items[limit - 1], sort.field) };
      }
      items.push(row);
    }
    if (rows.length < batchSize) {
      return { items };
    }
    after = entitySortKey(rows[rows.length - 1], sort.field);
    batchSize = Math.min(batchSize * 2, MAX_BATCH);
  }
}

/**
 * Every row the caller may see, in order, in batches, so that exports of
 * any size stream with flat memory.
 */
export async function* readVisibleEntities(
  options: VisibleEntitiesOptions,
): AsyncGenerator<ScorecardEntity[]> {
  const { queries, scorecardId, filter, sort } = options;
  let after: EntitySortKey | undefined;
  for (;;) {
    const rows = await queries.listEntities(scorecardId, {
      filter,
      sort,
      after,
      limit: MAX_BATCH,
    });
    const visible = await keepVisible(rows, options);
    if (visible.length > 0) {
      yield visible;
    }
    if (rows.length < MAX_BATCH) {
      return;
    }
    after = entitySortKey(rows[rows.length - 1], sort.field);
  }
}
