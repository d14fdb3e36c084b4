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

import { OwnerChoice, ownerParams } from '../TeamSelect';

/** The History tab's parameters for a team and a department. */
export const HISTORY_OWNER_PARAMS = { team: 'team', department: 'department' };

/**
 * A link to the History tab charting a scorecard for the whole organisation,
 * a team (or a user who owns entities), or a department (a group with the
 * groups below it, added up).
 */
export function historyLink(
  root: string,
  scorecardId: string,
  owner: OwnerChoice = {},
): string {
  const params = new URLSearchParams({ scorecard: scorecardId });
  ownerParams(owner, HISTORY_OWNER_PARAMS).forEach((value, key) =>
    params.set(key, value),
  );
  return `${root}/history?${params}`;
}
