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
import { NotificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type {
  ScorecardDepartmentsResponse,
  ScorecardsDefinitionsConfig,
} from '@openscorecards/plugin-scorecards-common';
import express from 'express';
import Router from 'express-promise-router';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import request from 'supertest';
import { DatabaseResultStore } from '../database/DatabaseResultStore';
import { EntityResultRow } from '../database/ResultStore';
import { RollupAccumulator } from '../evaluation/RollupAccumulator';
import { registerReadRoutes } from './readRoutes';
import { registerScorecardNotifyRoutes } from './scorecardNotifyRoutes';

jest.setTimeout(60_000);

const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';
const LADDER = ['Basic', 'Bronze', 'Silver', 'Gold'];

const query = { combinator: 'and' as const, conditions: [] };
const definitions: ScorecardsDefinitionsConfig = {
  definitions: [
    {
      id: 'prod',
      title: 'Production Readiness',
      description: 'Services that are *safe* to run.',
      filter: 'kind:component',
      rules: [
        {
          id: 'rule-a',
          title: 'Rule A',
          level: 'Bronze',
          query,
          guidance: { text: 'Do A', url: 'https://example.com/a' },
        },
        { id: 'rule-ab', title: 'Rule AB', level: 'Silver', query, weight: 2 },
        {
          id: 'docs',
          title: 'Has docs',
          description: 'Docs.',
          level: 'Gold',
          query,
        },
      ],
    },
    {
      id: 'docs',
      title: 'Documentation',
      rules: [{ id: 'readme', title: 'Has a README', level: 'Bronze', query }],
    },
  ],
};

type Outcome = 'pass' | 'fail' | 'skip';

function result(
  name: string,
  options: {
    scorecardId?: string;
    kind?: string;
    title?: string;
    owner?: string;
    levelRank: number;
    score: number;
    rules: Record<string, Outcome>;
  },
): EntityResultRow {
  const rules = Object.entries(options.rules).map(([ruleId, status]) => ({
    ruleId,
    status,
    message: status,
  }));
  const kind = options.kind ?? 'Component';
  return {
    scorecardId: options.scorecardId ?? 'prod',
    entityRef: `${kind.toLowerCase()}:default/${name}`,
    entity: {
      kind,
      namespace: 'default',
      name,
      title: options.title,
      type: kind === 'Component' ? 'service' : 'openapi',
      lifecycle: 'production',
      owner: options.owner,
      system: 'system:default/rides',
    },
    level: LADDER[options.levelRank],
    levelRank: options.levelRank,
    score: options.score,
    rulesPassed: rules.filter(r => r.status === 'pass').length,
    rulesFailed: rules.filter(r => r.status === 'fail').length,
    failingRules: rules.filter(r => r.status === 'fail').map(r => r.ruleId),
    rules,
    resultHash: `${name}-${options.score}`,
    updatedAt: new Date('2026-11-04T10:00:00.000Z'),
  };
}

const pass3 = { 'rule-a': 'pass', 'rule-ab': 'pass', docs: 'pass' } as const;
const ROWS = [
  result('alpha', {
    title: 'Alpha, "the first"',
    owner: TEAM_A,
    levelRank: 3,
    score: 100,
    rules: pass3,
  }),
  result('bravo', {
    title: '=cmd|calc',
    owner: TEAM_A,
    levelRank: 2,
    score: 66.7,
    rules: { ...pass3, docs: 'fail' },
  }),
  result('charlie', {
    title: '-2+3',
    owner: TEAM_B,
    levelRank: 1,
    score: 33.3,
    rules: { 'rule-a': 'pass', 'rule-ab': 'fail', docs: 'fail' },
  }),
  result('delta', {
    kind: 'API',
    levelRank: 0,
    score: 0,
    rules: { 'rule-a': 'fail', 'rule-ab': 'fail', docs: 'skip' },
  }),
  result('echo', {
    owner: TEAM_B,
    levelRank: 2,
    score: 66.7,
    rules: { ...pass3, docs: 'fail' },
  }),
  // The catalog hides these two from the user.
  result('secret-top', {
    owner: TEAM_B,
    levelRank: 3,
    score: 100,
    rules: pass3,
  }),
  result('secret-low', {
    owner: TEAM_A,
    levelRank: 0,
    score: 0,
    rules: { 'rule-a': 'fail', 'rule-ab': 'fail', docs: 'fail' },
  }),
  result('alpha', {
    scorecardId: 'docs',
    owner: TEAM_A,
    levelRank: 1,
    score: 100,
    rules: { readme: 'pass' },
  }),
];
const HIDDEN = ['component:default/secret-top', 'component:default/secret-low'];

function catalogEntity(ref: string): Entity {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: { api: 'API', group: 'Group' }[kind] ?? 'Component',
    metadata: { namespace, name },
    spec: {},
  };
}

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('registerReadRoutes', () => {
  let knex: Knex;
  let store: DatabaseResultStore;
  let app: express.Express;
  let catalog: ReturnType<typeof catalogServiceMock>;
  const user = mockCredentials.user.header();

  async function commit(rows: EntityResultRow[], at: string) {
    const runId = await store.createRun({ trigger: 'schedule', scope: {} });
    await store.stageResults(runId, rows);
    await store.commitRun(runId, { at: new Date(at) });
    await store.finishRun(runId, {
      status: 'succeeded',
      entitiesEvaluated: rows.length,
      resultsWritten: rows.length,
      resultsDeleted: 0,
    });
    return runId;
  }

  beforeAll(async () => {
    knex = await databases.init('SQLITE_3');
    store = await DatabaseResultStore.create({
      database: mockServices.database({ knex }),
    });

    // Alpha's earlier state, then the current results.
    await commit(
      [result('alpha', { owner: TEAM_A, levelRank: 0, score: 50, rules: {} })],
      '2026-11-02T10:00:00.000Z',
    );
    await commit(ROWS, '2026-11-04T10:00:00.000Z');

    const accumulator = new RollupAccumulator({
      scorecardIds: ['prod', 'docs'],
    });
    ROWS.forEach(row => accumulator.add(row));
    await store.writeDailyRollups('2026-11-04', accumulator.toRows());
    // Older days, for the series.
    for (const [day, entities, passed] of [
      ['2026-11-02', 4, 1],
      ['2026-11-03', 5, 2],
    ] as const) {
      await store.writeDailyRollups(day, {
        scorecards: [
          {
            scorecardId: 'prod',
            owner: '*',
            entities,
            scoreSum: entities * 40,
            levelCounts: { Basic: entities - 1, Gold: 1 },
          },
          {
            scorecardId: 'prod',
            owner: TEAM_A,
            entities: 1,
            scoreSum: 10,
            levelCounts: { Basic: 1 },
          },
        ],
        rules: [
          {
            scorecardId: 'prod',
            ruleId: 'rule-a',
            owner: '*',
            applicable: entities,
            passed,
          },
          {
            scorecardId: 'prod',
            ruleId: 'rule-a',
            owner: TEAM_A,
            applicable: 1,
            passed: 0,
          },
        ],
      });
    }

    catalog = catalogServiceMock({
      // Groups: team-c owns nothing; team-b is hidden from the user too.
      entities: [
        ...new Set([
          ...ROWS.map(r => r.entityRef),
          TEAM_A,
          'group:default/team-c',
        ]),
      ]
        .filter(ref => !HIDDEN.includes(ref))
        .map(catalogEntity),
    });
    jest.spyOn(catalog, 'getEntitiesByRefs');

    const router = Router();
    registerReadRoutes(router, {
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.none(),
      }),
      catalog,
      store,
      queries: store.queries,
      definitions,
      logger: mockServices.logger.mock(),
    });
    app = express().use(router).use(mockErrorHandler());
  });

  const get = (path: string) =>
    request(app).get(path).set('Authorization', user);

  it.each([
    '/scorecards',
    '/scorecards/prod',
    '/scorecards/prod/entities',
    '/scorecards/prod/export.csv',
    '/history?scorecardId=prod',
    '/teams/group/default/team-a',
  ])('answers 401 to %s without credentials', async path => {
    const response = await request(app).get(path);
    expect(response.status).toBe(401);
  });

  it('serves services as well as users', async () => {
    const response = await request(app)
      .get('/scorecards/prod/entities')
      .set('Authorization', mockCredentials.service.header());
    expect(response.status).toBe(200);
  });

  describe('GET /scorecards', () => {
    it('lists the definitions with organisation-wide summaries', async () => {
      const response = await get('/scorecards');
      expect(response.status).toBe(200);
      expect(response.body.levels).toEqual(LADDER);
      expect(response.body.lastRun).toMatchObject({
        trigger: 'schedule',
        status: 'succeeded',
        entitiesEvaluated: ROWS.length,
        finishedAt: expect.any(String),
      });
      expect(response.body.items).toEqual([
        {
          id: 'prod',
          title: 'Production Readiness',
          description: 'Services that are *safe* to run.',
          filter: 'kind:component',
          rules: [
            {
              id: 'rule-a',
              title: 'Rule A',
              level: 'Bronze',
              weight: 1,
              guidance: { text: 'Do A', url: 'https://example.com/a' },
            },
            { id: 'rule-ab', title: 'Rule AB', level: 'Silver', weight: 2 },
            {
              id: 'docs',
              title: 'Has docs',
              description: 'Docs.',
              level: 'Gold',
              weight: 1,
            },
          ],
          summary: {
            entities: 7,
            // (100 + 66.7 + 33.3 + 0 + 66.7 + 100 + 0) / 7
            averageScore: 52.4,
            distribution: [
              { level: 'Basic', count: 2 },
              { level: 'Bronze', count: 1 },
              { level: 'Silver', count: 2 },
              { level: 'Gold', count: 2 },
            ],
            asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
          },
        },
        {
          id: 'docs',
          title: 'Documentation',
          rules: [
            { id: 'readme', title: 'Has a README', level: 'Bronze', weight: 1 },
          ],
          summary: expect.objectContaining({
            entities: 1,
            averageScore: 100,
          }),
        },
      ]);
    });
  });

  it('shows the last run over the catalog, not a later one over one entity', async () => {
    const id = await store.createRun({
      trigger: 'outcome',
      scope: { entityRef: ROWS[0].entityRef },
    });
    await store.finishRun(id, {
      status: 'succeeded',
      entitiesEvaluated: 1,
      resultsWritten: 1,
      resultsDeleted: 0,
    });
    await expect(store.getLastRun()).resolves.toMatchObject({ id });

    for (const path of ['/scorecards', '/scorecards/prod']) {
      const response = await get(path);
      expect(response.body.lastRun).toMatchObject({
        trigger: 'schedule',
        entitiesEvaluated: ROWS.length,
      });
    }
  });

  describe('GET /scorecards/:id', () => {
    it('adds pass rates, team scores and the highest and lowest', async () => {
      const response = await get('/scorecards/prod');
      expect(response.status).toBe(200);
      const { body } = response;
      expect(body).toMatchObject({
        levels: LADDER,
        id: 'prod',
        title: 'Production Readiness',
        filter: 'kind:component',
        summary: { entities: 7, averageScore: 52.4 },
      });
      expect(body.lastRun).toMatchObject({ status: 'succeeded' });
      expect(body.rules).toEqual([
        expect.objectContaining({
          id: 'rule-a',
          weight: 1,
          applicable: 7,
          passed: 5,
          passRate: 71.4,
        }),
        expect.objectContaining({
          id: 'rule-ab',
          weight: 2,
          applicable: 7,
          passed: 4,
          passRate: 57.1,
        }),
        // Skipped for delta: not applicable.
        expect.objectContaining({
          id: 'docs',
          applicable: 6,
          passed: 2,
          passRate: 33.3,
        }),
      ]);
      expect(body.teams).toEqual([
        {
          owner: TEAM_A,
          entities: 3,
          averageScore: 55.6,
          distribution: [
            { level: 'Basic', count: 1 },
            { level: 'Bronze', count: 0 },
            { level: 'Silver', count: 1 },
            { level: 'Gold', count: 1 },
          ],
          // alpha, bravo and secret-low; every rule of the scorecard, in order.
          rules: [
            { ruleId: 'rule-a', applicable: 3, passed: 2, passRate: 66.7 },
            { ruleId: 'rule-ab', applicable: 3, passed: 2, passRate: 66.7 },
            { ruleId: 'docs', applicable: 3, passed: 1, passRate: 33.3 },
          ],
        },
        expect.objectContaining({
          owner: TEAM_B,
          entities: 3,
          averageScore: 66.7,
          // charlie, echo and secret-top.
          rules: [
            { ruleId: 'rule-a', applicable: 3, passed: 3, passRate: 100 },
            { ruleId: 'rule-ab', applicable: 3, passed: 2, passRate: 66.7 },
            { ruleId: 'docs', applicable: 3, passed: 1, passRate: 33.3 },
          ],
        }),
        expect.objectContaining({
          owner: null,
          entities: 1,
          averageScore: 0,
          // delta skips docs: no entity it applies to.
          rules: [
            { ruleId: 'rule-a', applicable: 1, passed: 0, passRate: 0 },
            { ruleId: 'rule-ab', applicable: 1, passed: 0, passRate: 0 },
            { ruleId: 'docs', applicable: 0, passed: 0, passRate: null },
          ],
        }),
      ]);
      // From the latest complete run's rollup, hidden entities included.
      expect(body.facets).toEqual({
        kinds: ['API', 'Component'],
        types: ['openapi', 'service'],
        lifecycles: ['production'],
        systems: ['system:default/rides'],
      });

      const ids = (items: Array<{ id: string }>) => items.map(i => i.id);
      // Fewer than ten rules, teams and entities: the better half and the
      // worse half, none in both.
      expect(ids(body.highest.rules)).toEqual(['rule-a', 'rule-ab']);
      expect(ids(body.lowest.rules)).toEqual(['docs']);
      expect(body.highest.rules[0]).toEqual({
        id: 'rule-a',
        title: 'Rule A',
        level: 'Bronze',
        applicable: 7,
        passed: 5,
        passRate: 71.4,
      });
      // Unowned entities are no team.
      expect(body.highest.teams.map((t: any) => t.owner)).toEqual([TEAM_B]);
      expect(body.lowest.teams.map((t: any) => t.owner)).toEqual([TEAM_A]);

      // Hidden entities have the top and the bottom scores, yet never show.
      const refs = (items: Array<{ entityRef: string }>) =>
        items.map(i => i.entityRef.replace(/^.*\//, ''));
      expect(refs(body.highest.entities)).toEqual(['alpha', 'echo', 'bravo']);
      expect(refs(body.lowest.entities)).toEqual(['delta', 'charlie']);
      expect(body.highest.entities[0]).toEqual({
        entityRef: 'component:default/alpha',
        entity: {
          kind: 'Component',
          namespace: 'default',
          name: 'alpha',
          title: 'Alpha, "the first"',
          type: 'service',
          lifecycle: 'production',
          owner: TEAM_A,
          system: 'system:default/rides',
        },
        level: 'Gold',
        levelRank: 3,
        score: 100,
        rulesPassed: 3,
        rulesFailed: 0,
        failingRules: [],
        updatedAt: '2026-11-04T10:00:00.000Z',
        stateSince: '2026-11-04T10:00:00.000Z',
      });
    });

    it('answers 404 for an unknown scorecard', async () => {
      const response = await get('/scorecards/nope');
      expect(response.status).toBe(404);
      expect(response.body.error.message).toBe('No scorecard with id "nope"');
    });

    it('shows empty summaries before the first complete run', async () => {
      const router = Router();
      registerReadRoutes(router, {
        httpAuth: mockServices.httpAuth(),
        catalog,
        store,
        queries: store.queries,
        definitions: {
          levels: ['Good', 'Great'],
          definitions: [
            {
              id: 'new',
              title: 'New',
              rules: [{ id: 'r', title: 'R', level: 'Good', query }],
            },
          ],
        },
        logger: mockServices.logger.mock(),
      });
      const fresh = express().use(router).use(mockErrorHandler());
      const response = await request(fresh).get('/scorecards/new');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        levels: ['Basic', 'Good', 'Great'],
        rules: [{ id: 'r', applicable: 0, passed: 0, passRate: null }],
        summary: {
          entities: 0,
          averageScore: null,
          distribution: [
            { level: 'Basic', count: 0 },
            { level: 'Good', count: 0 },
            { level: 'Great', count: 0 },
          ],
          asOf: null,
        },
        teams: [],
        facets: null,
        highest: { rules: [], entities: [], teams: [] },
        lowest: { rules: [], entities: [], teams: [] },
      });
    });

    it('answers null facets for days rolled up without them', async () => {
      const router = Router();
      registerReadRoutes(router, {
        httpAuth: mockServices.httpAuth(),
        catalog,
        store,
        queries: store.queries,
        definitions: {
          definitions: [
            {
              id: 'older',
              title: 'Older',
              rules: [{ id: 'r', title: 'R', level: 'Bronze', query }],
            },
          ],
        },
        logger: mockServices.logger.mock(),
      });
      await store.writeDailyRollups('2026-11-04', {
        scorecards: [
          {
            scorecardId: 'older',
            owner: '*',
            entities: 1,
            scoreSum: 100,
            levelCounts: { Bronze: 1 },
          },
          {
            scorecardId: 'older',
            owner: TEAM_A,
            entities: 1,
            scoreSum: 100,
            levelCounts: { Bronze: 1 },
          },
        ],
        rules: [
          {
            scorecardId: 'older',
            ruleId: 'r',
            owner: TEAM_A,
            applicable: 1,
            passed: 1,
          },
        ],
      });
      const fresh = express().use(router).use(mockErrorHandler());
      const response = await request(fresh).get('/scorecards/older');
      expect(response.status).toBe(200);
      expect(response.body.facets).toBeNull();
      expect(response.body.teams).toEqual([
        expect.objectContaining({
          owner: TEAM_A,
          rules: [{ ruleId: 'r', applicable: 1, passed: 1, passRate: 100 }],
        }),
      ]);
    });
  });

  describe('GET /teams/:kind/:namespace/:name', () => {
    it("answers the team's score on every scorecard from its rollups", async () => {
      // Refs match whatever the case.
      const response = await get('/teams/Group/default/Team-A');
      expect(response.status).toBe(200);
      const { body } = response;
      expect(body).toMatchObject({ team: TEAM_A, levels: LADDER });
      expect(body.lastRun).toMatchObject({ status: 'succeeded' });
      expect(body.items.map((i: { id: string }) => i.id)).toEqual([
        'prod',
        'docs',
      ]);
      expect(body.items[0]).toMatchObject({
        id: 'prod',
        title: 'Production Readiness',
        rules: [
          expect.objectContaining({ id: 'rule-a' }),
          expect.objectContaining({ id: 'rule-ab' }),
          expect.objectContaining({ id: 'docs' }),
        ],
      });
      // The same figures as the scorecard's teams: alpha, bravo and
      // secret-low (aggregates count entities the user cannot see).
      const details = await get('/scorecards/prod');
      expect(body.items[0].score).toEqual(
        details.body.teams.find((t: { owner: string }) => t.owner === TEAM_A),
      );
      expect(body.items[0].score).toMatchObject({
        owner: TEAM_A,
        entities: 3,
        averageScore: 55.6,
      });
      expect(body.items[1].score).toMatchObject({
        owner: TEAM_A,
        entities: 1,
        averageScore: 100,
        rules: [{ ruleId: 'readme', applicable: 1, passed: 1, passRate: 100 }],
      });
    });

    it('answers null for a scorecard that evaluated none of its entities', async () => {
      const response = await get('/teams/group/default/team-c');
      expect(response.status).toBe(200);
      expect(
        response.body.items.map((i: { score: unknown }) => i.score),
      ).toEqual([null, null]);
    });

    it('answers 404 for a team the catalog hides', async () => {
      const response = await get('/teams/group/default/team-b');
      expect(response.status).toBe(404);
      expect(response.body.error.message).toBe(
        'No entity group:default/team-b in the catalog',
      );
    });

    it('answers 400 for an unknown relation', async () => {
      const response = await get('/teams/group/default/team-a?relation=all');
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe(
        'Invalid query: relation: must be one of direct, aggregated',
      );
    });

    describe('with indirect ownership', () => {
      const RIDES = 'group:default/rides';
      const group = (
        ref: string,
        children: string[],
        spec = {},
        parents: string[] = [],
      ): Entity => ({
        ...catalogEntity(ref),
        spec,
        relations: [
          ...children.map(targetRef => ({ type: 'parentOf', targetRef })),
          ...parents.map(targetRef => ({ type: 'childOf', targetRef })),
        ],
      });
      let org: express.Express;

      beforeAll(() => {
        // Rides has team-a, team-c (by relation) and team-b (by
        // spec.children); team-c points back at rides. The catalog hides
        // secret-team from the user.
        const router = Router();
        registerReadRoutes(router, {
          httpAuth: mockServices.httpAuth({
            defaultCredentials: mockCredentials.none(),
          }),
          catalog: catalogServiceMock({
            entities: [
              group(RIDES, [TEAM_A, 'group:default/team-c'], {
                children: ['team-b', 'secret-team'],
              }),
              // The teams name their parent too, as the catalog's
              // processors write it; team-b in spec only.
              group(TEAM_A, [], {}, [RIDES]),
              group(TEAM_B, [], { parent: 'rides' }),
              group('group:default/team-c', [RIDES]),
              {
                ...catalogEntity('user:default/ann'),
                kind: 'User',
                relations: [
                  { type: 'memberOf', targetRef: TEAM_A },
                  { type: 'memberOf', targetRef: 'group:default/secret-team' },
                ],
              },
            ],
          }),
          store,
          queries: store.queries,
          definitions,
          logger: mockServices.logger.mock(),
        });
        org = express().use(router).use(mockErrorHandler());
      });
      const getOrg = (path: string) =>
        request(org).get(path).set('Authorization', user);

      it("adds up a group's descendants' entities", async () => {
        const response = await getOrg(
          '/teams/group/default/rides?relation=aggregated',
        );
        expect(response.status).toBe(200);
        const { body } = response;
        expect(body).toMatchObject({ team: RIDES, relation: 'aggregated' });
        expect(body.owners).toEqual([
          RIDES,
          TEAM_A,
          'group:default/team-c',
          TEAM_B,
        ]);
        // Team-a's alpha, bravo and secret-low with team-b's charlie, echo
        // and secret-top: 100 + 66.7 + 0 + 33.3 + 66.7 + 100 over 6.
        expect(body.items[0].score).toEqual({
          owner: RIDES,
          entities: 6,
          averageScore: 61.1,
          distribution: [
            { level: 'Basic', count: 1 },
            { level: 'Bronze', count: 1 },
            { level: 'Silver', count: 2 },
            { level: 'Gold', count: 2 },
          ],
          rules: [
            { ruleId: 'rule-a', applicable: 6, passed: 5, passRate: 83.3 },
            { ruleId: 'rule-ab', applicable: 6, passed: 4, passRate: 66.7 },
            { ruleId: 'docs', applicable: 6, passed: 2, passRate: 33.3 },
          ],
        });
        expect(body.items[1].score).toMatchObject({
          owner: RIDES,
          entities: 1,
        });
      });

      it('scores each department as its page does with indirect ownership', async () => {
        const response = await getOrg('/scorecards/prod/departments');
        expect(response.status).toBe(200);
        const body: ScorecardDepartmentsResponse = response.body;
        expect(body.levels).toEqual(['Basic', 'Bronze', 'Silver', 'Gold']);
        // Rides is above team-a and team-b; it owns nothing the scorecard
        // evaluates itself.
        expect(body.items.map(item => item.owner)).toEqual([RIDES]);
        const [{ owners, ...score }] = body.items;
        expect([...owners].sort()).toEqual([TEAM_A, TEAM_B]);
        const aggregated = await getOrg(
          '/teams/group/default/rides?relation=aggregated',
        );
        expect(score).toEqual(aggregated.body.items[0].score);
        expect(score.entities).toBe(6);

        expect((await getOrg('/scorecards/nope/departments')).status).toBe(404);
      });

      it('counts only what the group owns itself by default', async () => {
        const response = await getOrg('/teams/group/default/rides');
        expect(response.body).toMatchObject({
          relation: 'direct',
          owners: [RIDES],
        });
        expect(
          response.body.items.map((i: { score: unknown }) => i.score),
        ).toEqual([null, null]);
      });

      it("answers a department's history: its groups' rollups added up", async () => {
        const response = await getOrg(
          '/history?scorecardId=prod&team=group:default/rides&relation=aggregated&from=2026-11-01&to=2026-11-10',
        );
        expect(response.status).toBe(200);
        expect(response.body.owners).toEqual([
          RIDES,
          TEAM_A,
          'group:default/team-c',
          TEAM_B,
        ]);
        // Team-a alone on the 2nd and 3rd; team-a and team-b on the 4th,
        // as the department's score has them.
        expect(response.body.points).toEqual([
          {
            date: '2026-11-02',
            entities: 1,
            averageScore: 10,
            levels: { Basic: 1, Bronze: 0, Silver: 0, Gold: 0 },
          },
          {
            date: '2026-11-03',
            entities: 1,
            averageScore: 10,
            levels: { Basic: 1, Bronze: 0, Silver: 0, Gold: 0 },
          },
          {
            date: '2026-11-04',
            entities: 6,
            averageScore: 61.1,
            levels: { Basic: 1, Bronze: 1, Silver: 2, Gold: 2 },
          },
        ]);
        const rule = await getOrg(
          '/history?scorecardId=prod&ruleId=rule-a&team=group:default/rides&relation=aggregated&from=2026-11-01&to=2026-11-10',
        );
        expect(rule.body.points).toEqual([
          { date: '2026-11-02', applicable: 1, passed: 0, passRate: 0 },
          { date: '2026-11-03', applicable: 1, passed: 0, passRate: 0 },
          { date: '2026-11-04', applicable: 6, passed: 5, passRate: 83.3 },
        ]);

        // Directly, rides owns nothing.
        const direct = await getOrg(
          '/history?scorecardId=prod&team=group:default/rides&from=2026-11-01&to=2026-11-10',
        );
        expect(direct.body).toMatchObject({ owners: [RIDES], points: [] });
        // A department the caller cannot see is not found.
        const hidden = await getOrg(
          '/history?scorecardId=prod&team=group:default/secret-team&relation=aggregated',
        );
        expect(hidden.status).toBe(404);
      });

      it("adds up a user's groups' entities", async () => {
        const response = await getOrg(
          '/teams/user/default/ann?relation=aggregated',
        );
        expect(response.status).toBe(200);
        expect(response.body.owners).toEqual(['user:default/ann', TEAM_A]);
        expect(response.body.items[0].score).toMatchObject({
          owner: 'user:default/ann',
          entities: 3,
          averageScore: 55.6,
        });
      });

      it("answers a user's history with their groups, as their team card counts", async () => {
        const range = 'from=2026-11-01&to=2026-11-10';
        const response = await getOrg(
          `/history?scorecardId=prod&team=user:default/ann&relation=aggregated&${range}`,
        );
        expect(response.status).toBe(200);
        // Ann owns nothing herself: the history is team-a's (the group the
        // caller cannot see counts for nothing).
        expect(response.body.owners).toEqual(['user:default/ann', TEAM_A]);
        const teamA = await getOrg(
          `/history?scorecardId=prod&team=${TEAM_A}&${range}`,
        );
        expect(teamA.body.points.length).toBeGreaterThan(0);
        expect(response.body.points).toEqual(teamA.body.points);
      });
    });
  });

  describe('GET /scorecards/:id/entities', () => {
    const names = (body: any) =>
      body.items.map((i: any) => i.entityRef.replace(/^.*\//, ''));

    it('pages through the visible entities by cursor', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      const totals: number[] = [];
      for (let page = 0; page < 10; page++) {
        const response = await get(
          `/scorecards/prod/entities?limit=2${
            cursor ? `&cursor=${cursor}` : ''
          }`,
        );
        expect(response.status).toBe(200);
        seen.push(...names(response.body));
        totals.push(response.body.totalCount);
        cursor = response.body.nextCursor;
        if (!cursor) {
          break;
        }
      }
      // The last page reads past the hidden entities and ends the listing.
      expect(seen).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo']);
      // Counted organisation-wide.
      expect(totals).toEqual([7, 7, 7]);
      expect(catalog.getEntitiesByRefs).toHaveBeenCalledWith(
        {
          entityRefs: expect.any(Array),
          fields: ['kind', 'metadata.namespace', 'metadata.name'],
        },
        {
          credentials: expect.objectContaining({
            principal: { type: 'user', userEntityRef: 'user:default/mock' },
          }),
        },
      );
    });

    it('reads on past hidden entities to fill a page', async () => {
      const response = await get(
        '/scorecards/prod/entities?sort=score&order=desc&limit=1',
      );
      expect(names(response.body)).toEqual(['alpha']);
      const next = await get(
        `/scorecards/prod/entities?sort=score&order=desc&limit=1&cursor=${response.body.nextCursor}`,
      );
      expect(names(next.body)).toEqual(['echo']);
    });

    it('answers the documented item shape', async () => {
      const response = await get('/scorecards/prod/entities?text=CHARL');
      expect(response.body).toEqual({
        items: [
          {
            entityRef: 'component:default/charlie',
            entity: {
              kind: 'Component',
              namespace: 'default',
              name: 'charlie',
              title: '-2+3',
              type: 'service',
              lifecycle: 'production',
              owner: TEAM_B,
              system: 'system:default/rides',
            },
            level: 'Bronze',
            levelRank: 1,
            score: 33.3,
            rulesPassed: 1,
            rulesFailed: 2,
            failingRules: ['rule-ab', 'docs'],
            updatedAt: '2026-11-04T10:00:00.000Z',
            stateSince: '2026-11-04T10:00:00.000Z',
          },
        ],
        totalCount: 1,
      });
    });

    it.each([
      ['team=group:default/team-b', ['charlie', 'echo'], 3],
      [
        'team=group:default/team-b&team=group:default/team-a',
        ['alpha', 'bravo', 'charlie', 'echo'],
        6,
      ],
      // Refs as users write them: short, or in any case.
      ['team=team-b', ['charlie', 'echo'], 3],
      ['team=Group:Default/Team-B', ['charlie', 'echo'], 3],
      // An empty team: the entities without an owner.
      ['team=', ['delta'], 1],
      ['team=&team=team-b', ['charlie', 'delta', 'echo'], 4],
      ['kind=api', ['delta'], 1],
      ['kind=API&system=rides', ['delta'], 1],
      [
        'type=service&lifecycle=production',
        ['alpha', 'bravo', 'charlie', 'echo'],
        6,
      ],
      [
        'system=system:default/rides&kind=component',
        ['alpha', 'bravo', 'charlie', 'echo'],
        6,
      ],
      ['level=Silver&level=gold', ['alpha', 'bravo', 'echo'], 4],
      ['failingRule=rule-a', ['delta'], 2],
      ['failingRule=rule-ab', ['charlie', 'delta'], 3],
      ['text=%22THE%20FIRST', ['alpha'], 1],
      ['text=', ['alpha', 'bravo', 'charlie', 'delta', 'echo'], 7],
      [
        'sort=level&order=desc',
        ['alpha', 'echo', 'bravo', 'charlie', 'delta'],
        7,
      ],
      ['sort=owner', ['delta', 'alpha', 'bravo', 'charlie', 'echo'], 7],
      [
        'sort=updatedAt&order=desc&team=group:default/team-a',
        ['bravo', 'alpha'],
        3,
      ],
    ])('filters and sorts by %s', async (params, expected, totalCount) => {
      const response = await get(`/scorecards/prod/entities?${params}`);
      expect(response.status).toBe(200);
      expect(names(response.body)).toEqual(expected);
      expect(response.body.totalCount).toBe(totalCount);
    });

    it.each([
      [
        'sort=rank',
        'Invalid query: sort: must be one of name, score, level, owner, updatedAt',
      ],
      ['order=up', 'Invalid query: order: must be one of asc, desc'],
      ['limit=0', 'Invalid query: limit: must be a whole number from 1 to 100'],
      [
        'limit=101',
        'Invalid query: limit: must be a whole number from 1 to 100',
      ],
      [
        'limit=2.5',
        'Invalid query: limit: must be a whole number from 1 to 100',
      ],
      ['limit=many', 'Invalid query: limit: must be a number'],
      [
        'teams=x',
        'Invalid query: teams: unknown parameter; allowed are team, kind, type, lifecycle, system, level, failingRule, text, sort, order, limit, cursor',
      ],
      [
        'team[x]=y',
        'Invalid query: team: must be a group ref, or empty for no owner (it may repeat)',
      ],
      [
        'team=group:',
        'Invalid query: team: must be an entity ref such as group:default/name',
      ],
      [
        'system=:x',
        'Invalid query: system: must be an entity ref such as system:default/name',
      ],
      [
        'level=Platinum',
        'Invalid query: level: must be one of Basic, Bronze, Silver, Gold',
      ],
      [
        'failingRule=rule-x',
        'Invalid query: failingRule: must be one of the rules of prod: rule-a, rule-ab, docs',
      ],
      [
        'cursor=garbage',
        'Invalid query: cursor: must be the nextCursor of an earlier response with the same sort and order',
      ],
      [
        'sort=score&order=desc&cursor=CURSOR',
        'Invalid query: cursor: must be the nextCursor of an earlier response with the same sort and order',
      ],
      [
        'sort=wrong&limit=0',
        'Invalid query: sort: must be one of name, score, level, owner, updatedAt; limit: must be a whole number from 1 to 100',
      ],
    ])('answers 400 to %s', async (params, message) => {
      const { body } = await get('/scorecards/prod/entities?limit=1');
      const response = await get(
        `/scorecards/prod/entities?${params.replace(
          'CURSOR',
          body.nextCursor,
        )}`,
      );
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({
        name: 'InputError',
        message,
      });
    });

    it('answers 404 for an unknown scorecard', async () => {
      const response = await get('/scorecards/nope/entities');
      expect(response.status).toBe(404);
    });
  });

  describe('GET /scorecards/:id/export.csv', () => {
    it('exports every visible matching row as CSV', async () => {
      const response = await get('/scorecards/prod/export.csv');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="prod-entities.csv"',
      );
      expect(response.text).toBe(
        [
          'entity_ref,kind,namespace,name,title,type,lifecycle,owner,system,level,score,rules_passed,rules_failed,failing_rules,updated_at',
          'component:default/alpha,Component,default,alpha,"Alpha, ""the first""",service,production,group:default/team-a,system:default/rides,Gold,100,3,0,,2026-11-04T10:00:00.000Z',
          "component:default/bravo,Component,default,bravo,'=cmd|calc,service,production,group:default/team-a,system:default/rides,Silver,66.7,2,1,docs,2026-11-04T10:00:00.000Z",
          "component:default/charlie,Component,default,charlie,'-2+3,service,production,group:default/team-b,system:default/rides,Bronze,33.3,1,2,rule-ab;docs,2026-11-04T10:00:00.000Z",
          'api:default/delta,API,default,delta,,openapi,production,,system:default/rides,Basic,0,0,2,rule-a;rule-ab,2026-11-04T10:00:00.000Z',
          'component:default/echo,Component,default,echo,,service,production,group:default/team-b,system:default/rides,Silver,66.7,2,1,docs,2026-11-04T10:00:00.000Z',
          '',
        ].join('\r\n'),
      );
    });

    it('applies the filters and the sort of the entity table', async () => {
      const response = await get(
        '/scorecards/prod/export.csv?team=group:default/team-a&sort=score',
      );
      expect(
        response.text.split('\r\n').map(line => line.split(',')[0]),
      ).toEqual([
        'entity_ref',
        'component:default/bravo',
        'component:default/alpha',
        '',
      ]);
    });

    it('answers an error, not a truncated file, when the catalog fails', async () => {
      const router = Router();
      registerReadRoutes(router, {
        httpAuth: mockServices.httpAuth(),
        catalog: catalogServiceMock.mock({
          getEntitiesByRefs: jest
            .fn()
            .mockRejectedValue(new Error('catalog down')),
        }),
        store,
        queries: store.queries,
        definitions,
        logger: mockServices.logger.mock(),
      });
      const failing = express().use(router).use(mockErrorHandler());
      const response = await request(failing).get(
        '/scorecards/prod/export.csv',
      );
      expect(response.status).toBe(500);
      expect(response.body.error.message).toBe('catalog down');
    });

    it('answers 400 and 404 before it starts the file', async () => {
      const bad = await get('/scorecards/prod/export.csv?limit=5');
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toBe(
        'Invalid query: limit: unknown parameter; allowed are team, kind, type, lifecycle, system, level, failingRule, text, sort, order',
      );
      expect((await get('/scorecards/nope/export.csv')).status).toBe(404);
    });
  });

  describe('GET /history', () => {
    const history = (params: string) =>
      get(`/history?scorecardId=prod&${params}`);

    it('answers the organisation-wide series from the daily rollups', async () => {
      const response = await history('from=2026-11-01&to=2026-11-10');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        interval: 'day',
        from: '2026-11-01',
        to: '2026-11-10',
        points: [
          {
            date: '2026-11-02',
            entities: 4,
            averageScore: 40,
            levels: { Basic: 3, Bronze: 0, Silver: 0, Gold: 1 },
          },
          {
            date: '2026-11-03',
            entities: 5,
            averageScore: 40,
            levels: { Basic: 4, Bronze: 0, Silver: 0, Gold: 1 },
          },
          {
            date: '2026-11-04',
            entities: 7,
            averageScore: 52.4,
            levels: { Basic: 2, Bronze: 1, Silver: 2, Gold: 2 },
          },
        ],
      });
    });

    it('answers a team series', async () => {
      const response = await history(
        'team=Team-A&from=2026-11-01&to=2026-11-10',
      );
      expect(response.body.owners).toEqual([TEAM_A]);
      expect(response.body.points).toEqual([
        {
          date: '2026-11-02',
          entities: 1,
          averageScore: 10,
          levels: { Basic: 1, Bronze: 0, Silver: 0, Gold: 0 },
        },
        {
          date: '2026-11-03',
          entities: 1,
          averageScore: 10,
          levels: { Basic: 1, Bronze: 0, Silver: 0, Gold: 0 },
        },
        {
          date: '2026-11-04',
          entities: 3,
          averageScore: 55.6,
          levels: { Basic: 1, Bronze: 0, Silver: 1, Gold: 1 },
        },
      ]);
    });

    it("answers a rule's pass rate, for everyone or a team", async () => {
      const all = await history('ruleId=rule-a&from=2026-11-01&to=2026-11-10');
      expect(all.body.points).toEqual([
        { date: '2026-11-02', applicable: 4, passed: 1, passRate: 25 },
        { date: '2026-11-03', applicable: 5, passed: 2, passRate: 40 },
        { date: '2026-11-04', applicable: 7, passed: 5, passRate: 71.4 },
      ]);
      const team = await history(
        `ruleId=rule-a&team=${TEAM_A}&from=2026-11-01&to=2026-11-10`,
      );
      expect(team.body.points.map((p: any) => p.passRate)).toEqual([
        0, 0, 66.7,
      ]);
    });

    it("answers an entity's score and level per day, carried forward", async () => {
      const response = await history(
        'entityRef=component:default/alpha&from=2026-11-01&to=2026-11-06',
      );
      expect(response.status).toBe(200);
      expect(response.body.points).toEqual([
        { date: '2026-11-02', score: 50, level: 'Basic' },
        { date: '2026-11-03', score: 50, level: 'Basic' },
        { date: '2026-11-04', score: 100, level: 'Gold' },
        { date: '2026-11-05', score: 100, level: 'Gold' },
        { date: '2026-11-06', score: 100, level: 'Gold' },
      ]);
      // A range that starts after the change carries its state in.
      const later = await history(
        'entityRef=component:default/alpha&from=2026-11-03&to=2026-11-03',
      );
      expect(later.body.points).toEqual([
        { date: '2026-11-03', score: 50, level: 'Basic' },
      ]);
    });

    it('carries an entity forward to today at most', async () => {
      const today = DateTime.utc().startOf('day');
      const response = await history(
        `entityRef=component:default/alpha&from=${today
          .minus({ days: 1 })
          .toISODate()}&to=${today.plus({ days: 5 }).toISODate()}`,
      );
      expect(response.body.points.map((p: any) => p.date)).toEqual([
        today.minus({ days: 1 }).toISODate(),
        today.toISODate(),
      ]);
    });

    it('answers the last value of each ISO week for weekly series', async () => {
      const entity = await history(
        'entityRef=component:default/alpha&from=2026-11-01&to=2026-11-10&interval=week',
      );
      expect(entity.body).toEqual({
        interval: 'week',
        from: '2026-11-01',
        to: '2026-11-10',
        points: [
          // Sunday 1 November has no state yet; week 45 ends on the 8th.
          { date: '2026-11-08', score: 100, level: 'Gold' },
          { date: '2026-11-10', score: 100, level: 'Gold' },
        ],
      });
      const rule = await history(
        'ruleId=rule-a&from=2026-11-01&to=2026-11-10&interval=week',
      );
      expect(rule.body.points).toEqual([
        { date: '2026-11-04', applicable: 7, passed: 5, passRate: 71.4 },
      ]);
    });

    it('needs a team for a relation', async () => {
      const response = await history('relation=aggregated');
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe(
        'Invalid query: relation: needs a team',
      );
      const wrong = await history(`team=${TEAM_A}&relation=all`);
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.message).toBe(
        'Invalid query: relation: must be one of direct, aggregated',
      );
    });

    it('covers the last 90 days by default', async () => {
      const today = DateTime.utc().startOf('day');
      const response = await history('');
      expect(response.body).toMatchObject({
        interval: 'day',
        from: today.minus({ days: 89 }).toISODate(),
        to: today.toISODate(),
      });
      const ending = await history('to=2026-11-10');
      expect(ending.body).toMatchObject({
        from: '2026-08-13',
        to: '2026-11-10',
      });
    });

    it('hides the history of entities the catalog hides', async () => {
      const response = await history('entityRef=component:default/secret-top');
      expect(response.status).toBe(404);
      expect(response.body.error.message).toBe(
        'No entity component:default/secret-top in the catalog',
      );
    });

    it.each([
      ['', 400, 'Invalid query: scorecardId: is required'],
      ['scorecardId=nope', 404, 'No scorecard with id "nope"'],
      [
        'scorecardId=prod&ruleId=nope',
        404,
        'No rule with id "nope" in scorecard "prod"',
      ],
      [
        'scorecardId=prod&from=yesterday',
        400,
        'Invalid query: from: must be an ISO 8601 date such as 2026-11-24',
      ],
      [
        'scorecardId=prod&to=2026-13-01',
        400,
        'Invalid query: to: must be an ISO 8601 date such as 2026-11-24',
      ],
      [
        'scorecardId=prod&from=2026-11-10&to=2026-11-09',
        400,
        'Invalid query: from: must not be after to',
      ],
      [
        'scorecardId=prod&from=2024-11-09&to=2026-11-10',
        400,
        'Invalid query: from, to: must be at most 2 years apart',
      ],
      [
        'scorecardId=prod&interval=month',
        400,
        'Invalid query: interval: must be one of day, week',
      ],
      [
        'scorecardId=prod&team=group:',
        400,
        'Invalid query: team: must be an entity ref such as group:default/name',
      ],
      [
        'scorecardId=prod&entityRef=alpha',
        400,
        'Invalid query: entityRef: must be an entity ref such as component:default/name',
      ],
      [
        'scorecardId=prod&entityRef=component:default/alpha&team=group:default/team-a',
        400,
        'Invalid query: entityRef: cannot be combined with team or ruleId',
      ],
      [
        'scorecardId=prod&scorecard=prod',
        400,
        'Invalid query: scorecard: unknown parameter; allowed are scorecardId, ruleId, team, relation, entityRef, from, to, interval',
      ],
    ])('answers %s with %s', async (params, status, message) => {
      const response = await get(`/history?${params}`);
      expect(response.status).toBe(status);
      expect(response.body.error.message).toBe(message);
    });

    it('accepts exactly two years', async () => {
      const response = await history('from=2024-11-10&to=2026-11-10');
      expect(response.status).toBe(200);
    });
  });
  describe('with many entities, most of them hidden', () => {
    let bulkApp: express.Express;
    const COUNT = 1234;
    const name = (i: number) => `bulk-${String(i).padStart(4, '0')}`;
    // The user sees every third entity.
    const visible = (i: number) => i % 3 === 0;

    beforeAll(async () => {
      await commit(
        Array.from({ length: COUNT }, (_, i) =>
          result(name(i), {
            scorecardId: 'bulk',
            owner: TEAM_A,
            levelRank: i % 4,
            score: i % 101,
            rules: {},
          }),
        ),
        '2026-11-04T11:00:00.000Z',
      );
      const router = Router();
      registerReadRoutes(router, {
        httpAuth: mockServices.httpAuth(),
        catalog: catalogServiceMock({
          entities: Array.from({ length: COUNT }, (_, i) => i)
            .filter(visible)
            .map(i => catalogEntity(`component:default/${name(i)}`)),
        }),
        store,
        queries: store.queries,
        definitions: {
          definitions: [{ id: 'bulk', title: 'Bulk', rules: [] }],
        },
        logger: mockServices.logger.mock(),
      });
      bulkApp = express().use(router).use(mockErrorHandler());
    });

    const expected = Array.from({ length: COUNT }, (_, i) => i)
      .filter(visible)
      .map(i => `component:default/${name(i)}`);

    it('streams every visible row, across batches, in order', async () => {
      const response = await request(bulkApp).get(
        '/scorecards/bulk/export.csv',
      );
      expect(response.status).toBe(200);
      const lines = response.text.trimEnd().split('\r\n');
      expect(lines.slice(1).map(line => line.split(',')[0])).toEqual(expected);
    });

    it('lists the five best and the five worst visible entities', async () => {
      const response = await request(bulkApp).get('/scorecards/bulk');
      expect(response.status).toBe(200);
      // Sorted by score, then by reference, both descending for the best.
      const bestFirst = Array.from({ length: COUNT }, (_, i) => i)
        .filter(visible)
        .sort((a, b) => (b % 101) - (a % 101) || b - a)
        .map(i => `component:default/${name(i)}`);
      const refs = (items: Array<{ entityRef: string }>) =>
        items.map(i => i.entityRef);
      expect(refs(response.body.highest.entities)).toEqual(
        bestFirst.slice(0, 5),
      );
      expect(refs(response.body.lowest.entities)).toEqual(
        bestFirst.slice(-5).reverse(),
      );
    });

    it('fills full pages past hidden rows, without gaps or repeats', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 20; page++) {
        const response = await request(bulkApp).get(
          `/scorecards/bulk/entities?limit=100${
            cursor ? `&cursor=${cursor}` : ''
          }`,
        );
        expect(response.status).toBe(200);
        expect(response.body.totalCount).toBe(COUNT);
        seen.push(...response.body.items.map((i: any) => i.entityRef));
        cursor = response.body.nextCursor;
        if (!cursor) {
          break;
        }
        expect(response.body.items).toHaveLength(100);
      }
      expect(seen).toEqual(expected);
    });
  });

  describe('POST /scorecards/:id/notify', () => {
    let send: jest.Mock;
    let allow: boolean;
    beforeEach(() => {
      send = jest.fn(async () => undefined);
      allow = true;
    });

    function notifyApp(
      options: { notifications?: NotificationService | null } = {},
    ) {
      const router = Router();
      registerScorecardNotifyRoutes(router, {
        httpAuth: mockServices.httpAuth({
          defaultCredentials: mockCredentials.none(),
        }),
        permissions: mockServices.permissions.mock({
          authorize: jest.fn(async () => [
            { result: allow ? AuthorizeResult.ALLOW : AuthorizeResult.DENY },
          ]) as any,
        }),
        catalog,
        queries: store.queries,
        definitions,
        notifications:
          options.notifications === null
            ? undefined
            : options.notifications ?? { send },
        logger: mockServices.logger.mock(),
        appBaseUrl: 'https://backstage.example.com/',
      });
      return express().use(router).use(mockErrorHandler());
    }
    const notify = (path: string, options?: Parameters<typeof notifyApp>[0]) =>
      request(notifyApp(options)).post(path).set('Authorization', user);

    it('notifies each owning group of its failing entities that the caller can see', async () => {
      const res = await notify('/scorecards/prod/notify');
      expect(res.status).toBe(200);
      // bravo (team A), charlie and echo (team B), delta has no owner;
      // secret-low (team A) is hidden from the caller.
      expect(res.body).toEqual({
        teamsNotified: 2,
        entitiesIncluded: 3,
        unowned: 1,
        failedTeams: [],
      });
      expect(send.mock.calls.map(([n]) => n.recipients)).toEqual([
        { type: 'entity', entityRef: TEAM_A },
        { type: 'entity', entityRef: TEAM_B },
      ]);
      expect(send.mock.calls[1][0].payload).toEqual({
        title: 'Scorecard "Production Readiness": 2 entities fail rules',
        description: [
          '2 entities owned by group:default/team-b fail rules of the scorecard "Production Readiness":',
          '- component:default/charlie (Bronze): Rule AB, Has docs',
          '- component:default/echo (Silver): Has docs',
          'Scorecard: https://backstage.example.com/scorecards/prod?team=group%3Adefault%2Fteam-b',
        ].join('\n'),
        link: '/scorecards/prod?team=group%3Adefault%2Fteam-b',
        severity: 'normal',
        topic: 'scorecards-scorecard-prod',
      });
    });

    it("notifies only about the entities the table's filters select", async () => {
      const res = await notify(
        `/scorecards/prod/notify?failingRule=rule-ab&team=${TEAM_B}`,
      );
      expect(res.body).toMatchObject({ teamsNotified: 1, entitiesIncluded: 1 });
      expect(send).toHaveBeenCalledTimes(1);
      expect(send.mock.calls[0][0].payload.description).toContain(
        'component:default/charlie',
      );
      // The link opens the table filtered the same way, to the team.
      expect(send.mock.calls[0][0].payload.link).toBe(
        '/scorecards/prod?team=group%3Adefault%2Fteam-b&failingRule=rule-ab',
      );
    });

    it('answers 403 without the permission, 404 for an unknown scorecard, 400 for a bad filter and 503 without notifications', async () => {
      allow = false;
      expect((await notify('/scorecards/prod/notify')).status).toBe(403);
      allow = true;
      expect((await notify('/scorecards/nope/notify')).status).toBe(404);
      const bad = await notify('/scorecards/prod/notify?failingRule=nope');
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('failingRule');
      const unavailable = await notify('/scorecards/prod/notify', {
        notifications: null,
      });
      expect(unavailable.status).toBe(503);
      expect(send).not.toHaveBeenCalled();
    });

    it('answers 503 when no notification could be sent, and lists the teams that failed otherwise', async () => {
      send.mockRejectedValueOnce(new Error('notifications down'));
      const partly = await notify('/scorecards/prod/notify');
      expect(partly.body).toMatchObject({
        teamsNotified: 1,
        entitiesIncluded: 2,
        failedTeams: [TEAM_A],
      });
      send.mockRejectedValue(new Error('notifications down'));
      const none = await notify('/scorecards/prod/notify');
      expect(none.status).toBe(503);
      expect(none.body.error.message).toContain('notifications down');
    });
  });
});
