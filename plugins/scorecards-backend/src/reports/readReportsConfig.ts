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
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config, ConfigReader } from '@backstage/config';
import {
  formatValidationProblems,
  ScorecardsDefinitionsConfig,
  ValidationProblem,
} from '@openscorecards/plugin-scorecards-common';
import { ReportCadence, reportCadence } from './reportSchedule';

/** A validated report of `scorecards.reports`. */
export interface ReportDefinition {
  id: string;
  title: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
  /**
   * The IANA time zone of a cron schedule; without one, cron expressions
   * run in the backend's time zone.
   */
  timezone?: string;
  /** When the report is due, read from `schedule` and `timezone`. */
  cadence: ReportCadence;
  /** Absent for the whole organisation; else a group ref (lower case). */
  audience: { group?: string };
  /** The scorecard ids the report covers, in config order. */
  scorecards: string[];
  channels: {
    notifications?: { recipients: string[] };
    /** The webhook URL is a secret: never log or return it. */
    slack?: { webhookUrl: string };
  };
}

const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/i;
const MAX_ID_LENGTH = 100;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function normaliseRef(
  value: unknown,
  kinds: string[],
): { ref?: string; problem?: string } {
  if (typeof value !== 'string' || !value.trim()) {
    return { problem: 'must be a non-empty entity ref' };
  }
  try {
    const parsed = parseEntityRef(value.trim(), {
      defaultKind: kinds[0],
      defaultNamespace: 'default',
    });
    if (!kinds.includes(parsed.kind.toLocaleLowerCase('en-US'))) {
      return {
        problem: `"${value}" must be a ${kinds.join(' or ')} ref, such as ${
          kinds[0]
        }:default/name`,
      };
    }
    return { ref: stringifyEntityRef(parsed).toLocaleLowerCase('en-US') };
  } catch (error) {
    return { problem: `"${value}" is not an entity ref: ${error}` };
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone }).format(0);
    return true;
  } catch {
    return false;
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Reads and validates `scorecards.reports` against the configured
 * scorecards. Every problem is reported at once, each with its key path
 * (such as `scorecards.reports[0].channels.slack.webhookUrl`), and start-up
 * fails. Problems never quote the Slack webhook URL.
 */
export function readReportsConfig(
  config: Config,
  definitions: ScorecardsDefinitionsConfig,
): ReportDefinition[] {
  const root = 'scorecards.reports';
  const raw = config.getOptional(root);
  if (raw === undefined) {
    return [];
  }
  const problems: ValidationProblem[] = [];
  const problem = (path: string, message: string) =>
    problems.push({ path, message });
  if (!Array.isArray(raw)) {
    problem(root, 'must be a list of reports');
  }
  const items = Array.isArray(raw) ? raw : [];
  const scorecardIds = new Set(definitions.definitions.map(d => d.id));
  const seen = new Set<string>();
  const reports: ReportDefinition[] = [];

  items.forEach((item: unknown, i) => {
    const path = `${root}[${i}]`;
    if (!isObject(item)) {
      problem(path, 'must be an object');
      return;
    }
    const before = problems.length;

    const { id, title } = item;
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
      problem(
        `${path}.id`,
        'must be a URL-safe id (letters, digits, "-" and "_")',
      );
    } else if (id.length > MAX_ID_LENGTH) {
      problem(`${path}.id`, `must be at most ${MAX_ID_LENGTH} characters`);
    } else if (seen.has(id)) {
      problem(`${path}.id`, `duplicate report id "${id}"`);
    } else {
      seen.add(id);
    }
    if (title !== undefined && (typeof title !== 'string' || !title.trim())) {
      problem(`${path}.title`, 'must be a non-empty string');
    }

    let schedule: SchedulerServiceTaskScheduleDefinition | undefined;
    let timezone: string | undefined;
    let cadence: ReportCadence | undefined;
    if (!isObject(item.schedule)) {
      problem(
        `${path}.schedule`,
        'is required: { cron: "0 9 * * 1" } or { frequency: { days: 7 } }, with an optional timezone and timeout',
      );
    } else {
      try {
        // `cron` may stand at the top (`{ cron, timezone }`) as well as in
        // `frequency`; the timeout defaults to five minutes.
        const { cron, timezone: zone, ...rest } = item.schedule;
        if (zone !== undefined) {
          if (typeof zone !== 'string' || !isTimeZone(zone)) {
            problem(`${path}.schedule.timezone`, 'must be an IANA time zone');
          } else {
            timezone = zone;
          }
        }
        schedule = readSchedulerServiceTaskScheduleDefinitionFromConfig(
          new ConfigReader(
            {
              timeout: { minutes: 5 },
              ...(cron !== undefined ? { frequency: { cron } } : {}),
              ...rest,
            },
            `${path}.schedule`,
          ),
        );
        const { frequency } = schedule;
        const isCron = typeof frequency === 'object' && 'cron' in frequency;
        if (!isCron && zone !== undefined) {
          problem(
            `${path}.schedule.timezone`,
            'applies to cron schedules only; remove it or use cron',
          );
        }
      } catch (error) {
        problem(`${path}.schedule`, `${(error as Error).message}`);
      }
      if (schedule) {
        try {
          cadence = reportCadence(schedule, timezone);
        } catch (error) {
          problem(`${path}.schedule`, `${(error as Error).message}`);
        }
      }
    }

    let group: string | undefined;
    if (item.audience !== undefined) {
      if (!isObject(item.audience)) {
        problem(`${path}.audience`, 'must be an object such as { group: ... }');
      } else if (item.audience.group !== undefined) {
        const { ref, problem: bad } = normaliseRef(item.audience.group, [
          'group',
        ]);
        if (bad) {
          problem(`${path}.audience.group`, bad);
        }
        group = ref;
      }
    }

    let scorecards = definitions.definitions.map(d => d.id);
    if (item.scorecards !== undefined) {
      if (!Array.isArray(item.scorecards) || item.scorecards.length === 0) {
        problem(
          `${path}.scorecards`,
          'must be a non-empty list of scorecard ids (leave it out for all)',
        );
      } else {
        item.scorecards.forEach((scorecardId: unknown, j) => {
          if (
            typeof scorecardId !== 'string' ||
            !scorecardIds.has(scorecardId)
          ) {
            problem(
              `${path}.scorecards[${j}]`,
              `unknown scorecard "${String(scorecardId)}"; configured: ${
                [...scorecardIds].join(', ') || 'none'
              }`,
            );
          }
        });
        scorecards = [...new Set(item.scorecards as string[])];
      }
    }

    const channels: ReportDefinition['channels'] = {};
    const rawChannels = item.channels;
    if (!isObject(rawChannels)) {
      problem(
        `${path}.channels`,
        'is required, with notifications and/or slack',
      );
    } else {
      const { notifications, slack } = rawChannels;
      if (notifications !== undefined) {
        const recipients = isObject(notifications)
          ? notifications.recipients
          : undefined;
        if (!Array.isArray(recipients) || recipients.length === 0) {
          problem(
            `${path}.channels.notifications.recipients`,
            'must be a non-empty list of group or user refs',
          );
        } else {
          const refs: string[] = [];
          recipients.forEach((recipient: unknown, j) => {
            const { ref, problem: bad } = normaliseRef(recipient, [
              'group',
              'user',
            ]);
            if (bad) {
              problem(`${path}.channels.notifications.recipients[${j}]`, bad);
            } else if (ref) {
              refs.push(ref);
            }
          });
          channels.notifications = { recipients: [...new Set(refs)] };
        }
      }
      if (slack !== undefined) {
        const webhookUrl = isObject(slack) ? slack.webhookUrl : undefined;
        if (typeof webhookUrl !== 'string' || !isHttpUrl(webhookUrl)) {
          // Never quote the value: it is a secret.
          problem(
            `${path}.channels.slack.webhookUrl`,
            'must be an http(s) URL (a Slack incoming webhook)',
          );
        } else {
          channels.slack = { webhookUrl };
        }
      }
      if (notifications === undefined && slack === undefined) {
        problem(
          `${path}.channels`,
          'needs at least one channel: notifications or slack',
        );
      }
    }

    if (problems.length === before && schedule && cadence) {
      reports.push({
        id: id as string,
        title: (title as string | undefined)?.trim() || (id as string),
        schedule,
        ...(timezone ? { timezone } : {}),
        cadence,
        audience: group ? { group } : {},
        scorecards,
        channels,
      });
    }
  });

  if (problems.length > 0) {
    throw new Error(
      `Invalid scorecards reports configuration (${problems.length} problem${
        problems.length === 1 ? '' : 's'
      }):\n${formatValidationProblems(problems)}`,
    );
  }
  return reports;
}
