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
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { scorecardsApiRef } from '../../api';
import {
  mockScorecardsApi,
  paymentsEntity,
  paymentsScorecards,
} from '../../__testUtils__/fixtures';
import { EntityScorecardsCard } from './EntityScorecardsCard';

function renderCard(api: ReturnType<typeof mockScorecardsApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[scorecardsApiRef, api]]}>
      <EntityProvider entity={paymentsEntity}>
        <EntityScorecardsCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('EntityScorecardsCard', () => {
  it('shows the level and score in each scorecard and links to the tab', async () => {
    const api = mockScorecardsApi({
      getEntityScorecards: jest.fn().mockResolvedValue(paymentsScorecards),
    });
    await renderCard(api);

    const row = await screen.findByRole('row', {
      name: /Production Readiness/,
    });
    expect(within(row).getByTestId('level-badge')).toHaveTextContent('Bronze');
    expect(within(row).getByText('66.7%')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /View scorecards/ }),
    ).toHaveAttribute('href', '/catalog/default/component/payments/scorecards');
    // Each scorecard opens its own card on the tab.
    expect(
      within(row).getByRole('link', { name: 'Production Readiness' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/payments/scorecards#scorecard-production-readiness',
    );
  });

  it('says so when no scorecard applies', async () => {
    const api = mockScorecardsApi({
      getEntityScorecards: jest
        .fn()
        .mockResolvedValue({ ...paymentsScorecards, scorecards: [] }),
    });
    await renderCard(api);
    expect(
      await screen.findByText('No scorecards apply to this entity.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /View scorecards/ })).toBeNull();
  });

  it('shows an error when the results cannot be read', async () => {
    const api = mockScorecardsApi({
      getEntityScorecards: jest.fn().mockRejectedValue(new Error('Boom')),
    });
    await renderCard(api);
    expect((await screen.findAllByText(/Boom/)).length).toBeGreaterThan(0);
  });
});
