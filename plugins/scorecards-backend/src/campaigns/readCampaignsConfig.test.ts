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

import { ConfigReader } from '@backstage/config';
import { testDefinitions } from './__testUtils__/insertResults';
import {
  readCampaignsConfig,
  readCampaignTicketUrlTemplate,
} from './readCampaignsConfig';

describe('readCampaignsConfig', () => {
  it('reads no campaigns', () => {
    expect(
      readCampaignsConfig(
        new ConfigReader({ scorecards: {} }),
        testDefinitions,
      ),
    ).toEqual([]);
  });

  it('reads valid campaigns', () => {
    const campaigns = readCampaignsConfig(
      new ConfigReader({
        scorecards: {
          campaigns: [
            {
              name: 'Adopt TechDocs',
              owner: 'platform',
              startDate: '2026-11-01',
              rules: [{ rule: 'docs/techdocs' }],
            },
          ],
        },
      }),
      testDefinitions,
    );
    expect(campaigns.map(c => [c.key, c.owner])).toEqual([
      ['adopt-techdocs', 'group:default/platform'],
    ]);
  });

  it('fails listing every problem with its key path', () => {
    expect(() =>
      readCampaignsConfig(
        new ConfigReader({
          scorecards: {
            campaigns: [
              {
                name: 'A',
                owner: 'platform',
                startDate: '2026-11-01',
                rules: [{ rule: 'docs/techdoc' }],
              },
              { name: 'B', startDate: 'soon', rules: ['ops/oncall'] },
            ],
          },
        }),
        testDefinitions,
      ),
    ).toThrow(
      'Invalid scorecards campaigns configuration (3 problems):\n' +
        '  - scorecards.campaigns[0].rules[0].rule: no rule "docs/techdoc"; did you mean "docs/techdocs"?\n' +
        '  - scorecards.campaigns[1].owner: a campaign needs an owner: a group such as "group:default/platform"\n' +
        '  - scorecards.campaigns[1].startDate: "soon" is not a date written YYYY-MM-DD',
    );
  });
});

describe('readCampaignTicketUrlTemplate', () => {
  it('reads an optional template', () => {
    expect(
      readCampaignTicketUrlTemplate(new ConfigReader({ scorecards: {} })),
    ).toBeUndefined();
    expect(
      readCampaignTicketUrlTemplate(
        new ConfigReader({
          scorecards: {
            campaignTicketUrlTemplate:
              'https://jira.example.com/new?summary={campaign}&team={team}',
          },
        }),
      ),
    ).toBe('https://jira.example.com/new?summary={campaign}&team={team}');
  });

  it('rejects unknown placeholders', () => {
    expect(() =>
      readCampaignTicketUrlTemplate(
        new ConfigReader({
          scorecards: {
            campaignTicketUrlTemplate: 'https://x.example.com/{foo}',
          },
        }),
      ),
    ).toThrow(
      'Invalid scorecards.campaignTicketUrlTemplate:\n  - unknown placeholder {foo}; use one of {campaign}, {campaignKey}, {team}, {entities}, {rules}, {deadline}, {url}',
    );
  });
});
