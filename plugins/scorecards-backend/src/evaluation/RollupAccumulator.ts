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
  DailyRollups,
  EntityResultRow,
  FacetRollup,
  ROLLUP_ORGANISATION,
  ROLLUP_UNOWNED,
  ResultEntity,
  RuleRollup,
  ScorecardRollup,
} from '../database/ResultStore';

/** The rollup day of a run that saw the results at `at`: its UTC date. */
export function rollupDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

const key = (...parts: string[]) => parts.join('\u0000');

/** The rules of a stored result: ids and one status letter each. */
interface StampedRules {
  ids: ReadonlyArray<string>;
  statuses: string;
}

/** What a result adds to the rollups. */
interface RollupInput {
  level: string;
  score: number;
  rules: EntityResultRow['rules'] | StampedRules;
}

const PASS = 'p'.charCodeAt(0);
const SKIP = 's'.charCodeAt(0);

interface FacetSets {
  kinds: Set<string>;
  types: Set<string>;
  lifecycles: Set<string>;
  systems: Set<string>;
}

interface OwnerState {
  rollup: ScorecardRollup;
  /** The rule rollups by the rule's position in the results. */
  rules: RuleRollup[];
}

interface ScorecardState {
  facets: FacetSets;
  owners: Map<string, OwnerState>;
}

const sorted = (values: Set<string>) =>
  [...values].sort((a, b) => a.localeCompare(b, 'en-US'));

/**
 * Sums up the results of a complete run, per scorecard and owner and for the
 * whole organisation, into the rows of {@link ResultStore.writeDailyRollups}.
 * It keeps one entry per scorecard × owner and per scorecard × rule × owner,
 * and each scorecard's distinct kinds, types, lifecycles and systems, so
 * memory does not grow with the number of entities.
 *
 * Every result of the run must be added once, changed or not. (A run that
 * meets an entity twice, when the catalog shifts between pages, counts it
 * twice; the next run corrects that.)
 */
export class RollupAccumulator {
  readonly #scorecards = new Map<string, ScorecardRollup>();
  readonly #rules = new Map<string, RuleRollup>();
  readonly #facets = new Map<string, FacetSets>();
  /** Lookups by scorecard and owner, so `add` builds no keys. */
  readonly #states = new Map<string, ScorecardState>();

  /**
   * @param options.scorecardIds - scorecards the run evaluated: each gets an
   *   organisation-wide rollup even when no entity matched it, so that the
   *   day's rollup replaces an earlier one of the same day.
   */
  constructor(options?: { scorecardIds?: Iterable<string> }) {
    for (const scorecardId of options?.scorecardIds ?? []) {
      this.scorecardRollup(scorecardId, ROLLUP_ORGANISATION);
      this.facetSets(scorecardId);
    }
  }

  add(row: EntityResultRow): void {
    this.addResult(row.scorecardId, row.entity, row);
  }

  /**
   * Adds one result as {@link RollupAccumulator.add} does, without a row:
   * the evaluator adds every result, also the unchanged ones it builds no
   * row for.
   */
  addResult(
    scorecardId: string,
    entity: ResultEntity,
    result: RollupInput,
  ): void {
    const state = this.scorecardState(scorecardId);
    const facets = state.facets;
    facets.kinds.add(entity.kind);
    if (entity.type) {
      facets.types.add(entity.type);
    }
    if (entity.lifecycle) {
      facets.lifecycles.add(entity.lifecycle);
    }
    if (entity.system) {
      facets.systems.add(entity.system);
    }
    this.addFor(state, scorecardId, ROLLUP_ORGANISATION, result);
    this.addFor(state, scorecardId, entity.owner ?? ROLLUP_UNOWNED, result);
  }

  /**
   * Adds a stored result that the run did not evaluate again, as
   * {@link RollupAccumulator.addResult} adds the evaluated one: from its
   * level, score and the status of each rule (`p`, `f` or `s`, in the
   * order of `ruleIds`).
   */
  addStamped(
    scorecardId: string,
    entity: ResultEntity,
    stamped: { level: string; score: number; statuses: string },
    ruleIds: ReadonlyArray<string>,
  ): void {
    const rules: StampedRules = { ids: ruleIds, statuses: stamped.statuses };
    this.addResult(scorecardId, entity, {
      level: stamped.level,
      score: stamped.score,
      rules,
    });
  }

  private addFor(
    state: ScorecardState,
    scorecardId: string,
    owner: string,
    result: RollupInput,
  ) {
    let ownerState = state.owners.get(owner);
    if (!ownerState) {
      ownerState = {
        rollup: this.scorecardRollup(scorecardId, owner),
        rules: [],
      };
      state.owners.set(owner, ownerState);
    }
    const rollup = ownerState.rollup;
    rollup.entities += 1;
    rollup.scoreSum += result.score;
    rollup.levelCounts[result.level] =
      (rollup.levelCounts[result.level] ?? 0) + 1;

    // A scorecard's results list its rules in the same order every time, so
    // the rule rollups are cached by position (checked by rule id).
    const cached = ownerState.rules;
    const rules = result.rules;
    if (!Array.isArray(rules)) {
      const { ids, statuses } = rules as StampedRules;
      for (let i = 0; i < statuses.length; i++) {
        const status = statuses.charCodeAt(i);
        if (status === SKIP) {
          continue;
        }
        const ruleRollup = this.cachedRuleRollup(
          cached,
          i,
          scorecardId,
          ids[i],
          owner,
        );
        ruleRollup.applicable += 1;
        if (status === PASS) {
          ruleRollup.passed += 1;
        }
      }
      return;
    }
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i];
      if (rule.status === 'skip') {
        continue;
      }
      const ruleRollup = this.cachedRuleRollup(
        cached,
        i,
        scorecardId,
        rule.ruleId,
        owner,
      );
      ruleRollup.applicable += 1;
      if (rule.status === 'pass') {
        ruleRollup.passed += 1;
      }
    }
  }

  private cachedRuleRollup(
    cached: RuleRollup[],
    i: number,
    scorecardId: string,
    ruleId: string,
    owner: string,
  ): RuleRollup {
    let ruleRollup = cached[i];
    if (ruleRollup === undefined || ruleRollup.ruleId !== ruleId) {
      ruleRollup = this.ruleRollup(scorecardId, ruleId, owner);
      cached[i] = ruleRollup;
    }
    return ruleRollup;
  }

  private scorecardState(scorecardId: string): ScorecardState {
    let state = this.#states.get(scorecardId);
    if (!state) {
      state = { facets: this.facetSets(scorecardId), owners: new Map() };
      this.#states.set(scorecardId, state);
    }
    return state;
  }

  toRows(): DailyRollups {
    return {
      scorecards: [...this.#scorecards.values()].map(r => ({
        ...r,
        levelCounts: { ...r.levelCounts },
      })),
      rules: [...this.#rules.values()].map(r => ({ ...r })),
      facets: [...this.#facets].map(
        ([scorecardId, sets]): FacetRollup => ({
          scorecardId,
          kinds: sorted(sets.kinds),
          types: sorted(sets.types),
          lifecycles: sorted(sets.lifecycles),
          systems: sorted(sets.systems),
        }),
      ),
    };
  }

  private facetSets(scorecardId: string) {
    let sets = this.#facets.get(scorecardId);
    if (!sets) {
      sets = {
        kinds: new Set(),
        types: new Set(),
        lifecycles: new Set(),
        systems: new Set(),
      };
      this.#facets.set(scorecardId, sets);
    }
    return sets;
  }

  private scorecardRollup(scorecardId: string, owner: string) {
    const k = key(scorecardId, owner);
    let rollup = this.#scorecards.get(k);
    if (!rollup) {
      rollup = {
        scorecardId,
        owner,
        entities: 0,
        scoreSum: 0,
        levelCounts: {},
      };
      this.#scorecards.set(k, rollup);
    }
    return rollup;
  }

  private ruleRollup(scorecardId: string, ruleId: string, owner: string) {
    const k = key(scorecardId, ruleId, owner);
    let rollup = this.#rules.get(k);
    if (!rollup) {
      rollup = { scorecardId, ruleId, owner, applicable: 0, passed: 0 };
      this.#rules.set(k, rollup);
    }
    return rollup;
  }
}
