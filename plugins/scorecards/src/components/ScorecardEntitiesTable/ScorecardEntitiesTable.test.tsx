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

import { alertApiRef } from '@backstage/core-plugin-api';
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
import { Link, useLocation } from 'react-router-dom';
import { scorecardsApiRef } from '../../api';
import {
  entityRow,
  FreshPermissionCache,
  mockScorecardsApi,
  productionReadinessDetails,
} from '../../__testUtils__/fixtures';
import { ScorecardEntitiesTable } from './ScorecardEntitiesTable';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

function pageOf(names: string[], nextCursor?: string, totalCount = 60) {
  return {
    items: names.map(name => entityRow(name)),
    totalCount,
    nextCursor,
  };
}

const alertApi = { post: jest.fn(), alert$: jest.fn() };

let currentSearch = '';
function SearchProbe() {
  currentSearch = useLocation().search;
  return null;
}

async function renderTable(
  api: ReturnType<typeof mockScorecardsApi>,
  authorize:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.DENY,
  path = '/',
  extra?: JSX.Element,
) {
  alertApi.post.mockClear();
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [scorecardsApiRef, api],
        [permissionApiRef, mockApis.permission({ authorize })],
        [alertApiRef, alertApi],
      ]}
    >
      <FreshPermissionCache>
        <ScorecardEntitiesTable scorecard={productionReadinessDetails} />
        <SearchProbe />
        {extra}
      </FreshPermissionCache>
    </TestApiProvider>,
    { mountedRoutes, routeEntries: [path] },
  );
}

async function chooseOption(selectLabel: RegExp, option: string) {
  const filters = screen.getByRole('group', { name: 'Filter entities' });
  await userEvent.click(
    within(filters).getByRole('button', { name: selectLabel }),
  );
  await userEvent.click(await screen.findByRole('option', { name: option }));
  // The team filter chooses several, and stays open.
  if (screen.queryByRole('listbox')) {
    await userEvent.keyboard('{Escape}');
  }
}

describe('ScorecardEntitiesTable', () => {
  it('shows the first page, lowest scores first', async () => {
    const api = mockScorecardsApi({
      getScorecardEntities: jest
        .fn()
        .mockResolvedValue(pageOf(['payments', 'checkout'], 'c2')),
    });
    await renderTable(api);

    expect(await screen.findByText('payments')).toBeInTheDocument();
    expect(screen.getByText('checkout')).toBeInTheDocument();
    expect(api.getScorecardEntities).toHaveBeenCalledWith(
      'production-readiness',
      { sort: 'score', order: 'asc', limit: 25, cursor: undefined },
    );
    expect(
      screen.getByText('Entities evaluated by Production Readiness: 60'),
    ).toBeInTheDocument();
    // Failing rules by title.
    expect(screen.getAllByText('Has on-call')).toHaveLength(2);
  });

  it('passes the chosen filters to the API and starts over at page one', async () => {
    const api = mockScorecardsApi({
      getScorecardEntities: jest
        .fn()
        .mockResolvedValue(pageOf(['payments'], 'c2')),
    });
    await renderTable(api);
    await screen.findByText('payments');
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() =>
      expect(api.getScorecardEntities).toHaveBeenLastCalledWith(
        'production-readiness',
        expect.objectContaining({ cursor: 'c2' }),
      ),
    );
    await screen.findByText('payments');

    await chooseOption(/Team/, 'team-a');
    await chooseOption(/Level/, 'Basic');
    await chooseOption(/Failing rule/, 'Has on-call');
    // Kind, type, lifecycle and system offer the scorecard's facets.
    await chooseOption(/Kind/, 'Component');
    await chooseOption(/Lifecycle/, 'production');
    await chooseOption(/System/, 'payments');
    await userEvent.type(screen.getByLabelText('Search entities'), 'pay');

    await waitFor(() =>
      expect(api.getScorecardEntities).toHaveBeenLastCalledWith(
        'production-readiness',
        {
          team: ['group:default/team-a'],
          level: 'Basic',
          failingRule: 'on-call',
          kind: 'Component',
          lifecycle: 'production',
          system: 'system:default/payments',
          text: 'pay',
          sort: 'score',
          order: 'asc',
          limit: 25,
          cursor: undefined,
        },
      ),
    );
  }, 20_000);

  it('starts with the filters in the URL, and keeps the chosen ones there', async () => {
    const api = mockScorecardsApi({
      getScorecardEntities: jest.fn().mockResolvedValue(pageOf(['payments'])),
    });
    await renderTable(
      api,
      AuthorizeResult.DENY,
      '/?team=group%3Adefault%2Fteam-a&failingRule=on-call&tab=entities',
    );
    await screen.findByText('payments');
    expect(api.getScorecardEntities).toHaveBeenCalledTimes(1);
    expect(api.getScorecardEntities).toHaveBeenCalledWith(
      'production-readiness',
      expect.objectContaining({
        team: ['group:default/team-a'],
        failingRule: 'on-call',
      }),
    );

    await chooseOption(/Level/, 'Gold');
    await waitFor(() =>
      expect(new URLSearchParams(currentSearch).get('level')).toBe('Gold'),
    );
    const search = new URLSearchParams(currentSearch);
    expect(search.get('team')).toBe('group:default/team-a');
    expect(search.get('tab')).toBe('entities');

    // Text is kept as typed: a pause after a space does not drop it.
    await userEvent.type(screen.getByLabelText('Search entities'), 'pay ');
    await waitFor(() =>
      expect(new URLSearchParams(currentSearch).get('text')).toBe('pay '),
    );
    await userEvent.type(screen.getByLabelText('Search entities'), 'ment');
    await waitFor(() =>
      expect(api.getScorecardEntities).toHaveBeenLastCalledWith(
        'production-readiness',
        expect.objectContaining({ text: 'pay ment' }),
      ),
    );

    await chooseOption(/Failing rule/, 'Any');
    await waitFor(() =>
      expect(new URLSearchParams(currentSearch).has('failingRule')).toBe(false),
    );
  }, 20_000);

  it('filters to the entities without an owner, as team= in the URL', async () => {
    const api = mockScorecardsApi({
      getScorecardEntities: jest.fn().mockResolvedValue(pageOf(['payments'])),
    });
    await renderTable(api, AuthorizeResult.DENY, '/?team=&failingRule=on-call');
    await screen.findByText('payments');
    expect(api.getScorecardEntities).toHaveBeenCalledTimes(1);
    expect(api.getScorecardEntities).toHaveBeenCalledWith(
      'production-readiness',
      expect.objectContaining({ team: [''], failingRule: 'on-call' }),
    );
    const filters = screen.getByRole('group', { name: 'Filter entities' });
    expect(
      within(filters).getByRole('button', { name: /Team/ }),
    ).toHaveTextContent('No owner');

    await chooseOption(/Team/, 'Any');
    await waitFor(() =>
      expect(new URLSearchParams(currentSearch).has('team')).toBe(false),
    );
    await chooseOption(/Team/, 'No owner');
    await waitFor(() =>
      expect(new URLSearchParams(currentSearch).get('team')).toBe(''),
    );
    await waitFor(() =>
      expect(api.getScorecardEntities).toHaveBeenLastCalledWith(
        'production-readiness',
        expect.objectContaining({ team: [''] }),
      ),
    );
  });

  it('filters to several teams, each a team= in the URL', async () => {
    const api = mockScorecardsApi({
      getScorecardEntities: jest.fn().mockResolvedValue(pageOf(['payments'])),
    });
    // A link from a department's team card: its teams, one of which owns
    // none of the scorecard's entities.
    await renderTable(
      api,
      AuthorizeResult.DENY,
      '/?team=group%3Adefault%2Fteam-a&team=group%3Adefault%2Fteam-z',
    );
    await screen.findByText('payments');
    expect(api.getScorecardEntities).toHaveBeenCalledTimes(1);
    expect(api.getScorecardEntities).toHaveBeenCalledWith(
      'production-readiness',
      expect.objectContaining({
        team: ['group:default/team-a', 'group:default/team-z'],
      }),
    );
    const filters = screen.getByRole('group', { name: 'Filter entities' });
    expect(
      within(filters).getByRole('button', { name: /Team/ }),
    ).toHaveTextContent('team-a, team-z');

    await chooseOption(/Team/, 'No owner');
    await waitFor(() =>
      expect(new URLSearchParams(currentSearch).getAll('team')).toEqual([
        'group:default/team-a',
        'group:default/team-z',
        '',
      ]),
    );
    await waitFor(() =>
      expect(api.getScorecardEntities).toHaveBeenLastCalledWith(
        'production-readiness',
        expect.objectContaining({
          team: ['group:default/team-a', 'group:default/team-z', ''],
        }),
      ),
    );
    // Choosing a chosen team again leaves it out.
    await chooseOption(/Team/, 'team-a');
    await waitFor(() =>
      expect(new URLSearchParams(currentSearch).getAll('team')).toEqual([
        'group:default/team-z',
        '',
      ]),
    );
    await chooseOption(/Team/, 'Any');
    await waitFor(() =>
      expect(new URLSearchParams(currentSearch).has('team')).toBe(false),
    );
    await waitFor(() =>
      expect(api.getScorecardEntities).toHaveBeenLastCalledWith(
        'production-readiness',
        expect.not.objectContaining({ team: expect.anything() }),
      ),
    );
  }, 20_000);

  it('offers exactly the facets as choices', async () => {
    const api = mockScorecardsApi({
      getScorecardEntities: jest.fn().mockResolvedValue(pageOf(['payments'])),
    });
    await renderTable(api);
    await screen.findByText('payments');
    const filters = screen.getByRole('group', { name: 'Filter entities' });
    await userEvent.click(
      within(filters).getByRole('button', { name: /Type/ }),
    );
    const listbox = await screen.findByRole('listbox');
    expect(
      within(listbox)
        .getAllByRole('option')
        .map(option => option.textContent),
    ).toEqual(['Any', 'service', 'website']);
  });

  it('falls back to free text where the scorecard has no facets', async () => {
    const api = mockScorecardsApi({
      getScorecardEntities: jest.fn().mockResolvedValue(pageOf(['payments'])),
    });
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [scorecardsApiRef, api],
          [permissionApiRef, mockApis.permission()],
        ]}
      >
        <ScorecardEntitiesTable
          scorecard={{ ...productionReadinessDetails, facets: null }}
        />
      </TestApiProvider>,
      { mountedRoutes },
    );
    await screen.findByText('payments');
    await userEvent.type(screen.getByLabelText('Kind'), 'Component');
    await userEvent.type(screen.getByLabelText('Type'), 'service');
    await waitFor(() =>
      expect(api.getScorecardEntities).toHaveBeenLastCalledWith(
        'production-readiness',
        expect.objectContaining({ kind: 'Component', type: 'service' }),
      ),
    );
  }, 20_000);

  it('pages forward with the next cursor and back again', async () => {
    const api = mockScorecardsApi({
      getScorecardEntities: jest.fn(async (_id, query) =>
        query?.cursor === 'c2'
          ? pageOf(['page-two'], undefined)
          : pageOf(['page-one'], 'c2'),
      ),
    });
    await renderTable(api);
    await screen.findByText('page-one');
    expect(
      screen.getByRole('button', { name: 'Previous page' }),
    ).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('page-two')).toBeInTheDocument();
    expect(api.getScorecardEntities).toHaveBeenLastCalledWith(
      'production-readiness',
      expect.objectContaining({ cursor: 'c2', limit: 25 }),
    );
    // The last page has no next cursor.
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();

    await userEvent.click(
      screen.getByRole('button', { name: 'Previous page' }),
    );
    expect(await screen.findByText('page-one')).toBeInTheDocument();
  });

  it('sorts by a column, toggling the order', async () => {
    const api = mockScorecardsApi({
      getScorecardEntities: jest.fn().mockResolvedValue(pageOf(['payments'])),
    });
    await renderTable(api);
    await screen.findByText('payments');

    await userEvent.click(screen.getByRole('button', { name: 'Entity' }));
    await waitFor(() =>
      expect(api.getScorecardEntities).toHaveBeenLastCalledWith(
        'production-readiness',
        expect.objectContaining({ sort: 'name', order: 'asc' }),
      ),
    );
    await screen.findByText('payments');
    await userEvent.click(screen.getByRole('button', { name: /Entity/ }));
    await waitFor(() =>
      expect(api.getScorecardEntities).toHaveBeenLastCalledWith(
        'production-readiness',
        expect.objectContaining({ sort: 'name', order: 'desc' }),
      ),
    );
  });

  it('keeps the sort and page size in the URL, and starts from them', async () => {
    const api = mockScorecardsApi({
      getScorecardEntities: jest.fn().mockResolvedValue(pageOf(['payments'])),
    });
    await renderTable(api, AuthorizeResult.DENY, '/?team=group%3Adefault%2Fa');
    await screen.findByText('payments');

    await userEvent.click(screen.getByRole('button', { name: 'Owner' }));
    await waitFor(() =>
      expect(new URLSearchParams(currentSearch).get('sort')).toBe('owner'),
    );
    await screen.findByText('payments');
    await userEvent.click(screen.getByRole('button', { name: /Owner/ }));
    await waitFor(() =>
      expect(new URLSearchParams(currentSearch).get('order')).toBe('desc'),
    );
    await screen.findByText('payments');
    await userEvent.click(
      screen.getByRole('button', { name: /Rows per page/ }),
    );
    await userEvent.click(await screen.findByRole('option', { name: '50' }));
    await waitFor(() =>
      expect(api.getScorecardEntities).toHaveBeenLastCalledWith(
        'production-readiness',
        expect.objectContaining({ sort: 'owner', order: 'desc', limit: 50 }),
      ),
    );
    const search = new URLSearchParams(currentSearch);
    expect(Object.fromEntries(search)).toEqual({
      team: 'group:default/a',
      sort: 'owner',
      order: 'desc',
      pageSize: '50',
    });
  });

  it('starts over at the first page when a link changes the sort', async () => {
    const api = mockScorecardsApi({
      getScorecardEntities: jest.fn(async (_id, query) =>
        query?.cursor === 'c2'
          ? pageOf(['page-two'], undefined)
          : pageOf(['page-one'], 'c2'),
      ),
    });
    await renderTable(
      api,
      AuthorizeResult.DENY,
      '/',
      <Link to="?sort=name">By name</Link>,
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Next page' }),
    );
    await screen.findByText('page-two');

    await userEvent.click(screen.getByRole('link', { name: 'By name' }));
    expect(await screen.findByText('page-one')).toBeInTheDocument();
    expect(api.getScorecardEntities).toHaveBeenLastCalledWith(
      'production-readiness',
      expect.objectContaining({ sort: 'name', cursor: undefined }),
    );
    expect(
      screen.getByRole('button', { name: 'Previous page' }),
    ).toBeDisabled();
  });

  it.each([
    [
      '?sort=updatedAt&order=desc&pageSize=10',
      { sort: 'updatedAt', order: 'desc', limit: 10 },
    ],
    // What the table does not offer falls back to its defaults.
    [
      '?sort=failingRules&order=up&pageSize=1000',
      { sort: 'score', order: 'asc', limit: 25 },
    ],
  ])('starts with the view in the URL %s', async (search, expected) => {
    const api = mockScorecardsApi({
      getScorecardEntities: jest.fn().mockResolvedValue(pageOf(['payments'])),
    });
    await renderTable(api, AuthorizeResult.DENY, `/${search}`);
    await screen.findByText('payments');
    expect(api.getScorecardEntities).toHaveBeenCalledTimes(1);
    expect(api.getScorecardEntities).toHaveBeenCalledWith(
      'production-readiness',
      { ...expected, cursor: undefined },
    );
  });

  it('says so when no entity matches', async () => {
    const api = mockScorecardsApi({
      getScorecardEntities: jest
        .fn()
        .mockResolvedValue(pageOf([], undefined, 0)),
    });
    await renderTable(api);
    expect(
      await screen.findByText('No entities match these filters.'),
    ).toBeInTheDocument();
  });

  it('downloads the CSV export with the current filters', async () => {
    const createObjectURL = jest.fn(() => 'blob:csv');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    const blob = new Blob(['entity_ref\n'], { type: 'text/csv' });
    const api = mockScorecardsApi({
      getScorecardEntities: jest.fn().mockResolvedValue(pageOf(['payments'])),
      exportScorecardEntities: jest.fn().mockResolvedValue(blob),
    });
    await renderTable(api);
    await screen.findByText('payments');
    await chooseOption(/Level/, 'Gold');
    await waitFor(() =>
      expect(api.getScorecardEntities).toHaveBeenLastCalledWith(
        'production-readiness',
        expect.objectContaining({ level: 'Gold' }),
      ),
    );

    await userEvent.click(screen.getByRole('button', { name: /Export CSV/ }));

    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(api.exportScorecardEntities).toHaveBeenCalledWith(
      'production-readiness',
      { level: 'Gold', sort: 'score', order: 'asc' },
    );
    expect(createObjectURL).toHaveBeenCalledWith(blob);
    click.mockRestore();
  });

  describe('Notify owners', () => {
    it('is offered only with the permission', async () => {
      const api = mockScorecardsApi({
        getScorecardEntities: jest.fn().mockResolvedValue(pageOf(['payments'])),
      });
      await renderTable(api);
      await screen.findByText('payments');
      expect(
        screen.queryByRole('button', { name: /Notify owners/ }),
      ).toBeNull();
    });

    it('notifies the owners of the failing entities the filters select, after a confirmation', async () => {
      const api = mockScorecardsApi({
        getScorecardEntities: jest
          .fn()
          .mockResolvedValue(pageOf(['payments'], undefined, 12)),
        notifyScorecardOwners: jest.fn().mockResolvedValue({
          teamsNotified: 2,
          entitiesIncluded: 7,
          unowned: 1,
          failedTeams: [],
        }),
      });
      await renderTable(api, AuthorizeResult.ALLOW);
      await screen.findByText('payments');
      await chooseOption(/Level/, 'Gold');
      await waitFor(() =>
        expect(api.getScorecardEntities).toHaveBeenLastCalledWith(
          'production-readiness',
          expect.objectContaining({ level: 'Gold' }),
        ),
      );

      await userEvent.click(
        await screen.findByRole('button', { name: /Notify owners/ }),
      );
      const dialog = await screen.findByRole('dialog');
      expect(dialog).toHaveTextContent(
        'Among the 12 entities that match the filters, the teams that own failing ones each get one notification',
      );
      expect(api.notifyScorecardOwners).not.toHaveBeenCalled();
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Notify owners' }),
      );

      await waitFor(() =>
        expect(api.notifyScorecardOwners).toHaveBeenCalledWith(
          'production-readiness',
          { level: 'Gold', sort: 'score', order: 'asc' },
        ),
      );
      await waitFor(() =>
        expect(alertApi.post).toHaveBeenCalledWith({
          message:
            'Notified 2 teams about 7 failing entities; 1 entity without an owner was not notified',
          severity: 'success',
          display: 'transient',
        }),
      );
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    });

    it('keeps the dialog open with the reason when sending fails', async () => {
      const api = mockScorecardsApi({
        getScorecardEntities: jest.fn().mockResolvedValue(pageOf(['payments'])),
        notifyScorecardOwners: jest
          .fn()
          .mockRejectedValue(new Error('Notifications are not available')),
      });
      await renderTable(api, AuthorizeResult.ALLOW);
      await screen.findByText('payments');
      await userEvent.click(
        await screen.findByRole('button', { name: /Notify owners/ }),
      );
      const dialog = await screen.findByRole('dialog');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Notify owners' }),
      );
      expect(
        await within(dialog).findByText(
          'Could not notify the owners: Notifications are not available',
        ),
      ).toBeInTheDocument();
    });

    it('cannot be used when no entity matches', async () => {
      const api = mockScorecardsApi({
        getScorecardEntities: jest
          .fn()
          .mockResolvedValue(pageOf([], undefined, 0)),
      });
      await renderTable(api, AuthorizeResult.ALLOW);
      await screen.findByText('No entities match these filters.');
      expect(
        await screen.findByRole('button', { name: /Notify owners/ }),
      ).toBeDisabled();
    });

    it('cannot be used for the entities without an owner', async () => {
      const api = mockScorecardsApi({
        getScorecardEntities: jest.fn().mockResolvedValue(pageOf(['payments'])),
      });
      await renderTable(api, AuthorizeResult.ALLOW, '/?team=');
      await screen.findByText('payments');
      const button = await screen.findByRole('button', {
        name: /Notify owners/,
      });
      expect(button).toBeDisabled();
      expect(button).toHaveAttribute(
        'title',
        'Entities without an owner have nobody to notify',
      );
    });
  });
});
