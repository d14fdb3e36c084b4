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

import { readHorizon, resetHorizon } from './operators';
import { compileOutcomeRule, CompiledOutcomeRule } from './outcomes';
import { customOperatorMap, customOperatorStamp } from './customOperators';
import {
  clockOf,
  CompiledNode,
  compileQueryNode,
  QueryCompileContext,
} from './query';
import {
  BASE_LEVEL,
  CompiledScorecard,
  CompileOptions,
  DEFAULT_LEVELS,
  EvaluationInput,
  RuleResult,
  RuleStatus,
  ScorecardDefinition,
  ScorecardResult,
} from './types';

/**
 * The level an entity reaches (Port's rule): it starts at `Basic` and
 * reaches a level when it passes every applicable rule of that level and of
 * all lower levels. Levels without applicable rules are skipped over: they
 * neither block the levels above nor are reached themselves. Skipped rules
 * do not count.
 *
 * @public
 */
export function computeLevel(
  rules: Iterable<{ level: string; status: RuleStatus }>,
  ladder: ReadonlyArray<string> = DEFAULT_LEVELS,
): string {
  const applicable = new Array<number>(ladder.length).fill(0);
  const failed = new Array<number>(ladder.length).fill(0);
  for (const rule of rules) {
    const index = ladder.indexOf(rule.level);
    if (index < 0 || rule.status === 'skip') {
      continue;
    }
    applicable[index]++;
    if (rule.status !== 'pass') {
      failed[index]++;
    }
  }
  return levelFromCounts(applicable, failed, ladder);
}

function levelFromCounts(
  applicable: ArrayLike<number>,
  failed: ArrayLike<number>,
  ladder: ReadonlyArray<string>,
): string {
  let level = BASE_LEVEL;
  for (let i = 0; i < ladder.length; i++) {
    if (applicable[i] === 0) {
      continue;
    }
    if (failed[i] > 0) {
      break;
    }
    level = ladder[i];
  }
  return level;
}

function roundScore(passed: number, total: number): number {
  return total > 0 ? Math.round((passed / total) * 1000) / 10 : 0;
}

/**
 * The score: 100 × the weight of the passed rules ÷ the weight of the
 * applicable (not skipped) rules, to one decimal; 0 when no rule applies.
 * Weights default to 1.
 *
 * @public
 */
export function computeScore(
  rules: Iterable<{ status: RuleStatus; weight?: number }>,
): number {
  let passed = 0;
  let total = 0;
  for (const rule of rules) {
    if (rule.status === 'skip') {
      continue;
    }
    const weight = rule.weight ?? 1;
    total += weight;
    if (rule.status === 'pass') {
      passed += weight;
    }
  }
  return roundScore(passed, total);
}

interface CompiledRule {
  id: string;
  levelIndex: number;
  weight: number;
  /** Set unless the rule takes a reported outcome. */
  query?: CompiledNode;
  /** Set for a rule with an `outcome`. */
  outcome?: CompiledOutcomeRule;
  filter?: CompiledNode;
}

function withContext<T>(context: string, compile: () => T): T {
  try {
    return compile();
  } catch (error) {
    const e = error as Error;
    e.message = `${context}: ${e.message}`;
    throw e;
  }
}

/**
 * A rule's result, built by a constructor rather than an object literal.
 * V8 tracks the objects of each literal site and, when most of them survive
 * a young-generation collection, allocates that site's objects in the old
 * generation from then on. A backend keeps changed results until it has
 * stored them, so a literal's site got tenured, and every rule result after
 * that became garbage only a full collection frees: at 100k entities, tens
 * of megabytes of peak memory. Constructed objects are not tracked that way.
 */
class RuleOutcome implements RuleResult {
  constructor(
    public ruleId: string,
    public status: RuleStatus,
    public value: unknown,
    public message: string,
  ) {}
}

/**
 * Compiles a scorecard definition into plain functions. Everything is
 * parsed here (scope strings, paths, regular expressions, dates and
 * durations); `evaluate` only runs closures. `evaluate` does not check the
 * scorecard's filter: call `appliesTo` first.
 *
 * @throws Error naming the scorecard, the rule and what is wrong, for
 *   definitions that `validateScorecardsConfig` would reject.
 * @public
 */
export function compileScorecard(
  def: ScorecardDefinition,
  options: CompileOptions = {},
): CompiledScorecard {
  const ladder = options.levels ?? DEFAULT_LEVELS;
  const context = `scorecard "${def.id}"`;
  if (ladder.length === 0) {
    throw new Error(`${context}: the level ladder is empty`);
  }
  if (!Array.isArray(def.rules)) {
    throw new Error(`${context}: rules must be a list`);
  }
  const compileContext: QueryCompileContext = {
    operators: withContext(context, () => customOperatorMap(options.operators)),
    used: new Set(),
  };
  const filter =
    def.filter === undefined || def.filter === null
      ? undefined
      : withContext(context, () =>
          compileQueryNode(def.filter!, 'filter', compileContext),
        );

  const rules: CompiledRule[] = def.rules.map(rule => {
    const ruleContext = `${context}, rule "${rule.id}"`;
    const levelIndex = ladder.indexOf(rule.level);
    if (levelIndex < 0) {
      throw new Error(
        `${ruleContext}: unknown level "${
          rule.level
        }"; levels are ${ladder.join(', ')}`,
      );
    }
    const weight = rule.weight ?? 1;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) {
      throw new Error(`${ruleContext}: weight must be a positive number`);
    }
    const hasOutcome = rule.outcome !== undefined && rule.outcome !== null;
    const hasQuery = rule.query !== undefined && rule.query !== null;
    if (hasOutcome === hasQuery) {
      throw new Error(
        `${ruleContext}: a rule needs either a query or an outcome, not ${
          hasOutcome ? 'both' : 'neither'
        }`,
      );
    }
    return {
      id: rule.id,
      levelIndex,
      weight,
      query: hasQuery
        ? withContext(ruleContext, () =>
            compileQueryNode(rule.query!, 'query', compileContext),
          )
        : undefined,
      outcome: hasOutcome
        ? withContext(ruleContext, () => compileOutcomeRule(rule.outcome!))
        : undefined,
      filter:
        rule.filter === undefined || rule.filter === null
          ? undefined
          : withContext(ruleContext, () =>
              compileQueryNode(rule.filter!, 'filter', compileContext),
            ),
    };
  });

  const usesNow =
    (filter?.usesNow ?? false) ||
    rules.some(
      r =>
        (r.query?.usesNow ?? false) ||
        (r.outcome?.usesNow ?? false) ||
        (r.filter?.usesNow ?? false),
    );
  const clock = clockOf(options);
  const ruleCount = rules.length;
  // Scratch counters, reset on every call (evaluation is synchronous).
  const applicable = new Int32Array(ladder.length);
  const failed = new Int32Array(ladder.length);
  const scorecardId = def.id;

  const appliesTo = filter
    ? (input: EvaluationInput) => filter.test(input, clock(filter.usesNow))
    : () => true;

  const evaluate = (input: EvaluationInput): ScorecardResult => {
    const now = clock(usesNow);
    if (usesNow) {
      resetHorizon();
    }
    applicable.fill(0);
    failed.fill(0);
    let passedWeight = 0;
    let totalWeight = 0;
    const results: RuleResult[] = new Array(ruleCount);
    for (let i = 0; i < ruleCount; i++) {
      const rule = rules[i];
      if (rule.filter && !rule.filter.test(input, now)) {
        const why = rule.filter.explain(input, now);
        results[i] = new RuleOutcome(
          rule.id,
          'skip',
          undefined,
          `not applicable: ${why.message}`,
        );
        continue;
      }
      if (rule.outcome) {
        const reported = rule.outcome.evaluate(input, now);
        results[i] = new RuleOutcome(
          rule.id,
          reported.status,
          reported.value,
          reported.message,
        );
        if (reported.status === 'skip') {
          continue;
        }
        applicable[rule.levelIndex]++;
        totalWeight += rule.weight;
        if (reported.status === 'pass') {
          passedWeight += rule.weight;
        } else {
          failed[rule.levelIndex]++;
        }
        continue;
      }
      const outcome = rule.query!.explain(input, now);
      applicable[rule.levelIndex]++;
      totalWeight += rule.weight;
      if (outcome.pass) {
        passedWeight += rule.weight;
      } else {
        failed[rule.levelIndex]++;
      }
      results[i] = new RuleOutcome(
        rule.id,
        outcome.pass ? 'pass' : 'fail',
        outcome.value,
        outcome.message,
      );
    }
    const result: ScorecardResult = {
      scorecardId,
      level: levelFromCounts(applicable, failed, ladder),
      score: roundScore(passedWeight, totalWeight),
      rules: results,
    };
    if (usesNow) {
      const until = readHorizon();
      if (until !== Infinity) {
        result.validUntil = until;
      }
    }
    return result;
  };

  return {
    id: def.id,
    definition: def,
    levels: ladder,
    appliesTo,
    evaluate,
    customOperators: [...compileContext.used].map(customOperatorStamp).sort(),
  };
}
