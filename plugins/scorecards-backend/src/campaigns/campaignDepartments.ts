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
import { CampaignTeamCounts } from './campaignProgress';

/** A group's ancestors, nearest first, without the group itself. */
function ancestorsOf(group: string, parents: Map<string, string[]>): string[] {
  const found = new Set<string>([group]);
  const queue = [...(parents.get(group) ?? [])];
  const ancestors: string[] = [];
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (found.has(next)) continue; // a cycle in the catalog
    found.add(next);
    ancestors.push(next);
    queue.push(...(parents.get(next) ?? []));
  }
  return ancestors;
}

/**
 * A campaign's progress by department: for each group above a team that
 * owns entities in scope, the counts of the group's own entities and of
 * its descendant groups'. `parents` are the groups' parents
 * ({@link groupParents}); teams not in it (users, groups the caller may not
 * see) count for no department. Least complete first.
 */
export function campaignDepartments(
  byTeam: CampaignTeamCounts[],
  parents: Map<string, string[]>,
): CampaignDepartmentProgress[] {
  const ownCounts = new Map(byTeam.map(team => [team.owner, team]));
  const departments = new Map<
    string,
    { owners: string[]; inScope: number; passing: number }
  >();
  for (const team of byTeam) {
    if (!team.owner || !parents.has(team.owner)) continue;
    for (const group of ancestorsOf(team.owner, parents)) {
      let department = departments.get(group);
      if (!department) {
        // The department's own entities first, if it owns any in scope.
        const own = ownCounts.get(group);
        department = own
          ? { owners: [group], inScope: own.inScope, passing: own.passing }
          : { owners: [], inScope: 0, passing: 0 };
        departments.set(group, department);
      }
      department.owners.push(team.owner);
      department.inScope += team.inScope;
      department.passing += team.passing;
    }
  }
  return [...departments]
    .map(([group, counts]) => ({
      group,
      ...counts,
      completion: campaignCompletion(counts),
    }))
    .sort(
      (a, b) =>
        a.completion - b.completion || a.group.localeCompare(b.group, 'en-US'),
    );
}
