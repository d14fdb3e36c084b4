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
import {
  Entity,
  parseEntityRef,
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ScorecardsDefinitionsConfig } from '@openscorecards/plugin-scorecards-common';
import { ResultQueries } from '../database/ResultQueries';
import { computeReport, ReportContent } from './computeReport';
import { ReportDefinition } from './readReportsConfig';
import { ReportSender, SendOutcome } from './ReportSender';
import { ReportStore } from './ReportStore';

/** Groups resolved per audience, at most; deeper trees are cut off. */
const MAX_AUDIENCE_GROUPS = 1000;

/**
 * A group and its descendants (through `parentOf` relations and
 * `spec.children`), read from the catalog with the plugin's own
 * credentials, breadth first, one batch read per level.
 */
export async function resolveAudienceOwners(options: {
  group: string;
  catalog: CatalogService;
  auth: AuthService;
}): Promise<string[]> {
  const { catalog, auth } = options;
  const credentials = await auth.getOwnServiceCredentials();
  const seen = new Set<string>([options.group]);
  let level = [options.group];
  while (level.length > 0 && seen.size < MAX_AUDIENCE_GROUPS) {
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: level,
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'spec.children',
          'relations',
        ],
      },
      { credentials },
    );
    const next: string[] = [];
    const add = (ref: string) => {
      const lower = ref.toLocaleLowerCase('en-US');
      if (!seen.has(lower) && seen.size < MAX_AUDIENCE_GROUPS) {
        seen.add(lower);
        next.push(lower);
      }
    };
    for (const entity of items.filter((e): e is Entity => Boolean(e))) {
      for (const relation of entity.relations ?? []) {
        if (relation.type === RELATION_PARENT_OF) {
          add(relation.targetRef);
        }
      }
      const children = (entity.spec as { children?: unknown })?.children;
      if (Array.isArray(children)) {
        for (const child of children) {
          if (typeof child !== 'string') continue;
          try {
            add(
              stringifyEntityRef(
                parseEntityRef(child, {
                  defaultKind: 'group',
                  defaultNamespace: entity.metadata.namespace ?? 'default',
                }),
              ),
            );
          } catch {
            // A malformed child is the catalog's problem; skip it.
          }
        }
      }
    }
    level = next;
  }
  return [...seen];
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

export interface ReportRunOutcome extends SendOutcome {
  content?: ReportContent;
}

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
    return computeReport({
      report,
      definitions: this.options.definitions,
      queries: this.options.queries,
      store,
      audienceOwners,
      since: state?.lastSentAt,
      appBaseUrl: this.options.appBaseUrl,
      now: this.now(),
    });
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

/**
 * Schedules one global task per report (`scorecards-report-<id>`), so that
 * each report is sent once across replicas. A report's task never fails
 * the evaluation: it runs apart and swallows its own errors.
 */
export async function scheduleReports(options: {
  scheduler: SchedulerService;
  runner: ReportRunner;
}): Promise<void> {
  const { scheduler, runner } = options;
  for (const report of runner.reports) {
    await scheduler.scheduleTask({
      id: reportTaskId(report.id),
      scope: 'global',
      ...report.schedule,
      fn: async () => {
        await runner.run(report);
      },
    });
  }
}
