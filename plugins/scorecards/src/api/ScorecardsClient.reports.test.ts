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
import { weeklyPreview, weeklyReport } from '../__testUtils__/reportFixtures';

const baseUrl = 'http://localhost:7007/api/scorecards';

describe('ScorecardsClient reports', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new ScorecardsClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  it('lists the configured reports', async () => {
    server.use(
      http.get(`${baseUrl}/reports`, () =>
        HttpResponse.json({ items: [weeklyReport] }),
      ),
    );
    await expect(client.getReports()).resolves.toEqual({
      items: [weeklyReport],
    });
  });

  it('previews a report by its encoded id', async () => {
    let requestedUrl = '';
    server.use(
      http.get(`${baseUrl}/reports/:id/preview`, ({ request }) => {
        requestedUrl = request.url;
        return HttpResponse.json(weeklyPreview);
      }),
    );
    await expect(client.previewReport('weekly/org')).resolves.toEqual(
      weeklyPreview,
    );
    expect(requestedUrl).toBe(`${baseUrl}/reports/weekly%2Forg/preview`);
  });

  it('sends a report with a POST', async () => {
    let method = '';
    server.use(
      http.post(`${baseUrl}/reports/:id/send`, ({ request, params }) => {
        method = `${request.method} ${params.id}`;
        return HttpResponse.json({
          status: 'partial',
          channels: [
            { channel: 'notifications', ok: true, attempts: 1 },
            { channel: 'slack', ok: false, attempts: 3, error: '503' },
          ],
          error: 'slack: 503',
        });
      }),
    );
    await expect(client.sendReport('weekly-organisation')).resolves.toEqual(
      expect.objectContaining({ status: 'partial', error: 'slack: 503' }),
    );
    expect(method).toBe('POST weekly-organisation');
  });

  it('rejects with the backend error when sending is not allowed', async () => {
    server.use(
      http.post(`${baseUrl}/reports/:id/send`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'You are not allowed to send scorecard reports',
            },
          },
          { status: 403 },
        ),
      ),
    );
    const error = await client.sendReport('weekly-organisation').then(
      () => undefined,
      e => e,
    );
    expect(error).toBeInstanceOf(ResponseError);
    expect(error).toMatchObject({ response: { status: 403 } });
    expect(JSON.stringify(error.body)).toContain(
      'You are not allowed to send scorecard reports',
    );
  });

  it('rejects for an unknown report', async () => {
    server.use(
      http.get(`${baseUrl}/reports/:id/preview`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'No report with id "x"' },
          },
          { status: 404 },
        ),
      ),
    );
    await expect(client.previewReport('x')).rejects.toThrow(/404/);
  });
});
