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

import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { scorecardsApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { mockScorecardsApi } from '../../__testUtils__/fixtures';
import {
  doneCampaign,
  runbookCampaign,
  tlsCampaign,
} from '../../__testUtils__/campaignFixtures';
import { CampaignsList } from './CampaignsList';

const DENY = AuthorizeResult.DENY;
const mountedRoutes = {
  '/scorecards': rootRouteRef,
  '/catalog/:namespace/:kind/:name': entityRouteRef,
};

async function renderList(api = mockScorecardsApi()) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [scorecardsApiRef, api],
        [permissionApiRef, mockApis.permission({ authorize: DENY })],
      ]}
    >
      <CampaignsList />
    </TestApiProvider>,
    { mountedRoutes },
  );
  return api;
}

describe('CampaignsList', () => {
  it('shows a progress bar while loading', async () => {
    await renderList(
      mockScorecardsApi({
        getCampaigns: jest.fn().mockReturnValue(new Promise(() => {})),
      }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('says how to define campaigns when there are none', async () => {
    await renderList(
      mockScorecardsApi({
        getCampaigns: jest.fn().mockResolvedValue({ items: [] }),
      }),
    );
    expect(await screen.findByText('No campaigns yet')).toBeInTheDocument();
    expect(screen.getByText(/define them under/)).toBeInTheDocument();
    expect(screen.getByText('scorecards.campaigns')).toBeInTheDocument();
  });

  it('shows the error of a failed request', async () => {
    await renderList(
      mockScorecardsApi({
        getCampaigns: jest.fn().mockRejectedValue(new Error('Backend down')),
      }),
    );
    expect((await screen.findAllByText(/Backend down/)).length).toBeGreaterThan(
      0,
    );
  });

  it('lists current and past campaigns with status, deadline and progress', async () => {
    const api = await renderList(
      mockScorecardsApi({
        getCampaigns: jest.fn().mockResolvedValue({
          items: [tlsCampaign, runbookCampaign, doneCampaign],
        }),
      }),
    );
    const current = await screen.findByRole('table', {
      name: 'Active campaigns',
    });
    const tls = within(current).getByRole('row', { name: /Move to TLS 1.3/ });
    expect(
      within(tls).getByRole('link', { name: 'Move to TLS 1.3' }),
    ).toHaveAttribute('href', '/scorecards/campaigns/tls-13');
    expect(within(tls).getByText('Active')).toBeInTheDocument();
    expect(within(tls).getByText('12 days left')).toBeInTheDocument();
    expect(within(tls).getByText('75%')).toBeInTheDocument();
    expect(within(tls).getByText('30 of 40 entities')).toBeInTheDocument();
    expect(within(tls).getByText('platform')).toBeInTheDocument();

    const runbooks = within(current).getByRole('row', { name: /Runbooks/ });
    expect(within(runbooks).getByText('Overdue')).toBeInTheDocument();
    expect(within(runbooks).getByText('Overdue by 3 days')).toBeInTheDocument();

    const past = screen.getByRole('table', { name: 'Past campaigns' });
    expect(within(past).getByText('Owners everywhere')).toBeInTheDocument();
    expect(within(past).getByText('Completed')).toBeInTheDocument();
    expect(api.getCampaigns).toHaveBeenCalledWith({
      status: undefined,
      owner: undefined,
    });
  });

  it('passes the status and owner filters to the API', async () => {
    const api = await renderList(
      mockScorecardsApi({
        getCampaigns: jest.fn().mockResolvedValue({
          items: [tlsCampaign, runbookCampaign],
        }),
      }),
    );
    await screen.findByRole('table', { name: 'Active campaigns' });

    await userEvent.click(screen.getByRole('button', { name: /Status/ }));
    await userEvent.click(screen.getByRole('option', { name: 'Overdue' }));
    await waitFor(() =>
      expect(api.getCampaigns).toHaveBeenLastCalledWith({
        status: 'overdue',
        owner: undefined,
      }),
    );

    await screen.findByRole('table', { name: 'Active campaigns' });
    await userEvent.click(screen.getByRole('button', { name: /Owner/ }));
    await userEvent.click(screen.getByRole('option', { name: 'sre' }));
    await waitFor(() =>
      expect(api.getCampaigns).toHaveBeenLastCalledWith({
        status: 'overdue',
        owner: 'group:default/sre',
      }),
    );
  });

  it('says when no campaign matches the filters', async () => {
    await renderList(
      mockScorecardsApi({
        getCampaigns: jest
          .fn()
          .mockResolvedValueOnce({ items: [tlsCampaign] })
          .mockResolvedValue({ items: [] }),
      }),
    );
    await screen.findByRole('table', { name: 'Active campaigns' });
    await userEvent.click(screen.getByRole('button', { name: /Status/ }));
    await userEvent.click(screen.getByRole('option', { name: 'Ended' }));
    expect(
      await screen.findByText('No campaigns match these filters'),
    ).toBeInTheDocument();
  });
});
