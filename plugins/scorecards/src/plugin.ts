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
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { scorecardsApiRef, ScorecardsClient } from './api';
import { rootRouteRef } from './routes';

/**
 * The scorecards frontend plugin, for apps on the legacy frontend system.
 *
 * @public
 */
export const scorecardsPlugin = createPlugin({
  id: 'scorecards',
  apis: [
    createApiFactory({
      api: scorecardsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ScorecardsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/**
 * The standalone Scorecards page: overview, a scorecard's details with its
 * entity table, and history. Mount it at `/scorecards`.
 *
 * @public
 */
export const ScorecardsPage = scorecardsPlugin.provide(
  createRoutableExtension({
    name: 'ScorecardsPage',
    component: () =>
      import('./components/ScorecardsPage').then(m => m.ScorecardsPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The entity's Scorecards tab: one card per scorecard that applies, with
 * level, score, every rule's outcome and guidance.
 *
 * @public
 */
export const EntityScorecardsContent = scorecardsPlugin.provide(
  createComponentExtension({
    name: 'EntityScorecardsContent',
    component: {
      lazy: () =>
        import('./components/EntityScorecardsContent').then(
          m => m.EntityScorecardsContent,
        ),
    },
  }),
);

/**
 * A card with the entity's level and score in each scorecard, for the
 * entity's overview page.
 *
 * @public
 */
export const EntityScorecardsCard = scorecardsPlugin.provide(
  createComponentExtension({
    name: 'EntityScorecardsCard',
    component: {
      lazy: () =>
        import('./components/EntityScorecardsCard').then(
          m => m.EntityScorecardsCard,
        ),
    },
  }),
);

/**
 * A card for a team's (group's or user's) entity page: how the entities it
 * owns do on every scorecard, linked to each scorecard's entity table
 * filtered to the team.
 *
 * @public
 */
export const EntityTeamScorecardsCard = scorecardsPlugin.provide(
  createComponentExtension({
    name: 'EntityTeamScorecardsCard',
    component: {
      lazy: () =>
        import('./components/EntityTeamScorecardsCard').then(
          m => m.EntityTeamScorecardsCard,
        ),
    },
  }),
);

/**
 * A card for a team's (group's or user's) entity page: the campaigns its
 * entities are in, with the team's completion of each, linked to the
 * campaign's failing entities filtered to the team.
 *
 * @public
 */
export const EntityTeamCampaignsCard = scorecardsPlugin.provide(
  createComponentExtension({
    name: 'EntityTeamCampaignsCard',
    component: {
      lazy: () =>
        import('./components/EntityTeamCampaignsCard').then(
          m => m.EntityTeamCampaignsCard,
        ),
    },
  }),
);

/**
 * The entity's Campaigns tab: its campaigns, deadlines and failing rules.
 *
 * @public
 */
export const EntityCampaignsContent = scorecardsPlugin.provide(
  createComponentExtension({
    name: 'EntityCampaignsContent',
    component: {
      lazy: () =>
        import('./components/EntityCampaignsContent').then(
          m => m.EntityCampaignsContent,
        ),
    },
  }),
);
