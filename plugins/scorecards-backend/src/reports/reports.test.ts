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
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import Router from 'express-promise-router';
import { Knex } from 'knex';
import request from 'supertest';
import {
  insertResults,
  testDefinitions,
} from '../campaigns/__testUtils__/insertResults';
import { ResultQueries } from '../database/ResultQueries';
import { computeReport } from './computeReport';
import { ReportDefinition } from './readReportsConfig';
import { renderNotification } from './renderReport';
import { nameTeams, ReportRunner, resolveAudienceOwners } from './ReportRunner';
import { registerReportRoutes } from './reportRoutes';
import { ReportSender } from './ReportSender';
import { ReportStore } from './ReportStore';

jest.setTimeout(60_000);

const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';
const TEAM_C = 'group:default/team-c';
const PREV = '2026-11-18';
const DAY = '2026-11-25';
const SINCE = new Date('2026-11-18T09:00:00Z');
const NOW = new Date('2026-11-25T09:00:00Z');

const orgReport: ReportDefinition = {
  id: 'weekly',
  title: 'Weekly overview',
  schedule: { frequency: { days: 7 }, timeout: { minutes: 5 } },
  cadence: { type: 'every', duration: { days: 7 } },
  audience: {},
  scorecards: ['docs'],
  channels: { notifications: { recipients: ['group:default/platform'] } },
};

async function seed(knex: Knex) {
  const daily = (
    day: string,
    owner: string,
    entities: number,
    sum: number,
  ) => ({
    scorecard_id: 'docs',
    day,
    owner,
    entities,
    score_sum: sum,
    level_counts: '{}',
    computed_at: `${day} 02:00:00.000`,
  });
  const rule = (
    day: string,
    owner: string,
    ruleId: string,
    applicable: number,
    passed: number,
  ) => ({
    scorecard_id: 'docs',
    day,
    owner,
    rule_id: ruleId,
    applicable,
    passed,
  });
  await knex('scorecards_daily').insert([
    daily(PREV, '*', 4, 160),
    daily(PREV, TEAM_A, 2, 60),
    daily(PREV, TEAM_B, 2, 100),
    daily(DAY, '*', 5, 300),
    daily(DAY, TEAM_A, 2, 150),
    daily(DAY, TEAM_B, 2, 90),
    daily(DAY, TEAM_C, 1, 60),
  ]);
  await knex('scorecards_daily_rules').insert([
    rule(PREV, '*', 'techdocs', 4, 2),
    rule(PREV, '*', 'readme', 4, 3),
    rule(DAY, '*', 'techdocs', 5, 4),
    rule(DAY, '*', 'readme', 5, 2),
    rule(DAY, TEAM_A, 'techdocs', 2, 2),
    rule(DAY, TEAM_A, 'readme', 2, 0),
    rule(DAY, TEAM_B, 'techdocs', 2, 1),
    rule(DAY, TEAM_B, 'readme', 2, 2),
  ]);
  await insertResults(knex, [
    {
      scorecardId: 'docs',
      name: 'a1',
      owner: TEAM_A,
      rules: { techdocs: 'pass' },
    },
    {
      scorecardId: 'docs',
      name: 'a2',
      owner: TEAM_A,
      rules: { techdocs: 'pass' },
    },
    {
      scorecardId: 'docs',
      name: 'b1',
      owner: TEAM_B,
      rules: { techdocs: 'fail' },
    },
    {
      scorecardId: 'docs',
      name: 'c1',
      owner: TEAM_C,
      rules: { techdocs: 'fail' },
    },
  ]);
  const scores: Record<string, number> = { a1: 90, a2: 60, b1: 20, c1: 40 };
  for (const [name, score] of Object.entries(scores)) {
    await knex('scorecards_results')
      .where({ entity_ref: `component:default/${name}` })
      .update({ score });
  }
  await knex('scorecards_history').insert([
    {
      scorecard_id: 'docs',
      entity_ref: 'component:default/a1',
      entity_owner: TEAM_A,
      at: '2026-11-10 00:00:00.000',
      level: 'Bronze',
      level_rank: 1,
      score: 70,
      failing_rules: '||',
    },
    {
      scorecard_id: 'docs',
      entity_ref: 'component:default/b1',
      entity_owner: TEAM_B,
      at: '2026-11-10 00:00:00.000',
      level: 'Bronze',
      level_rank: 1,
      score: 50,
      failing_rules: '||',
    },
  ]);
}

const catalogWith = (entities: Record<string, any>): CatalogService =>
  ({
    getEntitiesByRefs: jest.fn(
      async ({ entityRefs }: { entityRefs: string[] }) => ({
        items: entityRefs.map(ref => entities[ref]),
      }),
    ),
  } as unknown as CatalogService);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});

describe.each(databases.eachSupportedId())('scorecard reports on %p', id => {
  let knex: Knex;
  let store: ReportStore;
  let queries: ResultQueries;

  beforeAll(async () => {
    knex = await databases.init(id);
    store = await ReportStore.create({
      database: mockServices.database({ knex }),
    });
    queries = new ResultQueries(knex);
    await seed(knex);
  });

  describe('computeReport', () => {
    it('ranks rules, services and teams of the organisation with changes', async () => {
      const content = await computeReport({
        report: orgReport,
        definitions: testDefinitions,
        queries,
        store,
        since: SINCE,
        appBaseUrl: 'https://backstage.example.com/',
        now: NOW,
      });
      expect(content).toMatchObject({
        reportId: 'weekly',
        since: SINCE.toISOString(),
        link: 'https://backstage.example.com/scorecards',
      });
      const [docs] = content.scorecards;
      expect(docs).toMatchObject({
        scorecardId: 'docs',
        link: 'https://backstage.example.com/scorecards/docs',
        day: DAY,
        previousDay: PREV,
        score: 60,
        change: 20,
        entities: 5,
      });
      expect(docs.rules.highest).toEqual([
        expect.objectContaining({
          id: 'techdocs',
          title: 'Has TechDocs',
          score: 80,
          change: 30,
        }),
      ]);
      expect(docs.rules.lowest).toEqual([
        expect.objectContaining({ id: 'readme', score: 40, change: -35 }),
      ]);
      expect(docs.teams.highest.map(t => [t.id, t.score, t.change])).toEqual([
        [TEAM_A, 75, 45],
        [TEAM_C, 60, undefined],
      ]);
      expect(docs.teams.lowest.map(t => [t.id, t.score, t.change])).toEqual([
        [TEAM_B, 45, -5],
      ]);
      expect(
        docs.services.highest.map(s => [s.title, s.score, s.change]),
      ).toEqual([
        ['a1', 90, 20],
        ['a2', 60, undefined],
      ]);
      expect(
        docs.services.lowest.map(s => [s.title, s.score, s.change]),
      ).toEqual([
        ['b1', 20, -30],
        ['c1', 40, undefined],
      ]);
      expect(docs.services.highest[0].link).toBe(
        'https://backstage.example.com/catalog/default/component/a1',
      );
    });

    it('restricts a group audience to its owners', async () => {
      const content = await computeReport({
        report: { ...orgReport, audience: { group: TEAM_A } },
        definitions: testDefinitions,
        queries,
        store,
        audienceOwners: [TEAM_A, TEAM_C],
        now: NOW,
      });
      const [docs] = content.scorecards;
      expect(docs.score).toBe(70);
      expect(docs.change).toBeUndefined();
      expect(docs.entities).toBe(3);
      expect(docs.teams.highest.map(t => t.id)).toEqual([TEAM_A]);
      expect(docs.teams.lowest.map(t => t.id)).toEqual([TEAM_C]);
      expect(docs.services.highest.map(s => s.title)).toEqual(['a1', 'a2']);
      expect(docs.services.lowest.map(s => s.title)).toEqual(['c1']);
      // Rules only from team-a's rollups (team-c has none).
      expect(docs.rules.highest.map(r => [r.id, r.score])).toEqual([
        ['techdocs', 100],
      ]);
      expect(docs.rules.lowest.map(r => [r.id, r.score])).toEqual([
        ['readme', 0],
      ]);
    });

    it('reports scorecards without results as empty', async () => {
      const content = await computeReport({
        report: { ...orgReport, scorecards: ['ops'] },
        definitions: testDefinitions,
        queries,
        store,
        now: NOW,
      });
      expect(content.scorecards[0]).toMatchObject({
        scorecardId: 'ops',
        link: '/scorecards/ops',
        entities: 0,
      });
      expect(content.scorecards[0].day).toBeUndefined();
    });

    it('renders a readable notification', async () => {
      const content = await computeReport({
        report: orgReport,
        definitions: testDefinitions,
        queries,
        store,
        since: SINCE,
        now: NOW,
      });
      const payload = renderNotification(content);
      expect(payload.title).toBe('Scorecards report: Weekly overview');
      expect(payload.link).toBe('/scorecards');
      expect(payload.description).toContain(
        'Documentation: average 60 points (↑ 20) over 5 entities',
      );
      expect(payload.description).toContain(
        'Rules – highest: Has TechDocs: 80% pass (↑ 30)',
      );
      expect(payload.description).toContain('Services – lowest:');
      expect(payload.description).toContain('Details: /scorecards/docs');
    });
  });

  it('resolves a group and its descendants', async () => {
    const catalog = catalogWith({
      'group:default/platform': {
        kind: 'Group',
        metadata: { name: 'platform', namespace: 'default' },
        spec: { children: ['team-a'] },
        relations: [{ type: 'parentOf', targetRef: 'group:default/team-b' }],
      },
      [TEAM_A]: {
        kind: 'Group',
        metadata: { name: 'team-a', namespace: 'default' },
        spec: { children: [] },
        relations: [{ type: 'parentOf', targetRef: TEAM_C }],
      },
    });
    const owners = await resolveAudienceOwners({
      group: 'group:default/platform',
      catalog,
      auth: mockServices.auth(),
    });
    expect(owners.sort()).toEqual(
      ['group:default/platform', TEAM_A, TEAM_B, TEAM_C].sort(),
    );
  });

  it('names the teams of a report from the catalog', async () => {
    const content = await computeReport({
      report: orgReport,
      definitions: testDefinitions,
      queries,
      store,
      now: NOW,
    });
    const catalog = catalogWith({
      [TEAM_A]: {
        kind: 'Group',
        metadata: { name: 'team-a', title: 'Team A title' },
        spec: { profile: { displayName: 'Team Alpha' } },
      },
      [TEAM_B]: {
        kind: 'Group',
        metadata: { name: 'team-b', title: 'Team Bravo' },
        spec: {},
      },
    });
    const named = await nameTeams(content, {
      catalog,
      auth: mockServices.auth(),
    });
    const { teams } = named.scorecards[0];
    expect(
      [...teams.highest, ...teams.lowest].map(t => [t.id, t.title]),
    ).toEqual([
      [TEAM_A, 'Team Alpha'],
      // Not in the catalog: keeps its ref.
      [TEAM_C, TEAM_C],
      [TEAM_B, 'Team Bravo'],
    ]);
    expect(catalog.getEntitiesByRefs).toHaveBeenCalledTimes(1);
    // The content given is left as it was.
    expect(content.scorecards[0].teams.highest[0].title).toBe(TEAM_A);
  });

  describe('schedule', () => {
    const cronReport: ReportDefinition = {
      ...orgReport,
      id: 'monday-paris',
      schedule: { frequency: { cron: '0 9 * * 1' }, timeout: { minutes: 5 } },
      timezone: 'Europe/Paris',
      cadence: {
        type: 'cron',
        expression: '0 9 * * 1',
        timezone: 'Europe/Paris',
      },
    };
    let now: Date;
    let send: jest.Mock;
    let runner: ReportRunner;

    beforeEach(async () => {
      await knex('scorecards_reports').delete();
      send = jest.fn(async () => {});
      const logger = mockServices.logger.mock();
      runner = new ReportRunner({
        reports: [cronReport],
        definitions: testDefinitions,
        queries,
        store,
        sender: new ReportSender({
          logger,
          notifications: { send } as unknown as NotificationService,
          sleep: async () => {},
        }),
        catalog: catalogWith({}),
        auth: mockServices.auth(),
        logger,
        now: () => now,
      });
    });

    it('sends each slot once, at its time in the time zone', async () => {
      // Wednesday 25 November 2026: the first check starts the schedule.
      now = new Date('2026-11-25T10:00:00Z');
      await expect(runner.runIfDue(cronReport)).resolves.toEqual({
        action: 'started',
        // Monday 30 November, 09:00 in Paris (CET, UTC+1).
        nextRunAt: new Date('2026-11-30T08:00:00Z'),
      });
      now = new Date('2026-11-30T07:59:00Z');
      await expect(runner.runIfDue(cronReport)).resolves.toMatchObject({
        action: 'not-due',
        nextRunAt: new Date('2026-11-30T08:00:00Z'),
      });
      expect(send).not.toHaveBeenCalled();

      now = new Date('2026-11-30T08:00:30Z');
      await expect(runner.runIfDue(cronReport)).resolves.toMatchObject({
        action: 'sent',
        outcome: { status: 'sent' },
      });
      expect(send).toHaveBeenCalledTimes(1);
      now = new Date('2026-11-30T08:01:30Z');
      await expect(runner.runIfDue(cronReport)).resolves.toMatchObject({
        action: 'not-due',
        nextRunAt: new Date('2026-12-07T08:00:00Z'),
      });
      expect(send).toHaveBeenCalledTimes(1);
      const state = await store.get(cronReport.id);
      expect(state?.lastScheduledFor).toEqual(new Date('2026-11-30T08:00:30Z'));
      expect(runner.nextRunAt(cronReport, state)).toEqual(
        new Date('2026-12-07T08:00:00Z'),
      );
    });

    it('sends missed slots once when the backend is back', async () => {
      await store.startSchedule(
        cronReport.id,
        new Date('2026-11-01T00:00:00Z'),
      );
      // Three Mondays passed while the backend was down.
      now = new Date('2026-11-25T10:00:00Z');
      expect(
        runner.nextRunAt(cronReport, await store.get(cronReport.id)),
      ).toEqual(new Date('2026-11-02T08:00:00Z'));
      await expect(runner.runIfDue(cronReport)).resolves.toMatchObject({
        action: 'sent',
      });
      await expect(runner.runIfDue(cronReport)).resolves.toMatchObject({
        action: 'not-due',
        nextRunAt: new Date('2026-11-30T08:00:00Z'),
      });
      expect(send).toHaveBeenCalledTimes(1);
    });

    it('lets only one replica claim a slot', async () => {
      const from = new Date('2026-11-25T10:00:00Z');
      await store.startSchedule(cronReport.id, from);
      // Starting again keeps the running schedule.
      await store.startSchedule(
        cronReport.id,
        new Date('2026-11-26T00:00:00Z'),
      );
      const to = new Date('2026-11-30T08:00:10Z');
      const claims = await Promise.all([
        store.claimSlot(cronReport.id, from, to),
        store.claimSlot(cronReport.id, from, to),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect((await store.get(cronReport.id))?.lastScheduledFor).toEqual(to);
    });

    it('does not move the schedule on a send by hand', async () => {
      now = new Date('2026-11-25T10:00:00Z');
      await runner.runIfDue(cronReport);
      now = new Date('2026-11-26T10:00:00Z');
      await runner.run(cronReport);
      const state = await store.get(cronReport.id);
      expect(state?.lastSentAt).toEqual(now);
      expect(state?.lastScheduledFor).toEqual(new Date('2026-11-25T10:00:00Z'));
    });

    it('never checks a report sent only by hand', async () => {
      const manual: ReportDefinition = {
        ...cronReport,
        schedule: { frequency: { trigger: 'manual' }, timeout: { minutes: 5 } },
        cadence: { type: 'manual' },
      };
      now = new Date('2026-11-25T10:00:00Z');
      await expect(runner.runIfDue(manual)).resolves.toEqual({
        action: 'not-due',
      });
      expect(await store.get(manual.id)).toBeUndefined();
      expect(runner.nextRunAt(manual)).toBeUndefined();
    });
  });

  describe('routes and sending', () => {
    let allow: boolean;
    let send: jest.Mock;
    let app: express.Express;
    let runner: ReportRunner;
    const logger = mockServices.logger.mock();

    beforeEach(async () => {
      await knex('scorecards_reports').delete();
      allow = true;
      send = jest.fn(async () => {});
      const notifications = { send } as unknown as NotificationService;
      runner = new ReportRunner({
        reports: [orgReport],
        definitions: testDefinitions,
        queries,
        store,
        sender: new ReportSender({
          logger,
          notifications,
          sleep: async () => {},
        }),
        catalog: catalogWith({}),
        auth: mockServices.auth(),
        logger,
        now: () => NOW,
      });
      const router = Router();
      router.use(express.json());
      registerReportRoutes(router, {
        httpAuth: mockServices.httpAuth(),
        permissions: mockServices.permissions.mock({
          authorize: async () => [
            { result: allow ? AuthorizeResult.ALLOW : AuthorizeResult.DENY },
          ],
        }),
        runner,
        store,
      });
      app = express().use(router).use(mockErrorHandler());
    });

    const asUser = mockCredentials.user.header();

    it('answers 401 without credentials', async () => {
      const res = await request(app)
        .get('/reports')
        .set('Authorization', mockCredentials.none.header());
      expect(res.status).toBe(401);
    });

    it('lists the reports without webhook URLs', async () => {
      const res = await request(app)
        .get('/reports')
        .set('Authorization', asUser);
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        expect.objectContaining({
          id: 'weekly',
          title: 'Weekly overview',
          channels: {
            notifications: { recipients: ['group:default/platform'] },
          },
        }),
      ]);
      expect(res.body.items[0].lastResult).toBeUndefined();
      // Every 7 days from now, until the schedule starts.
      expect(res.body.items[0].nextRunAt).toBe('2026-12-02T09:00:00.000Z');
    });

    it('previews a report and answers 404 for unknown ones', async () => {
      const res = await request(app)
        .get('/reports/weekly/preview')
        .set('Authorization', asUser);
      expect(res.status).toBe(200);
      expect(res.body.scorecards[0]).toMatchObject({
        scorecardId: 'docs',
        score: 60,
      });
      expect(send).not.toHaveBeenCalled();
      const missing = await request(app)
        .get('/reports/nope/preview')
        .set('Authorization', asUser);
      expect(missing.status).toBe(404);
    });

    it('answers 403 to send without the permission', async () => {
      allow = false;
      const res = await request(app)
        .post('/reports/weekly/send')
        .set('Authorization', asUser);
      expect(res.status).toBe(403);
      expect(send).not.toHaveBeenCalled();
    });

    it('sends a notification to the recipients and records it', async () => {
      const res = await request(app)
        .post('/reports/weekly/send')
        .set('Authorization', asUser);
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('sent');
      expect(send).toHaveBeenCalledWith({
        recipients: { type: 'entity', entityRef: ['group:default/platform'] },
        payload: expect.objectContaining({
          title: 'Scorecards report: Weekly overview',
          link: '/scorecards',
        }),
      });
      const state = await store.get('weekly');
      expect(state).toMatchObject({ lastStatus: 'sent', lastSentAt: NOW });
      expect(state?.lastContent?.reportId).toBe('weekly');
      const list = await request(app)
        .get('/reports')
        .set('Authorization', asUser);
      expect(list.body.items[0].lastResult).toMatchObject({
        status: 'sent',
        sentAt: NOW.toISOString(),
      });
    });

    it('records a failed send without throwing', async () => {
      send.mockRejectedValue(new Error('notifications down'));
      const outcome = await runner.run(orgReport);
      expect(outcome.status).toBe('failed');
      expect(send).toHaveBeenCalledTimes(3);
      const state = await store.get('weekly');
      expect(state).toMatchObject({
        lastStatus: 'failed',
        lastError: 'notifications: Error: notifications down',
      });
      expect(state?.lastSentAt).toBeUndefined();
    });
  });
});
