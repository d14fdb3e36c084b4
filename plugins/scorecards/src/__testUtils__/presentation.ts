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

import { EntityPresentationApi } from '@backstage/plugin-catalog-react';

/**
 * An entity presentation API that presents the given refs by the given
 * names, and any other ref as it is; its `forEntity` is a jest mock.
 */
export function presentingAs(
  names: Record<string, string>,
): EntityPresentationApi & { forEntity: jest.Mock } {
  const forEntity = jest.fn((ref: string) => {
    const presented = { entityRef: ref, primaryTitle: names[ref] ?? ref };
    return { snapshot: presented, promise: Promise.resolve(presented) };
  });
  return { forEntity } as EntityPresentationApi & { forEntity: jest.Mock };
}
