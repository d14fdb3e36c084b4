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
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { scorecardsApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  mockScorecardsApi,
  productionReadinessDetails,
  scorecardsList,
} from '../../__testUtils__/fixtures';
import { ScorecardsOverview } from './ScorecardsOverview';

const mountedRoutes = {
  '/scorecards': rootRouteRef,
  '/catalog/:namespace/:kind/:name': entityRouteRef,
};

let currentSearch = '';
function SearchProbe() {
  currentSearch = useLocation().search;
  return null;
}

function renderOverview(api: ReturnType<typeof mockScorecardsApi>, path = '/') {
  return renderInTestApp(
    <TestApiProvider apis={[[scorecardsApiRef, api]]}>
      <ScorecardsOverview />
      <SearchProbe />
    </TestApiProvider>,
    { mountedRoutes, routeEntries: [path] },
  );
}

describe('ScorecardsOverview', () => {
  it('shows progress while loading', async () => {
    const api = mockScorecardsApi({
      getScorecards: jest.fn().mockReturnValue(new Promise(() => {})),
    });
    await renderOverview(api);
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows an error when the scorecards cannot be read', async () => {
    const api = mockScorecardsApi({
      getScorecards: jest.fn().mockRejectedValue(new Error('Backend down')),
    });
    await renderOverview(api);
    expect((await screen.findAllByText(/Backend down/)).length).toBeGreaterThan(
      0,
    );
  });

  it('explains how to define scorecards when there are none', async () => {
    const api = mockScorecardsApi({
      getScorecards: jest
        .fn()
        .mockResolvedValue({ ...scorecardsList, items: [] }),
    });
    await renderOverview(api);
    expect(
      await screen.findByText('No scorecards defined'),
    ).toBeInTheDocument();
  });

  it('shows each scorecard with its level distribution and average score', async () => {
    const api = mockScorecardsApi({
      getScorecards: jest.fn().mockResolvedValue(scorecardsList),
      getScorecard: jest.fn().mockResolvedValue(productionReadinessDetails),
    });
    await renderOverview(api);

    expect(
      await screen.findByRole('link', { name: 'Production Readiness' }),
    ).toHaveAttribute('href', '/scorecards/production-readiness');
    expect(screen.getByText('72.5%')).toBeInTheDocument();
    expect(screen.getByText('40')).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Level distribution: Basic 10 (25%), Bronze 20 (50%), Silver 6 (15%), Gold 4 (10%)',
      }),
    ).toBeInTheDocument();
    // A scorecard nothing was evaluated against yet.
    expect(
      screen.getByRole('img', { name: 'No entities evaluated' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('last-run')).toHaveTextContent(
      /succeeded .* 40 entities evaluated/,
    );
  });

  it('shows the highest and lowest rules, entities and teams of a scorecard', async () => {
    const api = mockScorecardsApi({
      getScorecards: jest.fn().mockResolvedValue(scorecardsList),
      getScorecard: jest.fn().mockResolvedValue(productionReadinessDetails),
    });
    await renderOverview(api);

    const lowestRules = await screen.findByRole('list', {
      name: 'Lowest scoring rules',
    });
    expect(within(lowestRules).getByText('Has on-call')).toBeInTheDocument();
    expect(within(lowestRules).getByText(/33.3% pass/)).toBeInTheDocument();
    const highestEntities = screen.getByRole('list', {
      name: 'Highest scoring entities',
    });
    expect(within(highestEntities).getByText('checkout')).toBeInTheDocument();
    const lowestTeams = screen.getByRole('list', {
      name: 'Lowest scoring teams',
    });
    expect(within(lowestTeams).getByText('team-b')).toBeInTheDocument();
    expect(api.getScorecard).toHaveBeenCalledWith('production-readiness');

    // Switching the scorecard reads that one's details.
    await userEvent.click(screen.getByRole('button', { name: /Scorecard/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Documentation & Ownership' }),
    );
    await waitFor(() =>
      expect(api.getScorecard).toHaveBeenLastCalledWith('documentation'),
    );
    // Kept in the URL, so that the view can be shared; the first scorecard
    // is the default, left out.
    expect(currentSearch).toBe('?scorecard=documentation');
    await userEvent.click(screen.getByRole('button', { name: /Scorecard/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Production Readiness' }),
    );
    expect(currentSearch).toBe('');
  });

  it('starts with the scorecard in the URL, or the first for an unknown one', async () => {
    const api = mockScorecardsApi({
      getScorecards: jest.fn().mockResolvedValue(scorecardsList),
      getScorecard: jest.fn().mockResolvedValue(productionReadinessDetails),
    });
    const { unmount } = await renderOverview(api, '/?scorecard=documentation');
    await waitFor(() =>
      expect(api.getScorecard).toHaveBeenCalledWith('documentation'),
    );
    expect(screen.getByRole('button', { name: /Scorecard/ })).toHaveTextContent(
      'Documentation & Ownership',
    );
    expect(api.getScorecard).not.toHaveBeenCalledWith('production-readiness');
    unmount();

    await renderOverview(api, '/?scorecard=gone');
    await waitFor(() =>
      expect(api.getScorecard).toHaveBeenLastCalledWith('production-readiness'),
    );
  });

  it('ranks departments by average score when the teams card is switched', async () => {
    const department = (name: string, averageScore: number, teams: number) => ({
      owner: `group:default/${name}`,
      owners: Array.from(
        { length: teams },
        (_, i) => `group:default/${name}-team-${i}`,
      ),
      entities: 10 * teams,
      averageScore,
      distribution: [],
      rules: [],
    });
    const api = mockScorecardsApi({
      getScorecards: jest.fn().mockResolvedValue(scorecardsList),
      getScorecard: jest.fn().mockResolvedValue(productionReadinessDetails),
      getScorecardDepartments: jest.fn().mockResolvedValue({
        levels: productionReadinessDetails.levels,
        // In no particular order; a tie goes by name.
        items: [
          department('sales', 40, 1),
          department('engineering', 80, 3),
          department('product', 55.5, 2),
          department('finance', 55.5, 1),
          department('support', 20, 2),
        ],
      }),
    });
    await renderOverview(api);
    await screen.findByRole('list', { name: 'Lowest scoring teams' });
    expect(api.getScorecardDepartments).not.toHaveBeenCalled();

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'By department in Teams' }),
    );
    const items = (name: string) =>
      within(screen.getByRole('list', { name }))
        .getAllByRole('listitem')
        .map(item => item.textContent);
    await screen.findByRole('list', { name: 'Highest scoring departments' });
    expect(api.getScorecardDepartments).toHaveBeenCalledWith(
      'production-readiness',
    );
    // Five departments: the better three, then the worse two, worst first.
    expect(items('Highest scoring departments')).toEqual([
      'engineering3 teams80% avg · 30',
      'finance1 team55.5% avg · 10',
      'product2 teams55.5% avg · 20',
    ]);
    expect(items('Lowest scoring departments')).toEqual([
      'support2 teams20% avg · 20',
      'sales1 team40% avg · 10',
    ]);
    expect(
      screen.queryByRole('list', { name: 'Lowest scoring teams' }),
    ).toBeNull();
  });

  it('says a lone entity is listed above, not that nothing was evaluated', async () => {
    const api = mockScorecardsApi({
      getScorecards: jest.fn().mockResolvedValue(scorecardsList),
      getScorecard: jest.fn().mockResolvedValue({
        ...productionReadinessDetails,
        lowest: { ...productionReadinessDetails.lowest, entities: [] },
      }),
    });
    await renderOverview(api);

    const highest = await screen.findByRole('list', {
      name: 'Highest scoring entities',
    });
    expect(within(highest).getByText('checkout')).toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: 'Lowest scoring entities' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText('Only one entity, listed above'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Nothing evaluated yet')).not.toBeInTheDocument();
  });
});
