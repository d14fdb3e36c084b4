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

import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { scorecardsApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { mockScorecardsApi } from '../../__testUtils__/fixtures';
import {
  paymentsCampaigns,
  runbookCampaign,
  tlsCampaign,
} from '../../__testUtils__/campaignFixtures';
import { CampaignDeadlines } from './CampaignDeadlines';

describe('CampaignDeadlines', () => {
  it('names the campaigns the entity still fails, with their deadlines', async () => {
    const failing = paymentsCampaigns.items[0];
    const api = mockScorecardsApi({
      getEntityCampaigns: jest.fn().mockResolvedValue({
        ...paymentsCampaigns,
        items: [
          failing,
          { ...failing, ...runbookCampaign },
          // Passed, or over: not named.
          { ...failing, key: 'passed', name: 'Passed', passing: true },
          {
            ...failing,
            ...tlsCampaign,
            key: 'ended',
            name: 'Ended',
            status: 'ended',
          },
        ],
      }),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[scorecardsApiRef, api]]}>
        <CampaignDeadlines entityRef="component:default/payments" />
      </TestApiProvider>,
      { mountedRoutes: { '/scorecards': rootRouteRef } },
    );
    expect(await screen.findByRole('note')).toHaveTextContent(
      'Campaigns: Move to TLS 1.3 (due Mar 31, 2026, 12 days left); Runbooks for all (due Mar 31, 2026, overdue by 3 days)',
    );
    expect(
      screen.getByRole('link', { name: 'Runbooks for all' }),
    ).toHaveAttribute('href', '/scorecards/campaigns/runbooks');
  });
});
