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
  RuleResult,
  compileScorecard,
} from '@openscorecards/plugin-scorecards-common';
import { decodeRuleResults, encodeRuleResults } from './ruleResultsText';

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('rule results text', () => {
  const rules: RuleResult[] = [
    {
      ruleId: 'dashboard',
      status: 'pass',
      value: 'https://app.example.com/dash/92000',
      message:
        'metadata.annotations.example.com/dashboard is "https://app.example.com/dash/92000"; must begin with "https://"',
    },
    {
      ruleId: 'escaped',
      status: 'fail',
      value: 'say "hi" \\ ✓ \u0001',
      message: `x is ${JSON.stringify('say "hi" \\ ✓ \u0001')}; must be "no"`,
    },
    {
      ruleId: 'at-the-end',
      status: 'pass',
      value: { a: [1, null, 'b'] },
      message: 'spec.thing is {"a":[1,null,"b"]}',
    },
    {
      ruleId: 'formatted-otherwise',
      status: 'pass',
      value: ['go', 'customer-facing'],
      message: 'metadata.tags is ["go", "customer-facing"]',
    },
    {
      ruleId: 'short',
      status: 'fail',
      value: 7,
      message: 'x is 7; must be < 5',
    },
    { ruleId: 'null', status: 'fail', value: null, message: 'x is missing' },
    {
      ruleId: 'missing',
      status: 'skip',
      message: 'not applicable: x is missing',
    },
    { ruleId: 'empty-message', status: 'pass', value: 'v', message: '' },
  ];

  it('reads back exactly what it stored', () => {
    expect(decodeRuleResults(encodeRuleResults(rules))).toStrictEqual(rules);
    expect(decodeRuleResults(encodeRuleResults([]))).toStrictEqual([]);
  });

  it('stores a value its message quotes once', () => {
    const text = encodeRuleResults(rules.slice(0, 3));
    expect(occurrences(text, 'dash/92000')).toBe(1);
    expect(occurrences(text, 'say \\"hi\\"')).toBe(1);
    expect(
      occurrences(text, '[1,null,\\"b\\"]') + occurrences(text, '[1,null,"b"]'),
    ).toBe(1);
  });

  it('is much smaller than the rule results as JSON objects', () => {
    // The rules of a real scorecard, evaluated against a real-looking entity.
    const scorecard = compileScorecard({
      id: 'production-readiness',
      title: 'Production readiness',
      rules: [
        {
          id: 'owner',
          title: 'Has an owner',
          level: 'Bronze',
          query: {
            combinator: 'and',
            conditions: [{ property: 'spec.owner', operator: 'isNotEmpty' }],
          },
        },
        {
          id: 'docs',
          title: 'Links its docs',
          level: 'Bronze',
          query: {
            combinator: 'and',
            conditions: [
              {
                property: 'metadata.annotations.backstage.io/techdocs-ref',
                operator: 'beginsWith',
                value: 'dir:',
              },
            ],
          },
        },
        {
          id: 'runbook',
          title: 'Links a runbook',
          level: 'Silver',
          query: {
            combinator: 'and',
            conditions: [
              {
                property: 'metadata.annotations.example.com/runbook',
                operator: 'beginsWith',
                value: 'https://',
              },
            ],
          },
        },
        {
          id: 'lifecycle',
          title: 'Is in production',
          level: 'Gold',
          query: {
            combinator: 'and',
            conditions: [
              {
                property: 'spec.lifecycle',
                operator: '=',
                value: 'production',
              },
            ],
          },
        },
      ],
    });
    const result = scorecard.evaluate({
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'payments',
          annotations: {
            'backstage.io/techdocs-ref': 'dir:.',
            'example.com/runbook': 'https://runbooks.example.com/payments',
          },
        },
        spec: { owner: 'team-payments', lifecycle: 'experimental' },
      },
    });
    const text = encodeRuleResults(result.rules);
    expect(decodeRuleResults(text)).toStrictEqual(
      JSON.parse(JSON.stringify(result.rules)),
    );
    expect(text.length).toBeLessThan(
      0.75 * JSON.stringify(result.rules).length,
    );
  });

  it('reads rule results stored as JSON objects, as rows written before this format', () => {
    const earlier = JSON.stringify(rules);
    expect(decodeRuleResults(earlier)).toStrictEqual(
      JSON.parse(JSON.stringify(rules)),
    );
  });

  it('keeps a status it has no letter for', () => {
    const odd = [
      { ruleId: 'r', status: 'error', message: 'm' },
    ] as unknown as RuleResult[];
    expect(decodeRuleResults(encodeRuleResults(odd))).toStrictEqual(odd);
  });
});
