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

import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';
import { CronTime } from 'cron';
import { DateTime, Duration } from 'luxon';

/**
 * When a report is due: on a cron expression in a time zone, every fixed
 * duration, or only when sent by hand.
 */
export type ReportCadence =
  | { type: 'cron'; expression: string; timezone?: string }
  | { type: 'every'; duration: HumanDuration }
  | { type: 'manual' };

/**
 * Reads a report's cadence from its schedule. Throws, with what to fix, on
 * an invalid cron expression or time zone, or a duration that is not
 * positive.
 */
export function reportCadence(
  schedule: SchedulerServiceTaskScheduleDefinition,
  timezone?: string,
): ReportCadence {
  const { frequency } = schedule;
  if (typeof frequency === 'object' && 'cron' in frequency) {
    const expression = frequency.cron;
    try {
      // eslint-disable-next-line no-new
      new CronTime(expression, timezone);
    } catch (error) {
      throw new Error(
        `invalid cron expression "${expression}": ${
          (error as Error).message
        }; use five fields such as "0 9 * * 1" (minute hour day-of-month month day-of-week)`,
      );
    }
    return { type: 'cron', expression, ...(timezone ? { timezone } : {}) };
  }
  if (typeof frequency === 'object' && 'trigger' in frequency) {
    return { type: 'manual' };
  }
  const duration = Duration.isDuration(frequency)
    ? frequency
    : Duration.fromObject(frequency as HumanDuration);
  if (!duration.isValid || duration.toMillis() <= 0) {
    throw new Error('the frequency must be a positive duration');
  }
  return {
    type: 'every',
    duration: duration.toObject() as HumanDuration,
  };
}

/**
 * The first time the report is due strictly after `after`, or undefined
 * for a report sent only by hand. Cron expressions run in the cadence's
 * time zone (the backend's own without one), daylight saving included.
 */
export function nextRunAfter(
  cadence: ReportCadence,
  after: Date,
): Date | undefined {
  switch (cadence.type) {
    case 'cron': {
      const cron = new CronTime(cadence.expression, cadence.timezone);
      return cron.getNextDateFrom(after, cadence.timezone).toJSDate();
    }
    case 'every':
      return DateTime.fromJSDate(after, { zone: 'utc' })
        .plus(cadence.duration)
        .toJSDate();
    default:
      return undefined;
  }
}
