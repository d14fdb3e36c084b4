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

import { ScorecardDefinition } from '../rules/types';
import {
  campaignKey,
  validateCampaign,
  validateCampaignsConfig,
} from './validate';

const scorecards: ScorecardDefinition[] = [
  {
    id: 'observability',
    title: 'Observability',
    rules: [
      { id: 'slos', title: 'Has SLOs', level: 'Bronze', query: 'spec.slos:*' },
      { id: 'dashboards', title: 'Dashboards', level: 'Silver', query: 'x:*' },
    ],
  },
  {
    id: 'docs',
    title: 'Docs',
    rules: [
      {
        id: 'techdocs',
        title: 'TechDocs',
        level: 'Bronze',
        query: 'metadata.annotations.backstage.io/techdocs-ref:*',
      },
    ],
  },
];

const campaign = (overrides: Record<string, unknown> = {}) => ({
  name: 'Adopt TechDocs',
  owner: 'platform',
  startDate: '2026-11-01',
  rules: [{ rule: 'docs/techdocs' }],
  ...overrides,
});

const validate = (raw: unknown) =>
  validateCampaignsConfig(raw, { path: 'scorecards.campaigns', scorecards });

describe('campaignKey', () => {
  it('slugs names', () => {
    expect(campaignKey('Adopt TechDocs')).toBe('adopt-techdocs');
    expect(campaignKey('  Define on-call for tier-1 services! ')).toBe(
      'define-on-call-for-tier-1-services',
    );
    expect(campaignKey('Migrer à Node 22')).toBe('migrer-a-node-22');
    expect(campaignKey('!!!')).toBe('');
    expect(campaignKey('a'.repeat(150)).length).toBe(100);
  });
});

describe('validateCampaignsConfig', () => {
  it('accepts no campaigns', () => {
    expect(validate(undefined)).toEqual({ problems: [], campaigns: [] });
    expect(validate([])).toEqual({ problems: [], campaigns: [] });
  });

  it('normalises a valid campaign', () => {
    const { problems, campaigns } = validate([
      campaign({
        description: 'Every service gets *docs*.',
        endDate: '2026-12-31',
        scope: 'kind:component AND spec.lifecycle:production',
        rules: [
          'observability/slos',
          {
            rule: 'docs/techdocs',
            guidance: {
              links: [{ title: 'How to', url: 'https://docs.example.com' }],
              steps: ['Add `mkdocs.yml`', 'Annotate'],
              templateUrl: 'https://backstage.example.com/create/templates/x',
            },
          },
        ],
        ticketUrlTemplate: 'https://jira.example.com/new?summary={campaign}',
      }),
    ]);
    expect(problems).toEqual([]);
    expect(campaigns).toEqual([
      {
        key: 'adopt-techdocs',
        name: 'Adopt TechDocs',
        description: 'Every service gets *docs*.',
        owner: 'group:default/platform',
        startDate: '2026-11-01',
        endDate: '2026-12-31',
        scope: 'kind:component AND spec.lifecycle:production',
        rules: [
          {
            rule: 'observability/slos',
            scorecardId: 'observability',
            ruleId: 'slos',
          },
          {
            rule: 'docs/techdocs',
            scorecardId: 'docs',
            ruleId: 'techdocs',
            guidance: {
              links: [{ title: 'How to', url: 'https://docs.example.com' }],
              steps: ['Add `mkdocs.yml`', 'Annotate'],
              templateUrl: 'https://backstage.example.com/create/templates/x',
            },
          },
        ],
        ticketUrlTemplate: 'https://jira.example.com/new?summary={campaign}',
      },
    ]);
  });

  it('accepts dates YAML parsed into Date objects', () => {
    const { campaigns } = validate([
      campaign({ startDate: new Date('2026-11-01T00:00:00Z') }),
    ]);
    expect(campaigns?.[0].startDate).toBe('2026-11-01');
  });

  it('reports every problem with its key path', () => {
    const { problems, campaigns } = validate([
      campaign(),
      {
        rules: [{ rule: 'observability/slo' }],
        startDate: '2026-13-01',
        deadline: '2026-12-01',
      },
      campaign({
        name: 'Other',
        owner: 'user:default/jane',
        startDate: '2026-11-10',
        endDate: '2026-11-09',
        rules: [
          { rule: 'docs' },
          { rule: 'docs/techdocs' },
          { rule: 'docs/techdocs' },
        ],
      }),
    ]);
    expect(campaigns).toBeUndefined();
    expect(problems).toEqual([
      {
        path: 'scorecards.campaigns[1].deadline',
        message: 'unknown key "deadline"; did you mean "endDate"?',
      },
      {
        path: 'scorecards.campaigns[1].name',
        message: 'a campaign needs a name',
      },
      {
        path: 'scorecards.campaigns[1].owner',
        message:
          'a campaign needs an owner: a group such as "group:default/platform"',
      },
      {
        path: 'scorecards.campaigns[1].startDate',
        message: '"2026-13-01" is not a date written YYYY-MM-DD',
      },
      {
        path: 'scorecards.campaigns[1].rules[0].rule',
        message:
          'no rule "observability/slo"; did you mean "observability/slos"?',
      },
      {
        path: 'scorecards.campaigns[2].owner',
        message:
          'the owner must be a group, such as "group:default/platform", got "user:default/jane"',
      },
      {
        path: 'scorecards.campaigns[2].endDate',
        message: 'endDate 2026-11-09 is before startDate 2026-11-10',
      },
      {
        path: 'scorecards.campaigns[2].rules[0].rule',
        message: 'no rule "docs"; write rules as "<scorecardId>/<ruleId>"',
      },
      {
        path: 'scorecards.campaigns[2].rules[2].rule',
        message: 'duplicate rule "docs/techdocs"; rules[1] already has it',
      },
    ]);
  });

  it('checks ticket link templates', () => {
    const { problems } = validate([
      campaign({
        ticketUrlTemplate:
          'https://jira.example.com/new?summary={campaign}&x={foo}',
      }),
      campaign({ name: 'Other', ticketUrlTemplate: 'ftp://x/{team}' }),
    ]);
    expect(problems).toEqual([
      {
        path: 'scorecards.campaigns[0].ticketUrlTemplate',
        message:
          'unknown placeholder {foo}; use one of {campaign}, {campaignKey}, {team}, {entities}, {rules}, {deadline}, {url}',
      },
      {
        path: 'scorecards.campaigns[1].ticketUrlTemplate',
        message:
          '"ftp://x/{team}" must be an http(s) URL starting with https:// or http:// and a host',
      },
    ]);
  });

  it('reports missing rules, start date and a bad guidance', () => {
    const { problems } = validate([
      {
        name: 'X',
        owner: 'group:default/a',
        rules: [
          {
            rule: 'docs/techdocs',
            guidance: {
              links: [{ title: 'bad', url: `${'javascript'}:alert(1)` }],
              steps: [''],
              url: 'https://x',
            },
          },
        ],
      },
      { name: 'Y', owner: 'a', startDate: '2026-01-01' },
    ]);
    expect(problems).toEqual([
      {
        path: 'scorecards.campaigns[0].startDate',
        message: 'a campaign needs a startDate, such as "2026-12-01"',
      },
      {
        path: 'scorecards.campaigns[0].rules[0].guidance.url',
        message: 'unknown key "url"; did you mean "templateUrl"?',
      },
      {
        path: 'scorecards.campaigns[0].rules[0].guidance.links[0].url',
        message:
          '"javascript:alert(1)" is not an http(s) URL, such as "https://example.com/docs"',
      },
      {
        path: 'scorecards.campaigns[0].rules[0].guidance.steps[0]',
        message: 'a step must be a non-empty string, got ""',
      },
      {
        path: 'scorecards.campaigns[1].rules',
        message:
          'a campaign needs at least one rule, such as { rule: "<scorecardId>/<ruleId>" }',
      },
    ]);
  });

  it('reports duplicate keys, given or generated', () => {
    const { problems } = validate([
      campaign(),
      campaign(),
      campaign({ key: 'adopt-techdocs', name: 'Another' }),
      campaign({ key: 'Bad Key' }),
    ]);
    expect(problems).toEqual([
      {
        path: 'scorecards.campaigns[1].key',
        message:
          'duplicate key "adopt-techdocs" (generated from the name; set a key); campaigns[0] already uses it',
      },
      {
        path: 'scorecards.campaigns[2].key',
        message: 'duplicate key "adopt-techdocs"; campaigns[0] already uses it',
      },
      {
        path: 'scorecards.campaigns[3].key',
        message:
          'key "Bad Key" may contain only lowercase letters, digits and dashes, such as "bad-key"',
      },
    ]);
  });

  it('validates scopes with the scope parser and the campaign properties', () => {
    const { problems } = validate([
      campaign({ scope: 'kind:component AND (' }),
      campaign({ key: 'b', scope: 'spec.lifecyle:production' }),
      campaign({
        key: 'c',
        scope: {
          combinator: 'and',
          conditions: [
            { property: 'kind', operator: '=', value: 'Component' },
            { property: 'metadata.tags', operator: 'contains', value: 'x' },
          ],
        },
      }),
      campaign({
        key: 'd',
        scope: {
          combinator: 'and',
          conditions: [{ property: 'kind', operator: '==', value: 'x' }],
        },
      }),
      campaign({
        key: 'e',
        scope: '$owner:group:default/a AND $lifecycle:production',
      }),
    ]);
    expect(problems.map(p => p.path)).toEqual([
      'scorecards.campaigns[0].scope',
      'scorecards.campaigns[1].scope',
      'scorecards.campaigns[2].scope.conditions[1].property',
      'scorecards.campaigns[3].scope.conditions[0].operator',
    ]);
    expect(problems[0].message).toMatch(/^invalid scope string: /);
    expect(problems[1].message).toMatch(
      /^a campaign scope cannot use "spec.lifecyle" \(did you mean "spec.lifecycle"\?\): campaign progress is read from stored results, which keep only kind, metadata.name, /,
    );
    expect(problems[2].message).toContain('cannot use "metadata.tags"');
    expect(problems[3].message).toBe(
      'unknown operator "=="; did you mean "="?',
    );
  });

  it('rejects a non-list', () => {
    expect(validate({ name: 'x' }).problems).toEqual([
      {
        path: 'scorecards.campaigns',
        message: 'campaigns must be a list, got {"name":"x"}',
      },
    ]);
  });
});

describe('validateCampaign', () => {
  it('uses the given path', () => {
    expect(
      validateCampaign({ ...campaign(), name: 5 }, { path: '', scorecards })
        .problems,
    ).toEqual([{ path: 'name', message: 'must be a string, got 5' }]);
  });
});
