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
  LoggerService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  BASE_LEVEL,
  EntityScorecardsResponse,
  EvaluationRunRequest,
  EvaluationRunsResponse,
  EvaluationRunStarted,
  EvaluationSummary,
  NormalisedCampaign,
  DEFAULT_LEVELS,
  ScorecardsDefinitionsConfig,
  scorecardsEvaluationRunPermission,
} from '@openscorecards/plugin-scorecards-common';
import { NotificationService } from '@backstage/plugin-notifications-node';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod/v3';
import {
  CampaignProgressCache,
  CampaignStore,
  registerCampaignNotifyRoutes,
  registerCampaignRoutes,
} from '../campaigns';
import { ResultQueries } from '../database/ResultQueries';
import {
  OUTCOMES_BODY_LIMIT,
  OutcomeStore,
  registerOutcomeRoutes,
} from '../outcomes';
import { registerReportRoutes, ReportRunner, ReportStore } from '../reports';
import { latestDate, ResultStore } from '../database/ResultStore';
import { ScorecardsEvaluator } from '../evaluation/ScorecardsEvaluator';
import { toEvaluationRun } from './evaluationRuns';
import { parseOrThrow } from './parseOrThrow';
import { registerReadRoutes } from './readRoutes';
import { registerScorecardNotifyRoutes } from './scorecardNotifyRoutes';
import { toEntityScorecards } from './toEntityScorecards';
import { entityRefOfParams } from './entityRefParams';
import { assertVisible } from './visibleEntities';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  logger: LoggerService;
  store: ResultStore;
  queries: ResultQueries;
  campaigns: NormalisedCampaign[];
  campaignStore: CampaignStore;
  campaignProgress: CampaignProgressCache;
  /** The global follow-up ticket link template, if configured. */
  campaignTicketUrlTemplate?: string;
  /** Absent when the notifications backend is not installed. */
  notifications?: NotificationService;
  appBaseUrl?: string;
  reportRunner?: ReportRunner;
  reportStore?: ReportStore;
  scheduler?: SchedulerService;
  evaluator: ScorecardsEvaluator;
  definitions: ScorecardsDefinitionsConfig;
  /** Absent: no `/outcomes` routes. */
  outcomeStore?: OutcomeStore;
  /** The checks that scorecards read (`reportedOutcomeChecks`). */
  outcomeChecks?: string[];
}

const evaluationRequestSchema = z
  .object({
    scorecardId: z.string().min(1).optional(),
    entityRef: z.string().min(1).optional(),
  })
  .strict();

const runsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, catalog, logger, store, evaluator } = options;
  const { definitions } = options;
  const router = Router();
  // Reports of outcomes may be larger than the default 100 kB: 500
  // outcomes with long remarks.
  const json = express.json();
  const outcomesJson = express.json({ limit: OUTCOMES_BODY_LIMIT });
  router.use((req, res, next) =>
    (req.path === '/outcomes' ? outcomesJson : json)(req, res, next),
  );

  const userOrService = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  registerReadRoutes(router, {
    httpAuth,
    catalog,
    store,
    queries: options.queries,
    definitions,
    logger,
  });
  registerScorecardNotifyRoutes(router, {
    httpAuth,
    permissions,
    catalog,
    queries: options.queries,
    definitions,
    notifications: options.notifications,
    logger,
    appBaseUrl: options.appBaseUrl,
  });
  registerCampaignRoutes(router, {
    httpAuth,
    permissions,
    catalog,
    logger,
    store,
    campaignStore: options.campaignStore,
    progress: options.campaignProgress,
    definitions,
    campaigns: options.campaigns,
    ticketUrlTemplate: options.campaignTicketUrlTemplate,
  });
  registerCampaignNotifyRoutes(router, {
    httpAuth,
    permissions,
    catalog,
    logger,
    definitions,
    notifications: options.notifications,
    progress: options.campaignProgress,
    campaigns: options.campaigns,
    campaignStore: options.campaignStore,
    appBaseUrl: options.appBaseUrl,
  });
  if (options.reportRunner && options.reportStore) {
    registerReportRoutes(router, {
      httpAuth,
      permissions,
      runner: options.reportRunner,
      store: options.reportStore,
      scheduler: options.scheduler,
    });
  }

  if (options.outcomeStore) {
    registerOutcomeRoutes(router, {
      httpAuth,
      permissions,
      catalog,
      logger,
      store: options.outcomeStore,
      checks: options.outcomeChecks ?? [],
      evaluator,
    });
  }

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await userOrService(req);
    const entityRef = entityRefOfParams(req.params);
    await assertVisible(catalog, entityRef, credentials);
    const [rows, evaluated] = await Promise.all([
      store.getEntityResults(entityRef),
      store.getEntityEvaluatedAt(entityRef),
    ]);
    const lastRunAt = latestDate(
      evaluated.all,
      ...evaluated.byScorecard.values(),
    );
    const body: EntityScorecardsResponse = {
      entityRef,
      levels: [BASE_LEVEL, ...(definitions.levels ?? DEFAULT_LEVELS)],
      lastRunAt: lastRunAt?.toISOString(),
      scorecards: toEntityScorecards(definitions, rows, evaluated),
    };
    res.json(body);
  });

  router.post('/evaluations', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: scorecardsEvaluationRunPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'You are not allowed to run scorecard evaluations',
      );
    }
    const body: EvaluationRunRequest = parseOrThrow(
      evaluationRequestSchema,
      req.body ?? {},
      'evaluation request',
    );
    if (
      body.scorecardId &&
      !definitions.definitions.some(d => d.id === body.scorecardId)
    ) {
      throw new NotFoundError(`No scorecard with id "${body.scorecardId}"`);
    }
    if (body.entityRef) {
      await assertVisible(catalog, body.entityRef, credentials);
      const summary: EvaluationSummary = await evaluator.evaluate({
        trigger: 'manual',
        ...body,
      });
      res.json(summary);
      return;
    }
    // Whole-catalog runs take a while: answer at once and let the caller
    // follow the run in GET /runs.
    evaluator
      .evaluate({ trigger: 'manual', ...body })
      .catch(error => logger.error(`Manual scorecards run failed: ${error}`));
    const started: EvaluationRunStarted = { status: 'started' };
    res.status(202).json(started);
  });

  router.get('/runs', async (req, res) => {
    await userOrService(req);
    const query = parseOrThrow(runsQuerySchema, req.query, 'query');
    const runs = await store.listRuns({ limit: query.limit });
    const body: EvaluationRunsResponse = { items: runs.map(toEvaluationRun) };
    res.json(body);
  });

  return router;
}
