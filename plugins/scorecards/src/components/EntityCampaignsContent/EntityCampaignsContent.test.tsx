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
  entityRouteRef,
  EntityProvider,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { scorecardsApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  mockScorecardsApi,
  paymentsEntity,
} from '../../__testUtils__/fixtures';
import { paymentsCampaigns } from '../../__testUtils__/campaignFixtures';
import { EntityCampaignsContent } from './EntityCampaignsContent';

async function renderTab(api: ReturnType<typeof mockScorecardsApi>) {
  await renderInTestApp(
    <TestApiProvider apis={[[scorecardsApiRef, api]]}>
      <EntityProvider entity={paymentsEntity}>
        <EntityCampaignsContent />
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/scorecards': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}

describe('EntityCampaignsContent', () => {
  it('shows a progress bar while loading', async () => {
    await renderTab(
      mockScorecardsApi({
        getEntityCampaigns: jest.fn().mockReturnValue(new Promise(() => {})),
      }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('says when the entity is in no campaign', async () => {
    await renderTab(
      mockScorecardsApi({
        getEntityCampaigns: jest
          .fn()
          .mockResolvedValue({ entityRef: 'x', items: [] }),
      }),
    );
    expect(
      await screen.findByText('This entity is not part of any campaign'),
    ).toBeInTheDocument();
  });

  it('shows the error of a failed request', async () => {
    await renderTab(
      mockScorecardsApi({
        getEntityCampaigns: jest.fn().mockRejectedValue(new Error('Boom')),
      }),
    );
    expect((await screen.findAllByText(/Boom/)).length).toBeGreaterThan(0);
  });

  it('says "1 of 1 rule" for a campaign of one rule', async () => {
    const [campaign] = paymentsCampaigns.items;
    await renderTab(
      mockScorecardsApi({
        getEntityCampaigns: jest.fn().mockResolvedValue({
          ...paymentsCampaigns,
          items: [{ ...campaign, rules: campaign.rules.slice(0, 1) }],
        }),
      }),
    );
    expect(
      await screen.findByText('This entity fails 1 of 1 rule'),
    ).toBeInTheDocument();
  });

  it('shows deadlines, rule statuses and guidance for failing rules', async () => {
    const api = mockScorecardsApi({
      getEntityCampaigns: jest.fn().mockResolvedValue(paymentsCampaigns),
    });
    await renderTab(api);
    expect(
      await screen.findByRole('link', { name: 'Move to TLS 1.3' }),
    ).toHaveAttribute('href', '/scorecards/campaigns/tls-13');
    expect(api.getEntityCampaigns).toHaveBeenCalledWith(
      'component:default/payments',
    );
    expect(screen.getByText(/Mar 31, 2026 · 12 days left/)).toBeInTheDocument();
    expect(
      screen.getByText('This entity fails 1 of 2 rules'),
    ).toBeInTheDocument();
    const rules = screen.getByRole('list', {
      name: 'Rules of Move to TLS 1.3',
    });
    expect(within(rules).getByTitle('Failed')).toBeInTheDocument();
    expect(within(rules).getByTitle('Passed')).toBeInTheDocument();
    expect(
      within(rules).getByText('spec.tls is 1.2; must be 1.3'),
    ).toBeInTheDocument();
    expect(within(rules).getByText('Upgrade the ingress')).toBeInTheDocument();
    expect(within(rules).queryByText('Should not be shown')).toBeNull();
  });
});
