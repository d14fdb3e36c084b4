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

import { EntityRuleResult } from '../../api';

/**
 * The entity's rules grouped by level, in ladder order; rules of a level
 * the ladder does not know (a config mistake) come last under their own name.
 */
export function groupRulesByLevel(
  rules: EntityRuleResult[],
  levels: ReadonlyArray<string>,
): Array<{ level: string; rules: EntityRuleResult[] }> {
  const groups = new Map<string, EntityRuleResult[]>();
  for (const level of levels) {
    groups.set(level, []);
  }
  for (const rule of rules) {
    const group = groups.get(rule.level);
    if (group) {
      group.push(rule);
    } else {
      groups.set(rule.level, [rule]);
    }
  }
  return [...groups.entries()]
    .filter(([, group]) => group.length > 0)
    .map(([level, group]) => ({ level, rules: group }));
}

/**
 * The next level up and the failing rules standing in the way: those of
 * that level and of every level below it.
 */
export function nextLevelGap(
  level: string,
  rules: EntityRuleResult[],
  levels: ReadonlyArray<string>,
): { nextLevel: string; failing: EntityRuleResult[] } | undefined {
  const rank = levels.indexOf(level);
  const nextLevel = levels[rank + 1];
  if (rank < 0 || !nextLevel) {
    return undefined;
  }
  const failing = rules.filter(rule => {
    const ruleRank = levels.indexOf(rule.level);
    return rule.status === 'fail' && ruleRank >= 0 && ruleRank <= rank + 1;
  });
  return { nextLevel, failing };
}
