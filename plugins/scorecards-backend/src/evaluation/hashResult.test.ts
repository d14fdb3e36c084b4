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

import { ScorecardResult } from '@openscorecards/plugin-scorecards-common';
import { EntityFacts } from './describeEntity';
import { encodeRuleResults } from '../database/ruleResultsText';
import { hashResult, resultFingerprint } from './hashResult';

const facts: EntityFacts = {
  kind: 'Component',
  namespace: 'default',
  name: 'trips',
  title: 'Trips',
  type: 'service',
  lifecycle: 'production',
  owner: 'group:default/travel',
  system: undefined,
};

const result: ScorecardResult = {
  scorecardId: 'readiness',
  level: 'Bronze',
  score: 50,
  rules: [
    {
      ruleId: 'owner',
      status: 'pass',
      value: 'group:default/travel',
      message: 'spec.owner is "group:default/travel"',
    },
    {
      ruleId: 'incidents',
      status: 'fail',
      value: 7,
      message: 'spec.openIncidents is 7; must be < 5',
    },
    {
      ruleId: 'tier1',
      status: 'skip',
      value: undefined,
      message: 'not applicable: metadata.tags is missing',
    },
  ],
};

const withRule = (
  index: number,
  change: Partial<ScorecardResult['rules'][number]>,
): ScorecardResult => ({
  ...result,
  rules: result.rules.map((r, i) => (i === index ? { ...r, ...change } : r)),
});

describe('hashResult', () => {
  it('is a stable SHA-1 hex digest that fits the result_hash column', () => {
    const hash = hashResult(facts, result);
    expect(hash).toMatch(/^[0-9a-f]{40}$/);
    expect(hashResult({ ...facts }, structuredClone(result))).toBe(hash);
  });

  it('ignores the scorecard id, which is part of the key, not the content', () => {
    expect(hashResult(facts, { ...result, scorecardId: 'other' })).toBe(
      hashResult(facts, result),
    );
  });

  it.each<[string, EntityFacts, ScorecardResult]>([
    ['a fact', { ...facts, title: 'Trips 2' }, result],
    ['a fact that appears', { ...facts, system: 'system:default/x' }, result],
    ['a fact that goes', { ...facts, owner: undefined }, result],
    ['the level', facts, { ...result, level: 'Silver' }],
    ['the score', facts, { ...result, score: 50.1 }],
    ['a rule status', facts, withRule(1, { status: 'pass' })],
    ['a rule value', facts, withRule(1, { value: 8 })],
    ['a rule value type', facts, withRule(1, { value: '7' })],
    ['a list value', facts, withRule(0, { value: ['a', 'b'] })],
    ['a rule message', facts, withRule(1, { message: 'other' })],
    ['a rule id', facts, withRule(2, { ruleId: 'tier-1' })],
    [
      'the rule order',
      facts,
      { ...result, rules: [...result.rules].reverse() },
    ],
    ['the rule count', facts, { ...result, rules: result.rules.slice(0, 2) }],
  ])('changes when %s changes', (_, changedFacts, changedResult) => {
    expect(hashResult(changedFacts, changedResult)).not.toBe(
      hashResult(facts, result),
    );
  });

  it('keeps neighbouring fields apart', () => {
    // Moving text from a message into the next rule id must change the hash.
    const a = withRule(0, { message: 'ab', ruleId: 'c' });
    const b = withRule(0, { message: 'a', ruleId: 'bc' });
    expect(hashResult(facts, a)).not.toBe(hashResult(facts, b));
    const quoted = withRule(1, { message: 'x","fail' });
    expect(resultFingerprint(facts, quoted)).not.toBe(
      resultFingerprint(facts, withRule(1, { message: 'x' })),
    );
  });

  it('tells a missing rule value from a null one', () => {
    expect(hashResult(facts, withRule(2, { value: null }))).not.toBe(
      hashResult(facts, result),
    );
  });

  it('fingerprints the facts, level and score as JSON, then the rule results as stored', () => {
    const stored = encodeRuleResults(result.rules);
    expect(resultFingerprint(facts, result)).toBe(
      `${JSON.stringify([facts, 'Bronze', 50])}${stored}`,
    );
    expect(hashResult(facts, result, stored)).toBe(hashResult(facts, result));
  });

  it('hashes the stored text it is given, which the store then writes', () => {
    // The text given is what is hashed: the evaluator hands the same text
    // to the store, so the hash always describes what was written.
    const other = encodeRuleResults(withRule(1, { value: 8 }).rules);
    expect(hashResult(facts, result, other)).toBe(
      hashResult(facts, withRule(1, { value: 8 })),
    );
  });
});
