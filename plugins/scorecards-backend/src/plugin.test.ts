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
  BackendFeature,
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  scorecardsFactProvidersExtensionPoint,
  scorecardsOperatorsExtensionPoint,
} from '@openscorecards/plugin-scorecards-node';
import request from 'supertest';
import { scorecardsPlugin } from './plugin';

jest.setTimeout(60_000);

const TASK_ID = 'scorecards-evaluation';

const scorecardsConfig = {
  definitions: [
    {
      id: 'readiness',
      title: 'Production Readiness',
      filter: 'kind:component',
      rules: [
        {
          id: 'has-owner',
          title: 'Has an owner',
          level: 'Bronze',
          query: {
            combinator: 'and',
            conditions: [{ property: 'spec.owner', operator: 'isNotEmpty' }],
          },
        },
        {
          id: 'in-production',
          title: 'Is in production',
          level: 'Silver',
          query: 'spec.lifecycle:production',
        },
      ],
    },
  ],
};

/** Reports outcomes through the API, as a service unless told otherwise. */
function reportOutcomes(
  server: Parameters<typeof request>[0],
  outcomes: Array<Record<string, unknown>>,
  authorization = mockCredentials.service.header(),
) {
  return request(server)
    .post('/api/scorecards/outcomes')
    .set('Authorization', authorization)
    .send({ outcomes });
}

/** The scorecards config with one more rule in its scorecard. */
function withRule(rule: Record<string, unknown>) {
  return {
    definitions: [
      {
        ...scorecardsConfig.definitions[0],
        rules: [...scorecardsConfig.definitions[0].rules, rule],
      },
    ],
  };
}

function component(name: string, lifecycle: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle, owner: 'team-a' },
  };
}

async function startBackend(options: {
  entities: Entity[];
  config?: unknown;
  /** Modules beside the plugin. */
  modules?: BackendFeature[];
}) {
  const catalog = catalogServiceMock({ entities: options.entities });
  const scheduler = mockServices.scheduler();
  const backend = await startTestBackend({
    features: [
      scorecardsPlugin,
      ...(options.modules ?? []),
      mockServices.rootConfig.factory({
        data: { scorecards: options.config ?? scorecardsConfig },
      }),
      // Tasks run only when a test triggers them.
      createServiceFactory({
        service: coreServices.scheduler,
        deps: {},
        factory: () => scheduler,
      }),
      // Requests without a token are anonymous, as in a real backend.
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
    ],
  });
  return { ...backend, catalog, scheduler };
}

describe('scorecardsPlugin', () => {
  it('stores results of a scheduled run and serves them', async () => {
    const { server, scheduler } = await startBackend({
      entities: [component('a', 'production'), component('b', 'experimental')],
    });

    const before = await request(server)
      .get('/api/scorecards/entities/component/default/a')
      .set('Authorization', mockCredentials.user.header());
    expect(before.status).toBe(200);
    expect(before.body.scorecards).toEqual([]);

    await scheduler.triggerTask(TASK_ID);

    const a = await request(server)
      .get('/api/scorecards/entities/component/default/a')
      .set('Authorization', mockCredentials.user.header());
    expect(a.status).toBe(200);
    expect(a.body.scorecards).toHaveLength(1);
    expect(a.body.scorecards[0]).toMatchObject({ level: 'Silver', score: 100 });

    const b = await request(server)
      .get('/api/scorecards/entities/component/default/b')
      .set('Authorization', mockCredentials.user.header());
    expect(b.body.scorecards[0]).toMatchObject({ level: 'Bronze', score: 50 });

    const overview = await request(server)
      .get('/api/scorecards/scorecards')
      .set('Authorization', mockCredentials.user.header());
    expect(overview.status).toBe(200);
    expect(overview.body.items[0].summary).toMatchObject({
      entities: 2,
      averageScore: 75,
      distribution: [
        { level: 'Basic', count: 0 },
        { level: 'Bronze', count: 1 },
        { level: 'Silver', count: 1 },
        { level: 'Gold', count: 0 },
      ],
    });

    const runs = await request(server)
      .get('/api/scorecards/runs')
      .set('Authorization', mockCredentials.user.header());
    expect(runs.body.items).toHaveLength(1);
    expect(runs.body.items[0]).toMatchObject({
      trigger: 'schedule',
      status: 'succeeded',
      entitiesEvaluated: 2,
    });
  });

  it('keeps the previous results when a scheduled run fails half-way', async () => {
    const entities = [
      component('a', 'production'),
      component('b', 'production'),
      component('c', 'production'),
    ];
    const { server, scheduler, catalog } = await startBackend({ entities });
    await scheduler.triggerTask(TASK_ID);

    const queryEntities = catalog.queryEntities.bind(catalog);
    let calls = 0;
    jest
      .spyOn(catalog, 'queryEntities')
      .mockImplementation(async (req, opts) => {
        // The first page (of one entity) comes back; then the catalog dies.
        calls += 1;
        if (calls > 1) {
          throw new Error('catalog unavailable');
        }
        return queryEntities({ ...req, limit: 1 }, opts);
      });
    await scheduler.triggerTask(TASK_ID);

    const runs = await request(server)
      .get('/api/scorecards/runs')
      .set('Authorization', mockCredentials.user.header());
    expect(runs.body.items[0]).toMatchObject({ status: 'failed' });
    expect(runs.body.items[0].error).toContain('catalog unavailable');
    for (const name of ['a', 'b', 'c']) {
      const res = await request(server)
        .get(`/api/scorecards/entities/component/default/${name}`)
        .set('Authorization', mockCredentials.user.header());
      expect(res.body.scorecards[0]).toMatchObject({ level: 'Silver' });
    }
  });

  it('refuses to start with a bad config and names every problem by key path', async () => {
    const config = {
      definitions: [
        {
          id: 'readiness',
          title: 'Production Readiness',
          rules: [
            {
              id: 'has-owner',
              title: 'Has an owner',
              level: 'Platinum',
              query: {
                combinator: 'and',
                conditions: [
                  { property: 'spec.owner', operator: '==', value: 'x' },
                ],
              },
            },
          ],
        },
      ],
    };

    await expect(startBackend({ entities: [], config })).rejects.toThrow(
      /Invalid scorecards configuration \(2 problems\)[\s\S]*scorecards\.definitions\[0\]\.rules\[0\]\.level: unknown level "Platinum"[\s\S]*scorecards\.definitions\[0\]\.rules\[0\]\.query\.conditions\[0\]\.operator: unknown operator "=="; did you mean "="\?/,
    );
  });

  it('serves config campaigns with progress from the stored results', async () => {
    const { server, scheduler } = await startBackend({
      entities: [component('a', 'production'), component('b', 'experimental')],
      config: {
        ...scorecardsConfig,
        campaigns: [
          {
            name: 'Go to production',
            owner: 'team-a',
            startDate: '2026-01-01',
            rules: [{ rule: 'readiness/in-production' }],
          },
        ],
      },
    });
    await scheduler.triggerTask(TASK_ID);

    const res = await request(server)
      .get('/api/scorecards/campaigns/go-to-production')
      .set('Authorization', mockCredentials.user.header());

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      key: 'go-to-production',
      owner: 'group:default/team-a',
      source: 'config',
      status: 'active',
      progress: { inScope: 2, passing: 1, completion: 50 },
    });
  });

  it('refuses to start with a campaign naming a rule that does not exist', async () => {
    const config = {
      ...scorecardsConfig,
      campaigns: [
        {
          name: 'Typo',
          owner: 'team-a',
          startDate: '2026-01-01',
          rules: [{ rule: 'readiness/in-prod' }],
        },
      ],
    };

    await expect(startBackend({ entities: [], config })).rejects.toThrow(
      /scorecards\.campaigns\[0\]\.rules\[0\]\.rule: no rule "readiness\/in-prod"/,
    );
  });

  it('schedules configured reports and lists them', async () => {
    const { server, scheduler } = await startBackend({
      entities: [],
      config: {
        ...scorecardsConfig,
        reports: [
          {
            id: 'weekly',
            schedule: { frequency: { days: 7 }, timeout: { minutes: 5 } },
            channels: { notifications: { recipients: ['group:default/a'] } },
          },
        ],
      },
    });

    const tasks = await scheduler.getScheduledTasks();
    expect(tasks.map(t => t.id)).toContain('scorecards-report-weekly');
    const res = await request(server)
      .get('/api/scorecards/reports')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain('weekly');
  });

  it("takes a rule's status from an outcome a service reports, and evaluates the entity again at once", async () => {
    const config = withRule({
      id: 'no-critical-vulnerabilities',
      title: 'No critical vulnerabilities',
      level: 'Gold',
      // Passes only when the report time reaches the rule.
      outcome: { check: 'security-scan', maxAge: 'P1D' },
    });
    const { server, scheduler } = await startBackend({
      entities: [component('a', 'production')],
      config,
    });
    await scheduler.triggerTask(TASK_ID);
    const ruleOf = async () => {
      const res = await request(server)
        .get('/api/scorecards/entities/component/default/a')
        .set('Authorization', mockCredentials.user.header());
      return {
        scorecard: res.body.scorecards[0],
        rule: res.body.scorecards[0].rules.find(
          (r: { id: string }) => r.id === 'no-critical-vulnerabilities',
        ),
      };
    };
    const before = await ruleOf();
    expect(before.scorecard).toMatchObject({ level: 'Silver' });
    expect(before.rule).toMatchObject({
      status: 'fail',
      message: 'no outcome reported for check "security-scan" yet',
    });

    const report = await reportOutcomes(server, [
      {
        entityRef: 'component:default/a',
        check: 'security-scan',
        state: 'pass',
        remarks: 'No critical findings in build 512',
      },
    ]);
    expect(report.status).toBe(200);
    expect(report.body).toEqual({
      stored: 1,
      evaluated: ['component:default/a'],
      deferred: 0,
    });

    const after = await ruleOf();
    expect(after.scorecard).toMatchObject({ level: 'Gold', score: 100 });
    expect(after.rule).toMatchObject({
      status: 'pass',
      value: 'pass',
      message: 'No critical findings in build 512',
      check: 'security-scan',
    });
    const definitions = await request(server)
      .get('/api/scorecards/scorecards')
      .set('Authorization', mockCredentials.user.header());
    expect(
      definitions.body.items[0].rules.map(
        (r: { id: string; check?: string }) => [r.id, r.check],
      ),
    ).toEqual([
      ['has-owner', undefined],
      ['in-production', undefined],
      ['no-critical-vulnerabilities', 'security-scan'],
    ]);

    const listed = await request(server)
      .get('/api/scorecards/outcomes')
      .query({ entityRef: 'component:default/a' })
      .set('Authorization', mockCredentials.user.header());
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        check: 'security-scan',
        state: 'pass',
        reportedBy: mockCredentials.service().principal.subject,
      }),
    ]);

    // The largest report is read whole: the check is what is wrong here.
    const large = await reportOutcomes(
      server,
      Array.from({ length: 500 }, (_, i) => ({
        entityRef: `component:default/c${i}`,
        check: 'pen-test',
        state: 'fail',
        remarks: 'x'.repeat(2000),
      })),
    );
    expect(large.status).toBe(400);
    expect(large.body.error.message).toBe(
      'Invalid outcomes: no scorecard rule reads check "pen-test"; the checks in config are "security-scan"',
    );

    // A user cannot report outcomes: only services do.
    const asUser = await reportOutcomes(
      server,
      [
        {
          entityRef: 'component:default/a',
          check: 'security-scan',
          state: 'fail',
        },
      ],
      mockCredentials.user.header(),
    );
    expect(asUser.status).toBe(403);
    expect((await ruleOf()).rule).toMatchObject({ status: 'pass' });
  });

  it('prunes outcomes and run records older than the retention in its daily task, and keeps the results', async () => {
    const { server, scheduler } = await startBackend({
      entities: [component('a', 'production')],
      config: {
        ...withRule({
          id: 'scanned',
          title: 'Scanned',
          level: 'Gold',
          outcome: 'security-scan',
        }),
        history: { retention: { days: 30 } },
      },
    });
    await scheduler.triggerTask(TASK_ID);
    await scheduler.triggerTask(TASK_ID);
    const report = await reportOutcomes(server, [
      {
        entityRef: 'component:default/a',
        check: 'security-scan',
        state: 'pass',
      },
    ]);
    expect(report.status).toBe(200);
    const get = (path: string) =>
      request(server)
        .get(path)
        .set('Authorization', mockCredentials.user.header());
    expect((await get('/api/scorecards/runs')).body.items).toHaveLength(3);

    // 40 days on: only the clock moves, timers stay real.
    jest.useFakeTimers({
      now: Date.now() + 40 * 24 * 3600_000,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    try {
      await scheduler.triggerTask('scorecards-history-prune');
    } finally {
      jest.useRealTimers();
    }

    const outcomes = await get(
      '/api/scorecards/outcomes?entityRef=component:default/a',
    );
    expect(outcomes.body.items).toEqual([]);
    // The latest successful run stays: the one the outcome report made.
    expect((await get('/api/scorecards/runs')).body.items).toEqual([
      expect.objectContaining({ trigger: 'outcome', status: 'succeeded' }),
    ]);
    const entity = await get('/api/scorecards/entities/component/default/a');
    expect(entity.body.scorecards[0]).toMatchObject({
      id: 'readiness',
      level: 'Gold',
    });
  });

  it('refuses to start when a fact provider supplies the reserved "outcomes" fact', async () => {
    const module = createBackendModule({
      pluginId: 'scorecards',
      moduleId: 'clashing-facts',
      register(env) {
        env.registerInit({
          deps: { facts: scorecardsFactProvidersExtensionPoint },
          async init({ facts }) {
            facts.addFactProvider({
              id: 'clashing',
              facts: ['outcomes'],
              getFacts: async () => new Map(),
            });
          },
        });
      },
    });
    await expect(
      startBackend({ entities: [], modules: [module] }),
    ).rejects.toThrow(
      'Scorecards fact provider "clashing" supplies the fact "outcomes", which is reserved for outcomes reported through POST /outcomes; give the fact another name',
    );
  });

  it('evaluates rules with operators that modules add, and refuses operators whose names are taken', async () => {
    const operatorsModule = (name: string) =>
      createBackendModule({
        pluginId: 'scorecards',
        moduleId: `operators-${name}`,
        register(env) {
          env.registerInit({
            deps: { operators: scorecardsOperatorsExtensionPoint },
            async init({ operators }) {
              operators.addOperator({
                name,
                valueProblem: value =>
                  /^\d+$/.test(String(value))
                    ? undefined
                    : `needs a major version such as "21"`,
                test: (found, value) =>
                  Number(String(found).split('.')[0]) >= Number(value),
                requirement: value => `must be version ${value} or later`,
              });
            },
          });
        },
      });
    const config = {
      definitions: [
        {
          id: 'runtime',
          title: 'Runtime',
          filter: 'kind:component',
          rules: [
            {
              id: 'java-21',
              title: 'Runs on Java 21',
              level: 'Bronze',
              query: {
                combinator: 'and',
                conditions: [
                  {
                    property: 'metadata.annotations.acme.com/java-version',
                    operator: 'versionAtLeast',
                    value: '21',
                  },
                ],
              },
            },
          ],
        },
      ],
    };
    const old = component('old', 'production');
    old.metadata.annotations = { 'acme.com/java-version': '17.0.9' };
    const { server, scheduler } = await startBackend({
      entities: [old],
      config,
      modules: [operatorsModule('versionAtLeast')],
    });
    await scheduler.triggerTask(TASK_ID);
    const res = await request(server)
      .get('/api/scorecards/entities/component/default/old')
      .set('Authorization', mockCredentials.user.header());
    expect(res.body.scorecards[0].rules[0]).toMatchObject({
      status: 'fail',
      value: '17.0.9',
      message:
        'metadata.annotations.acme.com/java-version is "17.0.9"; must be version 21 or later',
    });

    // A bad value is reported by key path at start-up, like any other.
    const badValue = {
      definitions: [
        {
          ...config.definitions[0],
          rules: [
            {
              ...config.definitions[0].rules[0],
              query: 'kind:component',
              filter: {
                combinator: 'and',
                conditions: [
                  {
                    property: 'spec.javaVersion',
                    operator: 'versionAtLeast',
                    value: 'latest',
                  },
                ],
              },
            },
          ],
        },
      ],
    };
    await expect(
      startBackend({
        entities: [],
        config: badValue,
        modules: [operatorsModule('versionAtLeast')],
      }),
    ).rejects.toThrow(
      'scorecards.definitions[0].rules[0].filter.conditions[0].value: operator "versionAtLeast" needs a major version such as "21"',
    );

    await expect(
      startBackend({ entities: [], modules: [operatorsModule('contains')] }),
    ).rejects.toThrow(
      'Invalid scorecards operators from backend modules: custom operator "contains" is taken by the built-in operators; choose another name',
    );
  });

  it('requires authentication', async () => {
    const { server } = await startBackend({ entities: [] });
    const res = await request(server).get(
      '/api/scorecards/entities/component/default/a',
    );
    expect(res.status).toBe(401);
  });
});
