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

import { requiredEntityFields } from './fields';
import { ScorecardDefinition } from './types';

describe('requiredEntityFields', () => {
  const base = [
    'kind',
    'metadata.name',
    'metadata.namespace',
    'metadata.title',
    'metadata.uid',
    'relations',
    'spec.domain',
    'spec.lifecycle',
    'spec.owner',
    'spec.system',
    'spec.type',
  ];

  it('always asks for the identifying fields', () => {
    expect(requiredEntityFields([])).toEqual(base);
  });

  it('adds the fields of filters, rule filters and queries, sorted and deduplicated', () => {
    const defs: ScorecardDefinition[] = [
      {
        id: 'a',
        title: 'A',
        filter: 'kind:component AND metadata.labels.app.kubernetes.io/name:*',
        rules: [
          {
            id: 'docs',
            title: 'Docs',
            level: 'Bronze',
            filter: {
              combinator: 'and',
              conditions: [
                { property: '$tags', operator: 'contains', value: 'x' },
              ],
            },
            query: {
              combinator: 'or',
              conditions: [
                {
                  property: 'metadata.annotations.backstage.io/techdocs-ref',
                  operator: 'isNotEmpty',
                },
                {
                  combinator: 'and',
                  conditions: [
                    {
                      property: 'metadata.annotations.example.com/docs',
                      operator: 'isNotEmpty',
                    },
                    { property: 'metadata.links.url', operator: 'isNotEmpty' },
                    { property: 'spec.openIncidents', operator: '<', value: 5 },
                    { property: 'spec.openIncidents', operator: '>', value: 0 },
                    { property: '$facts.readme', operator: '=', value: true },
                    {
                      property: '$relations.providesApi',
                      operator: 'isNotEmpty',
                    },
                    {
                      property: 'metadata.links.0.title',
                      operator: 'isNotEmpty',
                    },
                  ],
                },
              ],
            },
          },
        ],
      },
      {
        id: 'b',
        title: 'B',
        rules: [
          {
            id: 'x',
            title: 'X',
            level: 'Bronze',
            query: 'spec.profile.email:* OR kind:(',
          },
        ],
      },
    ];
    expect(requiredEntityFields(defs)).toEqual(
      [
        ...base,
        'metadata.annotations',
        'metadata.labels',
        'metadata.links',
        'metadata.tags',
        'spec.openIncidents',
      ].sort(),
    );
  });

  it('lets a parent field subsume its children', () => {
    const defs: ScorecardDefinition[] = [
      {
        id: 'a',
        title: 'A',
        rules: [
          {
            id: 'x',
            title: 'X',
            level: 'Bronze',
            query: 'metadata:* AND spec.profile.email:*',
          },
          { id: 'y', title: 'Y', level: 'Bronze', query: 'spec.profile:*' },
        ],
      },
    ];
    expect(requiredEntityFields(defs)).toEqual([
      'kind',
      'metadata',
      'relations',
      'spec.domain',
      'spec.lifecycle',
      'spec.owner',
      'spec.profile',
      'spec.system',
      'spec.type',
    ]);
  });
});
