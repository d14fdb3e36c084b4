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
import {
  ScorecardDepartmentsResponse,
  ScorecardDetailsResponse,
  scorecardsApiRef,
} from '../../api';
import {
  mockScorecardsApi,
  productionReadinessDetails,
} from '../../__testUtils__/fixtures';
import { rootRouteRef } from '../../routes';
import { downloadBlob } from '../ScorecardEntitiesTable/downloadBlob';
import { TeamLevelsGrid } from './TeamLevelsGrid';
import { useScorecardDepartments } from './scorecardDepartments';

jest.mock('../ScorecardEntitiesTable/downloadBlob', () => ({
  downloadBlob: jest.fn(),
}));

/** The grid as the scorecard page has it, reading departments when asked. */
function Grid(props: { scorecard: ScorecardDetailsResponse }) {
  const departments = useScorecardDepartments(props.scorecard);
  return (
    <TeamLevelsGrid scorecard={props.scorecard} departments={departments} />
  );
}

let currentSearch = '';
function SearchProbe() {
  currentSearch = useLocation().search;
  return null;
}

const departments: ScorecardDepartmentsResponse = {
  levels: productionReadinessDetails.levels,
  items: [
    {
      owner: 'group:default/engineering',
      owners: [
        'group:default/engineering',
        'group:default/team-a',
        'group:default/team-b',
      ],
      entities: 30,
      averageScore: 72.5,
      distribution: [
        { level: 'Basic', count: 6 },
        { level: 'Bronze', count: 13 },
        { level: 'Silver', count: 7 },
        { level: 'Gold', count: 4 },
      ],
      rules: [],
    },
  ],
};

async function renderGrid(
  api: ReturnType<typeof mockScorecardsApi>,
  path = '/',
  scorecard = productionReadinessDetails,
) {
  await renderInTestApp(
    <TestApiProvider apis={[[scorecardsApiRef, api]]}>
      <Grid scorecard={scorecard} />
      <SearchProbe />
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/scorecards': rootRouteRef,
      },
      routeEntries: [path],
    },
  );
}

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      Array.from(row.querySelectorAll('th, td')).map(cell => cell.textContent),
    );

describe('TeamLevelsGrid', () => {
  it("shows each team's entities per level, and each department's when switched on", async () => {
    const api = mockScorecardsApi({
      getScorecardDepartments: jest.fn().mockResolvedValue(departments),
    });
    await renderGrid(api);
    expect(screen.getByText('Teams by level')).toBeInTheDocument();
    const teams = screen.getByRole('table', {
      name: 'Entities of each team per level of Production Readiness',
    });
    expect(rowsOf(teams)).toEqual([
      ['team-a', '25', '80%', '5', '12', '5', '3'],
      ['No owner', '15', '60%', '5', '8', '1', '1'],
    ]);
    expect(api.getScorecardDepartments).not.toHaveBeenCalled();

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'By department in Teams by level' }),
    );
    expect(currentSearch).toBe('?teamsView=departments');
    expect(screen.getByText('Departments by level')).toBeInTheDocument();
    const table = await screen.findByRole('table', {
      name: 'Entities of each department per level of Production Readiness',
    });
    expect(api.getScorecardDepartments).toHaveBeenCalledWith(
      'production-readiness',
    );
    // The department, with the teams it counts besides itself.
    expect(rowsOf(table)).toEqual([
      ['engineering2 teams', '30', '72.5%', '6', '13', '7', '4'],
    ]);
    expect(
      within(table).getByRole('link', { name: 'engineering' }),
    ).toHaveAttribute('href', '/catalog/default/group/engineering');
  });

  it("links each owner's average score to its score over time", async () => {
    const api = mockScorecardsApi({
      getScorecardDepartments: jest.fn().mockResolvedValue(departments),
    });
    await renderGrid(api);
    const teams = screen.getByRole('table', {
      name: 'Entities of each team per level of Production Readiness',
    });
    expect(
      within(teams).getByRole('link', {
        name: "80%: team-a's score over time",
      }),
    ).toHaveAttribute(
      'href',
      '/scorecards/history?scorecard=production-readiness&team=group%3Adefault%2Fteam-a',
    );
    // The entities without an owner have no history of their own.
    expect(within(teams).getByText('60%').closest('a')).toBeNull();

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'By department in Teams by level' }),
    );
    const table = await screen.findByRole('table', {
      name: 'Entities of each department per level of Production Readiness',
    });
    expect(
      within(table).getByRole('link', {
        name: "72.5%: engineering's score over time",
      }),
    ).toHaveAttribute(
      'href',
      '/scorecards/history?scorecard=production-readiness&department=group%3Adefault%2Fengineering',
    );
  });

  it('downloads the teams, or the departments, as CSV', async () => {
    const api = mockScorecardsApi({
      getScorecardDepartments: jest.fn().mockResolvedValue(departments),
    });
    await renderGrid(api);
    await userEvent.click(
      screen.getByRole('button', { name: 'Download CSV: Teams by level' }),
    );
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'By department in Teams by level' }),
    );
    await screen.findByRole('table', {
      name: 'Entities of each department per level of Production Readiness',
    });
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Download CSV: Departments by level',
      }),
    );

    const calls = jest.mocked(downloadBlob).mock.calls;
    expect(calls.map(([, fileName]) => fileName)).toEqual([
      'production-readiness-teams-by-level.csv',
      'production-readiness-departments-by-level.csv',
    ]);
    expect(await calls[0][0].text()).toBe(
      [
        'Team,Entity ref,Entities,Average score (%),Basic,Bronze,Silver,Gold',
        'team-a,group:default/team-a,25,80,5,12,5,3',
        'No owner,,15,60,5,8,1,1',
        '',
      ].join('\r\n'),
    );
    expect(await calls[1][0].text()).toBe(
      [
        'Department,Entity ref,Entities,Average score (%),Basic,Bronze,Silver,Gold',
        'engineering,group:default/engineering,30,72.5,6,13,7,4',
        '',
      ].join('\r\n'),
    );
  });

  it('says when no team has a parent group, from the URL', async () => {
    await renderGrid(
      mockScorecardsApi({
        getScorecardDepartments: jest
          .fn()
          .mockResolvedValue({ levels: [], items: [] }),
      }),
      '/?teamsView=departments',
    );
    expect(
      screen.getByRole('checkbox', { name: 'By department in Teams by level' }),
    ).toBeChecked();
    expect(
      await screen.findByText(
        'No team with entities evaluated by this scorecard has a parent group in the catalog.',
      ),
    ).toBeInTheDocument();
  });

  it('shows a progress bar while loading, then the error of a failed request', async () => {
    let fail: (error: Error) => void = () => {};
    await renderGrid(
      mockScorecardsApi({
        getScorecardDepartments: jest.fn(
          (_id: string) =>
            new Promise<ScorecardDepartmentsResponse>(
              (_, reject) => (fail = reject),
            ),
        ),
      }),
      '/?teamsView=departments',
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    fail(new Error('Catalog unavailable'));
    await waitFor(() =>
      expect(screen.getAllByText(/Catalog unavailable/).length).toBeGreaterThan(
        0,
      ),
    );
  });

  it('says when no team has entities yet, without the switch', async () => {
    await renderGrid(mockScorecardsApi(), '/', {
      ...productionReadinessDetails,
      teams: [],
    });
    expect(
      screen.getByText('No team has entities evaluated by this scorecard yet.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('checkbox', {
        name: 'By department in Teams by level',
      }),
    ).toBeNull();
  });
});
