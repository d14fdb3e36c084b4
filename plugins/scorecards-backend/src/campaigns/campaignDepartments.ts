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
  campaignCompletion,
  CampaignDepartmentProgress,
} from '@openscorecards/plugin-scorecards-common';
import { departmentOwners } from '../service/teamOwners';
import { CampaignTeamCounts } from './campaignProgress';

/**
 * A campaign's progress by department: for each group above a team that
 * owns entities in scope, the counts of the group's own entities and of
 * its descendant groups' ({@link departmentOwners}). Least complete first.
 */
export function campaignDepartments(
  byTeam: CampaignTeamCounts[],
  parents: Map<string, string[]>,
): CampaignDepartmentProgress[] {
  const countsOf = new Map(byTeam.map(team => [team.owner, team]));
  const owners = departmentOwners(
    byTeam.map(team => team.owner),
    parents,
  );
  return [...owners]
    .map(([group, ofGroup]) => {
      let inScope = 0;
      let passing = 0;
      for (const owner of ofGroup) {
        inScope += countsOf.get(owner)!.inScope;
        passing += countsOf.get(owner)!.passing;
      }
      return {
        group,
        owners: ofGroup,
        inScope,
        passing,
        completion: campaignCompletion({ inScope, passing }),
      };
    })
    .sort(
      (a, b) =>
        a.completion - b.completion || a.group.localeCompare(b.group, 'en-US'),
    );
}
