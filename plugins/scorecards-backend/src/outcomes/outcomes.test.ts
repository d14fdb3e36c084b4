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
import express from 'express';
import Router from 'express-promise-router';
import { Knex } from 'knex';
import request from 'supertest';
import { createOutcomesFactProvider } from './outcomesFactProvider';
import {
  MAX_ENTITIES_EVALUATED_AT_ONCE,
  registerOutcomeRoutes,
} from './outcomeRoutes';
import { OutcomeStore } from './OutcomeStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});

function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { owner: 'team-a' },
  };
}

const at = new Date('2026-12-07T10:00:00.000Z');

describe.each(databases.eachSupportedId())('reported outcomes on %p', id => {
  let knex: Knex;
  let store: OutcomeStore;

  beforeAll(async () => {
    knex = await databases.init(id);
    store = await OutcomeStore.create({
      database: mockServices.database({ knex }),
    });
  });

  beforeEach(async () => {
    await knex('scorecards_outcomes').delete();
  });

  afterAll(async () => {
    await knex.destroy();
  });

  describe('OutcomeStore', () => {
    it('keeps the latest outcome of each entity and check', async () => {
      await store.report([
        {
          entityRef: 'component:default/a',
          check: 'security-scan',
          state: 'fail',
          remarks: '2 critical findings',
          reportedBy: 'external:ci',
          reportedAt: at,
        },
        {
          entityRef: 'component:default/a',
          check: 'load-test',
          state: 'pass',
          reportedBy: 'external:ci',
          reportedAt: at,
        },
      ]);
      const later = new Date(at.getTime() + 60_000);
      await store.report([
        {
          entityRef: 'component:default/a',
          check: 'security-scan',
          state: 'pass',
          reportedBy: 'external:scanner',
          reportedAt: later,
        },
      ]);

      await expect(store.list('component:default/a')).resolves.toEqual([
        {
          entityRef: 'component:default/a',
          check: 'load-test',
          state: 'pass',
          remarks: undefined,
          reportedBy: 'external:ci',
          reportedAt: at,
        },
        {
          entityRef: 'component:default/a',
          check: 'security-scan',
          state: 'pass',
          remarks: undefined,
          reportedBy: 'external:scanner',
          reportedAt: later,
        },
      ]);
      await expect(store.list('component:default/b')).resolves.toEqual([]);
    });

    it('gives a page of entities their outcomes as facts, in chunks', async () => {
      const refs = Array.from(
        { length: 1200 },
        (_, i) => `component:default/e${i}`,
      );
      await store.report(
        refs
          .filter((_, i) => i % 2 === 0)
          .map(entityRef => ({
            entityRef,
            check: 'security-scan',
            state: 'skip' as const,
            remarks: 'not deployed',
            reportedBy: 'external:ci',
            reportedAt: at,
          })),
      );
      const provider = createOutcomesFactProvider(store);
      const facts = await provider.getFacts(
        refs.map(entityRef => ({ entityRef, entity: {} })),
        {},
      );
      expect(facts.size).toBe(600);
      expect(facts.get('component:default/e1198')).toEqual({
        outcomes: {
          'security-scan': {
            state: 'skip',
            remarks: 'not deployed',
            reportedAt: at.toISOString(),
          },
        },
      });
      expect(facts.has('component:default/e1199')).toBe(false);
    });

    it('prunes outcomes reported before a cutoff', async () => {
      await store.report([
        {
          entityRef: 'component:default/old',
          check: 'security-scan',
          state: 'pass',
          reportedBy: 'external:ci',
          reportedAt: new Date('2025-01-01T00:00:00Z'),
        },
        {
          entityRef: 'component:default/new',
          check: 'security-scan',
          state: 'pass',
          reportedBy: 'external:ci',
          reportedAt: at,
        },
      ]);
      await expect(
        store.pruneReportedBefore(new Date('2026-01-01T00:00:00Z')),
      ).resolves.toBe(1);
      await expect(store.list('component:default/old')).resolves.toEqual([]);
      await expect(store.list('component:default/new')).resolves.toHaveLength(
        1,
      );
    });
  });

  describe('POST /outcomes and GET /outcomes', () => {
    async function createApp(
      options: { allow?: boolean; entities?: Entity[]; checks?: string[] } = {},
    ) {
      const evaluate = jest.fn().mockResolvedValue({});
      const authorize = jest.fn().mockResolvedValue([
        {
          result:
            options.allow === false
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        },
      ]);
      const router = Router();
      router.use(express.json());
      registerOutcomeRoutes(router, {
        httpAuth: mockServices.httpAuth({
          defaultCredentials: mockCredentials.none(),
        }),
        permissions: mockServices.permissions.mock({ authorize }),
        catalog: catalogServiceMock({
          entities: options.entities ?? [component('a'), component('b')],
        }),
        logger: mockServices.logger.mock(),
        store,
        checks: options.checks ?? ['load-test', 'security-scan'],
        evaluator: { evaluate },
      });
      const app = express().use(router).use(mockErrorHandler());
      return { app, evaluate, authorize };
    }

    const asService = mockCredentials.service.header();
    const serviceSubject = mockCredentials.service().principal.subject;

    it('stores the outcomes and evaluates their entities again', async () => {
      const { app, evaluate } = await createApp();
      const res = await request(app)
        .post('/outcomes')
        .set('Authorization', asService)
        .send({
          outcomes: [
            {
              entityRef: 'component:default/a',
              check: 'security-scan',
              state: 'pass',
            },
            {
              entityRef: 'a',
              check: 'load-test',
              state: 'fail',
              remarks: '  p99 1.2 s  ',
            },
            {
              entityRef: 'component:default/b',
              check: 'security-scan',
              state: 'skip',
            },
          ],
        });

      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        stored: 3,
        evaluated: ['component:default/a', 'component:default/b'],
        deferred: 0,
      });
      expect(evaluate.mock.calls).toEqual([
        [{ trigger: 'outcome', entityRef: 'component:default/a' }],
        [{ trigger: 'outcome', entityRef: 'component:default/b' }],
      ]);
      const listed = await request(app)
        .get('/outcomes')
        .query({ entityRef: 'a' })
        .set('Authorization', mockCredentials.user.header());
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual({
        entityRef: 'component:default/a',
        items: [
          {
            entityRef: 'component:default/a',
            check: 'load-test',
            state: 'fail',
            remarks: 'p99 1.2 s',
            reportedBy: serviceSubject,
            reportedAt: expect.any(String),
          },
          {
            entityRef: 'component:default/a',
            check: 'security-scan',
            state: 'pass',
            reportedBy: serviceSubject,
            reportedAt: expect.any(String),
          },
        ],
      });
    });

    it('leaves the remaining entities to the next run once an evaluation fails', async () => {
      const entities = Array.from({ length: 5 }, (_, i) => component(`c${i}`));
      const { app, evaluate } = await createApp({ entities });
      evaluate
        .mockResolvedValueOnce({})
        .mockRejectedValueOnce(new Error('lock timeout'));
      const res = await request(app)
        .post('/outcomes')
        .set('Authorization', asService)
        .send({
          outcomes: entities.map(e => ({
            entityRef: `component:default/${e.metadata.name}`,
            check: 'security-scan',
            state: 'pass',
          })),
        });

      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        stored: 5,
        evaluated: ['component:default/c0'],
        deferred: 4,
      });
      expect(evaluate).toHaveBeenCalledTimes(2);
    });

    it(`evaluates at most ${MAX_ENTITIES_EVALUATED_AT_ONCE} entities at once and leaves the rest to the next run`, async () => {
      const entities = Array.from({ length: 25 }, (_, i) => component(`c${i}`));
      const { app, evaluate } = await createApp({ entities });
      const res = await request(app)
        .post('/outcomes')
        .set('Authorization', asService)
        .send({
          outcomes: entities.map(e => ({
            entityRef: `component:default/${e.metadata.name}`,
            check: 'security-scan',
            state: 'pass',
          })),
        });

      expect(res.status).toBe(200);
      expect(res.body.stored).toBe(25);
      expect(evaluate).toHaveBeenCalledTimes(MAX_ENTITIES_EVALUATED_AT_ONCE);
      expect(res.body.evaluated).toEqual(
        entities
          .slice(0, MAX_ENTITIES_EVALUATED_AT_ONCE)
          .map(e => `component:default/${e.metadata.name}`),
      );
      expect(res.body.deferred).toBe(25 - MAX_ENTITIES_EVALUATED_AT_ONCE);
      const facts = await store.factsOf(['component:default/c24']);
      expect(facts.get('component:default/c24')).toEqual({
        'security-scan': {
          state: 'pass',
          reportedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
        },
      });
    });

    it.each([
      [
        'a misspelt check',
        [{ entityRef: 'a', check: 'security-scn', state: 'pass' }],
        'Invalid outcomes: no scorecard rule reads check "security-scn"; did you mean "security-scan"? The checks in config are "load-test", "security-scan"',
      ],
      [
        'an unknown check',
        [{ entityRef: 'a', check: 'sonar', state: 'pass' }],
        'Invalid outcomes: no scorecard rule reads check "sonar"; the checks in config are "load-test", "security-scan"',
      ],
      [
        'an entity not in the catalog',
        [
          { entityRef: 'a', check: 'load-test', state: 'pass' },
          {
            entityRef: 'component:default/gone',
            check: 'load-test',
            state: 'pass',
          },
        ],
        'Invalid outcomes: no entity "component:default/gone" in the catalog',
      ],
      [
        'a bad state',
        [{ entityRef: 'a', check: 'load-test', state: 'passed' }],
        "Invalid outcomes: outcomes.0.state: Invalid enum value. Expected 'pass' | 'fail' | 'skip', received 'passed'",
      ],
      [
        'a bad entity ref',
        [{ entityRef: 'component:', check: 'load-test', state: 'pass' }],
        'Invalid outcomes: outcomes.0.entityRef: "component:" is not an entity ref such as "component:default/payments"',
      ],
      [
        'the same check twice for an entity',
        [
          { entityRef: 'a', check: 'load-test', state: 'pass' },
          {
            entityRef: 'Component:default/A',
            check: 'load-test',
            state: 'fail',
          },
        ],
        'Invalid outcomes: outcomes.1 reports check "load-test" for component:default/a again; outcomes.0 already does',
      ],
      [
        'no outcomes',
        [],
        'Invalid outcomes: outcomes: must list at least one outcome',
      ],
    ])(
      'answers 400 for %s and stores nothing',
      async (_, outcomes, message) => {
        const { app, evaluate } = await createApp();
        const res = await request(app)
          .post('/outcomes')
          .set('Authorization', asService)
          .send({ outcomes });

        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(message);
        expect(evaluate).not.toHaveBeenCalled();
        const [{ n }] = await knex('scorecards_outcomes').count({ n: '*' });
        expect(Number(n)).toBe(0);
      },
    );

    it('answers 401 without credentials, 403 for users and for services without the permission', async () => {
      const body = {
        outcomes: [{ entityRef: 'a', check: 'load-test', state: 'pass' }],
      };
      const { app } = await createApp();
      expect((await request(app).post('/outcomes').send(body)).status).toBe(
        401,
      );
      expect(
        (
          await request(app)
            .post('/outcomes')
            .set('Authorization', mockCredentials.user.header())
            .send(body)
        ).status,
      ).toBe(403);

      const denied = await createApp({ allow: false });
      const res = await request(denied.app)
        .post('/outcomes')
        .set('Authorization', asService)
        .send(body);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(
        'This service may not report outcomes',
      );
      const [{ n }] = await knex('scorecards_outcomes').count({ n: '*' });
      expect(Number(n)).toBe(0);
    });

    it('says how to add a rule when no rule reads any check', async () => {
      const { app } = await createApp({ checks: [] });
      const res = await request(app)
        .post('/outcomes')
        .set('Authorization', asService)
        .send({
          outcomes: [{ entityRef: 'a', check: 'security-scan', state: 'pass' }],
        });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        'Invalid outcomes: no scorecard rule reads check "security-scan"; add a rule with "outcome: security-scan" to a scorecard first',
      );
    });

    it('answers 400 when listing the outcomes of a bad entity ref', async () => {
      const { app } = await createApp();
      const res = await request(app)
        .get('/outcomes')
        .query({ entityRef: 'component:' })
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /^Invalid query: entityRef: "component:" is not an entity ref such as "component:default\/payments"/,
      );
    });

    it('answers 404 when listing the outcomes of an entity the caller cannot see', async () => {
      const { app } = await createApp();
      const res = await request(app)
        .get('/outcomes')
        .query({ entityRef: 'component:default/hidden' })
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(404);
    });
  });
});
