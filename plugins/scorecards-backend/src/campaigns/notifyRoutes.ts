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
  campaignDaysLeft,
  CampaignNotifyResponse,
  NormalisedCampaign,
  scorecardsCampaignNotifyPermission,
  ScorecardsDefinitionsConfig,
} from '@openscorecards/plugin-scorecards-common';
import express from 'express';
import { CampaignProgressCache } from './campaignProgress';
import { CampaignRegistry } from './CampaignRegistry';
import { CampaignStore } from './CampaignStore';
import { campaignFiltersSchema, filterFailing } from './campaignFilters';
import { parseQuery } from '../service/readRouteParameters';
import { visibleRefs } from '../service/visibleEntities';
import {
  FailingEntity,
  failingEntityLines,
  notificationsUnavailable,
  notifyOwnersOfFailing,
  plural,
} from '../service/notifyOwners';

export interface CampaignNotifyRoutesOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** What the caller may see: notifications list only those entities. */
  catalog: CatalogService;
  /**
   * The notifications service (`notificationService` of
   * `@backstage/plugin-notifications-node`); without it the route answers
   * 503.
   */
  notifications?: NotificationService;
  progress: CampaignProgressCache;
  /** The validated config campaigns (`scorecards.campaigns`). */
  campaigns: ReadonlyArray<NormalisedCampaign>;
  campaignStore: CampaignStore;
  /** For rule titles in the notifications; rule refs are used without. */
  definitions?: ScorecardsDefinitionsConfig;
  logger: LoggerService;
  /**
   * The app's base URL (`app.baseUrl`); when set, the full campaign page
   * URL is added to the description (for email and chat processors).
   */
  appBaseUrl?: string;
  /** The clock for days left; default `new Date()`. */
  now?: () => Date;
}

/**
 * `due 2027-01-31 (67 days left)`, `due 2027-01-31 (today)`,
 * `overdue since 2027-01-31 (3 days)`, or `no deadline`.
 */
export function deadlineText(
  endDate: string | undefined,
  now: Date,
): { text: string; overdue: boolean } {
  const daysLeft = campaignDaysLeft(endDate, now);
  if (endDate === undefined || daysLeft === undefined) {
    return { text: 'no deadline', overdue: false };
  }
  if (daysLeft < 0) {
    return {
      text: `overdue since ${endDate} (${plural(-daysLeft, 'day', 'days')})`,
      overdue: true,
    };
  }
  return {
    text: `due ${endDate} (${
      daysLeft === 0 ? 'today' : `${plural(daysLeft, 'day', 'days')} left`
    })`,
    overdue: false,
  };
}

/**
 * Registers `POST /campaigns/:key/notify`: sends one Backstage notification
 * to each group owning entities that still fail the campaign, listing (up
 * to ten of) its entities with the rules they fail, the deadline and a link
 * to the campaign page's table of the group's failing entities
 * (`?team=<group>`). The failing entities' filters narrow it: `?team=`
 * (may repeat) to those teams, `?rule=` to the entities failing that rule.
 * Only the entities the caller may see in the catalog are listed and
 * counted. Needs `scorecards.campaign.notify`.
 */
export function registerCampaignNotifyRoutes(
  router: express.Router,
  options: CampaignNotifyRoutesOptions,
): void {
  const { httpAuth, permissions, catalog, notifications, progress, logger } =
    options;
  const now = options.now ?? (() => new Date());
  const registry = new CampaignRegistry(
    options.campaigns,
    options.campaignStore,
  );
  const ruleTitles = new Map<string, string>();
  for (const scorecard of options.definitions?.definitions ?? []) {
    for (const rule of scorecard.rules) {
      ruleTitles.set(`${scorecard.id}/${rule.id}`, rule.title ?? rule.id);
    }
  }
  const baseUrl = options.appBaseUrl?.replace(/\/+$/, '');

  const titleOf = (rule: string) => ruleTitles.get(rule) ?? rule;

  /**
   * The campaign page, its table filtered to the owner's entities (and to
   * the rule, if the notification is about one).
   */
  const linkFor = (
    campaign: NormalisedCampaign,
    owner: string,
    rule: string | undefined,
  ) =>
    `/scorecards/campaigns/${encodeURIComponent(
      campaign.key,
    )}?${new URLSearchParams(rule ? { team: owner, rule } : { team: owner })}`;

  function describe(
    campaign: NormalisedCampaign,
    owner: string,
    entities: FailingEntity[],
    deadline: string,
    rule: string | undefined,
  ): string {
    const what = rule
      ? `"${titleOf(rule)}" of the campaign "${campaign.name}"`
      : `the campaign "${campaign.name}"`;
    const lines = [
      `${plural(entities.length, 'entity', 'entities')} owned by ${owner} ${
        entities.length === 1 ? 'fails' : 'fail'
      } ${what}, ${deadline}:`,
      ...failingEntityLines(entities, titleOf),
    ];
    if (baseUrl) {
      lines.push(`Campaign: ${baseUrl}${linkFor(campaign, owner, rule)}`);
    }
    return lines.join('\n');
  }

  router.post('/campaigns/:key/notify', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: scorecardsCampaignNotifyPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'You are not allowed to notify the owners of campaign entities',
      );
    }
    const query = parseQuery(campaignFiltersSchema, req.query);
    const { key } = req.params;
    const entry = await registry.get(key);
    if (!entry) {
      throw new NotFoundError(`No campaign with the key "${key}"`);
    }
    if (!notifications) {
      throw notificationsUnavailable();
    }
    const { campaign } = entry;
    const selected = filterFailing(
      campaign,
      (await progress.getOne(campaign)).failing,
      query,
    );
    const visible = await visibleRefs(
      catalog,
      selected.map(e => e.entityRef),
      credentials,
    );
    const failing = selected.filter(e => visible.has(e.entityRef));
    const { rule } = query;
    const deadline = deadlineText(campaign.endDate, now());
    const body: CampaignNotifyResponse = await notifyOwnersOfFailing({
      notifications,
      failing,
      logger,
      about: `campaign "${campaign.key}"`,
      payload: (owner, entities) => ({
        title: `Campaign "${campaign.name}": ${plural(
          entities.length,
          'entity still fails',
          'entities still fail',
        )}${rule ? ` ${titleOf(rule)}` : ''}`,
        description: describe(campaign, owner, entities, deadline.text, rule),
        link: linkFor(campaign, owner, rule),
        severity: deadline.overdue ? 'high' : 'normal',
        topic: `scorecards-campaign-${campaign.key}`,
      }),
    });
    res.json(body);
  });
}
