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

import { ScorecardsDefinitionsConfig } from '@openscorecards/plugin-scorecards-common';

/**
 * Three scorecards, 30 rules in all, that between them use every operator
 * family of the rule language: =, !=, <, >=, contains, beginsWith, endsWith,
 * isEmpty/isNotEmpty, in/notIn, matches, within/olderThan, nested and negated
 * groups, rule filters, and scope strings as scorecard filters and queries.
 */
export const benchDefinitions: ScorecardsDefinitionsConfig = {
  definitions: [
    {
      id: 'production-readiness',
      title: 'Production Readiness',
      filter:
        'kind:component AND spec.type:service AND NOT spec.lifecycle:experimental',
      rules: [
        {
          id: 'has-owner',
          title: 'Has an owning team',
          level: 'Bronze',
          query: {
            combinator: 'and',
            conditions: [
              { property: '$owner', operator: 'beginsWith', value: 'group:' },
            ],
          },
        },
        {
          id: 'lifecycle-set',
          title: 'Declares a production lifecycle',
          level: 'Bronze',
          query: {
            combinator: 'and',
            conditions: [
              {
                property: 'spec.lifecycle',
                operator: 'in',
                value: ['production', 'deprecated'],
              },
            ],
          },
        },
        {
          id: 'has-system',
          title: 'Belongs to a system',
          level: 'Bronze',
          query: {
            combinator: 'and',
            conditions: [{ property: 'spec.system', operator: 'isNotEmpty' }],
          },
        },
        {
          id: 'on-call',
          title: 'Has an on-call rotation',
          level: 'Silver',
          query: {
            combinator: 'or',
            conditions: [
              {
                property: 'metadata.annotations.pagerduty.com/service-id',
                operator: 'isNotEmpty',
              },
              {
                property: 'metadata.annotations.acme.com/on-call-rotation',
                operator: 'isNotEmpty',
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
                property: 'metadata.links.type',
                operator: 'contains',
                value: 'runbook',
              },
            ],
          },
        },
        {
          id: 'few-incidents',
          title: 'Fewer than 5 open incidents',
          level: 'Silver',
          query: {
            combinator: 'and',
            conditions: [
              {
                property: 'metadata.annotations.acme.com/open-incidents',
                operator: '<',
                value: 5,
              },
            ],
          },
        },
        {
          id: 'security-review',
          title: 'Security review in the last 90 days',
          level: 'Gold',
          query: {
            combinator: 'and',
            conditions: [
              {
                property: 'metadata.annotations.acme.com/last-security-review',
                operator: 'within',
                value: 'P90D',
              },
            ],
          },
        },
        {
          id: 'tier-declared',
          title: 'Declares its tier',
          level: 'Gold',
          query: 'metadata.annotations.acme.com/tier:*',
        },
        {
          id: 'tier1-escalation',
          title: 'Tier-1 services escalate',
          level: 'Gold',
          filter: 'metadata.tags:tier-1',
          query: {
            combinator: 'and',
            conditions: [
              {
                property: 'metadata.annotations.acme.com/tier',
                operator: 'in',
                value: ['1', '2'],
              },
              {
                combinator: 'or',
                conditions: [
                  {
                    property: 'metadata.annotations.pagerduty.com/service-id',
                    operator: 'isNotEmpty',
                  },
                  {
                    combinator: 'and',
                    conditions: [
                      {
                        property:
                          'metadata.annotations.acme.com/on-call-rotation',
                        operator: 'isNotEmpty',
                      },
                      {
                        property:
                          'metadata.annotations.acme.com/open-incidents',
                        operator: '>=',
                        value: 0,
                      },
                    ],
                  },
                ],
              },
            ],
          },
        },
        {
          id: 'not-deprecated',
          title: 'Is not deprecated',
          level: 'Gold',
          query: {
            combinator: 'and',
            conditions: [
              {
                property: 'spec.lifecycle',
                operator: '!=',
                value: 'deprecated',
              },
            ],
          },
        },
      ],
    },
    {
      id: 'observability',
      title: 'Observability Best Practices',
      filter: {
        combinator: 'and',
        conditions: [
          { property: 'kind', operator: '=', value: 'Component' },
          {
            property: 'spec.type',
            operator: 'in',
            value: ['service', 'website'],
          },
        ],
      },
      rules: [
        {
          id: 'dashboard',
          title: 'Has a dashboard',
          level: 'Bronze',
          query: {
            combinator: 'or',
            conditions: [
              {
                property: 'metadata.annotations.datadoghq.com/dashboard-url',
                operator: 'beginsWith',
                value: 'https://',
              },
              {
                property: 'metadata.links.type',
                operator: 'contains',
                value: 'dashboard',
              },
            ],
          },
        },
        {
          id: 'source-location',
          title: 'Source location is known',
          level: 'Bronze',
          query: {
            combinator: 'and',
            conditions: [
              {
                property: 'metadata.annotations.github.com/project-slug',
                operator: 'matches',
                value: '^[\\w.-]+/[\\w.-]+$',
              },
            ],
          },
        },
        {
          id: 'slos',
          title: 'Defines SLOs',
          level: 'Silver',
          query: {
            combinator: 'and',
            conditions: [
              {
                property: 'metadata.annotations.datadoghq.com/slo-ids',
                operator: 'isNotEmpty',
              },
            ],
          },
        },
        {
          id: 'alerts',
          title: 'Has alerting rules',
          level: 'Silver',
          query: {
            combinator: 'and',
            conditions: [
              {
                property: 'metadata.annotations.prometheus.io/rule',
                operator: 'isNotEmpty',
              },
            ],
          },
        },
        {
          id: 'coverage',
          title: 'Test coverage at least 70%',
          level: 'Silver',
          query: {
            combinator: 'and',
            conditions: [
              {
                property: 'metadata.annotations.acme.com/test-coverage',
                operator: '>=',
                value: 70,
              },
            ],
          },
        },
        {
          id: 'no-legacy-logging',
          title: 'No legacy logging',
          level: 'Silver',
          query: {
            combinator: 'and',
            conditions: [
              {
                property: 'metadata.annotations.acme.com/legacy-logging',
                operator: 'isEmpty',
              },
            ],
          },
        },
        {
          id: 'kubernetes',
          title: 'Deployment is visible in Backstage',
          level: 'Gold',
          query: {
            combinator: 'and',
            conditions: [
              {
                property: 'metadata.annotations.backstage.io/kubernetes-id',
                operator: 'isNotEmpty',
              },
            ],
          },
        },
        {
          id: 'tier1-paged',
          title: 'Tier-1 services page a human',
          level: 'Gold',
          filter: 'metadata.tags:tier-1',
          query: {
            combinator: 'and',
            conditions: [
              {
                property: 'metadata.annotations.pagerduty.com/service-id',
                operator: 'isNotEmpty',
              },
            ],
          },
        },
        {
          id: 'recently-deployed',
          title: 'Deployed in the last 180 days',
          level: 'Gold',
          query: {
            combinator: 'and',
            not: true,
            conditions: [
              {
                property: 'metadata.annotations.acme.com/last-deploy',
                operator: 'olderThan',
                value: 'P180D',
              },
            ],
          },
        },
        {
          id: 'health-endpoint',
          title: 'Exposes a health endpoint',
          level: 'Gold',
          query: {
            combinator: 'and',
            conditions: [
              {
                property: 'metadata.annotations.acme.com/health-endpoint',
                operator: 'endsWith',
                value: '/healthz',
              },
            ],
          },
        },
      ],
    },
    {
      id: 'documentation-ownership',
      title: 'Documentation & Ownership',
      filter: 'kind:component OR kind:api',
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
          id: 'description',
          title: 'Has a description',
          level: 'Bronze',
          query: {
            combinator: 'and',
            conditions: [
              { property: 'metadata.description', operator: 'isNotEmpty' },
            ],
          },
        },
        {
          id: 'title',
          title: 'Has a title',
          level: 'Bronze',
          query: 'metadata.title:*',
        },
        {
          id: 'techdocs',
          title: 'Publishes TechDocs',
          level: 'Silver',
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
          id: 'tagged',
          title: 'Is tagged',
          level: 'Silver',
          query: {
            combinator: 'and',
            conditions: [{ property: 'metadata.tags', operator: 'isNotEmpty' }],
          },
        },
        {
          id: 'naming',
          title: 'Follows the naming convention',
          level: 'Silver',
          query: {
            combinator: 'and',
            conditions: [
              {
                property: 'metadata.name',
                operator: 'matches',
                value: '^[a-z][a-z0-9-]*$',
              },
            ],
          },
        },
        {
          id: 'supported-language',
          title: 'Written in a supported language',
          level: 'Silver',
          query: {
            combinator: 'and',
            conditions: [
              {
                property: 'metadata.annotations.acme.com/language',
                operator: 'notIn',
                value: ['cobol', 'perl'],
              },
              {
                property: 'metadata.annotations.acme.com/language',
                operator: 'isNotEmpty',
              },
            ],
          },
        },
        {
          id: 'api-spec',
          title: 'APIs publish a YAML spec',
          level: 'Gold',
          filter: 'kind:api',
          query: {
            combinator: 'and',
            conditions: [
              {
                property: 'metadata.annotations.acme.com/api-spec-url',
                operator: 'endsWith',
                value: '.yaml',
              },
            ],
          },
        },
        {
          id: 'docs-reviewed',
          title: 'Docs reviewed in the last year',
          level: 'Gold',
          query: {
            combinator: 'and',
            conditions: [
              {
                property: 'metadata.annotations.acme.com/docs-reviewed',
                operator: 'within',
                value: 'P365D',
              },
            ],
          },
        },
        {
          id: 'real-owner',
          title: 'Not owned by the placeholder team',
          level: 'Gold',
          query: {
            combinator: 'and',
            conditions: [
              {
                property: '$owner',
                operator: '!=',
                value: 'group:default/unowned',
              },
            ],
          },
        },
      ],
    },
  ],
};
