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

import { CampaignNotifyResponse } from '../api';

export const plural = (n: number, one: string, many: string) =>
  `${n} ${n === 1 ? one : many}`;

/** The alert after notifying the owners of failing entities. */
export function notifiedAlert(result: CampaignNotifyResponse): {
  message: string;
  severity: 'success' | 'warning';
} {
  const failed = result.failedTeams?.length ?? 0;
  const parts = [
    `Notified ${plural(result.teamsNotified, 'team', 'teams')} about ${plural(
      result.entitiesIncluded,
      'failing entity',
      'failing entities',
    )}`,
  ];
  if (result.unowned > 0) {
    parts.push(
      `${plural(
        result.unowned,
        'entity without an owner was',
        'entities without an owner were',
      )} not notified`,
    );
  }
  if (failed > 0) {
    parts.push(`${plural(failed, 'team', 'teams')} failed`);
  }
  return {
    message: parts.join('; '),
    severity: failed > 0 ? 'warning' : 'success',
  };
}
