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

import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isScorecardsAvailable } from '../isScorecardsAvailable';

/** The entity's Scorecards tab. */
export const entityScorecardsContent = EntityContentBlueprint.make({
  params: {
    path: 'scorecards',
    title: 'Scorecards',
    filter: isScorecardsAvailable,
    loader: () =>
      import('../components/EntityScorecardsContent').then(m => (
        <m.EntityScorecardsContent />
      )),
  },
});

/** The entity's Campaigns tab. */
export const entityCampaignsContent = EntityContentBlueprint.make({
  name: 'campaigns',
  params: {
    path: 'campaigns',
    title: 'Campaigns',
    filter: isScorecardsAvailable,
    loader: () =>
      import('../components/EntityCampaignsContent').then(m => (
        <m.EntityCampaignsContent />
      )),
  },
});
