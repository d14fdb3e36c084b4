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
  CompiledOperator,
  FALSE,
  isOperator,
  MISMATCH,
  OPERATOR_ALIASES,
  TRUE,
} from './operators';
import { CustomOperator, CustomOperatorOptions } from './types';
import { formatValue, hasOwn } from './values';

const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9]*$/;

/** Custom operators by name. @internal */
export type CustomOperators = ReadonlyMap<string, CustomOperator>;

/** An empty set of custom operators. @internal */
export const NO_CUSTOM_OPERATORS: CustomOperators = new Map();

/**
 * What is wrong with a list of custom operators: bad or taken names, and
 * missing tests. Empty when they can be used.
 *
 * @public
 */
export function customOperatorProblems(
  operators: ReadonlyArray<CustomOperator>,
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const operator of operators) {
    const { name } = operator;
    if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
      problems.push(
        `custom operator name ${formatValue(
          name,
        )} must be a letter followed by letters and digits, such as "versionAtLeast"`,
      );
      continue;
    }
    if (isOperator(name) || hasOwn(OPERATOR_ALIASES, name)) {
      problems.push(
        `custom operator "${name}" is taken by the built-in operators; choose another name`,
      );
    } else if (seen.has(name)) {
      problems.push(`custom operator "${name}" is added more than once`);
    }
    seen.add(name);
    if (typeof operator.test !== 'function') {
      problems.push(`custom operator "${name}" needs a test function`);
    }
  }
  return problems;
}

/**
 * The custom operators by name.
 *
 * @throws Error listing what {@link customOperatorProblems} finds.
 * @internal
 */
export function customOperatorMap(
  operators: ReadonlyArray<CustomOperator> | undefined,
): CustomOperators {
  if (!operators || operators.length === 0) {
    return NO_CUSTOM_OPERATORS;
  }
  const problems = customOperatorProblems(operators);
  if (problems.length > 0) {
    throw new Error(problems.join('; '));
  }
  return new Map(operators.map(o => [o.name, o]));
}

/**
 * What is wrong with a condition's value for a custom operator; undefined
 * when nothing is.
 *
 * @internal
 */
export function customValueProblem(
  operator: CustomOperator,
  value: unknown,
): string | undefined {
  if (operator.takesValue === false) {
    return undefined;
  }
  if (value === undefined || value === null || value === '') {
    return `operator "${operator.name}" needs a value`;
  }
  let problem: string | undefined;
  try {
    problem = operator.valueProblem?.(value);
  } catch (error) {
    problem = `its valueProblem check failed: ${(error as Error).message}`;
  }
  return problem ? `operator "${operator.name}" ${problem}` : undefined;
}

/** The version of a custom operator as stamps record it. @internal */
export function customOperatorStamp(operator: CustomOperator): string {
  return `${operator.name}@${operator.version ?? ''}`;
}

/**
 * Binds a custom operator to a condition's value.
 *
 * @throws Error when the value does not suit the operator.
 * @internal
 */
export function compileCustomOperator(
  operator: CustomOperator,
  value: unknown,
  ignoreCase = false,
): CompiledOperator {
  const options: CustomOperatorOptions = { ignoreCase };
  const problem = customValueProblem(operator, value);
  if (problem) {
    throw new Error(problem);
  }
  const takesValue = operator.takesValue !== false;
  let requirement: string;
  try {
    requirement =
      operator.requirement?.(value, options) ??
      `must satisfy ${operator.name}${
        takesValue ? ` ${formatValue(value)}` : ''
      }${ignoreCase ? ' (ignoring case)' : ''}`;
  } catch (error) {
    throw new Error(
      `operator "${operator.name}": its requirement failed: ${
        (error as Error).message
      }`,
    );
  }
  // Why the last test failed: explaining a value checks it, then asks.
  let failure = '';
  return {
    operator: operator.name,
    unary: false,
    negative: false,
    usesNow: false,
    check: found => {
      try {
        return operator.test(found, value, options) ? TRUE : FALSE;
      } catch (error) {
        failure = `operator "${operator.name}" failed: ${
          (error as Error).message
        }`;
        return MISMATCH;
      }
    },
    mismatch: () => failure,
    requirement,
    requirementOnPass: true,
  };
}
