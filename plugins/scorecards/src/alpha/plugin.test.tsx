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

import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { scorecardsApiRef } from '../api';
import {
  mockScorecardsApi,
  paymentsEntity,
  scorecardsList,
} from '../__testUtils__/fixtures';
import {
  entityScorecardsCard,
  entityTeamCampaignsCard,
  entityTeamScorecardsCard,
} from './entityCards';
import {
  entityCampaignsContent,
  entityScorecardsContent,
} from './entityContent';
import { campaignsPage, scorecardsPage } from './pages';
import scorecardsPlugin from './plugin';

describe('scorecards plugin for the new frontend system', () => {
  it('provides the API, page, entity tab and entity card', () => {
    expect(scorecardsPlugin.id).toBe('scorecards');
    expect(scorecardsPlugin.getExtension('api:scorecards')).toBeDefined();
    expect(scorecardsPlugin.getExtension('page:scorecards')).toBeDefined();
    expect(
      scorecardsPlugin.getExtension('page:scorecards/campaigns'),
    ).toBeDefined();
    expect(
      scorecardsPlugin.getExtension('entity-content:scorecards'),
    ).toBeDefined();
    expect(
      scorecardsPlugin.getExtension('entity-content:scorecards/campaigns'),
    ).toBeDefined();
    expect(
      scorecardsPlugin.getExtension('entity-card:scorecards/scorecards'),
    ).toBeDefined();
  });

  it('puts the Scorecards tab at scorecards, for software entities only', () => {
    const tester = createExtensionTester(entityScorecardsContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('scorecards');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Scorecards',
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(paymentsEntity)).toBe(true);
    expect(filter({ ...paymentsEntity, kind: 'Group' })).toBe(false);
  });

  it('puts the Campaigns tab at campaigns, for software entities only', () => {
    const tester = createExtensionTester(entityCampaignsContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('campaigns');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Campaigns');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(paymentsEntity)).toBe(true);
    expect(filter({ ...paymentsEntity, kind: 'Group' })).toBe(false);
  });

  it('makes the card an info card for software entities only', () => {
    const tester = createExtensionTester(entityScorecardsCard);
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('info');
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(filter({ ...paymentsEntity, kind: 'API' })).toBe(true);
    expect(filter({ ...paymentsEntity, kind: 'User' })).toBe(false);
  });

  it('makes the team card a content card for groups and users', () => {
    const tester = createExtensionTester(entityTeamScorecardsCard);
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('content');
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(filter({ ...paymentsEntity, kind: 'Group' })).toBe(true);
    expect(filter({ ...paymentsEntity, kind: 'User' })).toBe(true);
    expect(filter(paymentsEntity)).toBe(false);
  });

  it('makes the team campaigns card a content card for groups and users, configured as the team card', async () => {
    const tester = createExtensionTester(entityTeamCampaignsCard, {
      config: { initialRelationAggregation: 'aggregated' },
    });
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('content');
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(filter({ ...paymentsEntity, kind: 'Group' })).toBe(true);
    expect(filter({ ...paymentsEntity, kind: 'User' })).toBe(true);
    expect(filter(paymentsEntity)).toBe(false);
    expect(
      scorecardsPlugin.getExtension('entity-card:scorecards/team-campaigns'),
    ).toBeDefined();

    const api = mockScorecardsApi({
      getTeamCampaigns: jest.fn().mockResolvedValue({
        team: 'group:default/payments',
        relation: 'aggregated',
        owners: ['group:default/payments', 'group:default/payments-api'],
        items: [],
      }),
    });
    renderInTestApp(
      <EntityProvider entity={{ ...paymentsEntity, kind: 'Group' }}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[scorecardsApiRef, api]] },
    );
    expect(
      await screen.findByText(
        'No campaign includes entities that this team or its child teams own.',
        undefined,
        // The card is loaded lazily.
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(api.getTeamCampaigns).toHaveBeenCalledWith(
      'group:default/payments',
      { relation: 'aggregated' },
    );
    // The switch is shown unless configured away.
    expect(
      screen.getByRole('checkbox', {
        name: 'Include indirect ownership in Campaigns',
      }),
    ).toBeChecked();
  }, 20_000);

  it('starts the team card as configured', async () => {
    const api = mockScorecardsApi({
      getTeamScorecards: jest.fn().mockResolvedValue({
        team: 'group:default/payments',
        relation: 'aggregated',
        owners: ['group:default/payments', 'group:default/payments-api'],
        levels: ['Basic'],
        lastRun: null,
        items: [],
      }),
    });
    const tester = createExtensionTester(entityTeamScorecardsCard, {
      config: {
        initialRelationAggregation: 'aggregated',
        showAggregateMembersToggle: false,
      },
    });
    renderInTestApp(
      <EntityProvider entity={{ ...paymentsEntity, kind: 'Group' }}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[scorecardsApiRef, api]] },
    );
    expect(
      await screen.findByText(
        'The entities this team and its child team own',
        undefined,
        // The card is loaded lazily.
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(api.getTeamScorecards).toHaveBeenCalledWith(
      'group:default/payments',
      { relation: 'aggregated' },
    );
    expect(
      screen.queryByRole('checkbox', {
        name: 'Include indirect ownership in Scorecards',
      }),
    ).toBeNull();
  }, 20_000);

  it('renders the Scorecards page at /scorecards with its title', async () => {
    const api = mockScorecardsApi({
      getScorecards: jest.fn().mockResolvedValue(scorecardsList),
      getScorecard: jest.fn().mockReturnValue(new Promise(() => {})),
    });
    const tester = createExtensionTester(scorecardsPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/scorecards');
    expect(tester.get(coreExtensionData.title)).toBe('Scorecards');

    renderTestApp({
      features: [scorecardsPlugin],
      apis: [[scorecardsApiRef, api]],
      initialRouteEntries: ['/scorecards'],
    });
    expect(
      await screen.findByRole(
        'link',
        { name: 'Production Readiness' },
        // The page's content is loaded lazily.
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
  }, 20_000);

  it('gives Campaigns its own page at /scorecards/campaigns, with a nav title and icon', async () => {
    const api = mockScorecardsApi({
      getCampaigns: jest.fn().mockResolvedValue({ items: [] }),
    });
    const tester = createExtensionTester(campaignsPage);
    expect(tester.get(coreExtensionData.routePath)).toBe(
      '/scorecards/campaigns',
    );
    expect(tester.get(coreExtensionData.title)).toBe('Campaigns');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
    expect(tester.get(coreExtensionData.routeRef)).toBeDefined();

    renderTestApp({
      features: [scorecardsPlugin],
      apis: [[scorecardsApiRef, api]],
      initialRouteEntries: ['/scorecards/campaigns'],
    });
    expect(
      await screen.findByText('No campaigns yet', undefined, {
        timeout: 10_000,
      }),
    ).toBeInTheDocument();
    // Still the Campaigns tab of the Scorecards page.
    expect(screen.getByRole('tab', { name: 'Campaigns' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveAttribute(
      'href',
      '/scorecards',
    );
  }, 20_000);
});
