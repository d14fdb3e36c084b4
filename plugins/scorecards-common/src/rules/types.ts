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

/**
 * The operators of Port's scorecard rules. Each reads as
 * "entity value OPERATOR rule value".
 *
 * @public
 */
export const PORT_OPERATORS = [
  '=',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  'contains',
  'doesNotContains',
  'beginsWith',
  'doesNotBeginWith',
  'endsWith',
  'doesNotEndsWith',
  'isEmpty',
  'isNotEmpty',
] as const;

/**
 * Operators added on top of Port's.
 *
 * - `in` / `notIn`: the rule value is a list; the entity value (or any element
 *   of it, when it is a list) is / is not in it.
 * - `matches` / `doesNotMatch`: the rule value is a regular expression.
 * - `within` / `olderThan`: the entity value is a date; the rule value an ISO
 *   8601 duration such as `P30D`. `within` passes when the date is at most that
 *   long ago, `olderThan` when it is more than that long ago.
 * - `before` / `after`: the entity value is a date; the rule value an ISO date.
 *
 * @public
 */
export const EXTENDED_OPERATORS = [
  'in',
  'notIn',
  'matches',
  'doesNotMatch',
  'within',
  'olderThan',
  'before',
  'after',
] as const;

/** @public */
export const OPERATORS = [...PORT_OPERATORS, ...EXTENDED_OPERATORS] as const;

/** @public */
export type Operator = (typeof OPERATORS)[number];

/** Operators that take no rule value. @public */
export const UNARY_OPERATORS: ReadonlyArray<Operator> = [
  'isEmpty',
  'isNotEmpty',
];

/**
 * One comparison: the value found at `property` compared with `value`.
 *
 * @public
 */
export interface QueryCondition {
  /**
   * A dot path into the entity (`spec.owner`), with annotation and label keys
   * written whole (`metadata.annotations.backstage.io/techdocs-ref`), or a
   * meta-property (`$ref`, `$kind`, `$owner`, `$team`, `$system`,
   * `$lifecycle`, `$type`, ...), or a fact (`$facts.<name>`).
   */
  property: string;
  /** A built-in operator, or the name of a {@link CustomOperator}. */
  operator: Operator | (string & {});
  /**
   * The rule value; required by every operator except `isEmpty` and
   * `isNotEmpty` (which ignore it).
   */
  value?: unknown;
  /**
   * Compare strings without regard to case (`=`, `!=`, `contains`,
   * `beginsWith`, `endsWith`, their negations, `in`, `notIn`, `matches` and
   * `doesNotMatch`). The scope string sets it for `kind` and `$kind`.
   */
  ignoreCase?: boolean;
}

/**
 * A group of conditions joined by `and` or `or`; groups nest.
 *
 * @public
 */
export interface QueryGroup {
  combinator: 'and' | 'or';
  conditions: QueryNode[];
  /** Negates the whole group (used by the scope string's NOT). */
  not?: boolean;
}

/** @public */
export type QueryNode = QueryCondition | QueryGroup;

/**
 * A query as written in config: a query object, or the compact scope string
 * such as `kind:component AND spec.lifecycle:production`.
 *
 * @public
 */
export type QueryInput = QueryGroup | string;

/** @public */
export interface RuleGuidance {
  /** Markdown: what to do to pass the rule. */
  text?: string;
  /** A link to documentation or a template that fixes it. */
  url?: string;
}

/** @public */
export interface RuleDefinition {
  id: string;
  title: string;
  /** Markdown. */
  description?: string;
  /** One of the ladder's levels, e.g. `Bronze`. */
  level: string;
  /**
   * What the entity must satisfy. Every rule has either a query or an
   * {@link RuleDefinition.outcome}, not both.
   */
  query?: QueryInput;
  /**
   * The rule passes or fails as an external system (CI, a security scanner)
   * reports it through `POST /outcomes`, for the named check: a check id, or
   * the check and what a missing outcome counts as.
   */
  outcome?: string | RuleOutcomeSource;
  /** Relative weight in the score; default 1. */
  weight?: number;
  /** When given, the rule applies only to entities this selects. */
  filter?: QueryInput;
  guidance?: RuleGuidance;
}

/**
 * The reported check a rule takes its status from.
 *
 * @public
 */
export interface RuleOutcomeSource {
  /** The check's id, as reporters send it: lowercase letters, digits and dashes. */
  check: string;
  /**
   * What the rule counts as for an entity with no outcome reported for the
   * check: `fail` (the default) or `skip` (not applicable until reported).
   */
  whenMissing?: 'fail' | 'skip';
  /**
   * How recent an outcome must be to count, as an ISO 8601 duration such as
   * `P7D`: an outcome reported longer ago counts as missing (`whenMissing`
   * decides). Without it, an outcome counts until it is replaced.
   */
  maxAge?: string;
}

/** @public */
export interface ScorecardDefinition {
  id: string;
  title: string;
  /** Markdown. */
  description?: string;
  /** Which entities the scorecard evaluates; all entities when left out. */
  filter?: QueryInput;
  rules: RuleDefinition[];
}

/** @public */
export interface ScorecardsDefinitionsConfig {
  /** The level ladder, lowest first; default Bronze, Silver, Gold. */
  levels?: string[];
  definitions: ScorecardDefinition[];
}

/** The default level ladder, lowest first. @public */
export const DEFAULT_LEVELS: ReadonlyArray<string> = [
  'Bronze',
  'Silver',
  'Gold',
];

/** The level every entity starts at. @public */
export const BASE_LEVEL = 'Basic';

/**
 * What an evaluation reads: the entity as JSON (only the fields the rules
 * need) and optional facts from providers or reported outcomes.
 *
 * @public
 */
export interface EvaluationInput {
  entity: Record<string, unknown>;
  facts?: Record<string, unknown>;
}

/** @public */
export type RuleStatus = 'pass' | 'fail' | 'skip';

/** @public */
export interface RuleResult {
  ruleId: string;
  status: RuleStatus;
  /**
   * The value found at the property of the first condition that decided the
   * outcome (for a failure, the first failing condition); `undefined` when
   * missing.
   */
  value?: unknown;
  /** A human sentence, e.g. `spec.openIncidents is 7; must be < 5`. */
  message: string;
}

/** @public */
export interface ScorecardResult {
  scorecardId: string;
  /** `Basic` or one of the ladder's levels. */
  level: string;
  /** Percentage (0 to 100, one decimal) of applicable rules passed, by weight. */
  score: number;
  rules: RuleResult[];
  /**
   * For a scorecard with clock-dependent rules (`within`, `olderThan`, an
   * outcome's `maxAge`): the
   * time, in milliseconds since the epoch, before which evaluating the same
   * input gives the same result, because no date it compared can change
   * sides sooner. Absent when the result does not depend on the clock.
   */
  validUntil?: number;
}

/**
 * A problem found in config, with the exact key path.
 *
 * @public
 */
export interface ValidationProblem {
  /** e.g. `scorecards.definitions[2].rules[0].query.conditions[1].operator` */
  path: string;
  /** e.g. `unknown operator "=="; did you mean "="?` */
  message: string;
}

/**
 * The outcome of a query with the reason: the value found at the property of
 * the condition that decided it, and a human sentence.
 *
 * @public
 */
export interface QueryExplanation {
  pass: boolean;
  value?: unknown;
  /** e.g. `spec.openIncidents is 7; must be < 5` */
  message: string;
}

/**
 * Options of `compileScorecard` and the query compilers.
 *
 * @public
 */
export interface CompileOptions {
  /** The level ladder, lowest first; default {@link DEFAULT_LEVELS}. */
  levels?: ReadonlyArray<string>;
  /** Operators that backend modules add, beside the built-in ones. */
  operators?: ReadonlyArray<CustomOperator>;
  /**
   * The clock for the date operators (`within`, `olderThan`) and outcomes'
   * `maxAge`; read on every evaluation. Default `Date.now()`.
   */
  now?: () => Date;
}

/**
 * What a custom operator's `test` and `requirement` learn of the condition
 * beside its value.
 *
 * @public
 */
export interface CustomOperatorOptions {
  /** The condition's `ignoreCase` (false when it has none). */
  ignoreCase: boolean;
}

/**
 * An operator that a backend module adds to the rule language (through
 * `scorecardsOperatorsExtensionPoint` of the scorecards-node package), used
 * in conditions by its name as the built-in operators are:
 * `{ property: spec.javaVersion, operator: versionAtLeast, value: '21' }`.
 * Scope strings and campaign scopes use the built-in operators only.
 *
 * @public
 */
export interface CustomOperator {
  /**
   * The name conditions use: a letter, then letters and digits
   * (`versionAtLeast`); not a built-in operator's name or alias.
   */
  name: string;
  /** Whether conditions give a value; default true. */
  takesValue?: boolean;
  /**
   * What is wrong with a condition's value, checked when the config is
   * validated (for example `needs a version such as "1.2.0"`); undefined
   * when the value suits the operator.
   */
  valueProblem?(value: unknown): string | undefined;
  /**
   * Whether the value found in the entity satisfies the condition. It is
   * never called with a missing or empty value: the condition then fails.
   * A test that throws fails the condition, with the error in its message.
   * `options.ignoreCase` is the condition's `ignoreCase`: an operator that
   * compares strings should honour it.
   */
  test(found: unknown, value: unknown, options: CustomOperatorOptions): boolean;
  /**
   * The requirement in messages, e.g. `must be version 21 or later`;
   * default `must satisfy <name> <value>`, with ` (ignoring case)` when the
   * condition sets `ignoreCase`.
   */
  requirement?(value: unknown, options: CustomOperatorOptions): string;
  /**
   * Change it whenever `test` changes what it decides: stored results of
   * scorecards that use the operator are then evaluated again, even for
   * unchanged entities.
   */
  version?: string;
}

/**
 * A scorecard turned into plain functions: nothing is parsed when it runs.
 *
 * @public
 */
export interface CompiledScorecard {
  id: string;
  definition: ScorecardDefinition;
  /** The ladder used, lowest first (without `Basic`). */
  levels: ReadonlyArray<string>;
  /** Whether the scorecard's filter selects the entity (true without one). */
  appliesTo(input: EvaluationInput): boolean;
  /** Evaluates every rule and computes the level and the score. */
  evaluate(input: EvaluationInput): ScorecardResult;
  /**
   * The custom operators the scorecard uses, as `name@version`, sorted: part
   * of what its stored results depend on.
   */
  customOperators: ReadonlyArray<string>;
}
