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
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ScorecardsDefinitionsConfig } from '@openscorecards/plugin-scorecards-common';
import express from 'express';
import request from 'supertest';
import { CampaignProgressCache, CampaignStore } from '../campaigns';
import { ResultQueries } from '../database/ResultQueries';
import { EntityResultRow, ResultStore } from '../database/ResultStore';
import { ScorecardsEvaluator } from '../evaluation/ScorecardsEvaluator';
import { createRouter } from './router';

const definitions: ScorecardsDefinitionsConfig = {
  definitions: [
    {
      id: 'readiness',
      title: 'Production Readiness',
      rules: [
        {
          id: 'has-owner',
          title: 'Has an owner',
          level: 'Bronze',
          query: 'spec.owner:*',
          guidance: { text: 'Set `spec.owner`.' },
        },
        {
          id: 'has-runbook',
          title: 'Has a runbook',
          level: 'Silver',
          query: 'metadata.links.type:runbook',
        },
      ],
    },
  ],
};

const visible: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'visible', namespace: 'default' },
  spec: { owner: 'team-a' },
};

const storedRow: EntityResultRow = {
  scorecardId: 'readiness',
  entityRef: 'component:default/visible',
  entity: { kind: 'Component', namespace: 'default', name: 'visible' },
  level: 'Bronze',
  levelRank: 1,
  score: 50,
  rulesPassed: 1,
  rulesFailed: 1,
  failingRules: ['has-runbook'],
  rules: [
    {
      ruleId: 'has-owner',
      status: 'pass',
      value: 'team-a',
      message: 'spec.owner is "team-a"',
    },
    {
      ruleId: 'has-runbook',
      status: 'fail',
      message: 'metadata.links.type is missing; must be = "runbook"',
    },
  ],
  resultHash: 'h',
  stateSince: new Date('2026-11-20T08:00:00Z'),
  updatedAt: new Date('2026-11-24T08:00:00Z'),
};

function createStore(): jest.Mocked<ResultStore> {
  return {
    createRun: jest.fn(),
    finishRun: jest.fn(),
    listRuns: jest.fn().mockResolvedValue([]),
    getLastRun: jest.fn().mockResolvedValue(undefined),
    getEntityEvaluatedAt: jest.fn().mockResolvedValue({
      all: new Date('2026-11-25T08:00:00Z'),
      byScorecard: new Map(),
    }),
    failStaleRuns: jest.fn(),
    getResultHashes: jest.fn(),
    stageResults: jest.fn(),
    commitRun: jest.fn(),
    discardRun: jest.fn(),
    deleteScorecardsExcept: jest.fn(),
    getEntityResults: jest.fn().mockResolvedValue([storedRow]),
    listCurrentEntityRefs: jest.fn(),
  } as unknown as jest.Mocked<ResultStore>;
}

async function createApp(options: { allow?: boolean } = {}) {
  const store = createStore();
  const evaluate = jest.fn().mockResolvedValue({
    runId: 7,
    entitiesEvaluated: 1,
    resultsWritten: 1,
    resultsDeleted: 0,
  });
  const evaluator = { evaluate } as unknown as ScorecardsEvaluator;
  const permissions = mockServices.permissions.mock({
    authorize: jest.fn().mockResolvedValue([
      {
        result:
          options.allow === false
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      },
    ]),
  });
  const router = await createRouter({
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.none(),
    }),
    permissions,
    catalog: catalogServiceMock({ entities: [visible] }),
    logger: mockServices.logger.mock(),
    store,
    // The read routes have their own tests (readRoutes.test.ts).
    queries: {} as ResultQueries,
    // Campaign routes have their own tests (campaignRoutes.test.ts).
    campaigns: [],
    campaignStore: {} as CampaignStore,
    campaignProgress: {} as CampaignProgressCache,
    evaluator,
    definitions,
  });
  const app = express().use(router).use(mockErrorHandler());
  return { app, store, evaluate, permissions };
}

const asUser = mockCredentials.user.header();

describe('createRouter', () => {
  describe('GET /entities/:kind/:namespace/:name', () => {
    it('returns the stored results joined with the definitions', async () => {
      const { app, store } = await createApp();
      const res = await request(app)
        .get('/entities/component/default/visible')
        .set('Authorization', asUser);

      expect(res.status).toBe(200);
      expect(store.getEntityResults).toHaveBeenCalledWith(
        'component:default/visible',
      );
      expect(store.getEntityEvaluatedAt).toHaveBeenCalledWith(
        'component:default/visible',
      );
      // The last run kept the result written the day before.
      expect(res.body).toEqual({
        entityRef: 'component:default/visible',
        levels: ['Basic', 'Bronze', 'Silver', 'Gold'],
        lastRunAt: '2026-11-25T08:00:00.000Z',
        scorecards: [
          {
            id: 'readiness',
            title: 'Production Readiness',
            level: 'Bronze',
            score: 50,
            stateSince: '2026-11-20T08:00:00.000Z',
            updatedAt: '2026-11-24T08:00:00.000Z',
            evaluatedAt: '2026-11-25T08:00:00.000Z',
            rules: [
              {
                id: 'has-owner',
                title: 'Has an owner',
                level: 'Bronze',
                weight: 1,
                guidance: { text: 'Set `spec.owner`.' },
                status: 'pass',
                value: 'team-a',
                message: 'spec.owner is "team-a"',
              },
              {
                id: 'has-runbook',
                title: 'Has a runbook',
                level: 'Silver',
                weight: 1,
                status: 'fail',
                message: 'metadata.links.type is missing; must be = "runbook"',
              },
            ],
          },
        ],
      });
    });

    it('answers 404 for an entity the caller cannot see, without reading results', async () => {
      const { app, store } = await createApp();
      const res = await request(app)
        .get('/entities/component/default/hidden')
        .set('Authorization', asUser);

      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe(
        'No entity component:default/hidden in the catalog',
      );
      expect(store.getEntityResults).not.toHaveBeenCalled();
    });

    it('answers 401 without credentials', async () => {
      const { app } = await createApp();
      const res = await request(app).get('/entities/component/default/visible');
      expect(res.status).toBe(401);
    });
  });

  describe('POST /evaluations', () => {
    it('evaluates one entity and answers with the summary', async () => {
      const { app, evaluate } = await createApp();
      const res = await request(app)
        .post('/evaluations')
        .set('Authorization', asUser)
        .send({ entityRef: 'component:default/visible' });

      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        runId: 7,
        entitiesEvaluated: 1,
        resultsWritten: 1,
        resultsDeleted: 0,
      });
      expect(evaluate).toHaveBeenCalledWith({
        trigger: 'manual',
        entityRef: 'component:default/visible',
      });
    });

    it('starts a whole-catalog run in the background', async () => {
      const { app, evaluate } = await createApp();
      const res = await request(app)
        .post('/evaluations')
        .set('Authorization', asUser)
        .send({ scorecardId: 'readiness' });

      expect(res.status).toBe(202);
      expect(evaluate).toHaveBeenCalledWith({
        trigger: 'manual',
        scorecardId: 'readiness',
      });
    });

    it('answers 403 without the permission', async () => {
      const { app, evaluate, permissions } = await createApp({ allow: false });
      const res = await request(app)
        .post('/evaluations')
        .set('Authorization', asUser)
        .send({});

      expect(res.status).toBe(403);
      expect(permissions.authorize).toHaveBeenCalledWith(
        [
          {
            permission: expect.objectContaining({
              name: 'scorecards.evaluation.run',
            }),
          },
        ],
        expect.anything(),
      );
      expect(evaluate).not.toHaveBeenCalled();
    });

    it('answers 401 without credentials', async () => {
      const { app, evaluate } = await createApp();
      const res = await request(app).post('/evaluations').send({});
      expect(res.status).toBe(401);
      expect(evaluate).not.toHaveBeenCalled();
    });

    it('answers 400 naming the unknown field', async () => {
      const { app } = await createApp();
      const res = await request(app)
        .post('/evaluations')
        .set('Authorization', asUser)
        .send({ scorecard: 'readiness' });

      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('Invalid evaluation request');
      expect(res.body.error.message).toContain("'scorecard'");
    });

    it('answers 404 for an unknown scorecard and for a hidden entity', async () => {
      const { app, evaluate } = await createApp();
      const unknown = await request(app)
        .post('/evaluations')
        .set('Authorization', asUser)
        .send({ scorecardId: 'nope' });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toBe('No scorecard with id "nope"');

      const hidden = await request(app)
        .post('/evaluations')
        .set('Authorization', asUser)
        .send({ entityRef: 'component:default/hidden' });
      expect(hidden.status).toBe(404);
      expect(evaluate).not.toHaveBeenCalled();
    });
  });

  describe('GET /runs', () => {
    it('lists runs with the given limit', async () => {
      const { app, store } = await createApp();
      const res = await request(app)
        .get('/runs?limit=5')
        .set('Authorization', asUser);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ items: [] });
      expect(store.listRuns).toHaveBeenCalledWith({ limit: 5 });
    });

    it('answers 400 for a bad limit', async () => {
      const { app } = await createApp();
      const res = await request(app)
        .get('/runs?limit=0')
        .set('Authorization', asUser);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^Invalid query: limit: /);
    });
  });
});
