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
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { CampaignTrendResponse, scorecardsApiRef } from '../../api';
import { tlsDetails } from '../../__testUtils__/campaignFixtures';
import { mockScorecardsApi } from '../../__testUtils__/fixtures';
import { downloadBlob } from '../ScorecardEntitiesTable/downloadBlob';
import { CampaignTrendCard } from './CampaignTrendCard';
import { useCampaignDepartments } from './campaignDepartments';

/** The card as the campaign page has it, with the page's departments. */
function Card() {
  const departments = useCampaignDepartments(tlsDetails);
  return <CampaignTrendCard campaign={tlsDetails} departments={departments} />;
}

// Charts with a size of their own: jsdom lays nothing out.
jest.mock('recharts', () =>
  jest.requireActual('../../__testUtils__/recharts').sizedRecharts(),
);

jest.mock('../ScorecardEntitiesTable/downloadBlob', () => ({
  downloadBlob: jest.fn(),
}));

let currentSearch = '';
function SearchProbe() {
  currentSearch = useLocation().search;
  return null;
}

const departmentTrend: CampaignTrendResponse = {
  team: 'group:default/engineering',
  relation: 'aggregated',
  owners: ['group:default/engineering', 'group:default/team-a'],
  startDate: '2026-01-01',
  endDate: '2026-03-31',
  points: [
    { day: '2026-01-01', inScope: 20, passing: 2, completion: 10 },
    { day: '2026-03-19', inScope: 20, passing: 19, completion: 95 },
  ],
};

function api() {
  return mockScorecardsApi({
    getCampaignDepartments: jest.fn().mockResolvedValue({
      // By completion, not by name.
      items: [
        {
          group: 'group:default/payments-dept',
          owners: ['group:default/team-b'],
          inScope: 18,
          passing: 10,
          completion: 55.6,
        },
        {
          group: 'group:default/engineering',
          owners: ['group:default/team-a', 'group:default/team-b'],
          inScope: 38,
          passing: 29,
          completion: 76.3,
        },
      ],
    }),
    getCampaignTrend: jest.fn().mockResolvedValue(departmentTrend),
  });
}

async function renderCard(scorecardsApi = api(), path = '/') {
  await renderInTestApp(
    <TestApiProvider apis={[[scorecardsApiRef, scorecardsApi]]}>
      <Card />
      <SearchProbe />
    </TestApiProvider>,
    { routeEntries: [path] },
  );
  return scorecardsApi;
}

describe('CampaignTrendCard', () => {
  it("charts the organisation's completion, then a department's", async () => {
    const scorecardsApi = await renderCard();
    expect(
      await screen.findByRole('img', {
        name: /Completion went from 25% on 2026-01-01 to 75% on 2026-03-19/,
      }),
    ).toBeInTheDocument();
    expect(scorecardsApi.getCampaignTrend).not.toHaveBeenCalled();

    await userEvent.click(
      screen.getByRole('button', { name: /^Completion of/ }),
    );
    const listbox = await screen.findByRole('listbox');
    // The campaign's teams (not the entities without an owner), then the
    // departments.
    expect(
      within(listbox)
        .getAllByRole('option')
        .map(option => option.textContent),
    ).toEqual([
      'Whole organisation',
      'team-a',
      'team-b',
      'engineering',
      'payments-dept',
    ]);
    await userEvent.click(
      within(listbox).getByRole('option', { name: 'engineering' }),
    );

    expect(
      await screen.findByRole('img', {
        name: /Completion went from 10% on 2026-01-01 to 95% on 2026-03-19/,
      }),
    ).toBeInTheDocument();
    expect(scorecardsApi.getCampaignTrend).toHaveBeenCalledWith('tls-13', {
      team: 'group:default/engineering',
      relation: 'aggregated',
    });
    expect(
      screen.getByText(/and the teams below it, added up/),
    ).toHaveTextContent('Showing engineering and the teams below it');
    expect(new URLSearchParams(currentSearch).get('trendDepartment')).toBe(
      'group:default/engineering',
    );

    // Back to the whole organisation: the campaign's own trend again.
    await userEvent.click(
      screen.getByRole('button', { name: /^Completion of/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'Whole organisation' }),
    );
    expect(
      await screen.findByRole('img', { name: /from 25% on 2026-01-01/ }),
    ).toBeInTheDocument();
    expect(currentSearch).toBe('');
  });

  it('downloads the shown completion as CSV, named by the campaign and whose it is', async () => {
    await renderCard(api(), '/?trendDepartment=group:default/engineering');
    await screen.findByRole('img', { name: /from 10% on 2026-01-01/ });
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Download CSV: Completion over time',
      }),
    );
    const [blob, fileName] = jest.mocked(downloadBlob).mock.calls[0];
    expect(fileName).toBe('tls-13-engineering-and-teams-completion.csv');
    expect(await blob.text()).toBe(
      'Date,Completion (%),Passing,In scope\r\n2026-01-01,10,2,20\r\n2026-03-19,95,19,20\r\n',
    );
  });

  it('reads a team from the URL and shows why its trend cannot be read', async () => {
    const scorecardsApi = api();
    scorecardsApi.getCampaignTrend.mockRejectedValue(
      new Error('No entity group:default/team-b in the catalog'),
    );
    await renderCard(scorecardsApi, '/?trendTeam=group:default/team-b');
    expect(
      (await screen.findAllByText(/No entity group:default\/team-b/)).length,
    ).toBeGreaterThan(0);
    expect(scorecardsApi.getCampaignTrend).toHaveBeenCalledWith('tls-13', {
      team: 'group:default/team-b',
    });
    expect(screen.getByText(/only\./)).toHaveTextContent(
      'Showing team-b only.',
    );
  });
});
