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

import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ComponentProps } from 'react';
import { scorecardsApiRef, TeamScorecardsResponse } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  departmentGroup as department,
  mockScorecardsApi,
} from '../../__testUtils__/fixtures';
import { EntityTeamScorecardsCard } from './EntityTeamScorecardsCard';

const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { namespace: 'default', name: 'Payments' },
  spec: { type: 'team', children: [] },
};

const user: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { namespace: 'default', name: 'wei' },
  spec: {},
};

const LEVELS = ['Basic', 'Bronze', 'Silver', 'Gold'];

const rule = (id: string, title: string) => ({
  id,
  title,
  level: 'Bronze',
  weight: 1,
});

const response: TeamScorecardsResponse = {
  team: 'group:default/payments',
  relation: 'direct',
  owners: ['group:default/payments'],
  levels: LEVELS,
  lastRun: {
    id: 1,
    trigger: 'schedule',
    scope: {},
    status: 'succeeded',
    startedAt: '2026-12-07T10:00:00.000Z',
    finishedAt: '2026-12-07T10:00:05.000Z',
    entitiesEvaluated: 10,
    resultsWritten: 10,
    resultsDeleted: 0,
  },
  items: [
    {
      id: 'production-readiness',
      title: 'Production Readiness',
      rules: [
        rule('owner', 'Has an owner'),
        rule('on-call', 'Has on-call'),
        rule('runbook', 'Links a runbook'),
        rule('docs', 'Has docs'),
        rule('tier', 'Declares its tier'),
      ],
      score: {
        owner: 'group:default/payments',
        entities: 6,
        averageScore: 62.5,
        distribution: [
          { level: 'Basic', count: 1 },
          { level: 'Bronze', count: 2 },
          { level: 'Silver', count: 2 },
          { level: 'Gold', count: 1 },
        ],
        rules: [
          { ruleId: 'owner', applicable: 6, passed: 6, passRate: 100 },
          { ruleId: 'on-call', applicable: 6, passed: 3, passRate: 50 },
          { ruleId: 'runbook', applicable: 6, passed: 2, passRate: 33.3 },
          { ruleId: 'docs', applicable: 4, passed: 3, passRate: 75 },
          { ruleId: 'tier', applicable: 6, passed: 5, passRate: 83.3 },
        ],
      },
    },
    {
      id: 'observability',
      title: 'Observability',
      rules: [rule('dashboards', 'Has dashboards')],
      score: {
        owner: 'group:default/payments',
        entities: 1,
        averageScore: 100,
        distribution: [{ level: 'Gold', count: 1 }],
        rules: [
          { ruleId: 'dashboards', applicable: 1, passed: 1, passRate: 100 },
        ],
      },
    },
    // Evaluates none of the team's entities: left out.
    {
      id: 'apis',
      title: 'API Standards',
      rules: [rule('spec', 'Has a spec')],
      score: null,
    },
  ],
};

function renderCard(
  api: ReturnType<typeof mockScorecardsApi>,
  entity = team,
  props: ComponentProps<typeof EntityTeamScorecardsCard> = {},
) {
  return renderInTestApp(
    <TestApiProvider apis={[[scorecardsApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityTeamScorecardsCard {...props} />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/scorecards': rootRouteRef } },
  );
}

describe('EntityTeamScorecardsCard', () => {
  it("shows each scorecard of the team's entities, linked to its table of them", async () => {
    const api = mockScorecardsApi({
      getTeamScorecards: jest.fn().mockResolvedValue(response),
    });
    await renderCard(api);

    const list = await screen.findByRole('list', {
      name: "Scorecards of the team's entities",
    });
    expect(api.getTeamScorecards).toHaveBeenCalledWith(
      'group:default/payments',
      { relation: 'direct' },
    );
    const items = within(list).getAllByRole('heading');
    expect(items.map(h => h.textContent)).toEqual([
      'Production Readiness',
      'Observability',
    ]);
    expect(
      screen.getByRole('link', { name: 'Production Readiness' }),
    ).toHaveAttribute(
      'href',
      '/scorecards/production-readiness?team=group%3Adefault%2Fpayments',
    );
    expect(screen.getByText('6 entities · average 62.5%')).toBeInTheDocument();
    expect(
      screen.getAllByRole('img', { name: /^Level distribution/ })[0],
    ).toHaveAccessibleName(
      'Level distribution: Basic 1 (16.7%), Bronze 2 (33.3%), Silver 2 (33.3%), Gold 1 (16.7%)',
    );

    // The three rules with the lowest pass rates, each linked to the team's
    // entities failing it.
    const rules = screen
      .getAllByRole('link')
      .filter(l => l.textContent?.includes('failing'));
    expect(rules.map(l => l.textContent)).toEqual([
      'Links a runbook: 4 of 6 failing',
      'Has on-call: 3 of 6 failing',
      'Has docs: 1 of 4 failing',
    ]);
    expect(rules[0]).toHaveAttribute(
      'href',
      '/scorecards/production-readiness?team=group%3Adefault%2Fpayments&failingRule=runbook',
    );

    expect(screen.getByText('1 entity · average 100%')).toBeInTheDocument();
    expect(
      screen.getByText('Every entity passes every rule.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('API Standards')).toBeNull();
    expect(screen.getByText('The entities this team owns')).toBeInTheDocument();
  });

  it("speaks of a user's and their teams' entities on a user's page", async () => {
    const api = mockScorecardsApi({
      getTeamScorecards: jest.fn().mockResolvedValue({
        ...response,
        team: 'user:default/wei',
        relation: 'aggregated',
        owners: ['user:default/wei', 'group:default/payments'],
        items: response.items.map(i => ({ ...i, score: null })),
      }),
    });
    await renderCard(api, user);
    // As the catalog's Ownership card, with indirect ownership for users.
    expect(
      await screen.findByText(
        'No scorecard evaluates entities that this user or their teams own.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The entities this user and their team own'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('checkbox', {
        name: 'Include indirect ownership in Scorecards',
      }),
    ).toBeChecked();
    expect(api.getTeamScorecards).toHaveBeenCalledWith('user:default/wei', {
      relation: 'aggregated',
    });
  });

  it("adds up the child teams' entities with indirect ownership", async () => {
    const owners = [
      'group:default/payments',
      'group:default/payments-api',
      'group:default/payments-web',
    ];
    const api = mockScorecardsApi({
      getTeamScorecards: jest.fn(async (_team, options) =>
        options?.relation === 'aggregated'
          ? { ...response, relation: 'aggregated' as const, owners }
          : response,
      ),
    });
    await renderCard(api);
    await screen.findByText('The entities this team owns');

    await userEvent.click(
      screen.getByRole('checkbox', {
        name: 'Include indirect ownership in Scorecards',
      }),
    );
    expect(
      await screen.findByText(
        'The entities this team and its 2 child teams own',
      ),
    ).toBeInTheDocument();
    expect(api.getTeamScorecards).toHaveBeenLastCalledWith(
      'group:default/payments',
      { relation: 'aggregated' },
    );
    // The links filter the tables to all of them.
    expect(
      await screen.findByRole('link', { name: 'Production Readiness' }),
    ).toHaveAttribute(
      'href',
      '/scorecards/production-readiness?team=group%3Adefault%2Fpayments&team=group%3Adefault%2Fpayments-api&team=group%3Adefault%2Fpayments-web',
    );
    expect(
      screen.getByRole('link', { name: 'Links a runbook: 4 of 6 failing' }),
    ).toHaveAttribute(
      'href',
      '/scorecards/production-readiness?team=group%3Adefault%2Fpayments&team=group%3Adefault%2Fpayments-api&team=group%3Adefault%2Fpayments-web&failingRule=runbook',
    );

    await userEvent.click(
      screen.getByRole('checkbox', {
        name: 'Include indirect ownership in Scorecards',
      }),
    );
    expect(
      await screen.findByText('The entities this team owns'),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'Production Readiness' }),
    ).toHaveAttribute(
      'href',
      '/scorecards/production-readiness?team=group%3Adefault%2Fpayments',
    );
  });

  it("charts each scorecard's average score over time, linked to the History tab", async () => {
    const api = mockScorecardsApi({
      getTeamScorecards: jest.fn(async (_team, options) =>
        options?.relation === 'aggregated'
          ? {
              ...response,
              relation: 'aggregated' as const,
              owners: ['group:default/payments', 'group:default/payments-api'],
            }
          : response,
      ),
      getHistory: jest.fn(async query => ({
        interval: 'day' as const,
        from: '2026-09-08',
        to: '2026-12-07',
        points: [
          { date: '2026-12-06', entities: 6, averageScore: 50, levels: {} },
          {
            date: '2026-12-07',
            entities: 6,
            averageScore: query.relation === 'aggregated' ? 70 : 62.5,
            levels: {},
          },
        ],
      })),
    });
    await renderCard(api);

    expect(
      await screen.findAllByRole('img', {
        name: 'Average score trend over the last 90 days: 50% on 2026-12-06, 62.5% on 2026-12-07',
      }),
    ).toHaveLength(2);
    expect(api.getHistory).toHaveBeenCalledWith(
      expect.objectContaining({
        scorecardId: 'production-readiness',
        team: 'group:default/payments',
        relation: 'direct',
      }),
    );
    expect(
      screen.getAllByRole('link', { name: 'Score over time' })[0],
    ).toHaveAttribute(
      'href',
      '/scorecards/history?scorecard=production-readiness&team=group%3Adefault%2Fpayments',
    );

    // With indirect ownership: the department's trend and history.
    await userEvent.click(
      screen.getByRole('checkbox', {
        name: 'Include indirect ownership in Scorecards',
      }),
    );
    expect(
      await screen.findAllByRole('img', {
        name: /50% on 2026-12-06, 70% on 2026-12-07$/,
      }),
    ).toHaveLength(2);
    expect(
      screen.getAllByRole('link', { name: 'Score over time' })[0],
    ).toHaveAttribute(
      'href',
      '/scorecards/history?scorecard=production-readiness&department=group%3Adefault%2Fpayments',
    );
  });

  it("links a user's History with their teams, or alone", async () => {
    const api = mockScorecardsApi({
      getTeamScorecards: jest.fn().mockResolvedValue({
        ...response,
        team: 'user:default/wei',
        relation: 'aggregated',
        owners: ['user:default/wei', 'group:default/payments'],
      }),
    });
    await renderCard(api, user);
    expect(
      await screen.findByRole('link', { name: 'Production Readiness' }),
    ).toBeInTheDocument();
    expect(
      screen.getAllByRole('link', { name: 'Score over time' })[0],
    ).toHaveAttribute(
      'href',
      '/scorecards/history?scorecard=production-readiness&department=user%3Adefault%2Fwei',
    );

    await userEvent.click(
      screen.getByRole('checkbox', {
        name: 'Include indirect ownership in Scorecards',
      }),
    );
    expect(
      (await screen.findAllByRole('link', { name: 'Score over time' }))[0],
    ).toHaveAttribute(
      'href',
      '/scorecards/history?scorecard=production-readiness&team=user%3Adefault%2Fwei',
    );
  });

  it('starts as configured, without the switch if it is hidden', async () => {
    const api = mockScorecardsApi({
      getTeamScorecards: jest.fn().mockResolvedValue({
        ...response,
        relation: 'aggregated',
        owners: ['group:default/payments'],
      }),
    });
    await renderCard(api, team, {
      relationAggregation: 'aggregated',
      hideRelationsToggle: true,
    });
    expect(
      await screen.findByText(
        'The entities this team owns (it has no child teams)',
      ),
    ).toBeInTheDocument();
    expect(api.getTeamScorecards).toHaveBeenCalledWith(
      'group:default/payments',
      { relation: 'aggregated' },
    );
    expect(
      screen.queryByRole('checkbox', {
        name: 'Include indirect ownership in Scorecards',
      }),
    ).toBeNull();
  });

  it('says so when no scorecard evaluates entities of the team', async () => {
    const api = mockScorecardsApi({
      getTeamScorecards: jest.fn().mockResolvedValue({
        ...response,
        items: response.items.map(i => ({ ...i, score: null })),
      }),
    });
    await renderCard(api);
    expect(
      await screen.findByText(
        'No scorecard evaluates entities that this team owns.',
      ),
    ).toBeInTheDocument();
  });

  it('offers to count the child teams when a department owns nothing itself', async () => {
    const getTeamScorecards = jest
      .fn()
      .mockImplementation(async (_team: string, { relation }) =>
        relation === 'direct'
          ? {
              ...response,
              team: 'group:default/engineering',
              owners: ['group:default/engineering'],
              items: response.items.map(i => ({ ...i, score: null })),
            }
          : {
              ...response,
              team: 'group:default/engineering',
              relation,
              owners: [
                'group:default/engineering',
                'group:default/payments',
                'group:default/identity',
              ],
            },
      );
    await renderCard(mockScorecardsApi({ getTeamScorecards }), department);
    expect(
      await screen.findByText(
        'No scorecard evaluates entities that this team owns.',
      ),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Include its 2 child teams' }),
    );
    expect(getTeamScorecards).toHaveBeenLastCalledWith(
      'group:default/engineering',
      { relation: 'aggregated' },
    );
    expect(
      await screen.findByRole('list', {
        name: "Scorecards of the team's entities",
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('checkbox', {
        name: 'Include indirect ownership in Scorecards',
      }),
    ).toBeChecked();
    expect(
      screen.getByText('The entities this team and its 2 child teams own'),
    ).toBeInTheDocument();
  });

  it('offers no child teams that a group does not have, or that the card hides', async () => {
    const getTeamScorecards = jest.fn().mockResolvedValue({
      ...response,
      items: response.items.map(i => ({ ...i, score: null })),
    });
    const api = mockScorecardsApi({ getTeamScorecards });
    const { unmount } = await renderCard(api);
    await screen.findByText(
      'No scorecard evaluates entities that this team owns.',
    );
    expect(screen.queryByRole('button', { name: /^Include its/ })).toBeNull();
    unmount();

    await renderCard(api, department, { hideRelationsToggle: true });
    await screen.findByText(
      'No scorecard evaluates entities that this team owns.',
    );
    expect(screen.queryByRole('button', { name: /^Include its/ })).toBeNull();
  });

  it('says so before the first run', async () => {
    const api = mockScorecardsApi({
      getTeamScorecards: jest.fn().mockResolvedValue({
        ...response,
        lastRun: null,
        items: response.items.map(i => ({ ...i, score: null })),
      }),
    });
    await renderCard(api);
    expect(
      await screen.findByText('Scorecards have not been evaluated yet.'),
    ).toBeInTheDocument();
  });

  it('shows an error when the scores cannot be read', async () => {
    const api = mockScorecardsApi({
      getTeamScorecards: jest
        .fn()
        .mockRejectedValue(new Error('No entity group:default/payments')),
    });
    await renderCard(api);
    expect(
      (await screen.findAllByText(/No entity group:default\/payments/)).length,
    ).toBeGreaterThan(0);
  });
});
