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

import { DateTime, Duration } from 'luxon';
import { Operator, OPERATORS, UNARY_OPERATORS } from './types';
import {
  compileScalarMatcher,
  formatValue,
  isObjectValue,
  parseIsoDate,
  toDateMillis,
  toNumber,
} from './values';
import { patternProblem } from './regexSafety';

/** Outcomes of an operator on a present (non-empty) value. @internal */
export const FALSE = 0;
/** @internal */
export const TRUE = 1;
/** The value has the wrong type for the operator. @internal */
export const MISMATCH = 2;

/** The longest string `matches` tests; longer values are cut. @public */
export const MAX_MATCHED_LENGTH = 10_000;

/**
 * Negated operators: they pass on a missing value, and otherwise when their
 * positive counterpart does not hold.
 *
 * @public
 */
export const NEGATIVE_OPERATORS: ReadonlyArray<Operator> = [
  '!=',
  'doesNotContains',
  'doesNotBeginWith',
  'doesNotEndsWith',
  'notIn',
  'doesNotMatch',
];

/** An operator bound to its rule value. @internal */
export interface CompiledOperator {
  /** A built-in operator, or a custom operator's name. */
  operator: string;
  unary: boolean;
  negative: boolean;
  /** Whether reading the clock matters (`within`, `olderThan`). */
  usesNow: boolean;
  /**
   * The outcome of the positive form on a present value: TRUE, FALSE or
   * MISMATCH.
   */
  check(value: unknown, now: number): number;
  /** Why a value is a MISMATCH, e.g. `not a number`. */
  mismatch(value: unknown): string;
  /** e.g. `must be < 5` */
  requirement: string;
  /** Whether a pass message repeats the requirement. */
  requirementOnPass: boolean;
}

/** Common mistakes and what they stand for. */
export const OPERATOR_ALIASES: Readonly<Record<string, Operator>> = {
  '==': '=',
  '===': '=',
  eq: '=',
  equals: '=',
  is: '=',
  '!==': '!=',
  '<>': '!=',
  ne: '!=',
  notEquals: '!=',
  doesNotEqual: '!=',
  lt: '<',
  lte: '<=',
  '=<': '<=',
  gt: '>',
  gte: '>=',
  '=>': '>=',
  contain: 'contains',
  includes: 'contains',
  doesNotContain: 'doesNotContains',
  notContains: 'doesNotContains',
  startsWith: 'beginsWith',
  doesNotStartWith: 'doesNotBeginWith',
  doesNotBeginsWith: 'doesNotBeginWith',
  doesNotEndWith: 'doesNotEndsWith',
  empty: 'isEmpty',
  notEmpty: 'isNotEmpty',
  exists: 'isNotEmpty',
  oneOf: 'in',
  notOneOf: 'notIn',
  nin: 'notIn',
  regex: 'matches',
  match: 'matches',
  doesNotMatches: 'doesNotMatch',
  notMatches: 'doesNotMatch',
};

const isScalar = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** @internal */
export function isOperator(value: unknown): value is Operator {
  return (
    typeof value === 'string' &&
    (OPERATORS as ReadonlyArray<string>).includes(value)
  );
}

/**
 * A positive ISO 8601 duration such as `P30D`, or undefined.
 *
 * @internal
 */
export function parseDuration(value: unknown): Duration | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const duration = Duration.fromISO(value);
  return duration.isValid && duration.toMillis() > 0 ? duration : undefined;
}

function parseRuleDate(value: unknown): number | undefined {
  if (typeof value === 'string') {
    return parseIsoDate(value);
  }
  return value instanceof Date ? toDateMillis(value) : undefined;
}

/**
 * What is wrong with the rule value of an operator, or `undefined` when it
 * is fine. Unary operators ignore their value.
 *
 * @internal
 */
export function valueProblem(
  operator: Operator,
  value: unknown,
): string | undefined {
  if (UNARY_OPERATORS.includes(operator)) {
    return undefined;
  }
  if (value === undefined || value === null) {
    return `operator "${operator}" needs a value`;
  }
  if (value === '' && operator !== 'matches' && operator !== 'doesNotMatch') {
    return `operator "${operator}" needs a value; an empty value is missing, so use isEmpty or isNotEmpty instead`;
  }
  switch (operator) {
    case '=':
    case '!=':
      if (isScalar(value) || (Array.isArray(value) && value.every(isScalar))) {
        return undefined;
      }
      return `operator "${operator}" needs a string, number, boolean or a list of them, got ${formatValue(
        value,
      )}`;
    case '<':
    case '<=':
    case '>':
    case '>=':
      if (toNumber(value) !== undefined || parseRuleDate(value) !== undefined) {
        return undefined;
      }
      return `operator "${operator}" needs a number (or an ISO 8601 date such as "2026-01-31"), got ${formatValue(
        value,
      )}`;
    case 'contains':
    case 'doesNotContains':
    case 'beginsWith':
    case 'doesNotBeginWith':
    case 'endsWith':
    case 'doesNotEndsWith':
      return isScalar(value)
        ? undefined
        : `operator "${operator}" needs a string, number or boolean, got ${formatValue(
            value,
          )}`;
    case 'in':
    case 'notIn': {
      if (!Array.isArray(value) || value.length === 0) {
        return `operator "${operator}" needs a non-empty list of values, such as [production, staging]`;
      }
      const bad = value.findIndex(v => !isScalar(v) || v === '');
      return bad < 0
        ? undefined
        : `operator "${operator}" needs a list of non-empty strings, numbers or booleans; element ${bad} is ${formatValue(
            value[bad],
          )}`;
    }
    case 'matches':
    case 'doesNotMatch':
      return patternProblem(operator, value);
    case 'within':
    case 'olderThan':
      return parseDuration(value)
        ? undefined
        : `operator "${operator}" needs an ISO 8601 duration such as "P30D" (30 days) or "PT12H" (12 hours), got ${formatValue(
            value,
          )}`;
    case 'before':
    case 'after':
      return parseRuleDate(value) !== undefined
        ? undefined
        : `operator "${operator}" needs an ISO 8601 date such as "2026-01-31" or "2026-01-31T12:00:00Z", got ${formatValue(
            value,
          )}`;
    default:
      return `unknown operator "${String(operator)}"`;
  }
}

/** How a rule value reads in a requirement: numbers and dates bare. */
function showRuleValue(value: unknown): string {
  if (value instanceof Date) {
    return value.toISOString();
  }
  return formatValue(value);
}

function showList(values: ReadonlyArray<unknown>): string {
  const shown = values.slice(0, 10).map(v => formatValue(v));
  if (values.length > 10) {
    shown.push('…');
  }
  return shown.join(', ');
}

const describeType = (value: unknown): string => {
  if (Array.isArray(value)) {
    return 'a list';
  }
  return isObjectValue(value) ? 'an object' : `a ${typeof value}`;
};

function equality(
  operator: Operator,
  value: unknown,
  ignoreCase: boolean,
): Pick<CompiledOperator, 'check' | 'mismatch'> {
  const negative = operator === '!=';
  if (Array.isArray(value)) {
    const matchers = value.map(v => compileScalarMatcher([v], ignoreCase));
    return {
      check: v => {
        if (!Array.isArray(v)) {
          return MISMATCH;
        }
        if (v.length !== matchers.length) {
          return FALSE;
        }
        for (let i = 0; i < matchers.length; i++) {
          if (!matchers[i](v[i])) {
            return FALSE;
          }
        }
        return TRUE;
      },
      mismatch: v => `${describeType(v)}, not a list`,
    };
  }
  const matcher = compileScalarMatcher([value], ignoreCase);
  return {
    check: v => {
      if (typeof v === 'object') {
        return MISMATCH;
      }
      return matcher(v) ? TRUE : FALSE;
    },
    mismatch: v =>
      Array.isArray(v)
        ? `a list (use ${
            negative ? 'doesNotContains or notIn' : 'contains or in'
          } to test its elements)`
        : describeType(v),
  };
}

function ordering(
  operator: '<' | '<=' | '>' | '>=',
  value: unknown,
): Pick<CompiledOperator, 'check' | 'mismatch'> {
  const compare = {
    '<': (a: number, b: number) => a < b,
    '<=': (a: number, b: number) => a <= b,
    '>': (a: number, b: number) => a > b,
    '>=': (a: number, b: number) => a >= b,
  }[operator];
  const ruleNumber = toNumber(value);
  if (ruleNumber !== undefined) {
    return {
      check: v => {
        const n = toNumber(v);
        if (n === undefined) {
          return MISMATCH;
        }
        return compare(n, ruleNumber) ? TRUE : FALSE;
      },
      mismatch: () => 'not a number',
    };
  }
  const ruleDate = parseRuleDate(value)!;
  return {
    check: v => {
      const d = toDateMillis(v);
      if (d === undefined) {
        return MISMATCH;
      }
      return compare(d, ruleDate) ? TRUE : FALSE;
    },
    mismatch: () => 'not a date',
  };
}

type StringTest = (entity: string) => boolean;

/** An operator on strings that, on lists, holds for any element. */
function stringish(
  test: StringTest,
  ignoreCase: boolean,
  onList: (list: unknown[]) => boolean,
  mismatch: string,
): Pick<CompiledOperator, 'check' | 'mismatch'> {
  const testString = ignoreCase ? (s: string) => test(s.toLowerCase()) : test;
  return {
    check: v => {
      switch (typeof v) {
        case 'string':
          return testString(v) ? TRUE : FALSE;
        case 'number':
        case 'boolean':
          return testString(String(v)) ? TRUE : FALSE;
        default:
          break;
      }
      if (Array.isArray(v)) {
        return onList(v) ? TRUE : FALSE;
      }
      return MISMATCH;
    },
    mismatch: v => `${describeType(v)}, ${mismatch}`,
  };
}

function anyScalar(test: (s: string) => boolean): (list: unknown[]) => boolean {
  return list => {
    for (const element of list) {
      if (
        (typeof element === 'string' ||
          typeof element === 'number' ||
          typeof element === 'boolean') &&
        test(String(element))
      ) {
        return true;
      }
    }
    return false;
  };
}

const DAY_MILLIS = 24 * 60 * 60 * 1000;

/**
 * The shortest time the duration can span in UTC: a year is at least 365
 * days, a quarter 89 and a month 28; shorter units have a fixed length.
 */
function shortestMillis(duration: Duration): number {
  const { years = 0, quarters = 0, months = 0, ...fixed } = duration.toObject();
  const calendarDays = years * 365 + quarters * 89 + months * 28;
  return Math.max(
    0,
    calendarDays * DAY_MILLIS + Duration.fromObject(fixed).toMillis(),
  );
}

/**
 * The earliest time, in milliseconds since the epoch, at which a clock
 * dependent check made since {@link resetHorizon} could change its outcome
 * for the same value (Infinity when none can). Evaluation is synchronous, so
 * one module-level value serves every evaluation.
 */
let horizon = Infinity;

/** Starts collecting the horizon of an evaluation. @internal */
export function resetHorizon(): void {
  horizon = Infinity;
}

/** The horizon collected since {@link resetHorizon}. @internal */
export function readHorizon(): number {
  return horizon;
}

/**
 * Whether a date (milliseconds since the epoch) is no older than the
 * duration before `now`. A date within it becomes older once the duration
 * has passed since it (no sooner than its shortest span), and that time
 * goes into the evaluation's horizon; an older date stays older.
 *
 * @internal
 */
export function compileWithin(
  duration: Duration,
): (date: number, now: number) => boolean {
  const threshold = dateThreshold(duration);
  const shortest = shortestMillis(duration);
  return (date, now) => {
    if (date < threshold(now)) {
      return false;
    }
    const flips = date + shortest;
    if (flips < horizon) {
      horizon = flips;
    }
    return true;
  };
}

function dateThreshold(duration: Duration): (now: number) => number {
  if (!duration.years && !duration.quarters && !duration.months) {
    // Weeks, days and shorter units have a fixed length in UTC.
    const millis = duration.toMillis();
    return now => now - millis;
  }
  let lastNow = NaN;
  let lastThreshold = NaN;
  return now => {
    if (now !== lastNow) {
      lastNow = now;
      lastThreshold = DateTime.fromMillis(now, { zone: 'utc' })
        .minus(duration)
        .toMillis();
    }
    return lastThreshold;
  };
}

/**
 * Binds an operator to its rule value; everything that can be parsed is
 * parsed here, once.
 *
 * @throws Error when the rule value does not suit the operator.
 * @internal
 */
export function compileOperator(
  operator: Operator,
  value: unknown,
  ignoreCase = false,
): CompiledOperator {
  if (!isOperator(operator)) {
    throw new Error(`unknown operator "${String(operator)}"`);
  }
  const problem = valueProblem(operator, value);
  if (problem) {
    throw new Error(problem);
  }
  const unary = UNARY_OPERATORS.includes(operator);
  const negative = NEGATIVE_OPERATORS.includes(operator);
  const caseNote = ignoreCase ? ' (ignoring case)' : '';
  const not = negative ? ' not' : '';
  const base = {
    operator,
    unary,
    negative,
    usesNow: false,
    requirementOnPass: true,
  };

  switch (operator) {
    case 'isEmpty':
    case 'isNotEmpty':
      return {
        ...base,
        check: () => TRUE,
        mismatch: () => '',
        requirement:
          operator === 'isEmpty' ? 'must be empty' : 'must not be empty',
        requirementOnPass: false,
      };
    case '=':
    case '!=':
      return {
        ...base,
        ...equality(operator, value, ignoreCase),
        requirement: `must${not} be ${formatValue(value)}${caseNote}`,
        requirementOnPass: operator !== '=',
      };
    case '<':
    case '<=':
    case '>':
    case '>=':
      return {
        ...base,
        ...ordering(operator, value),
        requirement: `must be ${operator} ${
          typeof value === 'string' ? value : showRuleValue(value)
        }`,
      };
    case 'contains':
    case 'doesNotContains': {
      const needle = ignoreCase ? String(value).toLowerCase() : String(value);
      const element = compileScalarMatcher([value], ignoreCase);
      return {
        ...base,
        ...stringish(
          s => s.includes(needle),
          ignoreCase,
          list => list.some(element),
          'not a string or list',
        ),
        requirement: `must${not} contain ${formatValue(value)}${caseNote}`,
      };
    }
    case 'beginsWith':
    case 'doesNotBeginWith':
    case 'endsWith':
    case 'doesNotEndsWith': {
      const affix = ignoreCase ? String(value).toLowerCase() : String(value);
      const begins =
        operator === 'beginsWith' || operator === 'doesNotBeginWith';
      const test: StringTest = begins
        ? s => s.startsWith(affix)
        : s => s.endsWith(affix);
      const testAny = ignoreCase ? (s: string) => test(s.toLowerCase()) : test;
      return {
        ...base,
        ...stringish(test, ignoreCase, anyScalar(testAny), 'not a string'),
        requirement: `must${not} ${begins ? 'begin' : 'end'} with ${formatValue(
          value,
        )}${caseNote}`,
      };
    }
    case 'in':
    case 'notIn': {
      const list = value as unknown[];
      const matcher = compileScalarMatcher(list, ignoreCase);
      return {
        ...base,
        check: v => {
          if (Array.isArray(v)) {
            for (const element of v) {
              if (matcher(element)) {
                return TRUE;
              }
            }
            return FALSE;
          }
          if (typeof v === 'object') {
            return MISMATCH;
          }
          return matcher(v) ? TRUE : FALSE;
        },
        mismatch: v => describeType(v),
        requirement:
          list.length === 1
            ? `must${not} be ${formatValue(list[0])}${caseNote}`
            : `must${not} be one of ${showList(list)}${caseNote}`,
        requirementOnPass: operator !== 'in',
      };
    }
    case 'matches':
    case 'doesNotMatch': {
      const flags = ignoreCase ? 'i' : '';
      const regex = new RegExp(value as string, flags);
      const test = (s: string) =>
        regex.test(
          s.length > MAX_MATCHED_LENGTH ? s.slice(0, MAX_MATCHED_LENGTH) : s,
        );
      return {
        ...base,
        ...stringish(test, false, anyScalar(test), 'not a string'),
        requirement: `must${not} match /${value}/${flags}`,
      };
    }
    case 'within':
    case 'olderThan': {
      const isWithin = compileWithin(parseDuration(value)!);
      const within = operator === 'within';
      return {
        ...base,
        usesNow: true,
        check: (v, now) => {
          const d = toDateMillis(v);
          if (d === undefined) {
            return MISMATCH;
          }
          return isWithin(d, now) === within ? TRUE : FALSE;
        },
        mismatch: () => 'not a date',
        requirement: within
          ? `must be no older than ${value}`
          : `must be older than ${value}`,
      };
    }
    case 'before':
    case 'after': {
      const ruleDate = parseRuleDate(value)!;
      const before = operator === 'before';
      return {
        ...base,
        check: v => {
          const d = toDateMillis(v);
          if (d === undefined) {
            return MISMATCH;
          }
          return (before ? d < ruleDate : d > ruleDate) ? TRUE : FALSE;
        },
        mismatch: () => 'not a date',
        requirement: `must be ${operator} ${
          typeof value === 'string' ? value : showRuleValue(value)
        }`,
      };
    }
    default:
      throw new Error(`unknown operator "${String(operator)}"`);
  }
}
