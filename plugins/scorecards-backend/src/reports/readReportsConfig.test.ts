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

import { ConfigReader } from '@backstage/config';
import { JsonValue } from '@backstage/types';
import { testDefinitions } from '../campaigns/__testUtils__/insertResults';
import { readReportsConfig } from './readReportsConfig';

const read = (reports: JsonValue) =>
  readReportsConfig(
    new ConfigReader({ scorecards: { reports } }),
    testDefinitions,
  );

describe('readReportsConfig', () => {
  it('reads and normalises a valid report', () => {
    const [report] = read([
      {
        id: 'weekly',
        schedule: { cron: '0 9 * * 1', timezone: 'Europe/Paris' },
        audience: { group: 'Platform' },
        scorecards: ['docs'],
        channels: {
          notifications: { recipients: ['group:default/Team-A', 'user:jane'] },
          slack: { webhookUrl: 'https://hooks.slack.com/services/T/B/X' },
        },
      },
    ]);
    expect(report).toMatchObject({
      id: 'weekly',
      title: 'weekly',
      audience: { group: 'group:default/platform' },
      scorecards: ['docs'],
      channels: {
        notifications: {
          recipients: ['group:default/team-a', 'user:default/jane'],
        },
        slack: { webhookUrl: 'https://hooks.slack.com/services/T/B/X' },
      },
    });
    expect(report.timezone).toBe('Europe/Paris');
    expect(report.cadence).toEqual({
      type: 'cron',
      expression: '0 9 * * 1',
      timezone: 'Europe/Paris',
    });
    expect(report.schedule).toMatchObject({
      frequency: { cron: '0 9 * * 1' },
      timeout: { minutes: 5 },
    });
  });

  it('defaults to all scorecards and no reports', () => {
    const [report] = read([
      {
        id: 'a',
        schedule: { frequency: { days: 7 } },
        channels: { notifications: { recipients: ['group:x'] } },
      },
    ]);
    expect(report.scorecards).toEqual(['docs', 'ops']);
    expect(report.cadence).toEqual({ type: 'every', duration: { days: 7 } });
    expect(readReportsConfig(new ConfigReader({}), testDefinitions)).toEqual(
      [],
    );
  });

  it('reports every problem with its key path, never the webhook URL', () => {
    let message = '';
    try {
      read([
        {
          id: 'bad',
          schedule: { frequency: { days: 7 } },
          scorecards: ['docs', 'nope'],
          channels: {},
        },
        {
          id: 'bad',
          schedule: { cron: '0 9 * * 1', timezone: 'Mars/Base' },
          audience: { group: 'user:jane' },
          channels: {
            notifications: { recipients: ['component:x', 'not a:ref:at:all'] },
            slack: { webhookUrl: 'ftp://secret-hook' },
          },
        },
        { id: 'x', channels: { slack: { webhookUrl: 'https://h' } } },
        {
          id: 'y',
          schedule: { cron: '0 25 * * *' },
          channels: { slack: { webhookUrl: 'https://h' } },
        },
        {
          id: 'z',
          schedule: { frequency: { days: 7 }, timezone: 'Europe/Paris' },
          channels: { slack: { webhookUrl: 'https://h' } },
        },
      ]);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid scorecards reports configuration/);
    expect(message).toContain(
      'scorecards.reports[0].scorecards[1]: unknown scorecard "nope"',
    );
    expect(message).toContain(
      'scorecards.reports[0].channels: needs at least one channel',
    );
    expect(message).toContain('scorecards.reports[1].id: duplicate report id');
    expect(message).toContain('scorecards.reports[1].audience.group:');
    expect(message).toContain(
      'scorecards.reports[1].schedule.timezone: must be an IANA time zone',
    );
    expect(message).toContain(
      'scorecards.reports[1].channels.notifications.recipients[0]:',
    );
    expect(message).toContain(
      'scorecards.reports[1].channels.notifications.recipients[1]:',
    );
    expect(message).toContain(
      'scorecards.reports[1].channels.slack.webhookUrl: must be an http(s) URL',
    );
    expect(message).toContain('scorecards.reports[2].schedule: is required');
    expect(message).toContain(
      'scorecards.reports[3].schedule: invalid cron expression "0 25 * * *"',
    );
    expect(message).toContain(
      'scorecards.reports[4].schedule.timezone: applies to cron schedules only',
    );
    expect(message).not.toContain('secret-hook');
  });
});
