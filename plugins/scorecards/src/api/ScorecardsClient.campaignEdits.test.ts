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
import { CampaignInput } from './types';

const baseUrl = 'http://localhost:7007/api/scorecards';

const body: CampaignInput = {
  name: 'Move to TLS 1.3',
  owner: 'group:default/platform',
  startDate: '2026-01-01',
  endDate: '2026-03-31',
  rules: [{ rule: 'security/tls' }],
};

const stored = {
  ...body,
  key: 'move-to-tls-1-3',
  rules: [{ rule: 'security/tls', scorecardId: 'security', ruleId: 'tls' }],
  source: 'database',
  archived: false,
  editable: true,
};

function errorBody(status: number, name: string, message: string) {
  return HttpResponse.json(
    {
      error: { name, message },
      request: { method: 'POST', url: '/campaigns' },
      response: { statusCode: status },
    },
    { status },
  );
}

describe('ScorecardsClient campaign edits', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new ScorecardsClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  it('creates a campaign with a JSON body', async () => {
    let received: unknown;
    let contentType: string | null = null;
    server.use(
      http.post(`${baseUrl}/campaigns`, async ({ request }) => {
        received = await request.json();
        contentType = request.headers.get('content-type');
        return HttpResponse.json(stored, { status: 201 });
      }),
    );

    const result = await client.createCampaign(body);

    expect(received).toEqual(body);
    expect(contentType).toBe('application/json');
    expect(result.key).toBe('move-to-tls-1-3');
  });

  it('surfaces the validation message of a 400 as a ResponseError', async () => {
    server.use(
      http.post(`${baseUrl}/campaigns`, () =>
        errorBody(
          400,
          'InputError',
          'Invalid campaign:\n  - rules[0].rule: no rule "security/tsl"; did you mean "security/tls"?',
        ),
      ),
    );

    const failure = client.createCampaign({
      ...body,
      rules: [{ rule: 'security/tsl' }],
    });

    await expect(failure).rejects.toBeInstanceOf(ResponseError);
    await expect(failure).rejects.toMatchObject({
      response: { status: 400 },
      body: { error: { message: expect.stringContaining('rules[0].rule') } },
    });
  });

  it('updates a campaign by its encoded key', async () => {
    let requestedUrl = '';
    let received: unknown;
    server.use(
      http.put(`${baseUrl}/campaigns/:key`, async ({ request }) => {
        requestedUrl = request.url;
        received = await request.json();
        return HttpResponse.json(stored);
      }),
    );

    const result = await client.updateCampaign('tls 13', body);

    expect(requestedUrl).toBe(`${baseUrl}/campaigns/tls%2013`);
    expect(received).toEqual(body);
    expect(result.editable).toBe(true);
  });

  it('surfaces a 409 for a config campaign', async () => {
    server.use(
      http.put(`${baseUrl}/campaigns/:key`, () =>
        errorBody(409, 'ConflictError', 'Campaign "tls" is defined in config'),
      ),
    );

    await expect(client.updateCampaign('tls', body)).rejects.toMatchObject({
      response: { status: 409 },
    });
  });

  it('archives a campaign with DELETE', async () => {
    let requestedUrl = '';
    server.use(
      http.delete(`${baseUrl}/campaigns/:key`, ({ request }) => {
        requestedUrl = request.url;
        return new HttpResponse(null, { status: 204 });
      }),
    );

    await expect(client.archiveCampaign('tls-13')).resolves.toBeUndefined();
    expect(requestedUrl).toBe(`${baseUrl}/campaigns/tls-13`);
  });

  it('surfaces a denied archive as a 403 ResponseError', async () => {
    server.use(
      http.delete(`${baseUrl}/campaigns/:key`, () =>
        errorBody(
          403,
          'NotAllowedError',
          'You are not allowed to delete campaigns',
        ),
      ),
    );

    await expect(client.archiveCampaign('tls-13')).rejects.toMatchObject({
      name: 'ResponseError',
      response: { status: 403 },
    });
  });
});
