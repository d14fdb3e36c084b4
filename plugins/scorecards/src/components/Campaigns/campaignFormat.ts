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

import { CampaignStatus } from '../../api';

/** What each status is called. */
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  upcoming: 'Upcoming',
  active: 'Active',
  overdue: 'Overdue',
  completed: 'Completed',
  ended: 'Ended',
};

/** The statuses, in the order of the status filter. */
export const CAMPAIGN_STATUS_ORDER: CampaignStatus[] = [
  'active',
  'overdue',
  'upcoming',
  'completed',
  'ended',
];

function days(count: number): string {
  return count === 1 ? '1 day' : `${count} days`;
}

/**
 * The time left before a deadline: "12 days left", "Due today", "Overdue by
 * 3 days"; undefined without a deadline.
 */
export function daysLeftText(
  daysLeft: number | null,
  status?: CampaignStatus,
): string | undefined {
  if (daysLeft === null || daysLeft === undefined) {
    return undefined;
  }
  if (status === 'completed' || status === 'ended') {
    return daysLeft < 0 ? `Ended ${days(-daysLeft)} ago` : undefined;
  }
  if (status === 'upcoming') {
    return `${days(daysLeft)} to the deadline`;
  }
  if (daysLeft > 0) {
    return `${days(daysLeft)} left`;
  }
  if (daysLeft === 0) {
    return 'Due today';
  }
  return `Overdue by ${days(-daysLeft)}`;
}

/** A `YYYY-MM-DD` date as "Mar 1, 2026" (UTC, as the backend counts days). */
export function formatDay(day: string | undefined): string {
  if (!day) {
    return '–';
  }
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) {
    return day;
  }
  return date.toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}
