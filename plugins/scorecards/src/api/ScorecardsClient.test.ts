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

import { mockApis, registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ScorecardsClient } from './ScorecardsClient';

const baseUrl = 'http://localhost:7007/api/scorecards';

describe('ScorecardsClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new ScorecardsClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  it('reads the results of an entity by its ref', async () => {
    let requestedUrl = '';
    server.use(
      http.get(`${baseUrl}/entities/:kind/:namespace/:name`, ({ request }) => {
        requestedUrl = request.url;
        return HttpResponse.json({
          entityRef: 'component:default/payments',
          levels: ['Basic', 'Bronze'],
          scorecards: [],
        });
      }),
    );

    const result = await client.getEntityScorecards(
      'Component:default/payments',
    );

    expect(requestedUrl).toBe(`${baseUrl}/entities/Component/default/payments`);
    expect(result.levels).toEqual(['Basic', 'Bronze']);
  });

  it("reads a team's scorecards by the team's ref", async () => {
    let requestedUrl = '';
    server.use(
      http.get(`${baseUrl}/teams/:kind/:namespace/:name`, ({ request }) => {
        requestedUrl = request.url;
        return HttpResponse.json({
          team: 'group:default/team a',
          levels: ['Basic'],
          lastRun: null,
          items: [],
        });
      }),
    );

    const result = await client.getTeamScorecards('group:default/team a');

    expect(requestedUrl).toBe(`${baseUrl}/teams/group/default/team%20a`);
    expect(result.team).toBe('group:default/team a');

    await client.getTeamScorecards('group:default/team-a', {
      relation: 'aggregated',
    });
    expect(requestedUrl).toBe(
      `${baseUrl}/teams/group/default/team-a?relation=aggregated`,
    );
  });

  it("reads a team's campaigns by the team's ref", async () => {
    let requestedUrl = '';
    server.use(
      http.get(
        `${baseUrl}/teams/:kind/:namespace/:name/campaigns`,
        ({ request }) => {
          requestedUrl = request.url;
          return HttpResponse.json({
            team: 'user:default/wei',
            relation: 'direct',
            owners: ['user:default/wei'],
            items: [],
          });
        },
      ),
    );

    const result = await client.getTeamCampaigns('user:default/wei');
    expect(requestedUrl).toBe(`${baseUrl}/teams/user/default/wei/campaigns`);
    expect(result.owners).toEqual(['user:default/wei']);

    await client.getTeamCampaigns('group:default/team a', {
      relation: 'aggregated',
    });
    expect(requestedUrl).toBe(
      `${baseUrl}/teams/group/default/team%20a/campaigns?relation=aggregated`,
    );
  });

  it('accepts a compound ref and encodes its parts', async () => {
    let requestedUrl = '';
    server.use(
      http.get(`${baseUrl}/entities/:kind/:namespace/:name`, ({ request }) => {
        requestedUrl = request.url;
        return HttpResponse.json({
          entityRef: 'x',
          levels: [],
          scorecards: [],
        });
      }),
    );

    await client.getEntityScorecards({
      kind: 'component',
      namespace: 'team a',
      name: 'svc',
    });

    expect(requestedUrl).toBe(`${baseUrl}/entities/component/team%20a/svc`);
  });

  it('throws a ResponseError with the backend message on failure', async () => {
    server.use(
      http.get(`${baseUrl}/entities/:kind/:namespace/:name`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'No entity' },
            request: { method: 'GET', url: '/entities' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );

    const failure = client.getEntityScorecards('component:default/gone');
    await expect(failure).rejects.toBeInstanceOf(ResponseError);
    await expect(failure).rejects.toMatchObject({
      response: { status: 404 },
      body: { error: { message: 'No entity' } },
    });
  });

  it("reads an entity's reported outcomes by its normalized ref", async () => {
    let requestedUrl = '';
    server.use(
      http.get(`${baseUrl}/outcomes`, ({ request }) => {
        requestedUrl = request.url;
        return HttpResponse.json({
          entityRef: 'component:default/payments',
          items: [
            {
              entityRef: 'component:default/payments',
              check: 'security-scan',
              state: 'fail',
              reportedBy: 'external:ci',
              reportedAt: '2026-12-07T10:00:00.000Z',
            },
          ],
        });
      }),
    );

    const outcomes = await client.getEntityOutcomes({
      kind: 'Component',
      namespace: 'default',
      name: 'payments',
    });

    expect(new URL(requestedUrl).searchParams.get('entityRef')).toBe(
      'component:default/payments',
    );
    expect(outcomes.items[0]).toMatchObject({
      check: 'security-scan',
      reportedBy: 'external:ci',
    });
  });

  it('asks for an evaluation of one entity with its normalized ref', async () => {
    let body: unknown;
    server.use(
      http.post(`${baseUrl}/evaluations`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({
          runId: 7,
          entitiesEvaluated: 1,
          resultsWritten: 2,
          resultsDeleted: 0,
        });
      }),
    );

    const summary = await client.evaluateEntity('component:payments');

    expect(body).toEqual({ entityRef: 'component:default/payments' });
    expect(summary.runId).toBe(7);
  });

  it('surfaces a denied evaluation as a 403 ResponseError', async () => {
    server.use(
      http.post(`${baseUrl}/evaluations`, () =>
        HttpResponse.json(
          { error: { name: 'NotAllowedError', message: 'Denied' } },
          { status: 403 },
        ),
      ),
    );

    await expect(
      client.evaluateEntity('component:default/payments'),
    ).rejects.toMatchObject({ response: { status: 403 } });
  });

  it('lists scorecards and reads one', async () => {
    server.use(
      http.get(`${baseUrl}/scorecards`, () =>
        HttpResponse.json({ levels: ['Basic'], items: [{ id: 'docs' }] }),
      ),
      http.get(`${baseUrl}/scorecards/:id`, ({ params }) =>
        HttpResponse.json({ id: params.id, rules: [] }),
      ),
    );

    await expect(client.getScorecards()).resolves.toMatchObject({
      items: [{ id: 'docs' }],
    });
    await expect(client.getScorecard('prod readiness')).resolves.toMatchObject({
      id: 'prod readiness',
    });
  });

  it("reads a scorecard's scores by department by its encoded id", async () => {
    let requestedUrl = '';
    server.use(
      http.get(`${baseUrl}/scorecards/:id/departments`, ({ request }) => {
        requestedUrl = request.url;
        return HttpResponse.json({ levels: ['Basic'], items: [] });
      }),
    );

    await expect(
      client.getScorecardDepartments('prod readiness'),
    ).resolves.toEqual({ levels: ['Basic'], items: [] });
    expect(requestedUrl).toBe(
      `${baseUrl}/scorecards/prod%20readiness/departments`,
    );
  });

  it('passes entity table filters, sort and cursor as query parameters', async () => {
    let params: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/scorecards/:id/entities`, ({ request }) => {
        params = new URL(request.url).searchParams;
        return HttpResponse.json({ items: [], totalCount: 0 });
      }),
    );

    await client.getScorecardEntities('docs', {
      team: 'group:default/payments',
      level: 'Basic',
      failingRule: 'has-owner',
      text: '',
      sort: 'score',
      order: 'asc',
      limit: 25,
      cursor: 'abc',
    });

    expect(Object.fromEntries(params!.entries())).toEqual({
      team: 'group:default/payments',
      level: 'Basic',
      failingRule: 'has-owner',
      sort: 'score',
      order: 'asc',
      limit: '25',
      cursor: 'abc',
    });
  });

  it('sends teams, an empty one for the entities without an owner', async () => {
    let search = '';
    server.use(
      http.get(`${baseUrl}/scorecards/:id/entities`, ({ request }) => {
        search = new URL(request.url).search;
        return HttpResponse.json({ items: [], totalCount: 0 });
      }),
    );

    await client.getScorecardEntities('docs', { team: '', text: '' });

    expect(search).toBe('?team=');

    await client.getScorecardEntities('docs', {
      team: ['group:default/team-a', ''],
      level: 'Gold',
    });

    expect(search).toBe('?team=group%3Adefault%2Fteam-a&team=&level=Gold');
  });

  it('exports CSV with the filters but without paging', async () => {
    let params: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/scorecards/:id/export.csv`, ({ request }) => {
        params = new URL(request.url).searchParams;
        return new HttpResponse('entityRef,score\ncomponent:default/a,50\n', {
          headers: { 'Content-Type': 'text/csv' },
        });
      }),
    );

    const blob = await client.exportScorecardEntities('docs', {
      kind: 'Component',
      limit: 25,
      cursor: 'abc',
    });

    expect(Object.fromEntries(params!.entries())).toEqual({
      kind: 'Component',
    });
    expect(await blob.text()).toContain('component:default/a,50');
  });

  it('reads history for a scorecard and entity', async () => {
    let params: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/history`, ({ request }) => {
        params = new URL(request.url).searchParams;
        return HttpResponse.json({
          interval: 'day',
          from: '2026-01-01',
          to: '2026-01-31',
          points: [{ date: '2026-01-01', score: 50 }],
        });
      }),
    );

    const history = await client.getHistory({
      scorecardId: 'docs',
      entityRef: 'component:default/a',
      interval: 'day',
    });

    expect(params?.get('scorecardId')).toBe('docs');
    expect(params?.get('entityRef')).toBe('component:default/a');
    expect(history.points).toHaveLength(1);
  });
  describe('campaigns', () => {
    it('lists campaigns with the status and owner filters', async () => {
      let requestedUrl = '';
      server.use(
        http.get(`${baseUrl}/campaigns`, ({ request }) => {
          requestedUrl = request.url;
          return HttpResponse.json({ items: [] });
        }),
      );

      const result = await client.getCampaigns({
        status: 'active',
        owner: 'group:default/platform',
      });

      expect(requestedUrl).toBe(
        `${baseUrl}/campaigns?status=active&owner=group%3Adefault%2Fplatform`,
      );
      expect(result).toEqual({ items: [] });

      await client.getCampaigns();
      expect(requestedUrl).toBe(`${baseUrl}/campaigns`);
    });

    it('reads one campaign by its encoded key', async () => {
      let requestedUrl = '';
      server.use(
        http.get(`${baseUrl}/campaigns/:key`, ({ request }) => {
          requestedUrl = request.url;
          return HttpResponse.json({ key: 'tls 1.3', byTeam: [] });
        }),
      );

      const result = await client.getCampaign('tls 1.3');

      expect(requestedUrl).toBe(`${baseUrl}/campaigns/tls%201.3`);
      expect(result.key).toBe('tls 1.3');
    });

    it("reads a campaign's progress by department by its encoded key", async () => {
      let requestedUrl = '';
      server.use(
        http.get(`${baseUrl}/campaigns/:key/departments`, ({ request }) => {
          requestedUrl = request.url;
          return HttpResponse.json({
            items: [
              {
                group: 'group:default/eng',
                owners: ['group:default/team-a'],
                inScope: 2,
                passing: 1,
                completion: 50,
              },
            ],
          });
        }),
      );

      const result = await client.getCampaignDepartments('tls 1.3');

      expect(requestedUrl).toBe(`${baseUrl}/campaigns/tls%201.3/departments`);
      expect(result.items.map(item => item.group)).toEqual([
        'group:default/eng',
      ]);
    });

    it("reads a department's campaign trend", async () => {
      let requestedUrl = '';
      server.use(
        http.get(`${baseUrl}/campaigns/:key/trend`, ({ request }) => {
          requestedUrl = request.url;
          return HttpResponse.json({
            team: 'group:default/eng',
            relation: 'aggregated',
            owners: ['group:default/eng', 'group:default/team-a'],
            startDate: '2026-11-01',
            points: [],
          });
        }),
      );

      const result = await client.getCampaignTrend('tls 1.3', {
        team: 'group:default/eng',
        relation: 'aggregated',
      });

      expect(requestedUrl).toBe(
        `${baseUrl}/campaigns/tls%201.3/trend?team=group%3Adefault%2Feng&relation=aggregated`,
      );
      expect(result.owners).toEqual([
        'group:default/eng',
        'group:default/team-a',
      ]);
    });

    it('pages failing entities, sending an empty team for unowned ones', async () => {
      const urls: string[] = [];
      server.use(
        http.get(`${baseUrl}/campaigns/:key/entities`, ({ request }) => {
          urls.push(request.url);
          return HttpResponse.json({ items: [], nextCursor: 'abc' });
        }),
      );

      const page = await client.getCampaignEntities('tls', {
        team: 'group:default/team-a',
        rule: 'security/tls',
        limit: 25,
        cursor: 'xyz',
      });
      await client.getCampaignEntities('tls', { team: '' });
      await client.getCampaignEntities('tls');
      await client.getCampaignEntities('tls', {
        team: ['group:default/team-a', 'group:default/team-b'],
      });

      expect(page.nextCursor).toBe('abc');
      expect(urls).toEqual([
        `${baseUrl}/campaigns/tls/entities?team=group%3Adefault%2Fteam-a&rule=security%2Ftls&limit=25&cursor=xyz`,
        `${baseUrl}/campaigns/tls/entities?team=`,
        `${baseUrl}/campaigns/tls/entities`,
        `${baseUrl}/campaigns/tls/entities?team=group%3Adefault%2Fteam-a&team=group%3Adefault%2Fteam-b`,
      ]);
    });

    it('exports failing entities as CSV without paging', async () => {
      let requestedUrl = '';
      server.use(
        http.get(`${baseUrl}/campaigns/:key/export.csv`, ({ request }) => {
          requestedUrl = request.url;
          return new HttpResponse('entity_ref\r\n', {
            headers: { 'Content-Type': 'text/csv' },
          });
        }),
      );

      const blob = await client.exportCampaignEntities('tls', {
        rule: 'security/tls',
        limit: 10,
        cursor: 'c',
      });

      expect(requestedUrl).toBe(
        `${baseUrl}/campaigns/tls/export.csv?rule=security%2Ftls`,
      );
      expect(await blob.text()).toBe('entity_ref\r\n');
    });

    it("reads an entity's campaigns", async () => {
      let requestedUrl = '';
      server.use(
        http.get(
          `${baseUrl}/entities/:kind/:namespace/:name/campaigns`,
          ({ request }) => {
            requestedUrl = request.url;
            return HttpResponse.json({
              entityRef: 'component:default/payments',
              items: [],
            });
          },
        ),
      );

      const result = await client.getEntityCampaigns(
        'component:default/payments',
      );

      expect(requestedUrl).toBe(
        `${baseUrl}/entities/component/default/payments/campaigns`,
      );
      expect(result.items).toEqual([]);
    });

    it('throws a ResponseError for an unknown campaign', async () => {
      server.use(
        http.get(`${baseUrl}/campaigns/:key`, () =>
          HttpResponse.json(
            {
              error: { name: 'NotFoundError', message: 'No campaign' },
              request: { method: 'GET', url: '/campaigns/x' },
              response: { statusCode: 404 },
            },
            { status: 404 },
          ),
        ),
      );

      await expect(client.getCampaign('x')).rejects.toMatchObject({
        response: { status: 404 },
      });
    });

    it('notifies the owners of a campaign', async () => {
      let method = '';
      let requestedUrl = '';
      server.use(
        http.post(`${baseUrl}/campaigns/:key/notify`, ({ request, params }) => {
          method = `${request.method} ${params.key}`;
          requestedUrl = request.url;
          return HttpResponse.json({
            teamsNotified: 2,
            entitiesIncluded: 5,
            unowned: 1,
            failedTeams: [],
          });
        }),
      );

      await expect(
        client.notifyCampaignOwners('adopt-techdocs'),
      ).resolves.toMatchObject({ teamsNotified: 2, unowned: 1 });
      expect(method).toBe('POST adopt-techdocs');
      expect(requestedUrl).toBe(`${baseUrl}/campaigns/adopt-techdocs/notify`);

      // With the failing entities' filters, without paging.
      await client.notifyCampaignOwners('adopt-techdocs', {
        team: ['group:default/team-a', ''],
        rule: 'docs/techdocs',
        limit: 25,
      });
      expect(requestedUrl).toBe(
        `${baseUrl}/campaigns/adopt-techdocs/notify?team=group%3Adefault%2Fteam-a&team=&rule=docs%2Ftechdocs`,
      );
    });
  });
});
