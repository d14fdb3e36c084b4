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
  compileScorecard,
  ScorecardDefinition,
} from '@openscorecards/plugin-scorecards-common';
import {
  decodeInputStamp,
  encodeInputStamp,
  inputDigest,
  MAX_STAMP_LENGTH,
  scorecardVersion,
  stampOf,
} from './inputStamp';

const definition: ScorecardDefinition = {
  id: 'readiness',
  title: 'Readiness',
  rules: [
    {
      id: 'owner',
      title: 'Owner',
      level: 'Bronze',
      query: 'spec.owner:*',
    },
    {
      id: 'system',
      title: 'System',
      level: 'Silver',
      query: 'spec.system:*',
      filter: 'spec.type:service',
    },
    {
      id: 'docs',
      title: 'Docs',
      level: 'Gold',
      query: 'metadata.annotations.backstage.io/techdocs-ref:*',
    },
  ],
};

const entity = (spec: Record<string, unknown>) => ({
  kind: 'Component',
  metadata: { name: 'trips' },
  spec,
});

describe('inputStamp', () => {
  it('stamps a result with its input, validUntil, level, score and statuses', () => {
    const scorecard = compileScorecard(definition);
    const result = scorecard.evaluate({
      entity: entity({ owner: 'team-a', type: 'website' }),
    });
    const stamp = stampOf('v.d', result);
    expect(stamp).toEqual({
      input: 'v.d',
      validUntil: undefined,
      level: 'Bronze',
      score: 50,
      statuses: 'psf',
    });
    const text = encodeInputStamp(stamp)!;
    expect(text).toBe('v.d||50|psf|Bronze');
    expect(decodeInputStamp(text)).toEqual(stamp);
  });

  it('reads back any level name and validUntil', () => {
    const stamp = {
      input: 'abc.def',
      validUntil: 1_790_000_000_123,
      level: 'Gold | plus',
      score: 66.7,
      statuses: 'pfsp',
    };
    expect(decodeInputStamp(encodeInputStamp(stamp)!)).toEqual(stamp);
  });

  it('leaves out stamps that are too long, and reads no malformed one', () => {
    const statuses = 'p'.repeat(MAX_STAMP_LENGTH);
    expect(
      encodeInputStamp({ input: 'v.d', level: 'Gold', score: 100, statuses }),
    ).toBeUndefined();
    for (const text of [
      '',
      'v.d',
      'v.d|1|2',
      'v.d||x|p|Gold',
      'v.d|soon|50|p|Gold',
      'v.d||50|pq|Gold',
    ]) {
      expect(decodeInputStamp(text)).toBeUndefined();
    }
  });

  it('digests what the rules can read: the entity and its facts', () => {
    const base = inputDigest({ entity: entity({ owner: 'team-a' }) });
    expect(inputDigest({ entity: entity({ owner: 'team-a' }) })).toBe(base);
    expect(inputDigest({ entity: entity({ owner: 'team-b' }) })).not.toBe(base);
    const withFacts = inputDigest({
      entity: entity({ owner: 'team-a' }),
      facts: { openPrs: 1 },
    });
    expect(withFacts).not.toBe(base);
    expect(
      inputDigest({
        entity: entity({ owner: 'team-a' }),
        facts: { openPrs: 2 },
      }),
    ).not.toBe(withFacts);
    expect(base).not.toContain('|');
  });

  it('versions a scorecard by its definition and ladder', () => {
    const version = scorecardVersion(compileScorecard(definition));
    expect(scorecardVersion(compileScorecard(definition))).toBe(version);
    expect(
      scorecardVersion(
        compileScorecard({
          ...definition,
          rules: definition.rules.map(r =>
            r.id === 'docs' ? { ...r, level: 'Silver' } : r,
          ),
        }),
      ),
    ).not.toBe(version);
    expect(
      scorecardVersion(
        compileScorecard(definition, {
          levels: ['Bronze', 'Silver', 'Gold', 'Platinum'],
        }),
      ),
    ).not.toBe(version);
    expect(version).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it('versions a scorecard by the versions of the custom operators it uses, and only those', () => {
    const operator = (version: string) => ({
      name: 'versionAtLeast',
      version,
      test: () => true,
    });
    const unused = { name: 'isSemver', takesValue: false, test: () => true };
    const base = scorecardVersion(compileScorecard(definition));
    // Custom operators it does not use leave its version alone.
    expect(
      scorecardVersion(
        compileScorecard(definition, { operators: [operator('1'), unused] }),
      ),
    ).toBe(base);

    const using: ScorecardDefinition = {
      ...definition,
      rules: [
        ...definition.rules,
        {
          id: 'java',
          title: 'Java 21',
          level: 'Gold',
          query: {
            combinator: 'and' as const,
            conditions: [
              {
                property: 'spec.javaVersion',
                operator: 'versionAtLeast',
                value: '21',
              },
            ],
          },
        },
      ],
    };
    const v1 = scorecardVersion(
      compileScorecard(using, { operators: [operator('1'), unused] }),
    );
    expect(
      scorecardVersion(compileScorecard(using, { operators: [operator('1')] })),
    ).toBe(v1);
    expect(
      scorecardVersion(compileScorecard(using, { operators: [operator('2')] })),
    ).not.toBe(v1);
  });
});
