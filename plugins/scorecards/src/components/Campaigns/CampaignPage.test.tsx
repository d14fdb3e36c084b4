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
import { Route, Routes, useLocation } from 'react-router-dom';
import { scorecardsApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { mockScorecardsApi, responseError } from '../../__testUtils__/fixtures';
import { tlsDetails } from '../../__testUtils__/campaignFixtures';
import { ScorecardsPage } from '../ScorecardsPage';

const DENY = AuthorizeResult.DENY;
const mountedRoutes = {
  '/scorecards': rootRouteRef,
  '/catalog/:namespace/:kind/:name': entityRouteRef,
};

function api() {
  return mockScorecardsApi({
    getCampaign: jest.fn().mockResolvedValue(tlsDetails),
    getCampaignEntities: jest.fn().mockResolvedValue({
      items: [
        {
          entityRef: 'component:default/payments',
          kind: 'component',
          namespace: 'default',
          name: 'payments',
          owner: 'group:default/team-b',
          failingRules: ['security/tls'],
        },
      ],
      nextCursor: 'next-1',
    }),
    getCampaignDepartments: jest.fn().mockResolvedValue({
      items: [
        {
          group: 'group:default/engineering',
          owners: ['group:default/team-a', 'group:default/team-b'],
          inScope: 38,
          passing: 29,
          completion: 76.3,
        },
      ],
    }),
  });
}

let currentSearch = '';
function SearchProbe() {
  currentSearch = useLocation().search;
  return null;
}

async function renderAt(path: string, scorecardsApi = api()) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [scorecardsApiRef, scorecardsApi],
        [permissionApiRef, mockApis.permission({ authorize: DENY })],
      ]}
    >
      <Routes>
        <Route path="/scorecards/*" element={<ScorecardsPage />} />
      </Routes>
      <SearchProbe />
    </TestApiProvider>,
    { mountedRoutes, routeEntries: [path] },
  );
  return scorecardsApi;
}

/** Waits until the failing entities were last read with this query. */
function lastQueried(
  scorecardsApi: ReturnType<typeof api>,
  query: Record<string, unknown>,
) {
  return waitFor(() =>
    expect(scorecardsApi.getCampaignEntities).toHaveBeenLastCalledWith(
      'tls-13',
      query,
    ),
  );
}

describe('CampaignPage', () => {
  it('has a Campaigns tab on the Scorecards page', async () => {
    await renderAt(
      '/scorecards/campaigns',
      mockScorecardsApi({
        getCampaigns: jest.fn().mockResolvedValue({ items: [] }),
      }),
    );
    expect(screen.getByRole('tab', { name: 'Campaigns' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(await screen.findByText('No campaigns yet')).toBeInTheDocument();
  });

  it('shows the header, progress by team and rule, trend and failing entities', async () => {
    const scorecardsApi = await renderAt('/scorecards/campaigns/tls-13');
    expect(
      await screen.findByRole('heading', { name: 'Move to TLS 1.3' }),
    ).toBeInTheDocument();
    expect(scorecardsApi.getCampaign).toHaveBeenCalledWith('tls-13');
    expect(screen.getByText('production')).toBeInTheDocument();
    expect(screen.getByText('12 days left')).toBeInTheDocument();
    expect(screen.getByText('Mar 31, 2026')).toBeInTheDocument();

    const teams = screen.getByRole('table', {
      name: 'Completion of Move to TLS 1.3 by team',
    });
    const rows = within(teams).getAllByRole('row').slice(1);
    // Lowest completion first.
    expect(rows[0]).toHaveTextContent('No owner');
    expect(rows[2]).toHaveTextContent('team-a');
    await userEvent.click(within(teams).getByText('Completion'));
    expect(within(teams).getAllByRole('row')[1]).toHaveTextContent('team-a');

    const rules = screen.getByRole('list', { name: 'Progress by rule' });
    expect(within(rules).getByText('Uses TLS 1.3')).toBeInTheDocument();
    expect(within(rules).getByText('Redeploy')).toBeInTheDocument();
    expect(
      within(rules).getByRole('link', { name: /TLS guide/ }),
    ).toHaveAttribute('href', 'https://example.com/tls');
    expect(
      within(rules).getByRole('link', {
        name: /Open the template that fixes Uses TLS 1.3/,
      }),
    ).toBeInTheDocument();

    expect(
      screen.getByRole('img', { name: /Completion went from 25%.*75%/ }),
    ).toHaveAccessibleName(/deadline is 2026-03-31/);

    const entities = await screen.findByRole('table', {
      name: 'Entities failing Move to TLS 1.3',
    });
    expect(await within(entities).findByText('payments')).toBeInTheDocument();
    expect(scorecardsApi.getCampaignEntities).toHaveBeenCalledWith('tls-13', {
      limit: 25,
      cursor: undefined,
    });
  });

  it('reads the departments once for the trend and the progress by department', async () => {
    const scorecardsApi = await renderAt('/scorecards/campaigns/tls-13');
    await screen.findByRole('heading', { name: 'Move to TLS 1.3' });

    await userEvent.click(
      screen.getByRole('checkbox', {
        name: 'By department in Progress by team',
      }),
    );
    const departments = await screen.findByRole('table', {
      name: 'Completion of Move to TLS 1.3 by department',
    });
    expect(departments).toHaveTextContent('engineering2 teams76.3%');

    await userEvent.click(
      screen.getByRole('button', { name: /^Completion of/ }),
    );
    expect(
      await screen.findByRole('option', { name: 'engineering' }),
    ).toBeInTheDocument();
    expect(scorecardsApi.getCampaignDepartments).toHaveBeenCalledTimes(1);
    expect(scorecardsApi.getCampaignDepartments).toHaveBeenCalledWith('tls-13');
  });

  it('filters failing entities by team and rule, and pages with the cursor', async () => {
    const scorecardsApi = await renderAt('/scorecards/campaigns/tls-13');
    await screen.findByRole('heading', { name: 'Move to TLS 1.3' });

    await userEvent.click(
      screen.getByRole('button', { name: /Team All teams/ }),
    );
    await userEvent.click(screen.getByRole('option', { name: 'No owner' }));
    await userEvent.keyboard('{Escape}');
    await lastQueried(scorecardsApi, {
      team: '',
      limit: 25,
      cursor: undefined,
    });
    await userEvent.click(
      screen.getByRole('button', { name: /Rule All rules/ }),
    );
    await userEvent.click(screen.getByRole('option', { name: 'Sends HSTS' }));
    await lastQueried(scorecardsApi, {
      team: '',
      rule: 'security/hsts',
      limit: 25,
      cursor: undefined,
    });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Next page' })).toBeEnabled(),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await lastQueried(scorecardsApi, {
      team: '',
      rule: 'security/hsts',
      limit: 25,
      cursor: 'next-1',
    });
  });

  it('starts with the filters in the URL, and keeps the chosen ones there', async () => {
    const scrollIntoView = jest.fn();
    Element.prototype.scrollIntoView = scrollIntoView;
    const scorecardsApi = await renderAt(
      '/scorecards/campaigns/tls-13?team=group%3Adefault%2Fteam-b&rule=security%2Ftls&x=1',
    );
    await screen.findByRole('heading', { name: 'Move to TLS 1.3' });
    await waitFor(() =>
      expect(scorecardsApi.getCampaignEntities).toHaveBeenCalled(),
    );
    expect(scorecardsApi.getCampaignEntities).toHaveBeenCalledTimes(1);
    expect(scorecardsApi.getCampaignEntities).toHaveBeenCalledWith('tls-13', {
      team: 'group:default/team-b',
      rule: 'security/tls',
      limit: 25,
      cursor: undefined,
    });
    expect(
      screen.getByRole('button', { name: /Rule Uses TLS 1.3/ }),
    ).toBeInTheDocument();

    // Teams add up: team-b's entities and those without an owner.
    await userEvent.click(screen.getByRole('button', { name: /Team team-b/ }));
    await userEvent.click(screen.getByRole('option', { name: 'No owner' }));
    await userEvent.keyboard('{Escape}');
    await waitFor(() =>
      expect(new URLSearchParams(currentSearch).getAll('team')).toEqual([
        'group:default/team-b',
        '',
      ]),
    );
    expect(new URLSearchParams(currentSearch).get('rule')).toBe('security/tls');
    expect(new URLSearchParams(currentSearch).get('x')).toBe('1');
    await lastQueried(scorecardsApi, {
      team: ['group:default/team-b', ''],
      rule: 'security/tls',
      limit: 25,
      cursor: undefined,
    });
    await userEvent.click(
      screen.getByRole('button', { name: /Team team-b ?, No owner/ }),
    );
    await userEvent.click(screen.getByRole('option', { name: 'All teams' }));
    await lastQueried(scorecardsApi, {
      rule: 'security/tls',
      limit: 25,
      cursor: undefined,
    });
    expect(new URLSearchParams(currentSearch).has('team')).toBe(false);
    // Choosing here keeps the page where it is.
    expect(scrollIntoView).not.toHaveBeenCalled();
  }, 20_000);

  it("links a team's and a rule's failing entities to the table, from its first page", async () => {
    const scrollIntoView = jest.fn();
    Element.prototype.scrollIntoView = scrollIntoView;
    const scorecardsApi = await renderAt('/scorecards/campaigns/tls-13');
    await screen.findByRole('heading', { name: 'Move to TLS 1.3' });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Next page' })).toBeEnabled(),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await lastQueried(scorecardsApi, { limit: 25, cursor: 'next-1' });

    const teams = screen.getByRole('table', {
      name: 'Completion of Move to TLS 1.3 by team',
    });
    // team-a: 1 failing; team-b: 8; no owner: 1.
    await userEvent.click(
      within(teams).getByRole('link', {
        name: '8: show the failing entities of team-b',
      }),
    );
    await lastQueried(scorecardsApi, {
      team: 'group:default/team-b',
      limit: 25,
      cursor: undefined,
    });
    expect(scrollIntoView).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Page 1')).toBeInTheDocument();

    await userEvent.click(
      within(teams).getByRole('link', {
        name: '1: show the failing entity of no owner',
      }),
    );
    await lastQueried(scorecardsApi, {
      team: '',
      limit: 25,
      cursor: undefined,
    });

    const rules = screen.getByRole('list', { name: 'Progress by rule' });
    await userEvent.click(
      within(rules).getByRole('link', {
        name: '8 failing: show the entities failing Uses TLS 1.3',
      }),
    );
    await lastQueried(scorecardsApi, {
      rule: 'security/tls',
      limit: 25,
      cursor: undefined,
    });
    expect(scrollIntoView).toHaveBeenCalledTimes(3);
  }, 20_000);

  it('exports the failing entities with the filters', async () => {
    const scorecardsApi = api();
    scorecardsApi.exportCampaignEntities.mockResolvedValue(new Blob(['x']));
    URL.createObjectURL = jest.fn(() => 'blob:x');
    URL.revokeObjectURL = jest.fn();
    await renderAt('/scorecards/campaigns/tls-13', scorecardsApi);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Export CSV' }),
    );
    await waitFor(() =>
      expect(scorecardsApi.exportCampaignEntities).toHaveBeenCalledWith(
        'tls-13',
        {},
      ),
    );
  });

  it('says which campaign is missing for an unknown key', async () => {
    const scorecardsApi = api();
    scorecardsApi.getCampaign.mockRejectedValue(
      await responseError(
        404,
        'NotFoundError',
        'No campaign with the key "nope"',
      ),
    );
    await renderAt('/scorecards/campaigns/nope', scorecardsApi);
    expect(
      await screen.findByRole('heading', {
        name: 'No campaign with the key "nope"',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/may have been renamed or removed/),
    ).toBeInTheDocument();
    // Not shown as a failure of the request.
    expect(screen.queryByText(/Request failed/)).toBeNull();
    expect(screen.getByRole('link', { name: 'All campaigns' })).toHaveAttribute(
      'href',
      '/scorecards/campaigns',
    );
  });
});
