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

import { ResponseError } from '@backstage/errors';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RouteRef } from '@backstage/core-plugin-api';
import { scorecardsApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  FreshPermissionCache,
  mockScorecardsApi,
  paymentsEntity,
  paymentsScorecards,
} from '../../__testUtils__/fixtures';
import { EntityScorecardsContent } from './EntityScorecardsContent';

function renderContent(
  api: ReturnType<typeof mockScorecardsApi>,
  authorize:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.DENY,
  path = '/',
  mountedRoutes: Record<string, RouteRef> = {},
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [scorecardsApiRef, api],
        [permissionApiRef, mockApis.permission({ authorize })],
      ]}
    >
      <FreshPermissionCache>
        <EntityProvider entity={paymentsEntity}>
          <EntityScorecardsContent />
        </EntityProvider>
      </FreshPermissionCache>
    </TestApiProvider>,
    { routeEntries: [path], mountedRoutes },
  );
}

describe('EntityScorecardsContent', () => {
  it('shows progress while loading', async () => {
    const api = mockScorecardsApi({
      getEntityScorecards: jest.fn().mockReturnValue(new Promise(() => {})),
    });
    await renderContent(api);
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(api.getEntityScorecards).toHaveBeenCalledWith(
      'component:default/payments',
    );
  });

  it('shows the error when the results cannot be read', async () => {
    const response = new Response(
      JSON.stringify({
        error: { name: 'NotFoundError', message: 'No entity in the catalog' },
        request: { method: 'GET', url: '/entities' },
        response: { statusCode: 404 },
      }),
      { status: 404, headers: { 'Content-Type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response as any);
    const api = mockScorecardsApi({
      getEntityScorecards: jest.fn().mockRejectedValue(error),
    });
    await renderContent(api);
    expect(
      (await screen.findAllByText(/No entity in the catalog/)).length,
    ).toBeGreaterThan(0);
  });

  it('explains when no scorecard applies', async () => {
    const api = mockScorecardsApi({
      getEntityScorecards: jest.fn().mockResolvedValue({
        ...paymentsScorecards,
        scorecards: [],
      }),
    });
    await renderContent(api);
    expect(
      await screen.findByText('No scorecards apply to this entity'),
    ).toBeInTheDocument();
    expect(screen.getByText(/scorecards\.definitions/)).toBeInTheDocument();
  });

  it('shows level, score, rules by level, values found and guidance', async () => {
    const api = mockScorecardsApi({
      getEntityScorecards: jest.fn().mockResolvedValue(paymentsScorecards),
      getHistory: jest.fn().mockResolvedValue({
        interval: 'day',
        from: '2025-10-10',
        to: '2026-01-10',
        points: [
          { date: '2026-01-01', score: 33.3 },
          { date: '2026-01-10', score: 66.7 },
        ],
      }),
    });
    await renderContent(api);

    expect(await screen.findByText('Production Readiness')).toBeInTheDocument();
    // Level badge in the card header, with its position for screen readers.
    const badges = screen.getAllByTestId('level-badge');
    expect(badges[0]).toHaveTextContent('Level Bronze, 2 of 4');
    expect(screen.getAllByText('66.7%').length).toBeGreaterThan(0);
    // The gauge shows the score as the text does, not rounded.
    expect(
      screen.getAllByRole('img', { name: 'Score 66.7%' })[0],
    ).toHaveTextContent(/^66\.7%$/);
    expect(screen.getByText('Fix 1 rule to reach Silver')).toBeInTheDocument();

    // Rules grouped by level, in ladder order.
    const lists = screen.getAllByRole('list', { name: /rules$/ });
    expect(lists.map(l => l.getAttribute('aria-label'))).toEqual([
      'Bronze rules',
      'Silver rules',
      'Gold rules',
    ]);

    const failing = screen.getByTestId('rule-on-call');
    expect(within(failing).getByRole('img', { name: 'Failed' })).toBeTruthy();
    expect(
      within(failing).getByText('spec.openIncidents is 7; must be < 5'),
    ).toBeInTheDocument();
    expect(within(failing).getByText('7')).toBeInTheDocument();
    expect(within(failing).getByText('PagerDuty')).toBeInTheDocument();
    expect(
      within(failing).getByRole('link', { name: /How to fix/ }),
    ).toHaveAttribute('href', 'https://example.com/on-call');

    const passing = screen.getByTestId('rule-has-owner');
    expect(within(passing).getByRole('img', { name: 'Passed' })).toBeTruthy();
    // Guidance is for rules that do not pass.
    expect(within(passing).queryByText('Set spec.owner')).toBeNull();

    const skipped = screen.getByTestId('rule-has-runbook');
    expect(within(skipped).getByRole('img', { name: 'Skipped' })).toBeTruthy();
    // A level's tally counts only the rules that apply.
    expect(
      screen.getAllByRole('heading', { level: 3 }).map(h => h.textContent),
    ).toEqual([
      'Level Bronze, 2 of 41 of 1 passed',
      'Level Silver, 3 of 40 of 1 passed',
      'Level Gold, 4 of 4not applicable',
    ]);

    expect(await screen.findByTestId('score-trend')).toBeInTheDocument();
    expect(api.getHistory).toHaveBeenCalledWith(
      expect.objectContaining({
        scorecardId: 'production-readiness',
        entityRef: 'component:default/payments',
      }),
    );
  });

  it("links each scorecard's title to its page, where the Scorecards page is mounted", async () => {
    const api = mockScorecardsApi({
      getEntityScorecards: jest.fn().mockResolvedValue(paymentsScorecards),
    });
    await renderContent(api, AuthorizeResult.DENY, '/', {
      '/scorecards': rootRouteRef,
    });
    expect(
      await screen.findByRole('link', { name: 'Production Readiness' }),
    ).toHaveAttribute('href', '/scorecards/production-readiness');
  });

  it('shows the titles as text where the Scorecards page is not mounted', async () => {
    const api = mockScorecardsApi({
      getEntityScorecards: jest.fn().mockResolvedValue(paymentsScorecards),
    });
    await renderContent(api);
    expect(await screen.findByText('Production Readiness')).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Production Readiness' }),
    ).toBeNull();
  });

  it("scrolls to the scorecard's card that the URL's hash names", async () => {
    // jsdom has no scrolling: record what would scroll into view.
    const scrolled: Element[] = [];
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function scroll(this: Element) {
      scrolled.push(this);
    };
    try {
      await renderContent(
        mockScorecardsApi({
          getEntityScorecards: jest.fn().mockResolvedValue(paymentsScorecards),
          getHistory: jest.fn().mockRejectedValue(new Error('no history')),
        }),
        AuthorizeResult.DENY,
        '/#scorecard-production-readiness',
      );
      await screen.findByText('Production Readiness');
      await waitFor(() => expect(scrolled).toHaveLength(1));
      expect(scrolled[0]).toHaveAttribute(
        'id',
        'scorecard-production-readiness',
      );
      expect(scrolled[0]).toHaveTextContent('Production Readiness');
    } finally {
      Element.prototype.scrollIntoView = original;
    }
  });

  it('hides the trend when history is unavailable', async () => {
    const api = mockScorecardsApi({
      getEntityScorecards: jest.fn().mockResolvedValue(paymentsScorecards),
    });
    await renderContent(api);
    expect(await screen.findByText('Production Readiness')).toBeInTheDocument();
    await waitFor(() => expect(api.getHistory).toHaveBeenCalled());
    expect(screen.queryByTestId('score-trend')).toBeNull();
  });

  it('hides the re-evaluate button without permission', async () => {
    const api = mockScorecardsApi({
      getEntityScorecards: jest.fn().mockResolvedValue(paymentsScorecards),
    });
    await renderContent(api, AuthorizeResult.DENY);
    expect(await screen.findByText('Production Readiness')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Re-evaluate/ })).toBeNull();
  });

  it('says when the entity was last evaluated, also when its results were kept unchanged', async () => {
    const ago = (minutes: number) =>
      new Date(Date.now() - minutes * 60_000).toISOString();
    const api = mockScorecardsApi({
      getEntityScorecards: jest.fn().mockResolvedValue({
        ...paymentsScorecards,
        lastRunAt: ago(10),
        scorecards: [
          {
            ...paymentsScorecards.scorecards[0],
            stateSince: ago(5 * 24 * 60),
            updatedAt: ago(3 * 24 * 60),
            evaluatedAt: ago(10),
          },
        ],
      }),
      getHistory: jest.fn().mockRejectedValue(new Error('no history')),
    });
    await renderContent(api);

    const card = await screen.findByRole('region', {
      name: 'Production Readiness',
    });
    expect(card).toHaveTextContent(
      'Evaluated 10 minutes ago · unchanged since 5 days ago',
    );
    expect(document.body).toHaveTextContent('Last evaluated 10 minutes ago');
  });

  describe('rules decided by reported outcomes', () => {
    const withOutcomeRule = {
      ...paymentsScorecards,
      scorecards: [
        {
          ...paymentsScorecards.scorecards[0],
          rules: [
            ...paymentsScorecards.scorecards[0].rules,
            {
              id: 'no-critical-vulnerabilities',
              title: 'No critical vulnerabilities',
              level: 'Gold',
              weight: 1,
              check: 'security-scan',
              status: 'fail' as const,
              value: 'fail',
              message: '2 critical findings in build 418',
            },
          ],
        },
      ],
    };
    const rule = async () =>
      screen.findByTestId('rule-no-critical-vulnerabilities');

    it('say who reported the check and when', async () => {
      const reportedAt = new Date(Date.now() - 3 * 3600_000).toISOString();
      const api = mockScorecardsApi({
        getEntityScorecards: jest.fn().mockResolvedValue(withOutcomeRule),
        getHistory: jest.fn().mockRejectedValue(new Error('no history')),
        getEntityOutcomes: jest.fn().mockResolvedValue({
          entityRef: 'component:default/payments',
          items: [
            {
              entityRef: 'component:default/payments',
              check: 'security-scan',
              state: 'fail',
              remarks: '2 critical findings in build 418',
              reportedBy: 'external:ci',
              reportedAt,
            },
          ],
        }),
      });
      await renderContent(api);

      await waitFor(async () =>
        expect(await rule()).toHaveTextContent(
          'Reported fail by external:ci 3 hours ago as check security-scan',
        ),
      );
      expect(api.getEntityOutcomes).toHaveBeenCalledWith(
        'component:default/payments',
      );
      expect(within(await rule()).getByText('3 hours ago')).toHaveAttribute(
        'dateTime',
      );
    });

    it('still name the check when the outcomes cannot be read', async () => {
      const api = mockScorecardsApi({
        getEntityScorecards: jest.fn().mockResolvedValue(withOutcomeRule),
        getHistory: jest.fn().mockRejectedValue(new Error('no history')),
        getEntityOutcomes: jest
          .fn()
          .mockRejectedValue(new Error('backend down')),
      });
      await renderContent(api);

      await waitFor(() => expect(api.getEntityOutcomes).toHaveBeenCalled());
      expect(await rule()).toHaveTextContent(
        'Reported by an external system as check security-scan',
      );
      expect(screen.queryByText(/backend down/)).toBeNull();
    });

    it('are not looked up when no rule has a check', async () => {
      const api = mockScorecardsApi({
        getEntityScorecards: jest.fn().mockResolvedValue(paymentsScorecards),
        getHistory: jest.fn().mockRejectedValue(new Error('no history')),
      });
      await renderContent(api);

      expect(
        await screen.findByText('Production Readiness'),
      ).toBeInTheDocument();
      expect(api.getEntityOutcomes).not.toHaveBeenCalled();
    });
  });

  it('re-evaluates the entity and reloads its results', async () => {
    const api = mockScorecardsApi({
      getEntityScorecards: jest
        .fn()
        .mockResolvedValueOnce(paymentsScorecards)
        .mockResolvedValueOnce({
          ...paymentsScorecards,
          scorecards: [
            { ...paymentsScorecards.scorecards[0], level: 'Gold', score: 100 },
          ],
        }),
      evaluateEntity: jest.fn().mockResolvedValue({
        runId: 3,
        entitiesEvaluated: 1,
        resultsWritten: 1,
        resultsDeleted: 0,
      }),
    });
    await renderContent(api, AuthorizeResult.ALLOW);

    const button = await screen.findByRole('button', { name: /Re-evaluate/ });
    await userEvent.click(button);

    expect(api.evaluateEntity).toHaveBeenCalledWith(
      'component:default/payments',
    );
    expect(
      await screen.findByText('Highest level reached'),
    ).toBeInTheDocument();
    expect(api.getEntityScorecards).toHaveBeenCalledTimes(2);
  });
});
