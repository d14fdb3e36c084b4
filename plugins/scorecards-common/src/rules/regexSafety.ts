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

/** The longest regular expression a rule may use. @public */
export const MAX_PATTERN_LENGTH = 500;

interface Frame {
  /** A quantifier occurs somewhere inside the group. */
  quantified: boolean;
  /** Where the current alternative starts. */
  altStart: number;
  alternatives: string[];
}

interface Quantifier {
  end: number;
  /** Repeats more than once (`*`, `+`, `{2,}`, `{1,5}`), unlike `?`. */
  repeats: boolean;
}

const BRACES = /^\{(\d+)(?:(,)(\d*))?\}/;
const GROUP_PREFIX = /^\?(?::|=|!|<=|<!|<[^>]*>)/;

function readQuantifier(pattern: string, i: number): Quantifier | undefined {
  const c = pattern[i];
  let end: number;
  let repeats: boolean;
  if (c === '*' || c === '+') {
    end = i + 1;
    repeats = true;
  } else if (c === '?') {
    end = i + 1;
    repeats = false;
  } else if (c === '{') {
    const m = BRACES.exec(pattern.slice(i, i + 24));
    if (!m) {
      return undefined; // a literal brace
    }
    end = i + m[0].length;
    const min = Number(m[1]);
    let max = min;
    if (m[2]) {
      max = m[3] === '' ? Infinity : Number(m[3]);
    }
    repeats = max > 1;
  } else {
    return undefined;
  }
  if (pattern[end] === '?') {
    end++; // lazy
  }
  return { end, repeats };
}

/**
 * A static check for regular expressions that can backtrack
 * catastrophically: a group repeated by `*`, `+` or `{n,m}` that itself
 * contains a quantifier (`(a+)+`, `(a*)*`, `(\w+\.)*`), or whose
 * alternatives repeat one another (`(a|a)*`). It errs on the side of
 * rejecting.
 *
 * @internal
 */
export function hasNestedQuantifier(pattern: string): boolean {
  const stack: Frame[] = [{ quantified: false, altStart: 0, alternatives: [] }];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '[') {
      i++;
      if (pattern[i] === '^') {
        i++;
      }
      while (i < pattern.length && pattern[i] !== ']') {
        i += pattern[i] === '\\' ? 2 : 1;
      }
      i++;
      continue;
    }
    if (c === '(') {
      i++;
      if (pattern[i] === '?') {
        // (?:  (?=  (?!  (?<=  (?<!  (?<name>
        const m = GROUP_PREFIX.exec(pattern.slice(i, i + 64));
        i += m ? m[0].length : 1;
      }
      stack.push({ quantified: false, altStart: i, alternatives: [] });
      continue;
    }
    if (c === '|') {
      const top = stack[stack.length - 1];
      top.alternatives.push(pattern.slice(top.altStart, i));
      top.altStart = i + 1;
      i++;
      continue;
    }
    if (c === ')' && stack.length > 1) {
      const group = stack.pop()!;
      group.alternatives.push(pattern.slice(group.altStart, i));
      const parent = stack[stack.length - 1];
      const quantifier = readQuantifier(pattern, i + 1);
      if (quantifier?.repeats) {
        if (group.quantified) {
          return true;
        }
        if (new Set(group.alternatives).size < group.alternatives.length) {
          return true;
        }
      }
      parent.quantified =
        parent.quantified || group.quantified || quantifier !== undefined;
      i = quantifier ? quantifier.end : i + 1;
      continue;
    }
    const quantifier = readQuantifier(pattern, i);
    if (quantifier) {
      stack[stack.length - 1].quantified = true;
      i = quantifier.end;
      continue;
    }
    i++;
  }
  return false;
}

/**
 * What is wrong with a regular expression for `matches` / `doesNotMatch`,
 * or `undefined` when it is fine.
 *
 * @internal
 */
export function patternProblem(
  operator: string,
  pattern: unknown,
  flags = '',
): string | undefined {
  if (typeof pattern !== 'string' || pattern === '') {
    return `operator "${operator}" needs a regular expression (a non-empty string)`;
  }
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return `regular expression is ${pattern.length} characters long; the limit is ${MAX_PATTERN_LENGTH}`;
  }
  try {
    // eslint-disable-next-line no-new
    new RegExp(pattern, flags);
  } catch (error) {
    return `invalid regular expression: ${(error as Error).message}`;
  }
  if (hasNestedQuantifier(pattern)) {
    return 'regular expression may backtrack catastrophically (nested quantifier); simplify it';
  }
  return undefined;
}
