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
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Pages through the catalog with a cursor, asking only for the given fields,
 * so that memory stays flat however large the catalog is.
 */
export async function* readCatalogInPages(options: {
  catalog: CatalogService;
  credentials: BackstageCredentials;
  fields: string[];
  pageSize: number;
  filter?: Record<string, string>;
  signal?: AbortSignal;
}): AsyncGenerator<Entity[]> {
  const { catalog, credentials, fields, pageSize, filter, signal } = options;
  let cursor: string | undefined;
  do {
    signal?.throwIfAborted();
    const response = await catalog.queryEntities(
      cursor
        ? { cursor, fields, limit: pageSize }
        : { fields, limit: pageSize, filter },
      { credentials },
    );
    if (response.items.length > 0) {
      yield response.items;
    }
    cursor = response.pageInfo.nextCursor;
  } while (cursor);
}
