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
  isOperator,
  OPERATOR_ALIASES,
  parseDuration,
  valueProblem,
} from './operators';
import {
  customOperatorMap,
  CustomOperators,
  customValueProblem,
  NO_CUSTOM_OPERATORS,
} from './customOperators';
import { CHECK_ID_PATTERN, MAX_CHECK_ID_LENGTH } from './outcomes';
import { propertyProblem } from './paths';
import { parseScope, ScopeSyntaxError } from './scope';
import { compileScorecard } from './scorecard';
import { suggest } from './suggest';
import {
  BASE_LEVEL,
  CustomOperator,
  DEFAULT_LEVELS,
  OPERATORS,
  QueryGroup,
  ScorecardDefinition,
  ScorecardsDefinitionsConfig,
  ValidationProblem,
} from './types';
import { formatValue, hasOwn, isObjectValue } from './values';

/** @public */
export interface ValidateScorecardsConfigOptions {
  /** The config key the value was read from; default `scorecards`. */
  path?: string;
  /** Operators that backend modules add, beside the built-in ones. */
  operators?: ReadonlyArray<CustomOperator>;
}

/** @public */
export interface ValidateScorecardsConfigResult {
  /** Every problem found, in config order; empty when the config is valid. */
  problems: ValidationProblem[];
  /** The config, set only when there are no problems. */
  config?: ScorecardsDefinitionsConfig;
}

const SCORECARD_KEYS = ['id', 'title', 'description', 'filter', 'rules'];
const RULE_KEYS = [
  'id',
  'title',
  'description',
  'level',
  'query',
  'outcome',
  'weight',
  'filter',
  'guidance',
];
const OUTCOME_KEYS = ['check', 'whenMissing', 'maxAge'];
const GUIDANCE_KEYS = ['text', 'url'];
const GROUP_KEYS = ['combinator', 'conditions', 'not'];
const CONDITION_KEYS = ['property', 'operator', 'value', 'ignoreCase'];

/** Port's names, and other likely slips, for the keys of each object. */
const SCORECARD_KEY_ALIASES = { identifier: 'id', name: 'title' };
const RULE_KEY_ALIASES = {
  identifier: 'id',
  name: 'title',
  conditions: 'query',
  combinator: 'query',
};
const GROUP_KEY_ALIASES = { rules: 'conditions' };
const CONDITION_KEY_ALIASES = {
  key: 'property',
  field: 'property',
  op: 'operator',
};

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ID_LENGTH = 100;

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

class Problems {
  readonly list: ValidationProblem[] = [];

  /** The custom operators conditions may use. */
  constructor(readonly operators: CustomOperators = NO_CUSTOM_OPERATORS) {}

  add(path: string, message: string) {
    if (!this.list.some(p => p.path === path && p.message === message)) {
      this.list.push({ path, message });
    }
  }
}

function checkUnknownKeys(
  object: Record<string, unknown>,
  known: ReadonlyArray<string>,
  path: string,
  out: Problems,
  aliases?: Record<string, string>,
) {
  for (const key of Object.keys(object)) {
    if (known.includes(key)) {
      continue;
    }
    const hint = suggest(key, known, aliases);
    out.add(
      join(path, key),
      hint
        ? `unknown key "${key}"; did you mean "${hint}"?`
        : `unknown key "${key}"; valid keys are ${known.join(', ')}`,
    );
  }
}

const isAbsent = (value: unknown) => value === undefined || value === null;

function slug(id: string): string {
  const s = id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'production-readiness';
}

function checkId(
  value: unknown,
  path: string,
  what: string,
  out: Problems,
): boolean {
  if (isAbsent(value)) {
    out.add(path, `${what} needs an id, such as "production-readiness"`);
  } else if (typeof value !== 'string') {
    out.add(path, `id must be a string, got ${formatValue(value)}`);
  } else if (value.trim() === '') {
    out.add(path, `id must not be empty`);
  } else if (value.length > MAX_ID_LENGTH) {
    out.add(
      path,
      `id is ${value.length} characters long; the limit is ${MAX_ID_LENGTH}`,
    );
  } else if (!ID_PATTERN.test(value)) {
    out.add(
      path,
      `id "${value}" may contain only lowercase letters, digits and dashes, such as "${slug(
        value,
      )}"`,
    );
  } else {
    return true;
  }
  return false;
}

function checkTitle(value: unknown, path: string, what: string, out: Problems) {
  if (isAbsent(value)) {
    out.add(path, `${what} needs a title`);
  } else if (typeof value !== 'string') {
    out.add(path, `title must be a string, got ${formatValue(value)}`);
  } else if (value.trim() === '') {
    out.add(path, 'title must not be empty');
  }
}

function checkOptionalString(
  value: unknown,
  path: string,
  key: string,
  out: Problems,
) {
  if (!isAbsent(value) && typeof value !== 'string') {
    out.add(path, `${key} must be a string, got ${formatValue(value)}`);
  }
}

function checkCondition(
  condition: Record<string, unknown>,
  path: string,
  out: Problems,
) {
  checkUnknownKeys(condition, CONDITION_KEYS, path, out, CONDITION_KEY_ALIASES);
  const { property, operator, value, ignoreCase } = condition;
  if (isAbsent(property)) {
    out.add(
      join(path, 'property'),
      'a condition needs a property, such as "spec.owner"',
    );
  } else {
    const problem = propertyProblem(property);
    if (problem) {
      out.add(join(path, 'property'), problem);
    }
  }
  const operatorPath = join(path, 'operator');
  if (isAbsent(operator)) {
    out.add(
      operatorPath,
      `a condition needs an operator; operators are ${OPERATORS.join(', ')}`,
    );
  } else if (typeof operator === 'string' && out.operators.has(operator)) {
    const problem = customValueProblem(out.operators.get(operator)!, value);
    if (problem) {
      out.add(join(path, 'value'), problem);
    }
  } else if (!isOperator(operator)) {
    const known = [...OPERATORS, ...out.operators.keys()];
    const hint =
      typeof operator === 'string'
        ? suggest(operator, known, OPERATOR_ALIASES)
        : undefined;
    out.add(
      operatorPath,
      hint
        ? `unknown operator ${formatValue(operator)}; did you mean "${hint}"?`
        : `unknown operator ${formatValue(
            operator,
          )}; operators are ${known.join(', ')}`,
    );
  } else {
    const problem = valueProblem(operator, value);
    if (problem) {
      out.add(join(path, 'value'), problem);
    }
  }
  if (!isAbsent(ignoreCase) && typeof ignoreCase !== 'boolean') {
    out.add(
      join(path, 'ignoreCase'),
      `ignoreCase must be true or false, got ${formatValue(ignoreCase)}`,
    );
  }
}

function checkNode(node: unknown, path: string, out: Problems) {
  if (!isObjectValue(node)) {
    out.add(
      path,
      `expected a condition {property, operator, value} or a group {combinator, conditions}, got ${formatValue(
        node,
      )}`,
    );
    return;
  }
  if (hasOwn(node, 'combinator') || hasOwn(node, 'conditions')) {
    checkGroup(node, path, out);
  } else {
    checkCondition(node, path, out);
  }
}

function checkGroup(
  group: Record<string, unknown>,
  path: string,
  out: Problems,
) {
  checkUnknownKeys(group, GROUP_KEYS, path, out, GROUP_KEY_ALIASES);
  const { combinator, conditions, not } = group;
  const combinatorPath = join(path, 'combinator');
  if (isAbsent(combinator)) {
    out.add(combinatorPath, 'a group needs a combinator: "and" or "or"');
  } else if (combinator !== 'and' && combinator !== 'or') {
    const hint =
      typeof combinator === 'string'
        ? suggest(
            combinator,
            ['and', 'or'],
            { '&&': 'and', '||': 'or', all: 'and', any: 'or' },
            0,
          )
        : undefined;
    out.add(
      combinatorPath,
      `combinator must be "and" or "or", got ${formatValue(combinator)}${
        hint ? `; did you mean "${hint}"?` : ''
      }`,
    );
  }
  if (!isAbsent(not) && typeof not !== 'boolean') {
    out.add(
      join(path, 'not'),
      `not must be true or false, got ${formatValue(not)}`,
    );
  }
  const conditionsPath = join(path, 'conditions');
  if (isAbsent(conditions)) {
    out.add(conditionsPath, 'a group needs a non-empty list of conditions');
  } else if (!Array.isArray(conditions)) {
    out.add(
      conditionsPath,
      `conditions must be a list, got ${formatValue(conditions)}`,
    );
  } else if (conditions.length === 0) {
    out.add(
      conditionsPath,
      'conditions must not be empty; add at least one condition',
    );
  } else {
    conditions.forEach((c, i) => checkNode(c, `${conditionsPath}[${i}]`, out));
  }
}

function checkQuery(query: unknown, path: string, out: Problems) {
  if (typeof query === 'string') {
    let group: QueryGroup;
    try {
      group = parseScope(query);
    } catch (error) {
      if (error instanceof ScopeSyntaxError) {
        out.add(path, `invalid scope string: ${error.message}`);
        return;
      }
      throw error;
    }
    // Problems inside a scope string (such as an unknown meta-property) are
    // reported at the string itself.
    const inner = new Problems();
    checkGroup(group as unknown as Record<string, unknown>, path, inner);
    for (const problem of inner.list) {
      out.add(path, problem.message);
    }
    return;
  }
  if (!isObjectValue(query)) {
    out.add(
      path,
      `expected a scope string such as "kind:component" or an object with combinator and conditions, got ${formatValue(
        query,
      )}`,
    );
    return;
  }
  checkGroup(query, path, out);
}

function checkLevel(
  value: unknown,
  path: string,
  ladder: ReadonlyArray<string>,
  out: Problems,
) {
  const levels = ladder.join(', ');
  if (isAbsent(value)) {
    out.add(path, `a rule needs a level; levels are ${levels}`);
  } else if (typeof value !== 'string') {
    out.add(
      path,
      `level must be a string, got ${formatValue(value)}; levels are ${levels}`,
    );
  } else if (value.toLowerCase() === BASE_LEVEL.toLowerCase()) {
    out.add(
      path,
      `"${BASE_LEVEL}" is the level every entity starts at, not a rule level; levels are ${levels}`,
    );
  } else if (!ladder.includes(value)) {
    const hint = suggest(value, ladder);
    out.add(
      path,
      hint
        ? `unknown level "${value}"; did you mean "${hint}"?`
        : `unknown level "${value}"; levels are ${levels}`,
    );
  }
}

function checkCheckId(value: unknown, path: string, out: Problems) {
  if (isAbsent(value)) {
    out.add(path, 'an outcome needs a check id, such as "security-scan"');
  } else if (typeof value !== 'string') {
    out.add(path, `a check id must be a string, got ${formatValue(value)}`);
  } else if (value.length > MAX_CHECK_ID_LENGTH) {
    out.add(
      path,
      `check id is ${value.length} characters long; the limit is ${MAX_CHECK_ID_LENGTH}`,
    );
  } else if (!CHECK_ID_PATTERN.test(value)) {
    out.add(
      path,
      `check id "${value}" may contain only lowercase letters, digits and dashes, such as "${slug(
        value,
      )}"`,
    );
  }
}

function checkOutcome(outcome: unknown, path: string, out: Problems) {
  if (typeof outcome === 'string') {
    checkCheckId(outcome, path, out);
    return;
  }
  if (!isObjectValue(outcome)) {
    out.add(
      path,
      `outcome must be a check id or an object with check, whenMissing and maxAge, got ${formatValue(
        outcome,
      )}`,
    );
    return;
  }
  checkUnknownKeys(outcome, OUTCOME_KEYS, path, out);
  checkCheckId(outcome.check, join(path, 'check'), out);
  const { whenMissing } = outcome;
  if (
    !isAbsent(whenMissing) &&
    whenMissing !== 'fail' &&
    whenMissing !== 'skip'
  ) {
    out.add(
      join(path, 'whenMissing'),
      `whenMissing must be "fail" or "skip", got ${formatValue(whenMissing)}`,
    );
  }
  const { maxAge } = outcome;
  if (!isAbsent(maxAge) && !parseDuration(maxAge)) {
    out.add(
      join(path, 'maxAge'),
      `maxAge needs an ISO 8601 duration such as "P7D" (7 days) or "PT12H" (12 hours), got ${formatValue(
        maxAge,
      )}`,
    );
  }
}

function checkRule(
  rule: unknown,
  path: string,
  ladder: ReadonlyArray<string>,
  out: Problems,
): string | undefined {
  if (!isObjectValue(rule)) {
    out.add(
      path,
      `a rule must be an object with id, title, level and query, got ${formatValue(
        rule,
      )}`,
    );
    return undefined;
  }
  checkUnknownKeys(rule, RULE_KEYS, path, out, RULE_KEY_ALIASES);
  const validId = checkId(rule.id, join(path, 'id'), 'a rule', out);
  checkTitle(rule.title, join(path, 'title'), 'a rule', out);
  checkOptionalString(
    rule.description,
    join(path, 'description'),
    'description',
    out,
  );
  checkLevel(rule.level, join(path, 'level'), ladder, out);
  if (!isAbsent(rule.outcome)) {
    if (isAbsent(rule.query)) {
      checkOutcome(rule.outcome, join(path, 'outcome'), out);
    } else {
      out.add(
        join(path, 'outcome'),
        'a rule has either a query or an outcome, not both: remove one of them',
      );
    }
  } else if (isAbsent(rule.query)) {
    out.add(
      join(path, 'query'),
      'a rule needs a query (a scope string or an object with combinator and conditions) or an outcome (the id of a check that external systems report)',
    );
  } else {
    checkQuery(rule.query, join(path, 'query'), out);
  }
  if (!isAbsent(rule.filter)) {
    checkQuery(rule.filter, join(path, 'filter'), out);
  }
  const { weight } = rule;
  if (
    !isAbsent(weight) &&
    (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0)
  ) {
    out.add(
      join(path, 'weight'),
      `weight must be a positive number, got ${formatValue(weight)}`,
    );
  }
  const { guidance } = rule;
  if (!isAbsent(guidance)) {
    const guidancePath = join(path, 'guidance');
    if (!isObjectValue(guidance)) {
      out.add(
        guidancePath,
        `guidance must be an object with text and/or url, got ${formatValue(
          guidance,
        )}`,
      );
    } else {
      checkUnknownKeys(guidance, GUIDANCE_KEYS, guidancePath, out);
      checkOptionalString(
        guidance.text,
        join(guidancePath, 'text'),
        'text',
        out,
      );
      checkOptionalString(guidance.url, join(guidancePath, 'url'), 'url', out);
    }
  }
  return validId ? (rule.id as string) : undefined;
}

function checkRules(
  rules: unknown,
  path: string,
  ladder: ReadonlyArray<string>,
  out: Problems,
) {
  if (isAbsent(rules)) {
    out.add(path, 'a scorecard needs at least one rule');
    return;
  }
  if (!Array.isArray(rules)) {
    out.add(path, `rules must be a list, got ${formatValue(rules)}`);
    return;
  }
  if (rules.length === 0) {
    out.add(path, 'a scorecard needs at least one rule');
    return;
  }
  const seen = new Map<string, number>();
  rules.forEach((rule, i) => {
    const rulePath = `${path}[${i}]`;
    const id = checkRule(rule, rulePath, ladder, out);
    if (id === undefined) {
      return;
    }
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, i);
    } else {
      out.add(
        join(rulePath, 'id'),
        `duplicate rule id "${id}"; rules[${first}] already uses it`,
      );
    }
  });
}

function checkScorecard(
  def: unknown,
  path: string,
  ladder: ReadonlyArray<string>,
  out: Problems,
): string | undefined {
  if (!isObjectValue(def)) {
    out.add(
      path,
      `a scorecard must be an object with id, title and rules, got ${formatValue(
        def,
      )}`,
    );
    return undefined;
  }
  checkUnknownKeys(def, SCORECARD_KEYS, path, out, SCORECARD_KEY_ALIASES);
  const validId = checkId(def.id, join(path, 'id'), 'a scorecard', out);
  checkTitle(def.title, join(path, 'title'), 'a scorecard', out);
  checkOptionalString(
    def.description,
    join(path, 'description'),
    'description',
    out,
  );
  if (!isAbsent(def.filter)) {
    checkQuery(def.filter, join(path, 'filter'), out);
  }
  checkRules(def.rules, join(path, 'rules'), ladder, out);
  return validId ? (def.id as string) : undefined;
}

function checkLevels(
  levels: unknown,
  path: string,
  out: Problems,
): string[] | undefined {
  const example = 'such as [Bronze, Silver, Gold]';
  if (!Array.isArray(levels)) {
    out.add(
      path,
      `levels must be a list of level names, lowest first, ${example}`,
    );
    return undefined;
  }
  if (levels.length === 0) {
    out.add(
      path,
      `levels must not be empty; list the level names, lowest first, ${example}`,
    );
    return undefined;
  }
  const valid: string[] = [];
  const seen = new Map<string, number>();
  levels.forEach((level, i) => {
    const levelPath = `${path}[${i}]`;
    if (typeof level !== 'string' || level.trim() === '') {
      out.add(
        levelPath,
        `a level must be a non-empty string, got ${formatValue(level)}`,
      );
      return;
    }
    const key = level.toLowerCase();
    if (key === BASE_LEVEL.toLowerCase()) {
      out.add(
        levelPath,
        `"${BASE_LEVEL}" is the level every entity starts at; leave it out of levels`,
      );
      return;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      out.add(
        levelPath,
        `duplicate level "${level}"; levels[${first}] already has it`,
      );
      return;
    }
    seen.set(key, i);
    valid.push(level);
  });
  return valid;
}

/**
 * Validates the scorecards config as read from YAML (any shape) and reports
 * every problem at once, each with its exact key path (such as
 * `scorecards.definitions[2].rules[0].query.conditions[1].operator`) and a
 * message that says what to fix.
 *
 * @public
 */
export function validateScorecardsConfig(
  raw: unknown,
  options: ValidateScorecardsConfigOptions = {},
): ValidateScorecardsConfigResult {
  const base = options.path ?? 'scorecards';
  let operators: CustomOperators;
  try {
    operators = customOperatorMap(options.operators);
  } catch (error) {
    return {
      problems: [{ path: base, message: (error as Error).message }],
    };
  }
  const out = new Problems(operators);
  if (!isObjectValue(raw)) {
    out.add(
      base,
      `expected an object with a list of definitions, got ${formatValue(raw)}`,
    );
    return { problems: out.list };
  }

  let ladder: ReadonlyArray<string> = DEFAULT_LEVELS;
  if (!isAbsent(raw.levels)) {
    const valid = checkLevels(raw.levels, join(base, 'levels'), out);
    if (valid && valid.length > 0) {
      ladder = valid;
    }
  }

  const definitionsPath = join(base, 'definitions');
  const { definitions } = raw;
  if (isAbsent(definitions)) {
    out.add(definitionsPath, 'definitions is required: a list of scorecards');
  } else if (!Array.isArray(definitions)) {
    out.add(
      definitionsPath,
      `definitions must be a list of scorecards, got ${formatValue(
        definitions,
      )}`,
    );
  } else {
    const seen = new Map<string, number>();
    definitions.forEach((def, i) => {
      const defPath = `${definitionsPath}[${i}]`;
      const id = checkScorecard(def, defPath, ladder, out);
      if (id === undefined) {
        return;
      }
      const first = seen.get(id);
      if (first === undefined) {
        seen.set(id, i);
      } else {
        out.add(
          join(defPath, 'id'),
          `duplicate id "${id}"; definitions[${first}] already uses it`,
        );
      }
    });
  }

  if (out.list.length > 0) {
    return { problems: out.list };
  }

  const config: ScorecardsDefinitionsConfig = {
    definitions: definitions as ScorecardDefinition[],
  };
  if (!isAbsent(raw.levels)) {
    config.levels = [...(raw.levels as string[])];
  }
  // A last guard: what passed validation must compile.
  config.definitions.forEach((def, i) => {
    try {
      compileScorecard(def, {
        levels: config.levels,
        operators: options.operators,
      });
    } catch (error) {
      out.add(`${definitionsPath}[${i}]`, (error as Error).message);
    }
  });
  return out.list.length > 0
    ? { problems: out.list }
    : { problems: [], config };
}

/**
 * Formats problems for an error message, one per line:
 * `  - <path>: <message>`.
 *
 * @public
 */
export function formatValidationProblems(
  problems: ReadonlyArray<ValidationProblem>,
): string {
  return problems.map(p => `  - ${p.path}: ${p.message}`).join('\n');
}
