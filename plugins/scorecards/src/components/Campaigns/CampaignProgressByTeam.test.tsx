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
import { CampaignDepartmentsResponse, scorecardsApiRef } from '../../api';
import { tlsDetails } from '../../__testUtils__/campaignFixtures';
import { mockScorecardsApi } from '../../__testUtils__/fixtures';
import { CampaignProgressByTeam } from './CampaignProgressByTeam';
import { useCampaignDepartments } from './campaignDepartments';

/** The card as the campaign page has it, with the page's departments. */
function Card() {
  const departments = useCampaignDepartments(tlsDetails);
  return (
    <CampaignProgressByTeam campaign={tlsDetails} departments={departments} />
  );
}

let currentSearch = '';
function SearchProbe() {
  currentSearch = useLocation().search;
  return null;
}

const departments = {
  items: [
    {
      group: 'group:default/payments-dept',
      owners: ['group:default/team-b', 'group:default/team-c'],
      inScope: 20,
      passing: 12,
      completion: 60,
    },
    {
      group: 'group:default/engineering',
      owners: [
        'group:default/engineering',
        'group:default/team-a',
        'group:default/team-b',
        'group:default/team-c',
      ],
      inScope: 42,
      passing: 32,
      completion: 76.2,
    },
  ],
};

async function renderCard(
  api: ReturnType<typeof mockScorecardsApi>,
  path = '/',
) {
  await renderInTestApp(
    <TestApiProvider apis={[[scorecardsApiRef, api]]}>
      <Card />
      <SearchProbe />
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      routeEntries: [path],
    },
  );
}

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row => row.textContent);

describe('CampaignProgressByTeam', () => {
  it('compares teams, and departments when switched on', async () => {
    const api = mockScorecardsApi({
      getCampaignDepartments: jest.fn().mockResolvedValue(departments),
    });
    await renderCard(api);
    expect(screen.getByText('Progress by team')).toBeInTheDocument();
    expect(
      screen.getByRole('table', {
        name: 'Completion of Move to TLS 1.3 by team',
      }),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('checkbox', {
        name: 'By department in Progress by team',
      }),
    );
    expect(currentSearch).toBe('?teamsView=departments');
    expect(screen.getByText('Progress by department')).toBeInTheDocument();
    const table = await screen.findByRole('table', {
      name: 'Completion of Move to TLS 1.3 by department',
    });
    expect(api.getCampaignDepartments).toHaveBeenCalledWith('tls-13');
    // Least complete first; each with the teams it counts besides itself.
    expect(rowsOf(table)).toEqual([
      'payments-dept2 teams60%12 of 20 entities8',
      'engineering3 teams76.2%32 of 42 entities10',
    ]);
    // A department's failing count opens the failing entities of all its
    // teams, the departments still shown.
    const link = within(table).getByRole('link', {
      name: /^10: show the failing entities of engineering/,
    });
    const { searchParams: params } = new URL(
      link.getAttribute('href')!,
      'http://localhost',
    );
    expect(params.getAll('team')).toEqual(departments.items[1].owners);
    expect(params.get('teamsView')).toBe('departments');

    await userEvent.click(
      screen.getByRole('checkbox', {
        name: 'By department in Progress by team',
      }),
    );
    expect(currentSearch).toBe('');
    expect(
      screen.getByRole('table', {
        name: 'Completion of Move to TLS 1.3 by team',
      }),
    ).toBeInTheDocument();
  });

  it('starts from the URL, and says when no team has a parent group', async () => {
    const api = mockScorecardsApi({
      getCampaignDepartments: jest.fn().mockResolvedValue({ items: [] }),
    });
    await renderCard(api, '/?teamsView=departments');
    expect(
      screen.getByRole('checkbox', {
        name: 'By department in Progress by team',
      }),
    ).toBeChecked();
    expect(
      await screen.findByText(
        'No team in this campaign has a parent group in the catalog.',
      ),
    ).toBeInTheDocument();
  });

  it('shows a progress bar while loading, then the error of a failed request', async () => {
    let fail: (error: Error) => void = () => {};
    const api = mockScorecardsApi({
      getCampaignDepartments: jest.fn(
        (_key: string) =>
          new Promise<CampaignDepartmentsResponse>(
            (_, reject) => (fail = reject),
          ),
      ),
    });
    await renderCard(api, '/?teamsView=departments');
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    fail(new Error('Catalog unavailable'));
    await waitFor(() =>
      expect(screen.getAllByText(/Catalog unavailable/).length).toBeGreaterThan(
        0,
      ),
    );
  });
});
