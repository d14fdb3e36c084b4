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
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  ScorecardDepartmentsResponse,
  ScorecardHistoryResponse,
  scorecardsApiRef,
} from '../../api';
import {
  mockScorecardsApi,
  productionReadinessDetails,
  scorecardsList,
} from '../../__testUtils__/fixtures';
import { downloadBlob } from '../ScorecardEntitiesTable/downloadBlob';
import { ScorecardsHistory } from './ScorecardsHistory';

jest.mock('../ScorecardEntitiesTable/downloadBlob', () => ({
  downloadBlob: jest.fn(),
}));

// Charts with a size of their own: jsdom lays nothing out.
jest.mock('recharts', () =>
  jest.requireActual('../../__testUtils__/recharts').sizedRecharts(),
);

/** The bars of a chart, by series: where each starts and how tall it is. */
function barsOf(chart: HTMLElement) {
  return Object.fromEntries(
    Array.from(chart.querySelectorAll('.recharts-bar-rectangle path')).map(
      path => [
        path.getAttribute('name'),
        {
          y: Number(path.getAttribute('y')),
          height: Number(path.getAttribute('height')),
        },
      ],
    ),
  );
}

const scorecardHistory: ScorecardHistoryResponse = {
  interval: 'day',
  from: '2026-01-01',
  to: '2026-01-03',
  points: [
    {
      date: '2026-01-01',
      entities: 10,
      averageScore: 40,
      levels: { Basic: 6, Bronze: 4, Silver: 0, Gold: 0 },
    },
    {
      date: '2026-01-03',
      entities: 10,
      averageScore: 55.5,
      levels: { Basic: 4, Bronze: 4, Silver: 2, Gold: 0 },
    },
  ],
};

const departments: ScorecardDepartmentsResponse = {
  levels: productionReadinessDetails.levels,
  items: [
    {
      owner: 'group:default/engineering',
      owners: ['group:default/team-a', 'group:default/team-b'],
      entities: 30,
      averageScore: 72.5,
      distribution: [],
      rules: [],
    },
  ],
};

function api() {
  return mockScorecardsApi({
    getScorecards: jest.fn().mockResolvedValue(scorecardsList),
    getScorecard: jest.fn().mockResolvedValue(productionReadinessDetails),
    getScorecardDepartments: jest.fn().mockResolvedValue(departments),
    getHistory: jest.fn(async query =>
      query.ruleId
        ? {
            ...scorecardHistory,
            points: [
              { date: '2026-01-01', applicable: 10, passed: 2, passRate: 20 },
              { date: '2026-01-03', applicable: 10, passed: 5, passRate: 50 },
            ],
          }
        : scorecardHistory,
    ),
  });
}

async function renderHistory(
  scorecardsApi = api(),
  path = '/?scorecard=production-readiness&from=2026-01-01&to=2026-01-03',
) {
  await renderInTestApp(
    <TestApiProvider apis={[[scorecardsApiRef, scorecardsApi]]}>
      <ScorecardsHistory />
    </TestApiProvider>,
    { routeEntries: [path] },
  );
  return scorecardsApi;
}

async function chooseOption(selectLabel: RegExp, option: string) {
  const controls = screen.getByRole('group', { name: 'History options' });
  await userEvent.click(
    within(controls).getByRole('button', { name: selectLabel }),
  );
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

describe('ScorecardsHistory', () => {
  it("charts a scorecard's average score and levels over the chosen range", async () => {
    const scorecardsApi = await renderHistory();

    expect(
      await screen.findByRole('img', {
        name: 'Average score. Average score went from 40% on 2026-01-01 to 55.5% on 2026-01-03.',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Entities per level. On 2026-01-03: Basic 4, Bronze 4, Silver 2, Gold 0.',
      }),
    ).toBeInTheDocument();
    expect(scorecardsApi.getHistory).toHaveBeenCalledWith({
      scorecardId: 'production-readiness',
      from: '2026-01-01',
      to: '2026-01-03',
      interval: 'day',
    });
    // The figures are also there as a table.
    const table = screen.getByRole('table', { name: 'Average score' });
    expect(within(table).getByText('55.5%')).toBeInTheDocument();
    // Nothing chosen reads as what it means, not as an empty field.
    const controls = screen.getByRole('group', { name: 'History options' });
    expect(
      within(controls).getByRole('button', { name: /^Rule/ }),
    ).toHaveTextContent('All rules (average score)');
    expect(
      within(controls).getByRole('button', { name: /^Team/ }),
    ).toHaveTextContent('Whole organisation');
  });

  it('charts the pass rate of a chosen rule for a chosen team', async () => {
    const scorecardsApi = await renderHistory();
    await screen.findByRole('img', { name: /^Average score/ });

    await chooseOption(/Rule/, 'Has on-call');
    await chooseOption(/Team/, 'team-a');

    expect(
      await screen.findByRole('img', {
        name: 'Pass rate of “Has on-call”. Pass rate went from 20% on 2026-01-01 to 50% on 2026-01-03.',
      }),
    ).toBeInTheDocument();
    expect(scorecardsApi.getHistory).toHaveBeenLastCalledWith({
      scorecardId: 'production-readiness',
      ruleId: 'on-call',
      team: 'group:default/team-a',
      from: '2026-01-01',
      to: '2026-01-03',
      interval: 'day',
    });
  });

  it("charts a department's history: the group with the teams below it", async () => {
    const scorecardsApi = await renderHistory();
    await screen.findByRole('img', { name: /^Average score/ });

    await userEvent.click(
      within(screen.getByRole('group', { name: 'History options' })).getByRole(
        'button',
        { name: /Team/ },
      ),
    );
    const listbox = await screen.findByRole('listbox');
    // Headings are not options: the teams, then the departments.
    expect(
      within(listbox)
        .getAllByRole('option')
        .map(option => option.textContent),
    ).toEqual(['Whole organisation', 'team-a', 'engineering']);
    expect(
      within(listbox).getByText('Departments, with their teams'),
    ).toBeInTheDocument();
    await userEvent.click(
      within(listbox).getByRole('option', { name: 'engineering' }),
    );

    await waitFor(() =>
      expect(scorecardsApi.getHistory).toHaveBeenLastCalledWith({
        scorecardId: 'production-readiness',
        team: 'group:default/engineering',
        relation: 'aggregated',
        from: '2026-01-01',
        to: '2026-01-03',
        interval: 'day',
      }),
    );
    expect(
      screen.getByText(/and the teams below it, added up/),
    ).toHaveTextContent('Showing engineering and the teams below it');
    expect(scorecardsApi.getScorecardDepartments).toHaveBeenCalledWith(
      'production-readiness',
    );
  });

  it('reads a department from the URL, and a team after it alone', async () => {
    const scorecardsApi = await renderHistory(
      api(),
      '/?scorecard=production-readiness&department=group:default/engineering&team=group:default/team-b&from=2026-01-01&to=2026-01-03',
    );
    await screen.findByRole('img', { name: /^Average score/ });
    expect(scorecardsApi.getHistory).toHaveBeenLastCalledWith(
      expect.objectContaining({
        team: 'group:default/engineering',
        relation: 'aggregated',
      }),
    );

    await chooseOption(/Team/, 'team-a');
    await waitFor(() =>
      expect(scorecardsApi.getHistory).toHaveBeenLastCalledWith(
        expect.objectContaining({ team: 'group:default/team-a' }),
      ),
    );
    expect(scorecardsApi.getHistory.mock.lastCall![0]).not.toHaveProperty(
      'relation',
    );
    expect(screen.getByText(/only\./)).toHaveTextContent(
      'Showing team-a only.',
    );
  });

  it("downloads each chart's data as CSV, named by what it shows", async () => {
    await renderHistory(
      api(),
      '/?scorecard=production-readiness&department=group:default/engineering&interval=week&from=2026-01-01&to=2026-01-03',
    );
    await screen.findByRole('img', { name: /^Average score/ });

    await userEvent.click(
      screen.getByRole('button', { name: 'Download CSV: Average score' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Download CSV: Entities per level' }),
    );

    const calls = jest.mocked(downloadBlob).mock.calls;
    expect(calls.map(([, fileName]) => fileName)).toEqual([
      'production-readiness-engineering-and-teams-average-score-weekly-2026-01-01-to-2026-01-03.csv',
      'production-readiness-engineering-and-teams-entities-per-level-weekly-2026-01-01-to-2026-01-03.csv',
    ]);
    expect(await calls[0][0].text()).toBe(
      'Date,Average score (%)\r\n2026-01-01,40\r\n2026-01-03,55.5\r\n',
    );
    expect(await calls[1][0].text()).toBe(
      'Date,Basic,Bronze,Silver,Gold\r\n2026-01-01,6,4,0,0\r\n2026-01-03,4,4,2,0\r\n',
    );
  });

  it('reads the range and interval from the date inputs', async () => {
    const scorecardsApi = await renderHistory();
    await screen.findByRole('img', { name: /^Average score/ });

    fireEvent.change(screen.getByLabelText('From date'), {
      target: { value: '2025-12-01' },
    });
    await chooseOption(/Interval/, 'Weekly');

    await waitFor(() =>
      expect(scorecardsApi.getHistory).toHaveBeenLastCalledWith(
        expect.objectContaining({ from: '2025-12-01', interval: 'week' }),
      ),
    );
  });

  it('draws one day of levels as a stacked bar, each level as tall as its count', async () => {
    const scorecardsApi = api();
    scorecardsApi.getHistory.mockResolvedValue({
      ...scorecardHistory,
      points: [scorecardHistory.points[1]],
    });
    await renderHistory(scorecardsApi);
    const chart = await screen.findByRole('img', {
      name: /^Entities per level/,
    });
    // Gold has no entity, so no bar.
    await waitFor(() =>
      expect(chart.querySelectorAll('.recharts-bar-rectangle').length).toBe(3),
    );
    expect(chart.querySelector('.recharts-area')).toBeNull();
    // Basic 4, Bronze 4, Silver 2: stacked lowest level first.
    const { Basic, Bronze, Silver, ...others } = barsOf(chart);
    expect(Object.keys(others)).toEqual([]);
    expect(Bronze.height).toBeCloseTo(Basic.height);
    expect(Basic.height).toBeCloseTo(2 * Silver.height);
    expect(Bronze.y + Bronze.height).toBeCloseTo(Basic.y);
    expect(Silver.y + Silver.height).toBeCloseTo(Bronze.y);
  });

  it('draws several days of levels as stacked areas', async () => {
    await renderHistory();
    const chart = await screen.findByRole('img', {
      name: /^Entities per level/,
    });
    await waitFor(() =>
      expect(chart.querySelectorAll('.recharts-area').length).toBe(4),
    );
    expect(chart.querySelector('.recharts-bar')).toBeNull();
  });

  it('says so when there is no history in the range', async () => {
    const scorecardsApi = api();
    scorecardsApi.getHistory.mockResolvedValue({
      ...scorecardHistory,
      points: [],
    });
    await renderHistory(scorecardsApi);
    expect(
      await screen.findByText('No history in this range'),
    ).toBeInTheDocument();
  });

  it('defaults to the first scorecard and shows history errors', async () => {
    const scorecardsApi = api();
    scorecardsApi.getHistory.mockRejectedValue(new Error('History is off'));
    await renderHistory(scorecardsApi, '/');
    expect(
      (await screen.findAllByText(/History is off/)).length,
    ).toBeGreaterThan(0);
    expect(scorecardsApi.getHistory).toHaveBeenCalledWith(
      expect.objectContaining({ scorecardId: 'production-readiness' }),
    );
  });
});
