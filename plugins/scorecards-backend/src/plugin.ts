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
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Duration } from 'luxon';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  compileScorecard,
  customOperatorProblems,
  OUTCOMES_FACT,
  reportedOutcomeChecks,
  requiredEntityFields,
  scorecardsPermissions,
} from '@openscorecards/plugin-scorecards-common';
import {
  ScorecardsCustomOperator,
  ScorecardsFactProvider,
  scorecardsFactProvidersExtensionPoint,
  scorecardsOperatorsExtensionPoint,
} from '@openscorecards/plugin-scorecards-node';
import {
  CampaignProgressCache,
  CampaignStore,
  createCampaignDailyRecorder,
  readCampaignsConfig,
  readCampaignTicketUrlTemplate,
} from './campaigns';
import { readHistoryRetention } from './config/readHistoryRetention';
import {
  readReportsConfig,
  ReportRunner,
  ReportSender,
  ReportStore,
  scheduleReports,
} from './reports';
import { readScorecardsConfig } from './config/readScorecardsConfig';
import { DatabaseResultStore } from './database/DatabaseResultStore';
import { rollupDay } from './evaluation/RollupAccumulator';
import { ScorecardsEvaluator } from './evaluation/ScorecardsEvaluator';
import { createOutcomesFactProvider, OutcomeStore } from './outcomes';
import { createRouter } from './service/router';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 15 },
};

/**
 * The scorecards backend plugin.
 *
 * @public
 */
export const scorecardsPlugin = createBackendPlugin({
  pluginId: 'scorecards',
  register(env) {
    const factProviders: ScorecardsFactProvider[] = [];
    env.registerExtensionPoint(scorecardsFactProvidersExtensionPoint, {
      addFactProvider(...providers) {
        factProviders.push(...providers);
      },
    });
    const operators: ScorecardsCustomOperator[] = [];
    env.registerExtensionPoint(scorecardsOperatorsExtensionPoint, {
      addOperator(...added) {
        operators.push(...added);
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const { config, logger, database, scheduler, catalog } = deps;
        const operatorProblems = customOperatorProblems(operators);
        if (operatorProblems.length > 0) {
          throw new Error(
            `Invalid scorecards operators from backend modules: ${operatorProblems.join(
              '; ',
            )}`,
          );
        }
        const definitions = readScorecardsConfig(config, { operators });
        const campaigns = readCampaignsConfig(config, definitions);
        const campaignTicketUrlTemplate = readCampaignTicketUrlTemplate(config);
        const reports = readReportsConfig(config, definitions);
        deps.permissionsRegistry.addPermissions(scorecardsPermissions);

        // The result store migrates the database first; campaigns use it.
        const store = await DatabaseResultStore.create({ database });
        const campaignStore = await CampaignStore.create({ database });
        const campaignProgress = new CampaignProgressCache(campaignStore.db);
        const reportStore = await ReportStore.create({ database });
        const outcomeStore = await OutcomeStore.create({ database });
        const outcomeChecks = reportedOutcomeChecks(definitions.definitions);
        for (const provider of factProviders) {
          if (provider.facts.includes(OUTCOMES_FACT)) {
            throw new Error(
              `Scorecards fact provider "${provider.id}" supplies the fact "${OUTCOMES_FACT}", which is reserved for outcomes reported through POST /outcomes; give the fact another name`,
            );
          }
        }
        const reportRunner = new ReportRunner({
          reports,
          definitions,
          queries: store.queries,
          store: reportStore,
          sender: new ReportSender({
            logger,
            notifications: deps.notifications,
          }),
          catalog,
          auth: deps.auth,
          logger,
          appBaseUrl: config.getOptionalString('app.baseUrl'),
        });
        await scheduleReports({ scheduler, runner: reportRunner, logger });
        const recordCampaignDaily = createCampaignDailyRecorder({
          campaigns,
          campaignStore,
          progress: campaignProgress,
          logger,
        });
        const scorecards = definitions.definitions.map(d =>
          compileScorecard(d, { levels: definitions.levels, operators }),
        );
        const evaluator = new ScorecardsEvaluator({
          store,
          catalog,
          auth: deps.auth,
          logger,
          scorecards,
          fields: requiredEntityFields(definitions.definitions),
          // Reported outcomes are read only when some rule reads them.
          factProviders:
            outcomeChecks.length > 0
              ? [...factProviders, createOutcomesFactProvider(outcomeStore)]
              : factProviders,
          reuseUnchanged:
            config.getOptionalBoolean('scorecards.reuseUnchangedResults') ??
            true,
          onCommitted: async ({ at, complete }) => {
            campaignProgress.invalidate();
            if (complete) {
              await recordCampaignDaily(rollupDay(at));
            }
          },
        });

        const schedule = config.has('scorecards.schedule')
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
              config.getConfig('scorecards.schedule'),
            )
          : DEFAULT_SCHEDULE;
        const timeout =
          typeof schedule.timeout === 'string'
            ? Duration.fromISO(schedule.timeout)
            : Duration.fromObject(schedule.timeout);
        await scheduler.scheduleTask({
          id: 'scorecards-evaluation',
          scope: 'global',
          ...schedule,
          fn: async signal => {
            // A replica that died mid-run leaves its run marked running; once
            // the task's timeout has passed it can no longer finish.
            await store.failStaleRuns(
              new Date(Date.now() - timeout.toMillis()),
            );
            await evaluator.evaluate({ trigger: 'schedule', signal });
          },
        });

        const retention = readHistoryRetention(config);
        await scheduler.scheduleTask({
          id: 'scorecards-history-prune',
          scope: 'global',
          frequency: { hours: 24 },
          timeout: { minutes: 30 },
          initialDelay: { minutes: 5 },
          fn: async () => {
            const cutoff = new Date(Date.now() - retention.toMillis());
            const pruned = await store.pruneHistory(cutoff);
            await campaignStore.pruneDaily(rollupDay(cutoff));
            const outcomesDeleted = await outcomeStore.pruneReportedBefore(
              cutoff,
            );
            const runsDeleted = await store.pruneRuns(cutoff);
            logger.info(
              `Scorecards history older than ${retention.toISO()} pruned: ${
                pruned.historyDeleted
              } changes, ${
                pruned.rollupsDeleted
              } daily rollups, ${outcomesDeleted} reported outcomes and ${runsDeleted} run records`,
            );
          },
        });

        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            catalog,
            logger,
            store,
            queries: store.queries,
            evaluator,
            definitions,
            campaigns,
            campaignStore,
            campaignProgress,
            campaignTicketUrlTemplate,
            notifications: deps.notifications,
            appBaseUrl: config.getOptionalString('app.baseUrl'),
            reportRunner,
            reportStore,
            scheduler,
            outcomeStore,
            outcomeChecks,
          }),
        );
      },
    });
  },
});
