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
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  scorecardsScorecardNotifyPermission,
  ScorecardNotifyResponse,
  ScorecardsDefinitionsConfig,
} from '@openscorecards/plugin-scorecards-common';
import express from 'express';
import { ResultQueries } from '../database/ResultQueries';
import { levelLadder } from './levelLadder';
import {
  FailingEntity,
  failingEntityLines,
  notificationsUnavailable,
  notifyOwnersOfFailing,
  plural,
} from './notifyOwners';
import {
  exportQuerySchema,
  parseQuery,
  toEntityFilter,
} from './readRouteParameters';
import { readVisibleEntities } from './visibleEntities';

/** The filters a notification's link carries, beside the team. */
const LINKED_FILTERS = [
  'kind',
  'type',
  'lifecycle',
  'system',
  'level',
  'failingRule',
  'text',
] as const;

export interface ScorecardNotifyRoutesOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  queries: ResultQueries;
  definitions: ScorecardsDefinitionsConfig;
  /** Absent when the notifications backend is not installed: 503. */
  notifications?: NotificationService;
  logger: LoggerService;
  /** The app's base URL; when set, the description links the scorecard. */
  appBaseUrl?: string;
}

/**
 * Registers `POST /scorecards/:id/notify`: with the entity table's filters
 * in the query string, sends one Backstage notification to each group
 * owning entities (that the caller can see) which match the filters and
 * fail rules of the scorecard, listing up to ten of them with their level
 * and the rules they fail, and linking to the scorecard's page with its
 * table filtered the same way and to the team. Needs
 * `scorecards.scorecard.notify`.
 */
export function registerScorecardNotifyRoutes(
  router: express.Router,
  options: ScorecardNotifyRoutesOptions,
): void {
  const { httpAuth, permissions, notifications, catalog, queries, logger } =
    options;
  const { definitions } = options;
  const ladder = levelLadder(definitions);
  const baseUrl = options.appBaseUrl?.replace(/\/+$/, '');

  router.post('/scorecards/:id/notify', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: scorecardsScorecardNotifyPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        "You are not allowed to notify the owners of a scorecard's entities",
      );
    }
    const definition = definitions.definitions.find(
      d => d.id === req.params.id,
    );
    if (!definition) {
      throw new NotFoundError(`No scorecard with id "${req.params.id}"`);
    }
    const query = parseQuery(exportQuerySchema, req.query);
    const filter = toEntityFilter(query, definition, ladder);
    if (!notifications) {
      throw notificationsUnavailable();
    }

    const levels = new Map<string, string>();
    const failing: FailingEntity[] = [];
    for await (const batch of readVisibleEntities({
      queries,
      catalog,
      credentials,
      scorecardId: definition.id,
      filter,
      sort: { field: 'name', order: 'asc' },
    })) {
      for (const row of batch) {
        if (row.failingRules.length > 0) {
          failing.push({
            entityRef: row.entityRef,
            owner: row.entity.owner ?? '',
            failingRules: row.failingRules,
          });
          levels.set(row.entityRef, row.level);
        }
      }
    }

    const ruleTitles = new Map(
      definition.rules.map(rule => [rule.id, rule.title ?? rule.id]),
    );
    const page = `/scorecards/${encodeURIComponent(definition.id)}`;
    // The scorecard's page, its table filtered as here and to the team.
    const linkFor = (owner: string) => {
      const search = new URLSearchParams({ team: owner });
      for (const key of LINKED_FILTERS) {
        const value = query[key];
        const first = Array.isArray(value) ? value[0] : value;
        if (first) {
          search.set(key, first);
        }
      }
      return `${page}?${search}`;
    };
    const body: ScorecardNotifyResponse = await notifyOwnersOfFailing({
      notifications,
      failing,
      logger,
      about: `scorecard "${definition.id}"`,
      payload: (owner, entities) => {
        const lines = [
          `${plural(entities.length, 'entity', 'entities')} owned by ${owner} ${
            entities.length === 1 ? 'fails' : 'fail'
          } rules of the scorecard "${definition.title}":`,
          ...failingEntityLines(
            entities,
            rule => ruleTitles.get(rule) ?? rule,
            entity => `${entity.entityRef} (${levels.get(entity.entityRef)})`,
          ),
        ];
        const link = linkFor(owner);
        if (baseUrl) {
          lines.push(`Scorecard: ${baseUrl}${link}`);
        }
        return {
          title: `Scorecard "${definition.title}": ${plural(
            entities.length,
            'entity fails',
            'entities fail',
          )} rules`,
          description: lines.join('\n'),
          link,
          severity: 'normal',
          topic: `scorecards-scorecard-${definition.id}`,
        };
      },
    });
    res.json(body);
  });
}
