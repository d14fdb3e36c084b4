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

import { ReportContent, ReportSummary } from '../api/types';

/** An organisation report to notifications, last sent successfully. */
export const weeklyReport: ReportSummary = {
  id: 'weekly-organisation',
  title: 'Weekly organisation overview',
  schedule: { frequency: { cron: '0 9 * * 1' }, timeout: { minutes: 5 } },
  timezone: 'Europe/Paris',
  audience: {},
  scorecards: ['production-readiness'],
  channels: {
    notifications: { recipients: ['group:default/platform-engineering'] },
  },
  scheduled: true,
  nextRunAt: '2099-01-05T08:00:00.000Z',
  lastResult: {
    status: 'sent',
    attemptedAt: '2026-01-05T09:00:00.000Z',
    sentAt: '2026-01-05T09:00:00.000Z',
  },
};

/** A team report to Slack whose last send failed. */
export const teamReport: ReportSummary = {
  id: 'team-a-daily',
  title: 'Team A digest',
  schedule: { frequency: { days: 7 } },
  audience: { group: 'group:default/team-a' },
  scorecards: ['production-readiness', 'security'],
  channels: { slack: true },
  nextRunAt: '2026-01-13T09:00:00.000Z',
  lastResult: {
    status: 'failed',
    error: 'slack: webhook answered 503',
    attemptedAt: '2026-01-06T09:00:00.000Z',
  },
};

export const weeklyPreview: ReportContent = {
  reportId: 'weekly-organisation',
  title: 'Weekly organisation overview',
  generatedAt: '2026-01-12T09:00:00.000Z',
  since: '2026-01-05T09:00:00.000Z',
  audience: {},
  link: 'http://localhost:3000/scorecards',
  scorecards: [
    {
      scorecardId: 'production-readiness',
      title: 'Production Readiness',
      link: 'http://localhost:3000/scorecards/production-readiness',
      day: '2026-01-11',
      previousDay: '2026-01-04',
      score: 72.5,
      change: 3.5,
      entities: 30,
      rules: {
        highest: [
          { id: 'has-owner', title: 'Has an owner', score: 96.7, change: 0 },
        ],
        lowest: [
          { id: 'has-on-call', title: 'Has on-call', score: 33.3, change: -2 },
        ],
      },
      services: {
        highest: [
          {
            id: 'component:default/payments',
            title: 'payments',
            score: 100,
            change: 10,
          },
        ],
        lowest: [
          { id: 'component:default/legacy', title: 'legacy', score: 10 },
        ],
      },
      teams: {
        highest: [{ id: 'group:default/team-a', title: 'team-a', score: 80 }],
        lowest: [{ id: 'group:default/team-b', title: 'team-b', score: 40 }],
      },
    },
  ],
};
