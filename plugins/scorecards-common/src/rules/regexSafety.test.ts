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
  hasNestedQuantifier,
  MAX_PATTERN_LENGTH,
  patternProblem,
} from './regexSafety';

describe('hasNestedQuantifier', () => {
  it.each([
    '(a+)+',
    '(a*)*',
    '(a|a)*',
    '(?:a+)+b',
    '^(\\w+\\s?)*$',
    '((ab)*c)+',
    '(.*a){20}',
    '(x+x+)+y',
    '(a+){2,}',
    '([a-z]+)*',
    '(?<word>\\w+)+',
  ])('flags %s', pattern => {
    expect(hasNestedQuantifier(pattern)).toBe(true);
  });

  it.each([
    '^[a-z]+-api$',
    '(ab)+',
    '(foo|bar)*',
    '(https?://)?example\\.com',
    '(\\.\\d+)?',
    '[(a+)+]',
    '\\(a+\\)+',
    'a{2,3}b+',
    '(a+)',
    '(a+){1}',
    'x{',
  ])('accepts %s', pattern => {
    expect(hasNestedQuantifier(pattern)).toBe(false);
  });
});

describe('patternProblem', () => {
  it('reports the syntax error', () => {
    expect(patternProblem('matches', '(')).toMatch(
      /^invalid regular expression: Invalid regular expression: \/\(\/: Unterminated group/,
    );
  });

  it('caps the length', () => {
    expect(patternProblem('matches', 'a'.repeat(MAX_PATTERN_LENGTH + 1))).toBe(
      'regular expression is 501 characters long; the limit is 500',
    );
    expect(
      patternProblem('matches', 'a'.repeat(MAX_PATTERN_LENGTH)),
    ).toBeUndefined();
  });

  it('rejects nested quantifiers and non-strings', () => {
    expect(patternProblem('matches', '(a+)+')).toBe(
      'regular expression may backtrack catastrophically (nested quantifier); simplify it',
    );
    expect(patternProblem('doesNotMatch', 5)).toBe(
      'operator "doesNotMatch" needs a regular expression (a non-empty string)',
    );
  });
});
