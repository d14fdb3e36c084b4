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

import { collectProperties } from './fields';
import { compileWithin, parseDuration } from './operators';
import { formatValue, hasOwn, isObjectValue, toDateMillis } from './values';
import {
  EvaluationInput,
  QueryInput,
  RuleDefinition,
  RuleOutcomeSource,
  RuleStatus,
  ScorecardDefinition,
} from './types';

/**
 * The states an external system reports for an entity and a check, as
 * Datadog's custom rules have them: `skip` means the check does not apply
 * to the entity.
 *
 * @public
 */
export const OUTCOME_STATES = ['pass', 'fail', 'skip'] as const;

/** @public */
export type OutcomeState = (typeof OUTCOME_STATES)[number];

/**
 * The fact under which an entity's reported outcomes reach the rules:
 * `$facts.outcomes.<check>.state` and `$facts.outcomes.<check>.remarks`.
 * Fact providers may not supply a fact of this name.
 *
 * @public
 */
export const OUTCOMES_FACT = 'outcomes';

/** A check's id: lowercase letters, digits and dashes, as rule ids. @public */
export const CHECK_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The longest check id. @public */
export const MAX_CHECK_ID_LENGTH = 100;

/** The longest remarks a reporter may send with an outcome. @public */
export const MAX_OUTCOME_REMARKS_LENGTH = 2000;

/**
 * One reported outcome, as the rules read it under
 * `$facts.outcomes.<check>`.
 *
 * @public
 */
export interface ReportedOutcomeFact {
  state: OutcomeState;
  remarks?: string;
  /** When it was reported, in ISO 8601 (UTC). */
  reportedAt?: string;
}

/** A rule's outcome source with its default filled in. @internal */
export function normaliseOutcomeSource(
  outcome: NonNullable<RuleDefinition['outcome']>,
): RuleOutcomeSource & { whenMissing: 'fail' | 'skip' } {
  return typeof outcome === 'string'
    ? { check: outcome, whenMissing: 'fail' }
    : {
        check: outcome.check,
        whenMissing: outcome.whenMissing ?? 'fail',
        maxAge: outcome.maxAge ?? undefined,
      };
}

/**
 * The check a rule takes its status from, if it has an `outcome`.
 *
 * @public
 */
export function ruleCheck(rule: RuleDefinition): string | undefined {
  return rule.outcome === undefined || rule.outcome === null
    ? undefined
    : normaliseOutcomeSource(rule.outcome).check;
}

const OUTCOME_PROPERTY = /^\$facts?\.outcomes\.([^.]+)/;

function collectChecks(query: QueryInput | undefined, out: Set<string>) {
  const properties = new Set<string>();
  collectProperties(query, properties);
  for (const property of properties) {
    const match = OUTCOME_PROPERTY.exec(property);
    if (match) {
      out.add(match[1]);
    }
  }
}

/**
 * The checks that scorecards read reported outcomes of: those of rules with
 * an `outcome`, and those that filters and queries address as
 * `$facts.outcomes.<check>`. Sorted.
 *
 * @public
 */
export function reportedOutcomeChecks(
  defs: ReadonlyArray<ScorecardDefinition>,
): string[] {
  const checks = new Set<string>();
  for (const def of defs) {
    collectChecks(def.filter, checks);
    for (const rule of def.rules ?? []) {
      collectChecks(rule.filter, checks);
      collectChecks(rule.query, checks);
      const check = ruleCheck(rule);
      if (check !== undefined) {
        checks.add(check);
      }
    }
  }
  return [...checks].sort();
}

/** What an outcome rule gives for one entity. @internal */
export interface OutcomeRuleResult {
  status: RuleStatus;
  /** The reported state; undefined when none was reported. */
  value: OutcomeState | undefined;
  message: string;
}

/** A rule's `outcome`, compiled. @internal */
export interface CompiledOutcomeRule {
  /** Whether the result depends on the clock (the rule has a `maxAge`). */
  usesNow: boolean;
  evaluate(input: EvaluationInput, now: number): OutcomeRuleResult;
}

function isOutcomeState(value: unknown): value is OutcomeState {
  return value === 'pass' || value === 'fail' || value === 'skip';
}

function formatReportTime(millis: number): string {
  return new Date(millis).toISOString().replace('.000Z', 'Z');
}

/**
 * Compiles a rule's `outcome` into a function of the evaluation input: the
 * reported state decides the status, and the reporter's remarks, when given,
 * are the message. With a `maxAge`, an outcome reported longer ago than
 * that counts as missing, and the result is valid only until it becomes
 * too old.
 *
 * @internal
 */
export function compileOutcomeRule(
  outcome: NonNullable<RuleDefinition['outcome']>,
): CompiledOutcomeRule {
  const { check, whenMissing, maxAge } = normaliseOutcomeSource(outcome);
  const counted = (reason: string, value?: OutcomeState): OutcomeRuleResult =>
    whenMissing === 'skip'
      ? { status: 'skip', value, message: `not applicable: ${reason}` }
      : { status: 'fail', value, message: reason };
  const missing = counted(`no outcome reported for check "${check}" yet`);
  let isFresh: ((date: number, now: number) => boolean) | undefined;
  if (maxAge !== undefined) {
    const duration = parseDuration(maxAge);
    if (!duration) {
      throw new Error(
        `outcome maxAge needs an ISO 8601 duration such as "P7D" (7 days), got ${formatValue(
          maxAge,
        )}`,
      );
    }
    isFresh = compileWithin(duration);
  }
  const evaluate = (input: EvaluationInput, now: number): OutcomeRuleResult => {
    const outcomes = input.facts?.[OUTCOMES_FACT];
    const reported =
      isObjectValue(outcomes) && hasOwn(outcomes, check)
        ? outcomes[check]
        : undefined;
    if (!isObjectValue(reported) || !isOutcomeState(reported.state)) {
      return missing;
    }
    const state = reported.state;
    if (isFresh) {
      const reportedAt = toDateMillis(reported.reportedAt);
      if (reportedAt === undefined) {
        return counted(
          `the outcome of check "${check}" has no report time, so it cannot be shown to be younger than ${maxAge}`,
          state,
        );
      }
      if (!isFresh(reportedAt, now)) {
        return counted(
          `the last outcome of check "${check}" (${state}) was reported at ${formatReportTime(
            reportedAt,
          )}, longer ago than ${maxAge}`,
          state,
        );
      }
    }
    const remarks =
      typeof reported.remarks === 'string' && reported.remarks.trim() !== ''
        ? reported.remarks
        : undefined;
    switch (state) {
      case 'pass':
        return {
          status: 'pass',
          value: state,
          message: remarks ?? `check "${check}" reported pass`,
        };
      case 'fail':
        return {
          status: 'fail',
          value: state,
          message: remarks ?? `check "${check}" reported fail`,
        };
      default:
        return {
          status: 'skip',
          value: state,
          message: `not applicable: ${
            remarks ?? `check "${check}" reported skip`
          }`,
        };
    }
  };
  return { usesNow: isFresh !== undefined, evaluate };
}
