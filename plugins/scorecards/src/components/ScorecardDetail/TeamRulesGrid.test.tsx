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
  entityPresentationApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { scorecardsApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  mockScorecardsApi,
  productionReadinessDetails,
} from '../../__testUtils__/fixtures';
import { presentingAs } from '../../__testUtils__/presentation';
import { downloadBlob } from '../ScorecardEntitiesTable/downloadBlob';
import { ScorecardDetail } from './ScorecardDetail';
import { TeamRulesGrid } from './TeamRulesGrid';

jest.mock('../ScorecardEntitiesTable/downloadBlob', () => ({
  downloadBlob: jest.fn(),
}));

const mountedRoutes = {
  '/scorecards': rootRouteRef,
  '/catalog/:namespace/:kind/:name': entityRouteRef,
};

// The team's own header cell (a `th`) first, then the rules' cells.
const cellTexts = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map(cell => cell.textContent);

/** The teams of the grid's rows, in order. */
const teamsIn = (grid: HTMLElement) =>
  within(grid)
    .getAllByRole('row')
    .slice(1)
    .map(row => cellTexts(row)[0]);

describe('TeamRulesGrid', () => {
  it("renders each team's pass rate of each rule from the API", async () => {
    const api = mockScorecardsApi({
      getScorecard: jest.fn().mockResolvedValue(productionReadinessDetails),
      getScorecardEntities: jest
        .fn()
        .mockResolvedValue({ items: [], totalCount: 0 }),
    });
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [scorecardsApiRef, api],
          [permissionApiRef, mockApis.permission()],
        ]}
      >
        <Routes>
          <Route
            path="/scorecards/:scorecardId"
            element={<ScorecardDetail />}
          />
        </Routes>
      </TestApiProvider>,
      { mountedRoutes, routeEntries: ['/scorecards/production-readiness'] },
    );

    const grid = await screen.findByRole('table', {
      name: 'Pass rate by team and rule',
    });
    const headers = within(grid).getAllByRole('columnheader');
    expect(headers.map(h => h.textContent)).toEqual([
      'Team',
      expect.stringContaining('Has an owner'),
      expect.stringContaining('Has on-call'),
    ]);
    // Each rule header shows the rule's level.
    expect(within(headers[1]).getByTestId('level-badge')).toHaveTextContent(
      'Bronze',
    );
    expect(within(headers[2]).getByTestId('level-badge')).toHaveTextContent(
      'Silver',
    );

    const teamA = within(grid).getByRole('row', { name: /team-a/ });
    expect(cellTexts(teamA)).toEqual(['team-a', '100%', '40%']);
    expect(within(teamA).getByText('40%').closest('td')).toHaveAttribute(
      'title',
      'Has on-call: 8 of 20 entities pass',
    );
    // A rate with failing entities links to them in the entity table; a
    // full one does not.
    expect(
      within(teamA)
        .getAllByRole('link')
        .map(a => a.textContent),
    ).toEqual(['team-a', '40%']);
    await userEvent.click(
      within(teamA).getByRole('link', {
        name: '40%: show the 12 entities of team-a failing Has on-call',
      }),
    );
    await waitFor(() =>
      expect(api.getScorecardEntities).toHaveBeenLastCalledWith(
        'production-readiness',
        expect.objectContaining({
          team: ['group:default/team-a'],
          failingRule: 'on-call',
        }),
      ),
    );
    const noOwner = within(grid).getByRole('row', { name: /No owner/ });
    expect(cellTexts(noOwner)).toEqual([
      'No owner',
      '33.3%',
      '–not applicable',
    ]);
    // The unowned entities failing a rule are linked too (`team=`).
    await userEvent.click(
      within(noOwner).getByRole('link', {
        name: '33.3%: show the 10 entities of no owner failing Has an owner',
      }),
    );
    await waitFor(() =>
      expect(api.getScorecardEntities).toHaveBeenLastCalledWith(
        'production-readiness',
        expect.objectContaining({ team: [''], failingRule: 'has-owner' }),
      ),
    );
  }, 20_000);

  it('sorts by a rule column, teams it does not apply to last', async () => {
    const teamB = {
      owner: 'group:default/team-b',
      entities: 4,
      averageScore: 50,
      distribution: [],
      rules: [
        { ruleId: 'has-owner', applicable: 4, passed: 2, passRate: 50 },
        { ruleId: 'on-call', applicable: 4, passed: 3, passRate: 75 },
      ],
    };
    await renderInTestApp(
      <TestApiProvider apis={[[scorecardsApiRef, mockScorecardsApi()]]}>
        <TeamRulesGrid
          scorecard={{
            ...productionReadinessDetails,
            teams: [...productionReadinessDetails.teams, teamB],
          }}
          departments={{ loading: false }}
        />
      </TestApiProvider>,
      { mountedRoutes },
    );
    const grid = screen.getByRole('table', {
      name: 'Pass rate by team and rule',
    });
    const teamOrder = () => teamsIn(grid);
    expect(teamOrder()).toEqual(['team-a', 'team-b', 'No owner']);

    await userEvent.click(
      within(grid).getByRole('button', { name: /Has on-call/ }),
    );
    expect(teamOrder()).toEqual(['team-b', 'team-a', 'No owner']);
    await userEvent.click(
      within(grid).getByRole('button', { name: /Has on-call/ }),
    );
    expect(teamOrder()).toEqual(['team-a', 'team-b', 'No owner']);

    await userEvent.click(within(grid).getByRole('button', { name: 'Team' }));
    expect(teamOrder()).toEqual(['team-a', 'team-b', 'No owner']);
    await userEvent.click(within(grid).getByRole('button', { name: 'Team' }));
    expect(teamOrder()).toEqual(['team-b', 'team-a', 'No owner']);
  });

  it('switches both team grids to departments, read once', async () => {
    const engineering = {
      owner: 'group:default/engineering',
      owners: ['group:default/team-a', 'group:default/team-b'],
      entities: 29,
      averageScore: 75,
      distribution: [
        { level: 'Basic', count: 5 },
        { level: 'Bronze', count: 14 },
        { level: 'Silver', count: 6 },
        { level: 'Gold', count: 4 },
      ],
      rules: [
        { ruleId: 'has-owner', applicable: 29, passed: 29, passRate: 100 },
        { ruleId: 'on-call', applicable: 24, passed: 11, passRate: 45.8 },
      ],
    };
    const api = mockScorecardsApi({
      getScorecard: jest.fn().mockResolvedValue(productionReadinessDetails),
      getScorecardDepartments: jest.fn().mockResolvedValue({
        levels: productionReadinessDetails.levels,
        items: [engineering],
      }),
      getScorecardEntities: jest
        .fn()
        .mockResolvedValue({ items: [], totalCount: 0 }),
    });
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [scorecardsApiRef, api],
          [permissionApiRef, mockApis.permission()],
        ]}
      >
        <Routes>
          <Route
            path="/scorecards/:scorecardId"
            element={<ScorecardDetail />}
          />
        </Routes>
      </TestApiProvider>,
      { mountedRoutes, routeEntries: ['/scorecards/production-readiness'] },
    );
    await screen.findByRole('table', { name: 'Pass rate by team and rule' });
    expect(api.getScorecardDepartments).not.toHaveBeenCalled();

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'By department in Teams by rule' }),
    );
    const grid = await screen.findByRole('table', {
      name: 'Pass rate by department and rule',
    });
    const row = within(grid).getByRole('row', { name: /engineering/ });
    expect(cellTexts(row)).toEqual(['engineering2 teams', '100%', '45.8%']);
    // A department's rate opens its teams' entities failing the rule.
    const link = within(row).getByRole('link', {
      name: '45.8%: show the 13 entities of engineering failing Has on-call',
    });
    const { searchParams } = new URL(
      link.getAttribute('href')!,
      'http://localhost',
    );
    expect(searchParams.getAll('team')).toEqual(engineering.owners);
    expect(searchParams.get('failingRule')).toBe('on-call');
    expect(searchParams.get('teamsView')).toBe('departments');

    // Teams by level switched with it, from the same answer.
    expect(
      screen.getByRole('checkbox', { name: 'By department in Teams by level' }),
    ).toBeChecked();
    expect(
      screen.getByRole('table', {
        name: 'Entities of each department per level of Production Readiness',
      }),
    ).toBeInTheDocument();
    expect(api.getScorecardDepartments).toHaveBeenCalledTimes(1);
  });

  it('sorts teams by the names the catalog presents', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [scorecardsApiRef, mockScorecardsApi()],
          [
            entityPresentationApiRef,
            presentingAs({
              'group:default/team-a': 'Zeta Team',
              'group:default/team-b': 'Alpha Team',
            }),
          ],
        ]}
      >
        <TeamRulesGrid
          scorecard={{
            ...productionReadinessDetails,
            teams: [
              ...productionReadinessDetails.teams,
              {
                ...productionReadinessDetails.teams[0],
                owner: 'group:default/team-b',
              },
            ],
          }}
          departments={{ loading: false }}
        />
      </TestApiProvider>,
      { mountedRoutes },
    );
    const grid = screen.getByRole('table', {
      name: 'Pass rate by team and rule',
    });
    const teamOrder = () => teamsIn(grid);
    await waitFor(() =>
      expect(teamOrder()).toEqual(['Alpha Team', 'Zeta Team', 'No owner']),
    );
  });

  it('downloads the pass rates as CSV, teams by the names the catalog presents', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [scorecardsApiRef, mockScorecardsApi()],
          [
            entityPresentationApiRef,
            presentingAs({ 'group:default/team-a': 'Team A' }),
          ],
        ]}
      >
        <TeamRulesGrid
          scorecard={productionReadinessDetails}
          departments={{ loading: false }}
        />
      </TestApiProvider>,
      { mountedRoutes },
    );
    const grid = screen.getByRole('table', {
      name: 'Pass rate by team and rule',
    });
    await waitFor(() => expect(teamsIn(grid)[0]).toBe('Team A'));
    await userEvent.click(
      screen.getByRole('button', { name: 'Download CSV: Teams by rule' }),
    );

    const [blob, fileName] = jest.mocked(downloadBlob).mock.calls[0];
    expect(fileName).toBe('production-readiness-teams-by-rule.csv');
    // A rule that applies to none of the owner's entities: an empty cell.
    expect(await blob.text()).toBe(
      [
        'Team,Entity ref,Has an owner (%),Has on-call (%)',
        'Team A,group:default/team-a,100,40',
        'No owner,,33.3,',
        '',
      ].join('\r\n'),
    );
  });
});
