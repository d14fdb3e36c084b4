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

import { mockServices } from '@backstage/backend-test-utils';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ReportContent } from '@openscorecards/plugin-scorecards-common';
import { ReportDefinition } from './readReportsConfig';
import { ReportSender } from './ReportSender';

const content: ReportContent = {
  reportId: 'weekly',
  title: 'Weekly',
  generatedAt: '2026-11-25T09:00:00.000Z',
  since: '2026-11-18T09:00:00.000Z',
  audience: {},
  link: 'https://backstage.example.com/scorecards',
  scorecards: [
    {
      scorecardId: 'docs',
      title: 'Documentation',
      link: 'https://backstage.example.com/scorecards/docs',
      day: '2026-11-25',
      score: 62.5,
      change: 5,
      entities: 4,
      rules: {
        highest: [
          { id: 'techdocs', title: 'Has TechDocs', score: 75, change: 25 },
        ],
        lowest: [
          { id: 'readme', title: 'Has a README', score: 50, change: -10 },
        ],
      },
      services: { highest: [], lowest: [] },
      teams: { highest: [], lowest: [] },
    },
  ],
};

function report(webhookUrl: string): ReportDefinition {
  return {
    id: 'weekly',
    title: 'Weekly',
    schedule: { frequency: { days: 7 }, timeout: { minutes: 5 } },
    cadence: { type: 'every', duration: { days: 7 } },
    audience: {},
    scorecards: ['docs'],
    channels: { slack: { webhookUrl } },
  };
}

describe('ReportSender with a real Slack receiver', () => {
  let server: http.Server;
  let url: string;
  let answers: number[];
  let received: Array<{ headers: http.IncomingHttpHeaders; body: any }>;
  const logger = mockServices.logger.mock();
  const sleep = jest.fn(async (_ms: number) => {});

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let data = '';
      req.on('data', chunk => {
        data += chunk;
      });
      req.on('end', () => {
        received.push({ headers: req.headers, body: JSON.parse(data) });
        const status = answers.shift() ?? 200;
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(status === 200 ? 'ok' : 'boom');
      });
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${
      (server.address() as AddressInfo).port
    }/services/T000/B000/secret-token`;
  });
  afterAll(
    () =>
      new Promise<void>(resolve => {
        server.close(() => resolve());
        // Keep-alive sockets would otherwise hold the worker open.
        server.closeAllConnections();
      }),
  );
  beforeEach(() => {
    answers = [];
    received = [];
    jest.clearAllMocks();
  });

  const allLogs = () =>
    [logger.info, logger.warn, logger.error]
      .flatMap(fn => fn.mock.calls)
      .map(call => String(call[0]))
      .join('\n');

  it('posts a Block Kit message', async () => {
    const sender = new ReportSender({ logger, sleep });
    const outcome = await sender.send(report(url), content);
    expect(outcome).toEqual({
      status: 'sent',
      channels: [{ channel: 'slack', ok: true, attempts: 1 }],
    });
    expect(received).toHaveLength(1);
    expect(received[0].headers['content-type']).toBe('application/json');
    const { blocks, text } = received[0].body;
    expect(text).toBe('Scorecards report: Weekly');
    expect(blocks.map((b: any) => b.type)).toEqual([
      'header',
      'section',
      'context',
      'actions',
    ]);
    expect(blocks[0].text).toEqual({
      type: 'plain_text',
      text: 'Scorecards report: Weekly',
    });
    expect(blocks[1].text.type).toBe('mrkdwn');
    expect(blocks[1].text.text).toContain(
      '*<https://backstage.example.com/scorecards/docs|Documentation>*',
    );
    expect(blocks[1].text.text).toContain('• Has TechDocs: *75%* (↑ 25)');
    expect(blocks[1].text.text).toContain('• Has a README: *50%* (↓ 10)');
    expect(blocks[2].elements[0].text).toContain('2026-11-25');
    expect(blocks[3].elements[0]).toMatchObject({
      type: 'button',
      url: 'https://backstage.example.com/scorecards',
    });
    expect(allLogs()).toContain('slack webhook (redacted)');
    expect(allLogs()).not.toContain('secret-token');
  });

  it('retries 5xx with exponential backoff', async () => {
    answers = [500, 500];
    const sender = new ReportSender({ logger, sleep });
    const outcome = await sender.send(report(url), content);
    expect(outcome.status).toBe('sent');
    expect(outcome.channels[0].attempts).toBe(3);
    expect(received).toHaveLength(3);
    expect(sleep.mock.calls.map(c => c[0])).toEqual([1000, 2000]);
  });

  it('gives up after three attempts and reports the failure', async () => {
    answers = [500, 500, 500, 500];
    const sender = new ReportSender({ logger, sleep });
    const outcome = await sender.send(report(url), content);
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toBe('slack: HTTP 500: boom');
    expect(received).toHaveLength(3);
    expect(allLogs()).not.toContain('secret-token');
  });

  it('does not retry other 4xx answers', async () => {
    answers = [404];
    const outcome = await new ReportSender({ logger, sleep }).send(
      report(url),
      content,
    );
    expect(outcome.channels[0]).toMatchObject({ ok: false, attempts: 1 });
  });

  it('retries network errors without logging the URL', async () => {
    const dead = 'http://127.0.0.1:1/services/secret-token';
    const outcome = await new ReportSender({ logger, sleep }).send(
      report(dead),
      content,
    );
    expect(outcome.status).toBe('failed');
    expect(outcome.channels[0].attempts).toBe(3);
    expect(outcome.error).toMatch(/^slack: network error/);
    expect(outcome.error).not.toContain('secret-token');
    expect(allLogs()).not.toContain('secret-token');
  });
});
