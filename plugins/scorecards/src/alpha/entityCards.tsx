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

import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  isScorecardsAvailable,
  isTeamScorecardsAvailable,
} from '../isScorecardsAvailable';
import { z } from 'zod/v4';
import type { TeamOwnershipProps } from '../components/TeamOwnership';

/** The entity's levels at a glance, on its overview. */
export const entityScorecardsCard = EntityCardBlueprint.make({
  name: 'scorecards',
  params: {
    type: 'info',
    filter: isScorecardsAvailable,
    loader: () =>
      import('../components/EntityScorecardsCard').then(m => (
        <m.EntityScorecardsCard />
      )),
  },
});

// The team cards' config, as the catalog's Ownership card's.
const teamCardConfigSchema = {
  initialRelationAggregation: z.enum(['direct', 'aggregated']).optional(),
  showAggregateMembersToggle: z.boolean().optional(),
};

function teamCardProps(config: {
  initialRelationAggregation?: 'direct' | 'aggregated';
  showAggregateMembersToggle?: boolean;
}) {
  return {
    relationAggregation: config.initialRelationAggregation,
    hideRelationsToggle:
      config.showAggregateMembersToggle === undefined
        ? undefined
        : !config.showAggregateMembersToggle,
  };
}

/** A card for Group and User pages, configured as the Ownership card. */
function teamCard<TName extends string>(
  name: TName,
  load: (props: TeamOwnershipProps) => Promise<JSX.Element>,
) {
  return EntityCardBlueprint.makeWithOverrides({
    name,
    configSchema: teamCardConfigSchema,
    factory(originalFactory, { config }) {
      return originalFactory({
        type: 'content',
        filter: isTeamScorecardsAvailable,
        loader: () => load(teamCardProps(config)),
      });
    },
  });
}

/**
 * How a team's entities do on every scorecard, on the team's page. Its
 * config, as the catalog's Ownership card's: `initialRelationAggregation`
 * (`direct` or `aggregated`) and `showAggregateMembersToggle`.
 */
export const entityTeamScorecardsCard = teamCard('team-scorecards', props =>
  import('../components/EntityTeamScorecardsCard').then(m => (
    <m.EntityTeamScorecardsCard {...props} />
  )),
);

/**
 * The campaigns a team's entities are in, on the team's page; its config is
 * the team scorecards card's.
 */
export const entityTeamCampaignsCard = teamCard('team-campaigns', props =>
  import('../components/EntityTeamCampaignsCard').then(m => (
    <m.EntityTeamCampaignsCard {...props} />
  )),
);
