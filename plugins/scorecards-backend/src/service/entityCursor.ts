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

import { InputError } from '@backstage/errors';
import {
  EntitySort,
  EntitySortKey,
  isEntitySortKey,
} from '../database/ResultQueries';

interface CursorPayload {
  sort: string;
  order: string;
  after: unknown;
}

/**
 * An opaque cursor for the page after `after`: base64url JSON of the sort
 * and the sort key of the last row shown. Pages continue by key set, so rows
 * written between requests shift nothing.
 */
export function encodeEntityCursor(
  sort: EntitySort,
  after: EntitySortKey,
): string {
  const payload: CursorPayload = { sort: sort.field, order: sort.order, after };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/** The sort key in a cursor made for the same sort, or an InputError. */
export function decodeEntityCursor(
  cursor: string,
  sort: EntitySort,
): EntitySortKey {
  let payload: Partial<CursorPayload> | undefined;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    payload = undefined;
  }
  if (
    !payload ||
    payload.sort !== sort.field ||
    payload.order !== sort.order ||
    !isEntitySortKey(payload.after, sort.field)
  ) {
    throw new InputError(
      'Invalid query: cursor: must be the nextCursor of an earlier response with the same sort and order',
    );
  }
  return payload.after;
}
