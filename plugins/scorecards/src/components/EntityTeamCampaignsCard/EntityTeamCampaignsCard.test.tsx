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
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ComponentProps } from 'react';
import {
  scorecardsApiRef,
  TeamCampaign,
  TeamCampaignsResponse,
} from '../../api';
import { rootRouteRef } from '../../routes';
import {
  departmentGroup as department,
  mockScorecardsApi,
} from '../../__testUtils__/fixtures';
import { EntityTeamCampaignsCard } from './EntityTeamCampaignsCard';

const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { namespace: 'default', name: 'Payments' },
  spec: { type: 'team', children: [] },
};

const user: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { namespace: 'default', name: 'wei' },
  spec: {},
};

function teamCampaign(
  campaign: Partial<TeamCampaign> & Pick<TeamCampaign, 'key' | 'name'>,
  inScope: number,
  passing: number,
): TeamCampaign {
  return {
    owner: 'group:default/platform',
    startDate: '2026-11-01',
    source: 'config',
    archived: false,
    editable: false,
    status: 'active',
    daysLeft: null,
    ruleCount: 2,
    progress: { inScope: 100, passing: 50, completion: 50 },
    ...campaign,
    teamProgress: {
      inScope,
      passing,
      completion: Math.round((passing / inScope) * 1000) / 10,
    },
  };
}

const response: TeamCampaignsResponse = {
  team: 'group:default/payments',
  relation: 'direct',
  owners: ['group:default/payments'],
  items: [
    teamCampaign(
      {
        key: 'on-call',
        name: 'On-call for every service',
        status: 'overdue',
        endDate: '2026-10-31',
        daysLeft: -37,
      },
      8,
      6,
    ),
    teamCampaign(
      {
        key: 'tls-13',
        name: 'Move to TLS 1.3',
        endDate: '2026-12-31',
        daysLeft: 24,
      },
      3,
      3,
    ),
    teamCampaign(
      {
        key: 'docs',
        name: 'Docs for all',
        status: 'upcoming',
        startDate: '2027-01-04',
        endDate: '2027-03-31',
        daysLeft: 114,
      },
      1,
      0,
    ),
  ],
};

function renderCard(
  api: ReturnType<typeof mockScorecardsApi>,
  entity = team,
  props: ComponentProps<typeof EntityTeamCampaignsCard> = {},
) {
  return renderInTestApp(
    <TestApiProvider apis={[[scorecardsApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityTeamCampaignsCard {...props} />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/scorecards': rootRouteRef } },
  );
}

describe('EntityTeamCampaignsCard', () => {
  it("shows the team's progress in each campaign, linked to its failing entities", async () => {
    const api = mockScorecardsApi({
      getTeamCampaigns: jest.fn().mockResolvedValue(response),
    });
    await renderCard(api);

    const list = await screen.findByRole('list', {
      name: "Campaigns of the team's entities",
    });
    const items = within(list).getAllByRole('listitem');
    expect(
      items.map(item => within(item).getByRole('heading').textContent),
    ).toEqual(['On-call for every service', 'Move to TLS 1.3', 'Docs for all']);
    expect(api.getTeamCampaigns).toHaveBeenCalledWith(
      'group:default/payments',
      { relation: 'direct' },
    );
    expect(screen.getByText('The entities this team owns')).toBeInTheDocument();

    // Overdue: 6 of 8 pass, 2 failing.
    const [onCall, tls, docs] = items;
    expect(
      within(onCall).getByRole('link', { name: 'On-call for every service' }),
    ).toHaveAttribute(
      'href',
      // The campaign page opens on the team's completion over time.
      '/scorecards/campaigns/on-call?trendTeam=group%3Adefault%2Fpayments',
    );
    expect(within(onCall).getByText('Overdue')).toBeInTheDocument();
    expect(
      within(onCall).getByText('Due Oct 31, 2026 · Overdue by 37 days'),
    ).toBeInTheDocument();
    expect(
      within(onCall).getByRole('progressbar', {
        name: 'Completion of On-call for every service',
      }),
    ).toHaveAttribute('aria-valuenow', '75');
    expect(onCall).toHaveTextContent('6 of 8 entities pass · 2 failing');
    expect(
      within(onCall).getByRole('link', { name: '2 failing' }),
    ).toHaveAttribute(
      'href',
      '/scorecards/campaigns/on-call?team=group%3Adefault%2Fpayments&trendTeam=group%3Adefault%2Fpayments',
    );

    // Every entity passes: nothing failing to link to.
    expect(
      within(tls).getByText('Due Dec 31, 2026 · 24 days left'),
    ).toBeInTheDocument();
    expect(tls).toHaveTextContent('3 of 3 entities pass');
    expect(within(tls).queryByRole('link', { name: /failing/ })).toBeNull();

    // Upcoming: when it starts.
    expect(
      within(docs).getByText('Starts Jan 4, 2027 · due Mar 31, 2027'),
    ).toBeInTheDocument();
    expect(docs).toHaveTextContent('0 of 1 entity passes · 1 failing');
  });

  it("adds up the child teams' entities with indirect ownership", async () => {
    const owners = [
      'group:default/payments',
      'group:default/payments-api',
      'group:default/payments-web',
    ];
    const api = mockScorecardsApi({
      getTeamCampaigns: jest.fn(async (_team, options) =>
        options?.relation === 'aggregated'
          ? {
              ...response,
              relation: 'aggregated' as const,
              owners,
              items: [teamCampaign(response.items[0], 20, 15)],
            }
          : response,
      ),
    });
    await renderCard(api);
    await screen.findByText('The entities this team owns');

    await userEvent.click(
      screen.getByRole('checkbox', {
        name: 'Include indirect ownership in Campaigns',
      }),
    );
    expect(
      await screen.findByText(
        'The entities this team and its 2 child teams own',
      ),
    ).toBeInTheDocument();
    expect(api.getTeamCampaigns).toHaveBeenLastCalledWith(
      'group:default/payments',
      { relation: 'aggregated' },
    );
    expect(screen.getByRole('listitem')).toHaveTextContent(
      '15 of 20 entities pass · 5 failing',
    );
    // The failing entities of all of them, and the department's trend.
    expect(screen.getByRole('link', { name: '5 failing' })).toHaveAttribute(
      'href',
      '/scorecards/campaigns/on-call?team=group%3Adefault%2Fpayments&team=group%3Adefault%2Fpayments-api&team=group%3Adefault%2Fpayments-web&trendDepartment=group%3Adefault%2Fpayments',
    );
    expect(
      screen.getByRole('link', { name: 'On-call for every service' }),
    ).toHaveAttribute(
      'href',
      '/scorecards/campaigns/on-call?trendDepartment=group%3Adefault%2Fpayments',
    );
  });

  it("counts a user's teams from the start, unless configured otherwise", async () => {
    const api = mockScorecardsApi({
      getTeamCampaigns: jest.fn().mockResolvedValue({
        ...response,
        team: 'user:default/wei',
        relation: 'aggregated',
        owners: ['user:default/wei', 'group:default/payments'],
      }),
    });
    await renderCard(api, user);
    expect(
      await screen.findByText('The entities this user and their team own'),
    ).toBeInTheDocument();
    expect(api.getTeamCampaigns).toHaveBeenCalledWith('user:default/wei', {
      relation: 'aggregated',
    });
    expect(
      screen.getByRole('checkbox', {
        name: 'Include indirect ownership in Campaigns',
      }),
    ).toBeChecked();
    // The campaign's trend of the user with their teams.
    expect(
      screen.getByRole('link', { name: 'On-call for every service' }),
    ).toHaveAttribute(
      'href',
      '/scorecards/campaigns/on-call?trendDepartment=user%3Adefault%2Fwei',
    );
  });

  it('starts as configured, without the switch if it is hidden', async () => {
    const api = mockScorecardsApi({
      getTeamCampaigns: jest.fn().mockResolvedValue({
        ...response,
        team: 'user:default/wei',
        owners: ['user:default/wei'],
      }),
    });
    await renderCard(api, user, {
      relationAggregation: 'direct',
      hideRelationsToggle: true,
    });
    expect(
      await screen.findByText('The entities this user owns'),
    ).toBeInTheDocument();
    expect(api.getTeamCampaigns).toHaveBeenCalledWith('user:default/wei', {
      relation: 'direct',
    });
    expect(
      screen.queryByRole('checkbox', {
        name: 'Include indirect ownership in Campaigns',
      }),
    ).toBeNull();
  });

  it('says so when no campaign includes entities of the team', async () => {
    const api = mockScorecardsApi({
      getTeamCampaigns: jest.fn().mockResolvedValue({ ...response, items: [] }),
    });
    await renderCard(api);
    expect(
      await screen.findByText(
        'No campaign includes entities that this team owns.',
      ),
    ).toBeInTheDocument();
  });

  it('offers to count the child teams when a department owns nothing itself', async () => {
    const getTeamCampaigns = jest
      .fn()
      .mockImplementation(async (_team: string, { relation }) =>
        relation === 'direct'
          ? { ...response, items: [] }
          : { ...response, relation },
      );
    await renderCard(mockScorecardsApi({ getTeamCampaigns }), department);
    expect(
      await screen.findByText(
        'No campaign includes entities that this team owns.',
      ),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Include its 2 child teams' }),
    );
    expect(getTeamCampaigns).toHaveBeenLastCalledWith(
      'group:default/engineering',
      { relation: 'aggregated' },
    );
    expect(
      await screen.findByRole('list', {
        name: "Campaigns of the team's entities",
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('checkbox', {
        name: 'Include indirect ownership in Campaigns',
      }),
    ).toBeChecked();
  });

  it('shows an error when the campaigns cannot be read', async () => {
    const api = mockScorecardsApi({
      getTeamCampaigns: jest
        .fn()
        .mockRejectedValue(new Error('No entity group:default/payments')),
    });
    await renderCard(api);
    expect(
      (await screen.findAllByText(/No entity group:default\/payments/)).length,
    ).toBeGreaterThan(0);
  });
});
