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

import { ruleCheck } from '@openscorecards/plugin-scorecards-common';
import type {
  LevelCount,
  RuleDefinition,
  RulePassRate,
  ScorecardDefinition,
  ScorecardDescription,
  ScorecardsDefinitionsConfig,
  ScorecardStatistics,
  TeamScore,
} from '@openscorecards/plugin-scorecards-common';
import {
  StoredRuleRollup,
  StoredScorecardRollup,
} from '../database/ResultQueries';
import { ROLLUP_ORGANISATION, ROLLUP_UNOWNED } from '../database/ResultStore';

type Definition = ScorecardsDefinitionsConfig['definitions'][number];

/** Rounds a score or rate to one decimal, as scores are computed. */
export function roundToTenth(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A scorecard's definition as the API shows it. */
/** `{ check }` for a rule decided by reported outcomes, else nothing. */
export function checkOf(rule: RuleDefinition): { check?: string } {
  const check = ruleCheck(rule);
  return check === undefined ? {} : { check };
}

export function describeScorecard(
  definition: Definition,
): ScorecardDescription {
  return {
    id: definition.id,
    title: definition.title,
    description: definition.description,
    filter: definition.filter,
    rules: definition.rules.map(rule => ({
      id: rule.id,
      title: rule.title,
      description: rule.description,
      level: rule.level,
      weight: rule.weight ?? 1,
      guidance: rule.guidance,
      ...checkOf(rule),
    })),
  };
}

/** Entities per level, for every level of the ladder in its order. */
export function levelDistribution(
  levelCounts: Record<string, number> | undefined,
  ladder: string[],
): LevelCount[] {
  return ladder.map(level => ({ level, count: levelCounts?.[level] ?? 0 }));
}

/**
 * Entities, average score and level distribution from a rollup; zeros when
 * no complete run has rolled the scorecard up yet (`asOf` is then null).
 */
export function summarizeRollup(
  rollup: StoredScorecardRollup | undefined,
  ladder: string[],
): ScorecardStatistics {
  const entities = rollup?.entities ?? 0;
  return {
    entities,
    averageScore:
      rollup && entities > 0 ? roundToTenth(rollup.scoreSum / entities) : null,
    distribution: levelDistribution(rollup?.levelCounts, ladder),
    asOf: rollup?.computedAt.toISOString() ?? null,
  };
}

/**
 * Several owners' rollups of a day as one owner's: entities, score sums,
 * level counts and each rule's counts added up. Each entity has one owner,
 * so nothing counts twice.
 */
export function combineOwnerRollups(
  rollups: {
    scorecards: StoredScorecardRollup[];
    ownerRules: StoredRuleRollup[];
  },
  owner: string,
): { scorecards: StoredScorecardRollup[]; ownerRules: StoredRuleRollup[] } {
  const [first] = rollups.scorecards;
  if (!first) {
    return { scorecards: [], ownerRules: [] };
  }
  const levelCounts: Record<string, number> = {};
  let entities = 0;
  let scoreSum = 0;
  for (const rollup of rollups.scorecards) {
    entities += rollup.entities;
    scoreSum += rollup.scoreSum;
    for (const [level, count] of Object.entries(rollup.levelCounts)) {
      levelCounts[level] = (levelCounts[level] ?? 0) + count;
    }
  }
  const rules = new Map<string, StoredRuleRollup>();
  for (const rule of rollups.ownerRules) {
    const sum = rules.get(rule.ruleId);
    rules.set(
      rule.ruleId,
      sum
        ? {
            ...sum,
            applicable: sum.applicable + rule.applicable,
            passed: sum.passed + rule.passed,
          }
        : { ...rule, owner },
    );
  }
  return {
    scorecards: [{ ...first, owner, entities, scoreSum, levelCounts }],
    ownerRules: [...rules.values()],
  };
}

/**
 * The scores of each owner from a day's rollups, by owner ref; entities
 * without an owner last, with a null owner. Each owner has the pass rate of
 * every rule of the scorecard among its entities, from the owners' rule
 * rollups of the same day.
 */
export function teamScores(
  rollups: StoredScorecardRollup[],
  ladder: string[],
  rules: {
    definition: Pick<ScorecardDefinition, 'rules'>;
    ownerRules: StoredRuleRollup[];
  },
): TeamScore[] {
  const ruleRollupsByOwner = new Map<string, StoredRuleRollup[]>();
  for (const rollup of rules.ownerRules) {
    const ofOwner = ruleRollupsByOwner.get(rollup.owner) ?? [];
    ofOwner.push(rollup);
    ruleRollupsByOwner.set(rollup.owner, ofOwner);
  }
  return rollups
    .filter(r => r.owner !== ROLLUP_ORGANISATION && r.entities > 0)
    .sort((a, b) => {
      if ((a.owner === ROLLUP_UNOWNED) !== (b.owner === ROLLUP_UNOWNED)) {
        return a.owner === ROLLUP_UNOWNED ? 1 : -1;
      }
      return a.owner.localeCompare(b.owner, 'en-US');
    })
    .map(r => ({
      owner: r.owner === ROLLUP_UNOWNED ? null : r.owner,
      entities: r.entities,
      averageScore: roundToTenth(r.scoreSum / r.entities),
      distribution: levelDistribution(r.levelCounts, ladder),
      rules: rulePassRates(
        rules.definition,
        ruleRollupsByOwner.get(r.owner) ?? [],
      ).map(({ id, applicable, passed, passRate }) => ({
        ruleId: id,
        applicable,
        passed,
        passRate,
      })),
    }));
}

/**
 * Every rule of the scorecard with how many entities it applied to and
 * passed, from the organisation-wide rule rollups of a day. `passRate` is a
 * percentage; null when the rule applied to no entity.
 */
export function rulePassRates(
  definition: Pick<ScorecardDefinition, 'rules'>,
  rollups: StoredRuleRollup[],
): RulePassRate[] {
  const byRule = new Map(rollups.map(r => [r.ruleId, r]));
  return definition.rules.map(rule => {
    const applicable = byRule.get(rule.id)?.applicable ?? 0;
    const passed = byRule.get(rule.id)?.passed ?? 0;
    return {
      id: rule.id,
      title: rule.title,
      level: rule.level,
      applicable,
      passed,
      passRate:
        applicable > 0 ? roundToTenth((passed / applicable) * 100) : null,
    };
  });
}
