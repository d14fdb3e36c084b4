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
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  NormalisedCampaign,
  validateCampaignsConfig,
} from '@openscorecards/plugin-scorecards-common';
import express from 'express';
import Router from 'express-promise-router';
import { Knex } from 'knex';
import request from 'supertest';
import { insertResults, testDefinitions } from './__testUtils__/insertResults';
import { CampaignProgressCache } from './campaignProgress';
import { CampaignStore } from './CampaignStore';
import { deadlineText, registerCampaignNotifyRoutes } from './notifyRoutes';

jest.setTimeout(60_000);

const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';
const NOW = new Date('2026-11-25T12:00:00Z');
// The twelve entities of team-a that fail on-call.
const TEAM_A_ON_CALL = Array.from(
  { length: 12 },
  (_, i) => `s${String(i).padStart(2, '0')}`,
);

const { campaigns } = validateCampaignsConfig(
  [
    {
      name: 'Docs and on-call',
      owner: 'platform',
      startDate: '2026-11-01',
      endDate: '2027-01-31',
      scope: 'kind:component',
      rules: ['docs/techdocs', 'ops/oncall'],
    },
    {
      name: 'Overdue docs',
      owner: 'platform',
      startDate: '2026-10-01',
      endDate: '2026-11-20',
      rules: ['docs/techdocs'],
    },
  ],
  { path: 'scorecards.campaigns', scorecards: testDefinitions.definitions },
) as { campaigns: NormalisedCampaign[] };

const asUser = mockCredentials.user.header();

describe('POST /campaigns/:key/notify', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let knex: Knex;
  let campaignStore: CampaignStore;
  let allow: boolean;
  let send: jest.Mock;

  beforeAll(async () => {
    knex = await databases.init('SQLITE_3');
    campaignStore = await CampaignStore.create({
      database: mockServices.database({ knex }),
    });
    // team-a: b fails techdocs, twelve more fail on-call (13 failing);
    // team-b: d fails both, and h too, but the catalog hides h from the
    // caller; u has no owner; a passes.
    await insertResults(knex, [
      {
        scorecardId: 'docs',
        name: 'a',
        owner: TEAM_A,
        rules: { techdocs: 'pass' },
      },
      {
        scorecardId: 'docs',
        name: 'b',
        owner: TEAM_A,
        rules: { techdocs: 'fail' },
      },
      {
        scorecardId: 'ops',
        name: 'b',
        owner: TEAM_A,
        rules: { oncall: 'pass' },
      },
      ...TEAM_A_ON_CALL.map(name => ({
        scorecardId: 'ops',
        name,
        owner: TEAM_A,
        rules: { oncall: 'fail' as const },
      })),
      {
        scorecardId: 'docs',
        name: 'd',
        owner: TEAM_B,
        rules: { techdocs: 'fail' },
      },
      {
        scorecardId: 'ops',
        name: 'd',
        owner: TEAM_B,
        rules: { oncall: 'fail' },
      },
      {
        scorecardId: 'docs',
        name: 'h',
        owner: TEAM_B,
        rules: { techdocs: 'fail' },
      },
      { scorecardId: 'docs', name: 'u', rules: { techdocs: 'fail' } },
    ]);
  });

  function app(
    options: { notifications?: NotificationService | null } = {},
  ): express.Express {
    const router = Router();
    router.use(express.json());
    registerCampaignNotifyRoutes(router, {
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.none(),
      }),
      catalog: catalogServiceMock({
        entities: ['a', 'b', 'd', 'u', ...TEAM_A_ON_CALL].map(name => ({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name, namespace: 'default' },
        })),
      }),
      permissions: mockServices.permissions.mock({
        authorize: jest.fn(async () => [
          { result: allow ? AuthorizeResult.ALLOW : AuthorizeResult.DENY },
        ]) as any,
      }),
      notifications:
        options.notifications === null
          ? undefined
          : options.notifications ?? { send },
      progress: new CampaignProgressCache(knex),
      campaigns,
      campaignStore,
      definitions: testDefinitions,
      logger: mockServices.logger.mock(),
      appBaseUrl: 'https://backstage.example.com/',
      now: () => NOW,
    });
    return express().use(router).use(mockErrorHandler());
  }

  beforeEach(() => {
    allow = true;
    send = jest.fn(async () => undefined);
  });

  it('sends one notification per owning group', async () => {
    const res = await request(app())
      .post('/campaigns/docs-and-on-call/notify')
      .set('Authorization', asUser);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      teamsNotified: 2,
      entitiesIncluded: 14,
      unowned: 1,
      failedTeams: [],
    });
    expect(send).toHaveBeenCalledTimes(2);
    const [[a], [b]] = send.mock.calls;
    expect(a.recipients).toEqual({ type: 'entity', entityRef: TEAM_A });
    expect(a.payload).toMatchObject({
      title: 'Campaign "Docs and on-call": 13 entities still fail',
      // The campaign page, its table filtered to the team's entities.
      link: `/scorecards/campaigns/docs-and-on-call?team=${encodeURIComponent(
        TEAM_A,
      )}`,
      severity: 'normal',
      topic: 'scorecards-campaign-docs-and-on-call',
    });
    const lines = a.payload.description.split('\n');
    expect(lines[0]).toBe(
      `13 entities owned by ${TEAM_A} fail the campaign "Docs and on-call", due 2027-01-31 (67 days left):`,
    );
    expect(lines[1]).toBe('- component:default/b: Has TechDocs');
    expect(lines[2]).toBe('- component:default/s00: Has on-call');
    expect(
      lines.filter((l: string) => l.startsWith('- component:')),
    ).toHaveLength(10);
    expect(lines).toContain('- and 3 more entities');
    expect(lines[lines.length - 1]).toBe(
      `Campaign: https://backstage.example.com/scorecards/campaigns/docs-and-on-call?team=${encodeURIComponent(
        TEAM_A,
      )}`,
    );

    expect(b.recipients).toEqual({ type: 'entity', entityRef: TEAM_B });
    expect(b.payload.title).toBe(
      'Campaign "Docs and on-call": 1 entity still fails',
    );
    expect(b.payload.link).toBe(
      `/scorecards/campaigns/docs-and-on-call?team=${encodeURIComponent(
        TEAM_B,
      )}`,
    );
    expect(b.payload.description).toContain(
      '- component:default/d: Has TechDocs, Has on-call',
    );
    // h fails too, but the caller cannot see it.
    expect(b.payload.description).not.toContain('component:default/h');
  });

  it('notifies only the owners of the failing entities the filters select', async () => {
    const byTeam = await request(app())
      .post(
        `/campaigns/docs-and-on-call/notify?team=team-b&team=${encodeURIComponent(
          'group:default/team-c',
        )}`,
      )
      .set('Authorization', asUser);
    expect(byTeam.body).toEqual({
      teamsNotified: 1,
      entitiesIncluded: 1,
      unowned: 0,
      failedTeams: [],
    });
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0][0].recipients).toEqual({
      type: 'entity',
      entityRef: TEAM_B,
    });

    send.mockClear();
    const byRule = await request(app())
      .post('/campaigns/docs-and-on-call/notify?rule=docs/techdocs')
      .set('Authorization', asUser);
    // b (team-a), d (team-b) and u (no owner) fail TechDocs.
    expect(byRule.body).toEqual({
      teamsNotified: 2,
      entitiesIncluded: 2,
      unowned: 1,
      failedTeams: [],
    });
    const [[a]] = send.mock.calls;
    expect(a.recipients).toEqual({ type: 'entity', entityRef: TEAM_A });
    expect(a.payload.title).toBe(
      'Campaign "Docs and on-call": 1 entity still fails Has TechDocs',
    );
    const link = `/scorecards/campaigns/docs-and-on-call?team=${encodeURIComponent(
      TEAM_A,
    )}&rule=docs%2Ftechdocs`;
    expect(a.payload.link).toBe(link);
    const lines = a.payload.description.split('\n');
    expect(lines).toEqual([
      `1 entity owned by ${TEAM_A} fails "Has TechDocs" of the campaign "Docs and on-call", due 2027-01-31 (67 days left):`,
      '- component:default/b: Has TechDocs',
      `Campaign: https://backstage.example.com${link}`,
    ]);

    send.mockClear();
    const bad = await request(app())
      .post('/campaigns/docs-and-on-call/notify?rule=docs/readme&team=x:')
      .set('Authorization', asUser);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain(
      'team: must be a group ref, such as group:default/team-a',
    );
    const badRule = await request(app())
      .post('/campaigns/docs-and-on-call/notify?rule=docs/readme')
      .set('Authorization', asUser);
    expect(badRule.status).toBe(400);
    expect(badRule.body.error.message).toContain(
      '"docs/readme" is not a rule of this campaign',
    );
    expect(send).not.toHaveBeenCalled();
  });

  it('sends high-severity notifications once overdue', async () => {
    const res = await request(app())
      .post('/campaigns/overdue-docs/notify')
      .set('Authorization', asUser);
    expect(res.body).toEqual({
      teamsNotified: 2,
      entitiesIncluded: 2,
      unowned: 1,
      failedTeams: [],
    });
    for (const [options] of send.mock.calls) {
      expect(options.payload.severity).toBe('high');
      expect(options.payload.description).toContain(
        'overdue since 2026-11-20 (5 days)',
      );
    }
  });

  it('reports the teams it could not notify', async () => {
    send.mockImplementation(async ({ recipients }) => {
      if (recipients.entityRef === TEAM_B) {
        throw new Error('boom');
      }
    });
    const res = await request(app())
      .post('/campaigns/docs-and-on-call/notify')
      .set('Authorization', asUser);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      teamsNotified: 1,
      entitiesIncluded: 13,
      unowned: 1,
      failedTeams: [TEAM_B],
    });

    send.mockRejectedValue(new Error('down'));
    const failed = await request(app())
      .post('/campaigns/docs-and-on-call/notify')
      .set('Authorization', asUser);
    expect(failed.status).toBe(503);
  });

  it('requires credentials and the notify permission', async () => {
    expect(
      (await request(app()).post('/campaigns/docs-and-on-call/notify')).status,
    ).toBe(401);
    allow = false;
    const res = await request(app())
      .post('/campaigns/docs-and-on-call/notify')
      .set('Authorization', asUser);
    expect(res.status).toBe(403);
    expect(send).not.toHaveBeenCalled();
  });

  it('answers 404 for an unknown campaign', async () => {
    const res = await request(app())
      .post('/campaigns/nope/notify')
      .set('Authorization', asUser);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('No campaign with the key "nope"');
  });

  it('answers 503 without the notifications service', async () => {
    const res = await request(app({ notifications: null }))
      .post('/campaigns/docs-and-on-call/notify')
      .set('Authorization', asUser);
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(/^Notifications are not available/);
  });
});

describe('deadlineText', () => {
  it('says when the campaign is due', () => {
    expect(deadlineText('2026-11-25', NOW)).toEqual({
      text: 'due 2026-11-25 (today)',
      overdue: false,
    });
    expect(deadlineText('2026-11-26', NOW).text).toBe(
      'due 2026-11-26 (1 day left)',
    );
    expect(deadlineText('2026-11-24', NOW)).toEqual({
      text: 'overdue since 2026-11-24 (1 day)',
      overdue: true,
    });
    expect(deadlineText(undefined, NOW).text).toBe('no deadline');
  });
});
