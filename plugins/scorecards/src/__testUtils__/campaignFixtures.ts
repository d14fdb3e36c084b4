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
  CampaignDetailsResponse,
  CampaignSummary,
  EntityCampaignsResponse,
} from '../api/types';

/** Campaign test data shared by the component tests. */

export const tlsCampaign: CampaignSummary = {
  key: 'tls-13',
  name: 'Move to TLS 1.3',
  description: 'Every **production** service on TLS 1.3.',
  owner: 'group:default/platform',
  startDate: '2026-01-01',
  endDate: '2026-03-31',
  source: 'config',
  archived: false,
  editable: false,
  status: 'active',
  daysLeft: 12,
  ruleCount: 2,
  progress: { inScope: 40, passing: 30, completion: 75 },
};

export const runbookCampaign: CampaignSummary = {
  ...tlsCampaign,
  key: 'runbooks',
  name: 'Runbooks for all',
  description: undefined,
  owner: 'group:default/sre',
  status: 'overdue',
  daysLeft: -3,
  ruleCount: 1,
  progress: { inScope: 10, passing: 4, completion: 40 },
};

export const doneCampaign: CampaignSummary = {
  ...tlsCampaign,
  key: 'owners',
  name: 'Owners everywhere',
  status: 'completed',
  daysLeft: -30,
  progress: { inScope: 5, passing: 5, completion: 100 },
};

export const tlsDetails: CampaignDetailsResponse = {
  ...tlsCampaign,
  computedAt: '2026-03-19T10:00:00.000Z',
  byTeam: [
    {
      owner: 'group:default/team-a',
      inScope: 20,
      passing: 19,
      completion: 95,
    },
    {
      owner: 'group:default/team-b',
      inScope: 18,
      passing: 10,
      completion: 55.6,
    },
    { owner: '', inScope: 2, passing: 1, completion: 50 },
  ],
  byRule: [
    {
      rule: 'security/tls',
      scorecardId: 'security',
      ruleId: 'tls',
      scorecardTitle: 'Security',
      title: 'Uses TLS 1.3',
      guidance: {
        links: [{ title: 'TLS guide', url: 'https://example.com/tls' }],
        steps: ['Upgrade the **ingress**', 'Redeploy'],
        templateUrl: 'https://example.com/create/tls',
      },
      applicable: 40,
      passing: 32,
      failing: 8,
      completion: 80,
    },
    {
      rule: 'security/hsts',
      scorecardId: 'security',
      ruleId: 'hsts',
      scorecardTitle: 'Security',
      title: 'Sends HSTS',
      applicable: 40,
      passing: 36,
      failing: 4,
      completion: 90,
    },
  ],
  trend: {
    startDate: '2026-01-01',
    endDate: '2026-03-31',
    points: [
      { day: '2026-01-01', inScope: 40, passing: 10, completion: 25 },
      { day: '2026-03-19', inScope: 40, passing: 30, completion: 75 },
    ],
  },
};

export const paymentsCampaigns: EntityCampaignsResponse = {
  entityRef: 'component:default/payments',
  items: [
    {
      ...tlsCampaign,
      passing: false,
      rules: [
        {
          rule: 'security/tls',
          scorecardId: 'security',
          ruleId: 'tls',
          title: 'Uses TLS 1.3',
          status: 'fail',
          message: 'spec.tls is 1.2; must be 1.3',
          guidance: {
            steps: ['Upgrade the ingress'],
            links: [{ title: 'TLS guide', url: 'https://example.com/tls' }],
          },
        },
        {
          rule: 'security/hsts',
          scorecardId: 'security',
          ruleId: 'hsts',
          title: 'Sends HSTS',
          status: 'pass',
          message: 'spec.hsts is true',
          guidance: { steps: ['Should not be shown'] },
        },
      ],
    },
  ],
};
