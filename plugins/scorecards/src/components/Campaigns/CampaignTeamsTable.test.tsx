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
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { presentingAs } from '../../__testUtils__/presentation';
import { downloadBlob } from '../ScorecardEntitiesTable/downloadBlob';
import { CampaignTeamsTable } from './CampaignTeamsTable';

jest.mock('../ScorecardEntitiesTable/downloadBlob', () => ({
  downloadBlob: jest.fn(),
}));

/** The teams of the table's rows, in order. */
const teamsIn = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).getAllByRole('cell')[0].textContent);

let currentSearch = '';
function SearchProbe() {
  currentSearch = useLocation().search;
  return null;
}

const progress = (owner: string, passing: number, inScope: number) => ({
  owner,
  passing,
  inScope,
  completion: Math.round((passing / inScope) * 1000) / 10,
});

describe('CampaignTeamsTable', () => {
  it('sorts and labels teams by the names the catalog presents', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            entityPresentationApiRef,
            presentingAs({
              'group:default/team-a': 'Zeta Team',
              'group:default/team-b': 'Alpha Team',
            }),
          ],
        ]}
      >
        <CampaignTeamsTable
          campaignKey="tls-13"
          campaignName="Move to TLS 1.3"
          teams={[
            progress('group:default/team-a', 1, 4),
            progress('group:default/team-b', 3, 4),
            progress('', 2, 4),
          ]}
        />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    const table = screen.getByRole('table', {
      name: 'Completion of Move to TLS 1.3 by team',
    });
    const teamOrder = () => teamsIn(table);
    // Lowest completion first.
    await waitFor(() =>
      expect(teamOrder()).toEqual(['Zeta Team', 'No owner', 'Alpha Team']),
    );
    expect(
      within(table).getByRole('progressbar', {
        name: 'Completion of Zeta Team',
      }),
    ).toBeInTheDocument();

    await userEvent.click(within(table).getByRole('button', { name: 'Team' }));
    expect(teamOrder()).toEqual(['Alpha Team', 'Zeta Team', 'No owner']);

    // The download follows the table: its order and its names.
    await userEvent.click(
      screen.getByRole('button', { name: 'Download CSV: Progress by team' }),
    );
    const [blob, fileName] = jest.mocked(downloadBlob).mock.calls[0];
    expect(fileName).toBe('tls-13-teams-progress.csv');
    expect(await blob.text()).toBe(
      [
        'Team,Entity ref,In scope,Passing,Failing,Completion (%)',
        'Alpha Team,group:default/team-b,4,3,1,75',
        'Zeta Team,group:default/team-a,4,1,3,25',
        'No owner,,4,2,2,50',
        '',
      ].join('\r\n'),
    );

    await userEvent.click(within(table).getByRole('button', { name: /Team/ }));
    expect(teamOrder()).toEqual(['No owner', 'Zeta Team', 'Alpha Team']);
  });

  it('keeps the sort in the URL, and starts from it', async () => {
    await renderInTestApp(
      <>
        <CampaignTeamsTable
          campaignKey="tls-13"
          campaignName="Move to TLS 1.3"
          teams={[
            progress('group:default/team-a', 1, 2),
            progress('group:default/team-b', 3, 8),
            progress('group:default/team-c', 3, 4),
          ]}
        />
        <SearchProbe />
      </>,
      {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
        routeEntries: [
          '/?team=group%3Adefault%2Fteam-a&teamsSort=failing&teamsOrder=desc',
        ],
      },
    );
    const table = screen.getByRole('table', {
      name: 'Completion of Move to TLS 1.3 by team',
    });
    const teamOrder = () => teamsIn(table);
    // Most failing first: 5, 1 and 1.
    expect(teamOrder()).toEqual(['team-b', 'team-a', 'team-c']);

    await userEvent.click(within(table).getByRole('button', { name: 'Team' }));
    expect(teamOrder()).toEqual(['team-a', 'team-b', 'team-c']);
    const search = new URLSearchParams(currentSearch);
    expect(Object.fromEntries(search)).toEqual({
      team: 'group:default/team-a',
      teamsSort: 'team',
    });

    // The default sort (completion, lowest first) leaves the URL.
    await userEvent.click(
      within(table).getByRole('button', { name: 'Completion' }),
    );
    expect(new URLSearchParams(currentSearch).has('teamsSort')).toBe(false);
    expect(teamOrder()).toEqual(['team-b', 'team-a', 'team-c']);
  });
});
