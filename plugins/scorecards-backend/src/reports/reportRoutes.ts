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
  HttpAuthService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ReportContent,
  ReportSendResponse,
  ReportsListResponse,
  ReportSummary,
  scorecardsReportSendPermission,
} from '@openscorecards/plugin-scorecards-common';
import express from 'express';
import { ReportDefinition } from './readReportsConfig';
import { ReportRunner, reportTaskId } from './ReportRunner';
import { ReportStore } from './ReportStore';

export interface ReportRoutesOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  runner: ReportRunner;
  store: ReportStore;
  /** For the task settings shown with each report; optional. */
  scheduler?: SchedulerService;
}

/** A configured report as `GET /reports` lists it: no webhook URLs. */
function toSummary(report: ReportDefinition): ReportSummary {
  const { notifications, slack } = report.channels;
  return {
    id: report.id,
    title: report.title,
    // As JSON: luxon durations become ISO 8601 strings.
    schedule: report.schedule as unknown as ReportSummary['schedule'],
    ...(report.timezone ? { timezone: report.timezone } : {}),
    audience: report.audience,
    scorecards: report.scorecards,
    channels: {
      ...(notifications ? { notifications } : {}),
      ...(slack ? { slack: true } : {}),
    },
  };
}

/**
 * Registers `GET /reports` (the configured reports with their last
 * result), `GET /reports/:id/preview` (the content a send would have now)
 * and `POST /reports/:id/send` (sends now; needs `scorecards.report.send`).
 */
export function registerReportRoutes(
  router: express.Router,
  options: ReportRoutesOptions,
): void {
  const { httpAuth, permissions, runner, store, scheduler } = options;

  const find = (id: string) => {
    const report = runner.getReport(id);
    if (!report) {
      throw new NotFoundError(`No report with id "${id}"`);
    }
    return report;
  };

  router.get('/reports', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const [states, tasks] = await Promise.all([
      store.list(runner.reports.map(r => r.id)),
      scheduler?.getScheduledTasks().catch(() => undefined),
    ]);
    const taskIds = tasks ? new Set(tasks.map(t => t.id)) : undefined;
    const byId = new Map(states.map(s => [s.reportId, s]));
    const body: ReportsListResponse = {
      items: runner.reports.map(report => {
        const state = byId.get(report.id);
        const nextRunAt = runner.nextRunAt(report, state);
        return {
          ...toSummary(report),
          ...(taskIds && report.cadence.type !== 'manual'
            ? { scheduled: taskIds.has(reportTaskId(report.id)) }
            : {}),
          ...(nextRunAt ? { nextRunAt: nextRunAt.toISOString() } : {}),
          ...(state
            ? {
                lastResult: {
                  status: state.lastStatus,
                  error: state.lastError,
                  attemptedAt: state.lastAttemptAt?.toISOString(),
                  sentAt: state.lastSentAt?.toISOString(),
                },
              }
            : {}),
        };
      }),
    };
    res.json(body);
  });

  router.get('/reports/:id/preview', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const report = find(req.params.id);
    const body: ReportContent = await runner.preview(report);
    res.json(body);
  });

  router.post('/reports/:id/send', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: scorecardsReportSendPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'You are not allowed to send scorecard reports',
      );
    }
    const report = find(req.params.id);
    const outcome = await runner.run(report);
    const body: ReportSendResponse = {
      status: outcome.status,
      channels: outcome.channels,
      ...(outcome.error ? { error: outcome.error } : {}),
    };
    res.json(body);
  });
}
