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
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CampaignDepartmentsResponse,
  NormalisedCampaign,
  TeamCampaignsResponse,
  validateCampaignsConfig,
} from '@openscorecards/plugin-scorecards-common';
import express from 'express';
import Router from 'express-promise-router';
import { Knex } from 'knex';
import request from 'supertest';
import { EntityResultRow, ResultStore } from '../database/ResultStore';
import { insertResults, testDefinitions } from './__testUtils__/insertResults';
import { CampaignProgressCache } from './campaignProgress';
import { registerCampaignRoutes } from './campaignRoutes';
import { CampaignStore } from './CampaignStore';
import { createCampaignDailyRecorder } from './recordCampaignDaily';

jest.setTimeout(60_000);

const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';
const NOW = new Date('2026-11-25T12:00:00Z');

const { campaigns: configCampaigns } = validateCampaignsConfig(
  [
    {
      name: 'Docs and on-call',
      owner: 'platform',
      startDate: '2026-11-01',
      endDate: '2026-11-30',
      scope: 'kind:component',
      rules: [
        {
          rule: 'docs/techdocs',
          guidance: {
            links: [{ title: 'TechDocs', url: 'https://backstage.io/docs' }],
            steps: ['Add `mkdocs.yml`'],
          },
        },
        'ops/oncall',
      ],
    },
  ],
  { path: 'scorecards.campaigns', scorecards: testDefinitions.definitions },
) as { campaigns: NormalisedCampaign[] };

const entity = (name: string, kind = 'Component'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: {},
});

// `e` exists in the results but the catalog hides it from the caller.
// Platform is the parent of team-a and team-b, and a child of acme. Each
// names its parent another way: spec.parent, a childOf relation; team-b also
// names a parent the caller may not see.
const catalogEntities = [
  entity('a'),
  entity('b'),
  entity('c'),
  entity('d'),
  entity('f'),
  {
    ...entity('platform', 'Group'),
    spec: { children: ['team-a', 'team-b'], parent: 'acme' },
  },
  entity('acme', 'Group'),
  { ...entity('team-a', 'Group'), spec: { parent: 'platform' } },
  {
    ...entity('team-b', 'Group'),
    relations: [
      { type: 'childOf', targetRef: 'group:default/platform' },
      { type: 'childOf', targetRef: 'group:default/hidden' },
    ],
  },
];

const asUser = mockCredentials.user.header();

const newCampaign = {
  name: 'Adopt TechDocs',
  owner: 'group:default/team-a',
  startDate: '2026-12-01',
  endDate: '2027-01-31',
  description: 'Docs for *everyone*',
  rules: [{ rule: 'docs/techdocs', guidance: { steps: ['Do it'] } }],
};

describe('campaign routes', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let knex: Knex;
  let campaignStore: CampaignStore;
  let app: express.Express;
  let allow: boolean;
  let progress: CampaignProgressCache;
  const entityResults = jest.fn<Promise<EntityResultRow[]>, [string]>();

  beforeAll(async () => {
    knex = await databases.init('SQLITE_3');
    campaignStore = await CampaignStore.create({
      database: mockServices.database({ knex }),
    });
    await insertResults(knex, [
      {
        scorecardId: 'docs',
        name: 'a',
        owner: TEAM_A,
        rules: { techdocs: 'pass' },
      },
      {
        scorecardId: 'ops',
        name: 'a',
        owner: TEAM_A,
        rules: { oncall: 'pass' },
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
      {
        scorecardId: 'docs',
        name: 'c',
        owner: TEAM_B,
        rules: { techdocs: 'skip' },
      },
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
        name: 'e',
        owner: TEAM_B,
        rules: { techdocs: 'fail' },
      },
      {
        scorecardId: 'ops',
        name: 'f',
        owner: TEAM_B,
        rules: { oncall: 'pass' },
      },
    ]);
  });

  beforeEach(async () => {
    await knex('scorecards_campaigns').delete();
    await knex('scorecards_campaign_daily').delete();
    allow = true;
    progress = new CampaignProgressCache(knex);
    entityResults.mockReset();
    const router = Router();
    router.use(express.json());
    registerCampaignRoutes(router, {
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.none(),
      }),
      permissions: mockServices.permissions.mock({
        authorize: jest.fn(async () => [
          { result: allow ? AuthorizeResult.ALLOW : AuthorizeResult.DENY },
        ]) as any,
      }),
      catalog: catalogServiceMock({ entities: catalogEntities }),
      logger: mockServices.logger.mock(),
      store: { getEntityResults: entityResults } as unknown as ResultStore,
      campaignStore,
      progress,
      definitions: testDefinitions,
      campaigns: configCampaigns,
      now: () => NOW,
      ticketUrlTemplate: 'https://tracker.example.com/new?title={campaign}',
    });
    app = express().use(router).use(mockErrorHandler());
  });

  it('requires credentials', async () => {
    for (const path of [
      '/campaigns',
      '/campaigns/docs-and-on-call',
      '/campaigns/docs-and-on-call/departments',
      '/campaigns/docs-and-on-call/trend',
      '/campaigns/docs-and-on-call/entities',
      '/campaigns/docs-and-on-call/export.csv',
      '/entities/component/default/b/campaigns',
      '/teams/group/default/team-a/campaigns',
    ]) {
      expect((await request(app).get(path)).status).toBe(401);
    }
    expect(
      (await request(app).post('/campaigns').send(newCampaign)).status,
    ).toBe(401);
  });

  it('lists campaigns with status, completion and days left', async () => {
    await campaignStore.createCampaign(
      validateCampaignsConfig([newCampaign], {
        scorecards: testDefinitions.definitions,
      }).campaigns![0],
      { createdBy: 'user:default/jane' },
    );
    const res = await request(app)
      .get('/campaigns')
      .set('Authorization', asUser);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        key: 'docs-and-on-call',
        name: 'Docs and on-call',
        owner: 'group:default/platform',
        startDate: '2026-11-01',
        endDate: '2026-11-30',
        source: 'config',
        archived: false,
        editable: false,
        status: 'active',
        daysLeft: 5,
        ruleCount: 2,
        progress: { inScope: 5, passing: 2, completion: 40 },
      },
      {
        key: 'adopt-techdocs',
        name: 'Adopt TechDocs',
        description: 'Docs for *everyone*',
        owner: TEAM_A,
        startDate: '2026-12-01',
        endDate: '2027-01-31',
        source: 'database',
        archived: false,
        editable: true,
        status: 'upcoming',
        daysLeft: 67,
        ruleCount: 1,
        progress: { inScope: 4, passing: 1, completion: 25 },
      },
    ]);

    const upcoming = await request(app)
      .get('/campaigns?status=upcoming')
      .set('Authorization', asUser);
    expect(upcoming.body.items.map((i: any) => i.key)).toEqual([
      'adopt-techdocs',
    ]);
    const owned = await request(app)
      .get('/campaigns?owner=platform')
      .set('Authorization', asUser);
    expect(owned.body.items.map((i: any) => i.key)).toEqual([
      'docs-and-on-call',
    ]);

    const bad = await request(app)
      .get('/campaigns?status=done&colour=red')
      .set('Authorization', asUser);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain(
      'status: must be one of upcoming, active, overdue, completed, ended',
    );
    expect(bad.body.error.message).toContain('colour: unknown parameter');
  });

  it('shows a campaign with progress by team and rule, trend and guidance', async () => {
    await campaignStore.writeDaily('2026-11-24', [
      { campaignKey: 'docs-and-on-call', owner: '*', inScope: 6, passing: 1 },
    ]);
    const res = await request(app)
      .get('/campaigns/docs-and-on-call')
      .set('Authorization', asUser);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      key: 'docs-and-on-call',
      status: 'active',
      daysLeft: 5,
      scope: 'kind:component',
      progress: { inScope: 5, passing: 2, completion: 40 },
      byTeam: [
        { owner: TEAM_A, inScope: 2, passing: 1, completion: 50 },
        { owner: TEAM_B, inScope: 3, passing: 1, completion: 33.3 },
      ],
      byRule: [
        {
          rule: 'docs/techdocs',
          scorecardId: 'docs',
          ruleId: 'techdocs',
          scorecardTitle: 'Documentation',
          title: 'Has TechDocs',
          ruleGuidance: { text: 'Add the annotation.' },
          guidance: {
            links: [{ title: 'TechDocs', url: 'https://backstage.io/docs' }],
            steps: ['Add `mkdocs.yml`'],
          },
          applicable: 4,
          passing: 1,
          failing: 3,
          completion: 25,
        },
        {
          rule: 'ops/oncall',
          title: 'Has on-call',
          applicable: 4,
          passing: 3,
          failing: 1,
          completion: 75,
        },
      ],
      trend: {
        startDate: '2026-11-01',
        endDate: '2026-11-30',
        points: [
          { day: '2026-11-24', inScope: 6, passing: 1, completion: 16.7 },
          { day: '2026-11-25', inScope: 5, passing: 2, completion: 40 },
        ],
      },
    });
    const missing = await request(app)
      .get('/campaigns/nope')
      .set('Authorization', asUser);
    expect(missing.status).toBe(404);
  });

  it("answers a team's and a department's trend, today's from the live progress", async () => {
    await campaignStore.writeDaily('2026-11-24', [
      { campaignKey: 'docs-and-on-call', owner: '*', inScope: 6, passing: 1 },
      {
        campaignKey: 'docs-and-on-call',
        owner: TEAM_A,
        inScope: 2,
        passing: 0,
      },
      {
        campaignKey: 'docs-and-on-call',
        owner: TEAM_B,
        inScope: 4,
        passing: 1,
      },
    ]);
    const get = (query: string) =>
      request(app)
        .get(`/campaigns/docs-and-on-call/trend${query}`)
        .set('Authorization', asUser);

    const team = await get('?team=team-a');
    expect(team.status).toBe(200);
    expect(team.body).toEqual({
      team: TEAM_A,
      relation: 'direct',
      owners: [TEAM_A],
      startDate: '2026-11-01',
      endDate: '2026-11-30',
      points: [
        { day: '2026-11-24', inScope: 2, passing: 0, completion: 0 },
        { day: '2026-11-25', inScope: 2, passing: 1, completion: 50 },
      ],
    });

    // Platform owns nothing itself: its teams' rows added up.
    const department = await get('?team=platform&relation=aggregated');
    expect(department.body).toMatchObject({
      team: 'group:default/platform',
      relation: 'aggregated',
      owners: ['group:default/platform', TEAM_A, TEAM_B],
      points: [
        { day: '2026-11-24', inScope: 6, passing: 1, completion: 16.7 },
        { day: '2026-11-25', inScope: 5, passing: 2, completion: 40 },
      ],
    });
    expect((await get('?team=platform')).body.points).toEqual([
      { day: '2026-11-25', inScope: 0, passing: 0, completion: 0 },
    ]);

    // Without a team, the organisation's, as on the campaign's page.
    const organisation = await get('');
    const details = await request(app)
      .get('/campaigns/docs-and-on-call')
      .set('Authorization', asUser);
    expect(organisation.body).toEqual(details.body.trend);

    expect((await get('?relation=aggregated')).body.error.message).toBe(
      'Invalid query: relation: needs a team',
    );
    expect((await get('?team=team-a&relation=all')).status).toBe(400);
    expect((await get('?team=hidden')).status).toBe(404);
    expect(
      (
        await request(app)
          .get('/campaigns/nope/trend')
          .set('Authorization', asUser)
      ).status,
    ).toBe(404);
  });

  it('shows the campaign ticket link template, or the global one', async () => {
    const global = await request(app)
      .get('/campaigns/docs-and-on-call')
      .set('Authorization', asUser);
    expect(global.body.ticketUrlTemplate).toBe(
      'https://tracker.example.com/new?title={campaign}',
    );
    await request(app)
      .post('/campaigns')
      .set('Authorization', asUser)
      .send({
        ...newCampaign,
        ticketUrlTemplate: 'https://jira.example.com/new?team={team}',
      })
      .expect(201);
    const own = await request(app)
      .get('/campaigns/adopt-techdocs')
      .set('Authorization', asUser);
    expect(own.body.ticketUrlTemplate).toBe(
      'https://jira.example.com/new?team={team}',
    );
    const invalid = await request(app)
      .post('/campaigns')
      .set('Authorization', asUser)
      .send({
        ...newCampaign,
        key: 'other',
        ticketUrlTemplate: 'https://jira.example.com/new?x={nope}',
      });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toContain('unknown placeholder {nope}');
  });

  it('pages the failing entities the caller can see, filtered by team and rule', async () => {
    const all = await request(app)
      .get('/campaigns/docs-and-on-call/entities')
      .set('Authorization', asUser);
    expect(all.status).toBe(200);
    // e fails too, but the catalog hides it.
    expect(all.body).toEqual({
      items: [
        {
          entityRef: 'component:default/b',
          kind: 'Component',
          namespace: 'default',
          name: 'b',
          owner: TEAM_A,
          failingRules: ['docs/techdocs'],
        },
        {
          entityRef: 'component:default/d',
          kind: 'Component',
          namespace: 'default',
          name: 'd',
          owner: TEAM_B,
          failingRules: ['docs/techdocs', 'ops/oncall'],
        },
      ],
    });

    const first = await request(app)
      .get('/campaigns/docs-and-on-call/entities?limit=1')
      .set('Authorization', asUser);
    expect(first.body.items.map((i: any) => i.name)).toEqual(['b']);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await request(app)
      .get(
        `/campaigns/docs-and-on-call/entities?limit=1&cursor=${first.body.nextCursor}`,
      )
      .set('Authorization', asUser);
    expect(second.body.items.map((i: any) => i.name)).toEqual(['d']);
    expect(second.body.nextCursor).toBeUndefined();

    const byTeam = await request(app)
      .get(`/campaigns/docs-and-on-call/entities?team=team-b`)
      .set('Authorization', asUser);
    expect(byTeam.body.items.map((i: any) => i.name)).toEqual(['d']);
    const byTeams = await request(app)
      .get(`/campaigns/docs-and-on-call/entities?team=team-b&team=team-a`)
      .set('Authorization', asUser);
    expect(byTeams.body.items.map((i: any) => i.name)).toEqual(['b', 'd']);
    const badTeam = await request(app)
      .get(`/campaigns/docs-and-on-call/entities?team=team-a&team=user:`)
      .set('Authorization', asUser);
    expect(badTeam.status).toBe(400);
    expect(badTeam.body.error.message).toContain(
      'must be a group ref, such as group:default/team-a',
    );
    const byRule = await request(app)
      .get(`/campaigns/docs-and-on-call/entities?rule=ops/oncall`)
      .set('Authorization', asUser);
    expect(byRule.body.items.map((i: any) => i.name)).toEqual(['d']);

    const badRule = await request(app)
      .get(`/campaigns/docs-and-on-call/entities?rule=docs/readme`)
      .set('Authorization', asUser);
    expect(badRule.status).toBe(400);
    expect(badRule.body.error.message).toBe(
      'Invalid query: rule: "docs/readme" is not a rule of this campaign; its rules are docs/techdocs, ops/oncall',
    );
    const badLimit = await request(app)
      .get(`/campaigns/docs-and-on-call/entities?limit=0`)
      .set('Authorization', asUser);
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.error.message).toContain(
      'limit: must be a whole number from 1 to 100',
    );
    const badCursor = await request(app)
      .get(`/campaigns/docs-and-on-call/entities?cursor=zzz`)
      .set('Authorization', asUser);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.message).toContain('cursor');
  });

  it('exports the visible failing entities as CSV', async () => {
    const res = await request(app)
      .get('/campaigns/docs-and-on-call/export.csv?team=group:default/team-b')
      .set('Authorization', asUser);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="docs-and-on-call-failing-entities.csv"',
    );
    expect(res.text).toBe(
      'entity_ref,kind,namespace,name,title,owner,failing_rules\r\n' +
        'component:default/d,Component,default,d,,group:default/team-b,docs/techdocs;ops/oncall\r\n',
    );
  });

  it("shows an entity's campaigns with its status per rule", async () => {
    entityResults.mockResolvedValue([
      {
        scorecardId: 'docs',
        entityRef: 'component:default/b',
        entity: {
          kind: 'Component',
          namespace: 'default',
          name: 'b',
          owner: TEAM_A,
        },
        level: 'Basic',
        levelRank: 0,
        score: 0,
        rulesPassed: 0,
        rulesFailed: 1,
        failingRules: ['techdocs'],
        rules: [{ ruleId: 'techdocs', status: 'fail', message: 'no docs' }],
        resultHash: 'h',
        updatedAt: NOW,
      },
    ]);
    const res = await request(app)
      .get('/entities/component/default/b/campaigns')
      .set('Authorization', asUser);
    expect(res.status).toBe(200);
    expect(entityResults).toHaveBeenCalledWith('component:default/b');
    expect(res.body).toMatchObject({
      entityRef: 'component:default/b',
      items: [
        {
          key: 'docs-and-on-call',
          status: 'active',
          endDate: '2026-11-30',
          daysLeft: 5,
          passing: false,
          rules: [
            {
              rule: 'docs/techdocs',
              title: 'Has TechDocs',
              status: 'fail',
              message: 'no docs',
              guidance: { steps: ['Add `mkdocs.yml`'] },
            },
          ],
        },
      ],
    });
    const hidden = await request(app)
      .get('/entities/component/default/e/campaigns')
      .set('Authorization', asUser);
    expect(hidden.status).toBe(404);
  });

  it("shows a team's progress in each campaign, most urgent first", async () => {
    const { campaigns } = validateCampaignsConfig(
      [
        newCampaign,
        {
          name: 'On-call for all',
          owner: 'platform',
          startDate: '2026-10-01',
          endDate: '2026-11-20',
          rules: ['ops/oncall'],
        },
      ],
      { scorecards: testDefinitions.definitions },
    );
    for (const campaign of campaigns!) {
      await campaignStore.createCampaign(campaign, {
        createdBy: 'user:default/jane',
      });
    }
    const get = (path: string) =>
      request(app).get(path).set('Authorization', asUser);
    const progressOf = (body: TeamCampaignsResponse) =>
      body.items.map(item => [item.key, item.status, item.teamProgress]);

    // Team A owns a (passing) and b (failing techdocs).
    const teamA = await get('/teams/group/default/team-a/campaigns');
    expect(teamA.status).toBe(200);
    expect(teamA.body).toMatchObject({
      team: TEAM_A,
      relation: 'direct',
      owners: [TEAM_A],
    });
    expect(progressOf(teamA.body)).toEqual([
      [
        'on-call-for-all',
        'overdue',
        { inScope: 2, passing: 2, completion: 100 },
      ],
      [
        'docs-and-on-call',
        'active',
        { inScope: 2, passing: 1, completion: 50 },
      ],
      [
        'adopt-techdocs',
        'upcoming',
        { inScope: 2, passing: 1, completion: 50 },
      ],
    ]);
    // The campaign's own figures are there too.
    expect(teamA.body.items[1]).toMatchObject({
      name: 'Docs and on-call',
      daysLeft: 5,
      progress: { inScope: 5, passing: 2, completion: 40 },
    });

    // Team B's d fails both rules, e fails techdocs (the catalog hides e,
    // but it counts, as in the campaign's own figures), f passes on-call.
    const teamB = await get('/teams/group/default/TEAM-B/campaigns');
    expect(teamB.body.team).toBe(TEAM_B);
    expect(progressOf(teamB.body)).toEqual([
      [
        'on-call-for-all',
        'overdue',
        { inScope: 2, passing: 1, completion: 50 },
      ],
      [
        'docs-and-on-call',
        'active',
        { inScope: 3, passing: 1, completion: 33.3 },
      ],
      ['adopt-techdocs', 'upcoming', { inScope: 2, passing: 0, completion: 0 }],
    ]);

    // Platform owns nothing itself; with its child teams it has them all.
    const platform = await get('/teams/group/default/platform/campaigns');
    expect(platform.body).toEqual({
      team: 'group:default/platform',
      relation: 'direct',
      owners: ['group:default/platform'],
      items: [],
    });
    const aggregated = await get(
      '/teams/group/default/platform/campaigns?relation=aggregated',
    );
    expect(aggregated.body.owners).toEqual([
      'group:default/platform',
      TEAM_A,
      TEAM_B,
    ]);
    expect(progressOf(aggregated.body)).toEqual([
      [
        'on-call-for-all',
        'overdue',
        { inScope: 4, passing: 3, completion: 75 },
      ],
      [
        'docs-and-on-call',
        'active',
        { inScope: 5, passing: 2, completion: 40 },
      ],
      [
        'adopt-techdocs',
        'upcoming',
        { inScope: 4, passing: 1, completion: 25 },
      ],
    ]);

    // Archived campaigns are left out.
    expect(
      (
        await request(app)
          .delete('/campaigns/on-call-for-all')
          .set('Authorization', asUser)
      ).status,
    ).toBe(204);
    expect(
      progressOf((await get('/teams/group/default/team-a/campaigns')).body).map(
        ([key]) => key,
      ),
    ).toEqual(['docs-and-on-call', 'adopt-techdocs']);

    const missing = await get('/teams/group/default/nobody/campaigns');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(
      'No entity group:default/nobody in the catalog',
    );
    const bad = await get('/teams/group/default/team-a/campaigns?relation=all');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'Invalid query: relation: must be one of direct, aggregated',
    );
  });

  it("shows a campaign's progress by department, from the groups above its teams", async () => {
    const get = (path: string) =>
      request(app).get(path).set('Authorization', asUser);
    // Team A: a passes, b fails; team B: of c, d, e (hidden, but counted as
    // in the campaign's own figures) and f, one passes.
    const response = await get('/campaigns/docs-and-on-call/departments');
    expect(response.status).toBe(200);
    const departments: CampaignDepartmentsResponse = response.body;
    expect(departments.items).toEqual([
      {
        group: 'group:default/acme',
        owners: [TEAM_A, TEAM_B],
        inScope: 5,
        passing: 2,
        completion: 40,
      },
      {
        group: 'group:default/platform',
        owners: [TEAM_A, TEAM_B],
        inScope: 5,
        passing: 2,
        completion: 40,
      },
    ]);

    const missing = await get('/campaigns/nothing-here/departments');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(
      'No campaign with the key "nothing-here"',
    );
  });

  it('creates campaigns with permission and validation', async () => {
    allow = false;
    const denied = await request(app)
      .post('/campaigns')
      .set('Authorization', asUser)
      .send(newCampaign);
    expect(denied.status).toBe(403);

    allow = true;
    const invalid = await request(app)
      .post('/campaigns')
      .set('Authorization', asUser)
      .send({
        ...newCampaign,
        owner: undefined,
        rules: [{ rule: 'docs/techdoc' }],
      });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toBe(
      'Invalid campaign:\n' +
        '  - owner: a campaign needs an owner: a group such as "group:default/platform"\n' +
        '  - rules[0].rule: no rule "docs/techdoc"; did you mean "docs/techdocs"?',
    );
    const notObject = await request(app)
      .post('/campaigns')
      .set('Authorization', asUser)
      .send([1]);
    expect(notObject.status).toBe(400);

    const created = await request(app)
      .post('/campaigns')
      .set('Authorization', asUser)
      .send(newCampaign);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      key: 'adopt-techdocs',
      name: 'Adopt TechDocs',
      source: 'database',
      editable: true,
      createdBy: 'user:default/mock',
      rules: [
        {
          rule: 'docs/techdocs',
          scorecardId: 'docs',
          ruleId: 'techdocs',
          guidance: { steps: ['Do it'] },
        },
      ],
    });

    const duplicate = await request(app)
      .post('/campaigns')
      .set('Authorization', asUser)
      .send(newCampaign);
    expect(duplicate.status).toBe(409);
    const configKey = await request(app)
      .post('/campaigns')
      .set('Authorization', asUser)
      .send({ ...newCampaign, key: 'docs-and-on-call' });
    expect(configKey.status).toBe(409);
    expect(configKey.body.error.message).toContain('read-only');
  });

  it('updates and archives database campaigns; config ones are read-only', async () => {
    await request(app)
      .post('/campaigns')
      .set('Authorization', asUser)
      .send(newCampaign)
      .expect(201);

    allow = false;
    expect(
      (
        await request(app)
          .put('/campaigns/adopt-techdocs')
          .set('Authorization', asUser)
          .send(newCampaign)
      ).status,
    ).toBe(403);
    expect(
      (
        await request(app)
          .delete('/campaigns/adopt-techdocs')
          .set('Authorization', asUser)
      ).status,
    ).toBe(403);
    allow = true;

    const updated = await request(app)
      .put('/campaigns/adopt-techdocs')
      .set('Authorization', asUser)
      .send({ ...newCampaign, name: 'Adopt TechDocs now' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      key: 'adopt-techdocs',
      name: 'Adopt TechDocs now',
    });
    const rekey = await request(app)
      .put('/campaigns/adopt-techdocs')
      .set('Authorization', asUser)
      .send({ ...newCampaign, key: 'other' });
    expect(rekey.status).toBe(400);
    expect(rekey.body.error.message).toContain(
      'key: the key cannot be changed',
    );
    const badDates = await request(app)
      .put('/campaigns/adopt-techdocs')
      .set('Authorization', asUser)
      .send({ ...newCampaign, endDate: '2026-01-01' });
    expect(badDates.status).toBe(400);
    expect(badDates.body.error.message).toContain(
      'endDate: endDate 2026-01-01 is before startDate 2026-12-01',
    );

    const config = await request(app)
      .put('/campaigns/docs-and-on-call')
      .set('Authorization', asUser)
      .send(newCampaign);
    expect(config.status).toBe(409);
    expect(config.body.error.message).toBe(
      'Campaign "docs-and-on-call" is defined in app-config (scorecards.campaigns) and is read-only; change it there',
    );
    expect(
      (
        await request(app)
          .delete('/campaigns/docs-and-on-call')
          .set('Authorization', asUser)
      ).status,
    ).toBe(409);
    expect(
      (
        await request(app)
          .put('/campaigns/missing')
          .set('Authorization', asUser)
          .send(newCampaign)
      ).status,
    ).toBe(404);
    expect(
      (
        await request(app)
          .delete('/campaigns/missing')
          .set('Authorization', asUser)
      ).status,
    ).toBe(404);

    expect(
      (
        await request(app)
          .delete('/campaigns/adopt-techdocs')
          .set('Authorization', asUser)
      ).status,
    ).toBe(204);
    const archived = await request(app)
      .get('/campaigns/adopt-techdocs')
      .set('Authorization', asUser);
    expect(archived.body).toMatchObject({
      status: 'ended',
      archived: true,
      editable: false,
    });
    expect(
      (
        await request(app)
          .put('/campaigns/adopt-techdocs')
          .set('Authorization', asUser)
          .send(newCampaign)
      ).status,
    ).toBe(409);
  });

  it('records the daily progress of every started campaign', async () => {
    await campaignStore.createCampaign(
      validateCampaignsConfig([newCampaign], {
        scorecards: testDefinitions.definitions,
      }).campaigns![0],
      { createdBy: 'user:default/jane' },
    );
    const record = createCampaignDailyRecorder({
      campaigns: configCampaigns,
      campaignStore,
      progress,
    });
    // adopt-techdocs starts on 2026-12-01: nothing to record before.
    await expect(record('2026-11-25')).resolves.toEqual({
      campaigns: 1,
      rows: 3,
    });
    await expect(campaignStore.getTrend('docs-and-on-call')).resolves.toEqual([
      { day: '2026-11-25', inScope: 5, passing: 2 },
    ]);
    await expect(
      campaignStore.getTrend('docs-and-on-call', { owners: [TEAM_B] }),
    ).resolves.toEqual([{ day: '2026-11-25', inScope: 3, passing: 1 }]);
    await expect(campaignStore.getTrend('adopt-techdocs')).resolves.toEqual([]);

    await expect(record('2026-12-01')).resolves.toEqual({
      campaigns: 2,
      rows: 6,
    });
    await expect(campaignStore.getTrend('adopt-techdocs')).resolves.toEqual([
      { day: '2026-12-01', inScope: 4, passing: 1 },
    ]);
  });
});
