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
import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { scorecardsApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  entityRow,
  mockScorecardsApi,
  productionReadinessDetails,
  responseError,
  scorecardsList,
} from '../../__testUtils__/fixtures';
import { weeklyReport } from '../../__testUtils__/reportFixtures';
import { CampaignsPageContent, ScorecardsPage } from './ScorecardsPage';

const DENY = AuthorizeResult.DENY;
const mountedRoutes = {
  '/scorecards': rootRouteRef,
  '/catalog/:namespace/:kind/:name': entityRouteRef,
};

function api() {
  return mockScorecardsApi({
    getScorecards: jest.fn().mockResolvedValue(scorecardsList),
    getScorecard: jest.fn().mockResolvedValue(productionReadinessDetails),
    getScorecardEntities: jest.fn().mockResolvedValue({
      items: [entityRow('payments')],
      totalCount: 1,
    }),
    getHistory: jest.fn().mockResolvedValue({
      interval: 'day',
      from: '2026-01-01',
      to: '2026-01-02',
      points: [],
    }),
  });
}

/**
 * Renders the Scorecards page (or, on the new frontend system, the
 * Campaigns page mounted at its own path) at `path`.
 */
async function renderPageAt(
  path: string,
  scorecardsApi = api(),
  page = { path: '/scorecards/*', element: <ScorecardsPage /> },
) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [scorecardsApiRef, scorecardsApi],
        [permissionApiRef, mockApis.permission({ authorize: DENY })],
      ]}
    >
      <Routes>
        <Route path={page.path} element={page.element} />
      </Routes>
    </TestApiProvider>,
    { mountedRoutes, routeEntries: [path] },
  );
  return scorecardsApi;
}

describe('ScorecardsPage', () => {
  it('shows the overview at its root, with tabs', async () => {
    await renderPageAt('/scorecards');
    expect(screen.getByRole('heading', { name: 'Scorecards' })).toBeTruthy();
    expect(
      await screen.findByRole('link', { name: 'Production Readiness' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.getByRole('tab', { name: 'History' })).toHaveAttribute(
      'href',
      '/scorecards/history',
    );
  });

  it("shows a scorecard's rules, teams and entities at its id", async () => {
    const scorecardsApi = await renderPageAt(
      '/scorecards/production-readiness',
    );
    expect(
      await screen.findByRole('heading', { name: 'Production Readiness' }),
    ).toBeInTheDocument();
    expect(scorecardsApi.getScorecard).toHaveBeenCalledWith(
      'production-readiness',
    );

    const rules = screen.getByRole('table', {
      name: 'Pass rate of each rule of Production Readiness',
    });
    const onCall = within(rules).getByRole('row', { name: /Has on-call/ });
    expect(within(onCall).getByText('10 / 30')).toBeInTheDocument();
    expect(within(onCall).getByText('33.3%')).toBeInTheDocument();

    const teams = screen.getByRole('table', {
      name: 'Entities of each team per level of Production Readiness',
    });
    const teamA = within(teams).getByRole('row', { name: /team-a/ });
    expect(within(teamA).getByText('80%')).toBeInTheDocument();
    expect(within(teams).getByText('No owner')).toBeInTheDocument();

    expect(await screen.findByText('payments')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'All scorecards' }),
    ).toHaveAttribute('href', '/scorecards');
  });

  it('shows the reports at /scorecards/reports, with its tab selected', async () => {
    const scorecardsApi = api();
    scorecardsApi.getReports.mockResolvedValue({ items: [weeklyReport] });
    await renderPageAt('/scorecards/reports', scorecardsApi);
    expect(
      await screen.findByText('Weekly organisation overview'),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Reports' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.getByRole('tab', { name: 'Campaigns' })).toHaveAttribute(
      'href',
      '/scorecards/campaigns',
    );
  });

  it('says which scorecard is missing for an unknown id', async () => {
    const scorecardsApi = api();
    scorecardsApi.getScorecard.mockRejectedValue(
      await responseError(404, 'NotFoundError', 'No scorecard with id "nope"'),
    );
    await renderPageAt('/scorecards/nope', scorecardsApi);
    expect(
      await screen.findByRole('heading', {
        name: 'No scorecard with id "nope"',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Request failed/)).toBeNull();
    expect(screen.getByRole('link', { name: 'All scorecards' })).toBeVisible();
  });

  it('shows any other failure to read a scorecard as an error', async () => {
    const scorecardsApi = api();
    scorecardsApi.getScorecard.mockRejectedValue(
      await responseError(500, 'Error', 'The database is down'),
    );
    await renderPageAt('/scorecards/production-readiness', scorecardsApi);
    expect(
      await screen.findByText(/Request failed with 500/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/The database is down/).length).toBeGreaterThan(
      0,
    );
  });
  it.each([
    [
      '/scorecards/scorecards/production-readiness',
      'All scorecards',
      '/scorecards',
    ],
    ['/scorecards/history/2026', 'All scorecards', '/scorecards'],
    [
      '/scorecards/campaigns/adopt-techdocs/entities',
      'All campaigns',
      '/scorecards/campaigns',
    ],
  ])('says that no page is at %s, with a link back', async (path, back, to) => {
    const scorecardsApi = api();
    await renderPageAt(path, scorecardsApi);
    expect(
      await screen.findByRole('heading', { name: 'No page at this address' }),
    ).toBeInTheDocument();
    expect(screen.getByText(path).tagName).toBe('CODE');
    expect(screen.getByRole('link', { name: back })).toHaveAttribute(
      'href',
      to,
    );
    expect(scorecardsApi.getScorecard).not.toHaveBeenCalled();
  });

  it('says that no page is at an unknown address under the campaigns page', async () => {
    await renderPageAt('/scorecards/campaigns/a/b', api(), {
      path: '/scorecards/campaigns/*',
      element: <CampaignsPageContent />,
    });
    expect(
      await screen.findByRole('heading', { name: 'No page at this address' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All campaigns' })).toHaveAttribute(
      'href',
      '/scorecards/campaigns',
    );
  });
});
