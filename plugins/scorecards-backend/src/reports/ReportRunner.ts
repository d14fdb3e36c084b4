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
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ReportContent,
  ReportSendResponse,
  ScorecardsDefinitionsConfig,
} from '@openscorecards/plugin-scorecards-common';
import { ResultQueries } from '../database/ResultQueries';
import { groupTree } from '../service/teamOwners';
import { computeReport } from './computeReport';
import { ReportDefinition } from './readReportsConfig';
import { ReportSender } from './ReportSender';
import { ReportState, ReportStore } from './ReportStore';
import { nextRunAfter } from './reportSchedule';

/**
 * A group and its descendants (through `parentOf` relations and
 * `spec.children`), read from the catalog with the plugin's own
 * credentials.
 */
export async function resolveAudienceOwners(options: {
  group: string;
  catalog: CatalogService;
  auth: AuthService;
}): Promise<string[]> {
  const { refs } = await groupTree({
    group: options.group,
    catalog: options.catalog,
    credentials: await options.auth.getOwnServiceCredentials(),
  });
  return refs;
}

/**
 * Replaces the teams' refs in the report's rankings by their names: each
 * group's `spec.profile.displayName`, else its `metadata.title`, else its
 * name; read from the catalog in one batch. A team the catalog does not
 * have keeps its ref.
 */
export async function nameTeams(
  content: ReportContent,
  options: { catalog: CatalogService; auth: AuthService },
): Promise<ReportContent> {
  const refs = [
    ...new Set(
      content.scorecards.flatMap(section => [
        ...section.teams.highest.map(team => team.id),
        ...section.teams.lowest.map(team => team.id),
      ]),
    ),
  ];
  if (refs.length === 0) {
    return content;
  }
  const { items } = await options.catalog.getEntitiesByRefs(
    {
      entityRefs: refs,
      fields: [
        'kind',
        'metadata.name',
        'metadata.title',
        'spec.profile.displayName',
      ],
    },
    { credentials: await options.auth.getOwnServiceCredentials() },
  );
  const names = new Map<string, string>();
  items.forEach((entity, i) => {
    if (!entity) {
      return;
    }
    const profile = (entity.spec as { profile?: { displayName?: unknown } })
      ?.profile;
    const name =
      (typeof profile?.displayName === 'string' && profile.displayName) ||
      entity.metadata.title ||
      entity.metadata.name;
    names.set(refs[i], name);
  });
  const rename = (team: ReportContent['scorecards'][number]['teams']) => ({
    highest: team.highest.map(t => ({ ...t, title: names.get(t.id) ?? t.id })),
    lowest: team.lowest.map(t => ({ ...t, title: names.get(t.id) ?? t.id })),
  });
  return {
    ...content,
    scorecards: content.scorecards.map(section => ({
      ...section,
      teams: rename(section.teams),
    })),
  };
}

export interface ReportRunnerOptions {
  reports: ReportDefinition[];
  definitions: ScorecardsDefinitionsConfig;
  queries: ResultQueries;
  store: ReportStore;
  sender: ReportSender;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  appBaseUrl?: string;
  now?: () => Date;
}

export interface ReportRunOutcome extends ReportSendResponse {
  content?: ReportContent;
}

/** What a scheduled check of a report did. */
export type ScheduledCheck =
  | { action: 'started'; nextRunAt?: Date }
  | { action: 'not-due'; nextRunAt?: Date }
  | { action: 'taken' }
  | { action: 'sent'; outcome: ReportRunOutcome };

/** Computes, previews and sends the configured reports. */
export class ReportRunner {
  private readonly now: () => Date;

  constructor(private readonly options: ReportRunnerOptions) {
    this.now = options.now ?? (() => new Date());
  }

  get reports(): ReadonlyArray<ReportDefinition> {
    return this.options.reports;
  }

  getReport(id: string): ReportDefinition | undefined {
    return this.options.reports.find(r => r.id === id);
  }

  /** The report's content as of now, against its last send. */
  async preview(report: ReportDefinition): Promise<ReportContent> {
    const { store, catalog, auth } = this.options;
    const state = await store.get(report.id);
    const audienceOwners = report.audience.group
      ? await resolveAudienceOwners({
          group: report.audience.group,
          catalog,
          auth,
        })
      : undefined;
    const content = await computeReport({
      report,
      definitions: this.options.definitions,
      queries: this.options.queries,
      store,
      audienceOwners,
      since: state?.lastSentAt,
      appBaseUrl: this.options.appBaseUrl,
      now: this.now(),
    });
    try {
      return await nameTeams(content, { catalog, auth });
    } catch (error) {
      // Refs are still readable: a catalog outage must not stop a report.
      this.options.logger.warn(
        `Scorecards report "${report.id}": could not read team names from the catalog: ${error}`,
      );
      return content;
    }
  }

  /**
   * When the report is next due: the first time its schedule names after
   * the slot it last handled (in the past while a slot waits to be sent),
   * or undefined for a report sent only by hand.
   */
  nextRunAt(report: ReportDefinition, state?: ReportState): Date | undefined {
    return nextRunAfter(report.cadence, state?.lastScheduledFor ?? this.now());
  }

  /**
   * The scheduled check of a report. The first check starts its schedule;
   * later ones send the report when its next slot has passed, after
   * claiming the slot (compare-and-set), so that each slot is sent at most
   * once even across replicas. A report missed while the backend was down
   * is sent once when it is back, not once per missed slot.
   */
  async runIfDue(report: ReportDefinition): Promise<ScheduledCheck> {
    const { store } = this.options;
    if (report.cadence.type === 'manual') {
      return { action: 'not-due' };
    }
    const now = this.now();
    const state = await store.get(report.id);
    const slot = state?.lastScheduledFor;
    if (!slot) {
      await store.startSchedule(report.id, now);
      return {
        action: 'started',
        nextRunAt: nextRunAfter(report.cadence, now),
      };
    }
    const due = nextRunAfter(report.cadence, slot);
    if (!due || due > now) {
      return { action: 'not-due', nextRunAt: due };
    }
    if (!(await store.claimSlot(report.id, slot, now))) {
      return { action: 'taken' };
    }
    this.options.logger.info(
      `Sending scheduled scorecards report "${
        report.id
      }" (due ${due.toISOString()})`,
    );
    return { action: 'sent', outcome: await this.run(report) };
  }

  /**
   * Computes and sends the report and records the outcome. Never throws: a
   * failure (of the computation or of every channel) is logged and
   * recorded as `failed`.
   */
  async run(report: ReportDefinition): Promise<ReportRunOutcome> {
    const { store, sender, logger } = this.options;
    const at = this.now();
    let outcome: ReportRunOutcome;
    try {
      const content = await this.preview(report);
      outcome = { ...(await sender.send(report, content)), content };
    } catch (error) {
      logger.error(
        `Scorecards report "${report.id}" could not be computed: ${error}`,
      );
      outcome = { status: 'failed', channels: [], error: `${error}` };
    }
    try {
      await store.record(report.id, {
        at,
        status: outcome.status,
        error: outcome.error,
        content: outcome.content,
      });
    } catch (error) {
      logger.error(
        `Scorecards report "${report.id}": could not record its outcome: ${error}`,
      );
    }
    return outcome;
  }
}

/** The id of a report's scheduled task. */
export const reportTaskId = (reportId: string) =>
  `scorecards-report-${reportId}`;

/** How often each report's task checks whether the report is due. */
export const REPORT_CHECK_FREQUENCY = { minutes: 1 };

/**
 * Schedules one global task per report (`scorecards-report-<id>`) that
 * checks every minute whether the report is due ({@link
 * ReportRunner.runIfDue}). The check, not the Backstage scheduler, reads
 * the report's schedule, because the scheduler runs cron expressions only
 * in the backend's time zone. Reports sent only by hand get no task. A
 * report's task never fails the evaluation: it runs apart and swallows its
 * own errors.
 */
export async function scheduleReports(options: {
  scheduler: SchedulerService;
  runner: ReportRunner;
  logger: LoggerService;
}): Promise<void> {
  const { scheduler, runner, logger } = options;
  for (const report of runner.reports) {
    if (report.cadence.type === 'manual') {
      continue;
    }
    await scheduler.scheduleTask({
      id: reportTaskId(report.id),
      scope: 'global',
      frequency: REPORT_CHECK_FREQUENCY,
      timeout: report.schedule.timeout,
      ...(report.schedule.initialDelay
        ? { initialDelay: report.schedule.initialDelay }
        : {}),
      fn: async () => {
        try {
          await runner.runIfDue(report);
        } catch (error) {
          logger.error(
            `Scorecards report "${report.id}": the scheduled check failed: ${error}`,
          );
        }
      },
    });
  }
}
