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

import { alertApiRef } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CampaignDetailsResponse, scorecardsApiRef } from '../../api';
import {
  FreshPermissionCache,
  mockScorecardsApi,
} from '../../__testUtils__/fixtures';
import { tlsDetails } from '../../__testUtils__/campaignFixtures';
import { CampaignEntitiesTable } from './CampaignEntitiesTable';
import { CampaignNotifyButton } from './CampaignNotifyButton';

const failingEntity = (name: string, owner: string, rules: string[]) => ({
  entityRef: `component:default/${name}`,
  kind: 'component',
  namespace: 'default',
  name,
  owner,
  failingRules: rules,
});

async function render(
  element: JSX.Element,
  options: {
    scorecardsApi?: ReturnType<typeof mockScorecardsApi>;
    allow?: boolean;
  } = {},
) {
  const scorecardsApi = options.scorecardsApi ?? mockScorecardsApi();
  const alertApi = { post: jest.fn(), alert$: jest.fn() };
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [scorecardsApiRef, scorecardsApi],
        [alertApiRef, alertApi],
        [
          permissionApiRef,
          mockApis.permission({
            authorize:
              options.allow === false
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
          }),
        ],
      ]}
    >
      <FreshPermissionCache>{element}</FreshPermissionCache>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return { scorecardsApi, alertApi };
}

describe('CampaignNotifyButton', () => {
  it('is hidden without the notify permission', async () => {
    await render(<CampaignNotifyButton campaign={tlsDetails} />, {
      allow: false,
    });
    expect(
      screen.queryByRole('button', { name: /Notify owners/ }),
    ).not.toBeInTheDocument();
  });

  it('confirms with the number of teams, then notifies', async () => {
    const scorecardsApi = mockScorecardsApi({
      notifyCampaignOwners: jest.fn().mockResolvedValue({
        teamsNotified: 2,
        entitiesIncluded: 9,
        unowned: 1,
        failedTeams: [],
      }),
    });
    const { alertApi } = await render(
      <CampaignNotifyButton campaign={tlsDetails} />,
      { scorecardsApi },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: /Notify owners/ }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Notify owners?' });
    expect(dialog).toHaveTextContent(
      '2 teams will get a notification listing their entities that still fail Move to TLS 1.3',
    );
    expect(dialog).toHaveTextContent(
      '1 failing entity has no owner and will not be included.',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Notify 2 teams' }),
    );
    await waitFor(() =>
      expect(alertApi.post).toHaveBeenCalledWith(
        expect.objectContaining({
          message:
            'Notified 2 teams about 9 failing entities; 1 entity without an owner was not notified',
          severity: 'success',
        }),
      ),
    );
    expect(scorecardsApi.notifyCampaignOwners).toHaveBeenCalledWith(
      'tls-13',
      {},
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('notifies the owners of the chosen teams only', async () => {
    const scorecardsApi = mockScorecardsApi({
      notifyCampaignOwners: jest.fn().mockResolvedValue({
        teamsNotified: 1,
        entitiesIncluded: 8,
        unowned: 1,
        failedTeams: [],
      }),
    });
    await render(
      <CampaignNotifyButton
        campaign={tlsDetails}
        teams={['group:default/team-b', '']}
      />,
      { scorecardsApi },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: /Notify owners/ }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Notify owners?' });
    expect(dialog).toHaveTextContent(
      '1 team will get a notification listing their entities that still fail Move to TLS 1.3',
    );
    expect(dialog).toHaveTextContent(
      '1 failing entity has no owner and will not be included.',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Notify 1 team' }),
    );
    await waitFor(() =>
      expect(scorecardsApi.notifyCampaignOwners).toHaveBeenCalledWith(
        'tls-13',
        { team: ['group:default/team-b', ''] },
      ),
    );
  });

  it('notifies the owners of the entities failing the chosen rule', async () => {
    const scorecardsApi = mockScorecardsApi({
      notifyCampaignOwners: jest.fn().mockResolvedValue({
        teamsNotified: 1,
        entitiesIncluded: 1,
        unowned: 0,
        failedTeams: [],
      }),
    });
    await render(
      <CampaignNotifyButton
        campaign={tlsDetails}
        teams={['group:default/team-a']}
        rule="security/hsts"
      />,
      { scorecardsApi },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: /Notify owners/ }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Notify owners?' });
    expect(dialog).toHaveTextContent(
      'Of the chosen teams, those that own entities failing Sends HSTS each get a notification listing them',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Notify owners' }),
    );
    await waitFor(() =>
      expect(scorecardsApi.notifyCampaignOwners).toHaveBeenCalledWith(
        'tls-13',
        { team: ['group:default/team-a'], rule: 'security/hsts' },
      ),
    );
  });

  it('is disabled for the entities without an owner alone', async () => {
    await render(<CampaignNotifyButton campaign={tlsDetails} teams={['']} />);
    const button = await screen.findByRole('button', { name: /Notify owners/ });
    expect(button).toBeDisabled();
    expect(button.closest('[title]')).toHaveAttribute(
      'title',
      'Entities without an owner have nobody to notify',
    );
  });

  it("notifies with the failing entities' filters", async () => {
    const scorecardsApi = mockScorecardsApi({
      getCampaignEntities: jest.fn().mockResolvedValue({ items: [] }),
      notifyCampaignOwners: jest.fn().mockResolvedValue({
        teamsNotified: 1,
        entitiesIncluded: 8,
        unowned: 0,
        failedTeams: [],
      }),
    });
    await render(<CampaignEntitiesTable campaign={tlsDetails} />, {
      scorecardsApi,
    });
    await userEvent.click(
      await screen.findByRole('button', { name: /All teams/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'team-b' }),
    );
    await userEvent.keyboard('{Escape}');
    await userEvent.click(
      await screen.findByRole('button', { name: /Notify owners/ }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Notify owners?' });
    expect(dialog).toHaveTextContent('1 team will get a notification');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Notify 1 team' }),
    );
    await waitFor(() =>
      expect(scorecardsApi.notifyCampaignOwners).toHaveBeenCalledWith(
        'tls-13',
        { team: ['group:default/team-b'] },
      ),
    );
  });

  it('shows the error in the dialog', async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          name: 'ServiceUnavailableError',
          message: 'Notifications are not available',
        },
        request: { method: 'POST', url: '/campaigns/tls-13/notify' },
        response: { statusCode: 503 },
      }),
      { status: 503, headers: { 'Content-Type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response as any);
    const scorecardsApi = mockScorecardsApi({
      notifyCampaignOwners: jest.fn().mockRejectedValue(error),
    });
    const { alertApi } = await render(
      <CampaignNotifyButton campaign={tlsDetails} />,
      { scorecardsApi },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: /Notify owners/ }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Notify 2 teams' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not notify the owners: Notifications are not available',
    );
    expect(alertApi.post).not.toHaveBeenCalled();
  });

  it('is disabled when no team owns a failing entity', async () => {
    const done: CampaignDetailsResponse = {
      ...tlsDetails,
      byTeam: [
        {
          owner: 'group:default/team-a',
          inScope: 2,
          passing: 2,
          completion: 100,
        },
        { owner: '', inScope: 2, passing: 1, completion: 50 },
      ],
    };
    await render(<CampaignNotifyButton campaign={done} />);
    expect(
      await screen.findByRole('button', { name: /Notify owners/ }),
    ).toBeDisabled();
  });
});

describe('Create ticket', () => {
  const template =
    'https://tracker.example.com/new?title={campaign}&team={team}&body={entities}&rules={rules}&due={deadline}';

  function entitiesApi() {
    return mockScorecardsApi({
      getCampaignEntities: jest.fn().mockResolvedValue({
        items: [
          failingEntity('payments', 'group:default/team-b', ['security/tls']),
          failingEntity('orders', 'group:default/team-b', ['security/tls']),
        ],
      }),
    });
  }

  it('links a new ticket for the chosen team, filled from the template', async () => {
    const scorecardsApi = entitiesApi();
    await render(
      <CampaignEntitiesTable
        campaign={{ ...tlsDetails, ticketUrlTemplate: template }}
      />,
      { scorecardsApi },
    );
    expect(
      await screen.findByText('Choose a team to create a ticket'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /Create ticket/ }),
    ).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: /All teams/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'team-b' }),
    );
    await userEvent.keyboard('{Escape}');

    const link = await screen.findByRole('link', {
      name: 'Create ticket for team-b',
    });
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    const title = tlsDetails.byRule.find(r => r.rule === 'security/tls')!.title;
    expect(link).toHaveAttribute(
      'href',
      `https://tracker.example.com/new?title=Move%20to%20TLS%201.3&team=group%3Adefault%2Fteam-b&body=component%3Adefault%2Fpayments%2C%20component%3Adefault%2Forders&rules=${encodeURIComponent(
        title,
      )}&due=2026-03-31`,
    );
    expect(scorecardsApi.getCampaignEntities).toHaveBeenCalledWith('tls-13', {
      team: 'group:default/team-b',
      limit: 50,
    });

    // A ticket is for one team.
    await userEvent.click(screen.getByRole('button', { name: /team-b/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'team-a' }),
    );
    await userEvent.keyboard('{Escape}');
    expect(
      await screen.findByText('Choose one team to create a ticket'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /Create ticket/ }),
    ).not.toBeInTheDocument();
  });

  it('offers no ticket link without a template', async () => {
    await render(<CampaignEntitiesTable campaign={tlsDetails} />, {
      scorecardsApi: entitiesApi(),
    });
    await userEvent.click(
      await screen.findByRole('button', { name: /All teams/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'team-b' }),
    );
    await userEvent.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.getAllByText('payments').length).toBeGreaterThan(0),
    );
    expect(
      screen.queryByRole('link', { name: /Create ticket/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByText('Choose a team to create a ticket'),
    ).not.toBeInTheDocument();
  });
});
