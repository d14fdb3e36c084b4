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

import { fillTicketUrlTemplate, ticketUrlTemplateProblems } from './ticketUrl';

describe('fillTicketUrlTemplate', () => {
  it('replaces every placeholder with its URL-encoded value', () => {
    expect(
      fillTicketUrlTemplate(
        'https://tracker.example.com/new?title={campaign}&key={campaignKey}&team={team}&body={entities}%0A{rules}%0A{deadline}%0A{url}',
        {
          campaign: 'Adopt TechDocs & more',
          campaignKey: 'adopt-techdocs',
          team: 'group:default/team-a',
          entities: 'component:default/a, component:default/b',
          rules: 'docs/techdocs',
          deadline: '2027-01-31',
          url: 'https://backstage.example.com/scorecards/campaigns/adopt-techdocs?x=1',
        },
      ),
    ).toBe(
      'https://tracker.example.com/new?title=Adopt%20TechDocs%20%26%20more&key=adopt-techdocs&team=group%3Adefault%2Fteam-a&body=component%3Adefault%2Fa%2C%20component%3Adefault%2Fb%0Adocs%2Ftechdocs%0A2027-01-31%0Ahttps%3A%2F%2Fbackstage.example.com%2Fscorecards%2Fcampaigns%2Fadopt-techdocs%3Fx%3D1',
    );
  });

  it('fills missing values with nothing and repeats placeholders', () => {
    expect(
      fillTicketUrlTemplate(
        'https://x.example.com/{team}/{team}?d={deadline}',
        {
          team: 'a b',
        },
      ),
    ).toBe('https://x.example.com/a%20b/a%20b?d=');
  });

  it('leaves unknown placeholders as they are', () => {
    expect(
      fillTicketUrlTemplate('https://x.example.com/{foo}/{team}', {
        team: 't',
      }),
    ).toBe('https://x.example.com/{foo}/t');
  });
});

describe('ticketUrlTemplateProblems', () => {
  it('accepts http(s) templates with known placeholders', () => {
    expect(
      ticketUrlTemplateProblems(
        'https://github.com/acme/issues/new?title={campaign}&body={entities}',
      ),
    ).toEqual([]);
    expect(ticketUrlTemplateProblems('http://jira.local/{team}')).toEqual([]);
  });

  it('rejects other schemes', () => {
    // eslint-disable-next-line no-script-url
    expect(ticketUrlTemplateProblems('javascript:alert({team})')).toEqual([
      '"javascript:alert({team})" must be an http(s) URL starting with https:// or http:// and a host',
    ]);
    expect(
      ticketUrlTemplateProblems('https://{team}.example.com'),
    ).toHaveLength(1);
  });

  it('names unknown placeholders once each', () => {
    expect(
      ticketUrlTemplateProblems('https://x.example.com/{foo}/{foo}/{Team}'),
    ).toEqual([
      'unknown placeholder {foo}; use one of {campaign}, {campaignKey}, {team}, {entities}, {rules}, {deadline}, {url}',
      'unknown placeholder {Team}; use one of {campaign}, {campaignKey}, {team}, {entities}, {rules}, {deadline}, {url}',
    ]);
  });
});
