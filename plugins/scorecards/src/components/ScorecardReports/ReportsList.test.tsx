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
import { scorecardsReportSendPermission } from '@openscorecards/plugin-scorecards-common';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import { Settings } from 'luxon';
import userEvent from '@testing-library/user-event';
import { scorecardsApiRef } from '../../api';
import {
  FreshPermissionCache,
  mockScorecardsApi,
} from '../../__testUtils__/fixtures';
import {
  teamReport,
  weeklyPreview,
  weeklyReport,
} from '../../__testUtils__/reportFixtures';
import { ReportsList } from './ReportsList';
import { scheduleText } from './reportFormat';

async function render(
  scorecardsApi: ReturnType<typeof mockScorecardsApi>,
  allow = false,
) {
  const alertApi = { post: jest.fn(), alert$: jest.fn() };
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [scorecardsApiRef, scorecardsApi],
        [alertApiRef, alertApi],
        [
          permissionApiRef,
          mockApis.permission({
            authorize: request => {
              expect(request.permission.name).toBe(
                scorecardsReportSendPermission.name,
              );
              return allow ? AuthorizeResult.ALLOW : AuthorizeResult.DENY;
            },
          }),
        ],
      ]}
    >
      <FreshPermissionCache>
        <ReportsList />
      </FreshPermissionCache>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return { alertApi };
}

const withReports = () =>
  mockScorecardsApi({
    getReports: jest
      .fn()
      .mockResolvedValue({ items: [weeklyReport, teamReport] }),
    previewReport: jest.fn().mockResolvedValue(weeklyPreview),
  });

describe('ReportsList', () => {
  it('shows a progress bar while loading', async () => {
    await render(
      mockScorecardsApi({
        getReports: jest.fn().mockReturnValue(new Promise(() => {})),
      }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('says where to configure reports when there are none', async () => {
    await render(
      mockScorecardsApi({
        getReports: jest.fn().mockResolvedValue({ items: [] }),
      }),
    );
    expect(
      await screen.findByText('No reports configured'),
    ).toBeInTheDocument();
    expect(screen.getByText('scorecards.reports')).toBeInTheDocument();
    expect(screen.getByText('app-config.yaml')).toBeInTheDocument();
  });

  it('shows the error of a failed request', async () => {
    await render(
      mockScorecardsApi({
        getReports: jest.fn().mockRejectedValue(new Error('backend is down')),
      }),
    );
    expect(
      (await screen.findAllByText(/backend is down/)).length,
    ).toBeGreaterThan(0);
  });

  it('lists each report with its audience, schedule, channels and last result', async () => {
    await render(withReports());
    const weekly = await screen.findByRole('row', {
      name: /Weekly organisation overview/,
    });
    expect(
      within(weekly).getByText('The whole organisation'),
    ).toBeInTheDocument();
    expect(
      within(weekly).getByText('At 09:00, only on Monday (Europe/Paris)'),
    ).toBeInTheDocument();
    expect(within(weekly).getByText('0 9 * * 1').tagName).toBe('CODE');
    expect(within(weekly).getByText(/^Next run/)).toBeInTheDocument();
    expect(within(weekly).getByText(/Notifications →/)).toBeInTheDocument();
    expect(
      within(weekly).getByRole('link', { name: 'platform-engineering' }),
    ).toBeInTheDocument();
    expect(within(weekly).getByText('Sent')).toBeInTheDocument();
    expect(weekly.querySelectorAll('time')[1]).toHaveAttribute(
      'datetime',
      expect.stringContaining('2026-01-05'),
    );

    const team = screen.getByRole('row', { name: /Team A digest/ });
    expect(within(team).getByText(/and its sub-groups/)).toBeInTheDocument();
    expect(within(team).getByText('every 7 days')).toBeInTheDocument();
    // Its next run has passed: the next check sends it.
    expect(
      within(team).getByText('Due now: sent within a minute'),
    ).toBeInTheDocument();
    expect(within(team).getByText('Slack')).toBeInTheDocument();
    expect(within(team).getByText('Failed')).toBeInTheDocument();
    expect(
      within(team).getByText('slack: webhook answered 503'),
    ).toBeInTheDocument();
  });

  it('hides "Send now" without the send permission', async () => {
    await render(withReports(), false);
    await screen.findByText('Weekly organisation overview');
    expect(screen.getAllByRole('button', { name: /^Preview / })).toHaveLength(
      2,
    );
    expect(
      screen.queryByRole('button', { name: /^Send now/ }),
    ).not.toBeInTheDocument();
  });

  describe('in a window narrower than 1,280 px', () => {
    const matchMedia = window.matchMedia;
    beforeEach(() => {
      // MUI's breakpoints.down('md') is max-width 1279.95px.
      window.matchMedia = jest.fn().mockImplementation((query: string) => ({
        matches: query.includes('max-width:1279.95px'),
        media: query,
        addListener: jest.fn(),
        removeListener: jest.fn(),
      }));
    });
    afterEach(() => {
      window.matchMedia = matchMedia;
    });

    it('shows the actions as icons named in their tooltips', async () => {
      await render(withReports(), true);
      const preview = await screen.findByRole('button', {
        name: 'Preview Weekly organisation overview',
      });
      const send = screen.getByRole('button', {
        name: 'Send now: Weekly organisation overview',
      });
      expect(preview).not.toHaveTextContent('Preview');
      expect(send).not.toHaveTextContent('Send now');
      await userEvent.hover(send);
      expect(await screen.findByRole('tooltip')).toHaveTextContent('Send now');
      await userEvent.click(preview);
      expect(await screen.findByRole('dialog')).toBeInTheDocument();
    });
  });

  it('sends a report after a confirmation and reloads the list', async () => {
    const api = withReports();
    api.sendReport.mockResolvedValue({
      status: 'sent',
      channels: [{ channel: 'notifications', ok: true, attempts: 1 }],
    });
    const { alertApi } = await render(api, true);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Send now: Weekly organisation overview',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        /a Backstage notification to group:default\/platform-engineering/,
      ),
    ).toBeInTheDocument();
    expect(api.sendReport).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send' }));

    await waitFor(() =>
      expect(api.sendReport).toHaveBeenCalledWith('weekly-organisation'),
    );
    await waitFor(() =>
      expect(alertApi.post).toHaveBeenCalledWith(
        expect.objectContaining({
          message: 'Sent "Weekly organisation overview"',
          severity: 'success',
        }),
      ),
    );
    await waitFor(() => expect(api.getReports).toHaveBeenCalledTimes(2));
  });

  it('shows why a send failed in the dialog', async () => {
    const api = withReports();
    api.sendReport.mockResolvedValue({
      status: 'failed',
      channels: [{ channel: 'slack', ok: false, attempts: 3, error: '503' }],
      error: 'slack: 503',
    });
    const { alertApi } = await render(api, true);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Send now: Team A digest' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Could not send the report: slack: 503',
    );
    expect(alertApi.post).not.toHaveBeenCalled();
  });

  it('previews the content of a report', async () => {
    const api = withReports();
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Preview Weekly organisation overview',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Preview: Weekly organisation overview',
    });
    expect(api.previewReport).toHaveBeenCalledWith('weekly-organisation');
    expect(
      await within(dialog).findByRole('heading', {
        name: /Production Readiness/,
      }),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(/Average 72.5 points over 30/),
    ).toHaveTextContent('(↑ 3.5 improved)');
    expect(within(dialog).getByText('Rules – highest')).toBeInTheDocument();
    const items = within(dialog)
      .getAllByRole('listitem')
      .map(li => li.textContent);
    expect(items).toContain('Has on-call: 33.3% pass (↓ 2 regressed)');
    expect(items).toContain('Has an owner: 96.7% pass (= 0)');
    expect(items).toContain('payments: 100 (↑ 10 improved)');
    expect(items).toContain('legacy: 10');
    expect(within(dialog).getByText('Teams – lowest')).toBeInTheDocument();
    expect(items).toContain('team-b: 40');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });
  describe('the next run', () => {
    const readerZone = Settings.defaultZone;
    const nextRunOfWeekly = async () => {
      const weekly = await screen.findByRole('row', {
        name: /Weekly organisation overview/,
      });
      return within(weekly)
        .getByText(/^Next run/)
        .querySelector('time');
    };
    beforeEach(() => {
      Settings.defaultZone = 'America/New_York';
    });
    afterEach(() => {
      Settings.defaultZone = readerZone;
    });

    it("is shown in the report's time zone, with the reader's in the tooltip", async () => {
      await render(withReports());
      const time = await nextRunOfWeekly();
      // 08:00 UTC: 09:00 in Paris, 03:00 in New York.
      expect(time).toHaveTextContent(/^Mon, Jan 5, 2099, 9:00 AM$/);
      expect(time).toHaveAttribute('datetime', '2099-01-05T09:00:00.000+01:00');
      expect(time).toHaveAttribute(
        'title',
        'Mon, Jan 5, 2099, 3:00 AM in your time zone',
      );
    });

    it("is shown in the reader's time zone when the report has none", async () => {
      await render(
        mockScorecardsApi({
          getReports: jest.fn().mockResolvedValue({
            items: [{ ...weeklyReport, timezone: undefined }],
          }),
        }),
      );
      const time = await nextRunOfWeekly();
      expect(time).toHaveTextContent(/^Mon, Jan 5, 2099, 3:00 AM$/);
      expect(time).not.toHaveAttribute('title');
    });
  });
});

describe('scheduleText', () => {
  const at = (frequency: unknown) =>
    scheduleText({
      ...weeklyReport,
      timezone: undefined,
      schedule: { frequency } as any,
    });

  it('describes cron, durations and manual triggers', () => {
    expect(at({ cron: '0 9 * * 1' })).toBe('At 09:00, only on Monday');
    expect(at({ cron: '30 8 * * 1-5' })).toBe(
      'At 08:30, Monday through Friday',
    );
    expect(at({ cron: '0 9 1 * *' })).toBe('At 09:00, on day 1 of the month');
    expect(at({ cron: 'not a cron' })).toBe('cron not a cron');
    expect(at({ days: 7 })).toBe('every 7 days');
    expect(at({ days: 1 })).toBe('every day');
    expect(at({ hours: 1, minutes: 30 })).toBe('every hour 30 minutes');
    expect(at({ trigger: 'manual' })).toBe('manually');
    expect(at('P7D')).toBe('P7D');
    expect(at(undefined)).toBe('Unknown');
  });
});
