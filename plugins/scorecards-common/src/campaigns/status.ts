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

import { DateTime } from 'luxon';
import { CampaignProgressCounts, CampaignStatus } from './types';

/** The dates of a campaign, and whether it was archived. @public */
export interface CampaignTimeline {
  /** `YYYY-MM-DD` (UTC). */
  startDate: string;
  /** `YYYY-MM-DD` (UTC); the day itself is still in time. */
  endDate?: string;
  archived?: boolean;
}

const startOf = (date: string) =>
  DateTime.fromISO(date, { zone: 'utc' }).startOf('day');

/**
 * The status of a campaign, by the first rule that holds:
 *
 * 1. `ended`: the campaign was archived.
 * 2. `upcoming`: `now` is before the start date (whatever the progress).
 * 3. `completed`: at least one entity is in scope and every one passes.
 * 4. `ended`: the end date has passed with no entity in scope.
 * 5. `overdue`: the end date has passed (the end date itself is still in
 *    time) and some entity still fails.
 * 6. `active`: otherwise (started, and before or on the end date, or
 *    without one).
 *
 * Dates are whole UTC days.
 *
 * @public
 */
export function campaignStatus(
  timeline: CampaignTimeline,
  progress: CampaignProgressCounts,
  now: Date = new Date(),
): CampaignStatus {
  if (timeline.archived) {
    return 'ended';
  }
  const at = now.getTime();
  if (at < startOf(timeline.startDate).toMillis()) {
    return 'upcoming';
  }
  if (progress.inScope > 0 && progress.passing >= progress.inScope) {
    return 'completed';
  }
  const past =
    timeline.endDate !== undefined &&
    at >= startOf(timeline.endDate).plus({ days: 1 }).toMillis();
  if (past) {
    return progress.inScope === 0 ? 'ended' : 'overdue';
  }
  return 'active';
}

/**
 * Whole days from `now`'s UTC day to the end date: 0 on the end date,
 * negative once it has passed; `undefined` without an end date.
 *
 * @public
 */
export function campaignDaysLeft(
  endDate: string | undefined,
  now: Date = new Date(),
): number | undefined {
  if (endDate === undefined) {
    return undefined;
  }
  const today = DateTime.fromJSDate(now, { zone: 'utc' }).startOf('day');
  return Math.round(startOf(endDate).diff(today, 'days').days);
}

/**
 * The share of entities in scope passing, in percent with one decimal; 0
 * without entities in scope.
 *
 * @public
 */
export function campaignCompletion(progress: CampaignProgressCounts): number {
  if (progress.inScope === 0) {
    return 0;
  }
  return Math.round((progress.passing / progress.inScope) * 1000) / 10;
}
