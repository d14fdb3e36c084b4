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

import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { CampaignNotifyResponse } from '@openscorecards/plugin-scorecards-common';

/** The error for a notify route when the notifications service is missing. */
export function notificationsUnavailable(): ServiceUnavailableError {
  return new ServiceUnavailableError(
    'Notifications are not available: install the notifications backend (@backstage/plugin-notifications-backend) and pass its notificationService to the scorecards plugin',
  );
}

/** Entities listed in one notification; the rest are counted. */
export const LISTED_ENTITIES = 10;

/** An entity that fails rules, with the group that owns it ('' for none). */
export interface FailingEntity {
  entityRef: string;
  owner: string;
  /** Rule refs (`scorecard/rule`) or rule ids. */
  failingRules: string[];
}

export const plural = (n: number, one: string, many: string) =>
  `${n} ${n === 1 ? one : many}`;

/** Failing entities by owner ref, without the unowned ones (owner ''). */
export function groupFailingByOwner<T extends FailingEntity>(
  failing: ReadonlyArray<T>,
): Map<string, T[]> {
  const byOwner = new Map<string, T[]>();
  for (const entity of failing) {
    if (!entity.owner) {
      continue;
    }
    const list = byOwner.get(entity.owner) ?? [];
    list.push(entity);
    byOwner.set(entity.owner, list);
  }
  return byOwner;
}

/**
 * The lines that list an owner's failing entities with their rules: up to
 * {@link LISTED_ENTITIES}, then how many more.
 */
export function failingEntityLines(
  entities: ReadonlyArray<FailingEntity>,
  ruleTitle: (rule: string) => string,
  describeEntity: (entity: FailingEntity) => string = e => e.entityRef,
): string[] {
  const lines = entities
    .slice(0, LISTED_ENTITIES)
    .map(
      entity =>
        `- ${describeEntity(entity)}: ${entity.failingRules
          .map(ruleTitle)
          .join(', ')}`,
    );
  if (entities.length > LISTED_ENTITIES) {
    lines.push(
      `- and ${plural(
        entities.length - LISTED_ENTITIES,
        'more entity',
        'more entities',
      )}`,
    );
  }
  return lines;
}

/**
 * Sends one notification to each owner of failing entities, all at once.
 * An owner whose notification fails is logged and listed; when every one
 * fails, throws a 503 with the first reason.
 */
export async function notifyOwnersOfFailing(options: {
  notifications: NotificationService;
  failing: ReadonlyArray<FailingEntity>;
  payload: (
    owner: string,
    entities: FailingEntity[],
  ) => Parameters<NotificationService['send']>[0]['payload'];
  logger: LoggerService;
  /** What the notifications are about, for messages: `campaign "x"`. */
  about: string;
}): Promise<CampaignNotifyResponse> {
  const { notifications, failing, logger, about } = options;
  const byOwner = groupFailingByOwner(failing);
  const owners = [...byOwner.keys()].sort();
  const results = await Promise.allSettled(
    owners.map(owner =>
      notifications.send({
        recipients: { type: 'entity', entityRef: owner },
        payload: options.payload(owner, byOwner.get(owner)!),
      }),
    ),
  );
  const failedTeams: string[] = [];
  let entitiesIncluded = 0;
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') {
      entitiesIncluded += byOwner.get(owners[i])!.length;
    } else {
      failedTeams.push(owners[i]);
      logger.warn(
        `Could not notify ${owners[i]} about ${about}: ${result.reason}`,
      );
    }
  });
  if (owners.length > 0 && failedTeams.length === owners.length) {
    throw new ServiceUnavailableError(
      `Could not send any notification about ${about}: ${
        (results[0] as PromiseRejectedResult).reason
      }`,
    );
  }
  const response: CampaignNotifyResponse = {
    teamsNotified: owners.length - failedTeams.length,
    entitiesIncluded,
    unowned: failing.length - failing.filter(e => e.owner).length,
    failedTeams,
  };
  logger.info(
    `Notified ${response.teamsNotified} teams about ${response.entitiesIncluded} failing entities of ${about}`,
  );
  return response;
}
