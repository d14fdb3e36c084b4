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

import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  ReportChannelOutcome,
  ReportContent,
  ReportSendResponse,
  ReportStatus,
} from '@openscorecards/plugin-scorecards-common';
import { ReportDefinition } from './readReportsConfig';
import { renderNotification, renderSlack } from './renderReport';

export interface ReportSenderOptions {
  logger: LoggerService;
  /** Absent when the notifications backend is not installed. */
  notifications?: NotificationService;
  /** Attempts per channel. @default 3 */
  attempts?: number;
  /** The first backoff; doubled on each retry. @default 1000 */
  backoffMs?: number;
  /** For tests. */
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

/** An error worth another attempt: network errors, 5xx and 429. */
class RetryableError extends Error {}

const defaultSleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

/**
 * Sends reports to their channels: Backstage notifications (to the
 * recipients as entity refs) and Slack incoming webhooks. Each channel is
 * tried up to three times with exponential backoff (1s, 2s); a failure is
 * logged and returned, never thrown. The webhook URL is never logged.
 */
export class ReportSender {
  private readonly logger: LoggerService;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: ReportSenderOptions) {
    this.logger = options.logger;
    this.attempts = Math.max(1, options.attempts ?? 3);
    this.backoffMs = options.backoffMs ?? 1000;
    this.sleep = options.sleep ?? defaultSleep;
    this.fetch = options.fetch ?? ((...args) => fetch(...args));
  }

  async send(
    report: ReportDefinition,
    content: ReportContent,
  ): Promise<ReportSendResponse> {
    const channels: ReportChannelOutcome[] = [];
    const { notifications, slack } = report.channels;
    if (notifications) {
      channels.push(
        await this.withRetries(report, 'notifications', 'notifications', () =>
          this.sendNotification(notifications.recipients, content),
        ),
      );
    }
    if (slack) {
      channels.push(
        await this.withRetries(
          report,
          'slack',
          'slack webhook (redacted)',
          () => this.postSlack(slack.webhookUrl, content),
        ),
      );
    }
    const failed = channels.filter(c => !c.ok);
    let status: ReportStatus = 'sent';
    if (failed.length === channels.length) {
      status = 'failed';
    } else if (failed.length > 0) {
      status = 'partial';
    }
    return {
      status,
      channels,
      ...(failed.length > 0
        ? { error: failed.map(c => `${c.channel}: ${c.error}`).join('\n') }
        : {}),
    };
  }

  private async sendNotification(recipients: string[], content: ReportContent) {
    const service = this.options.notifications;
    if (!service) {
      // Permanent: no point retrying.
      throw new Error(
        'notifications are not available: install the notifications backend',
      );
    }
    try {
      await service.send({
        recipients: { type: 'entity', entityRef: recipients },
        payload: renderNotification(content),
      });
    } catch (error) {
      throw new RetryableError(`${error}`);
    }
  }

  private async postSlack(webhookUrl: string, content: ReportContent) {
    let response: Response;
    try {
      response = await this.fetch(webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(renderSlack(content)),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      // Network errors may quote the URL: report only their kind.
      const code = (error as { cause?: { code?: string } }).cause?.code;
      throw new RetryableError(
        `network error${code ? ` (${code})` : ''}: ${(error as Error).name}`,
      );
    }
    // Drain the body so the connection is released.
    const body = (await response.text().catch(() => '')).slice(0, 200);
    if (response.ok) {
      return;
    }
    const message = `HTTP ${response.status}${body ? `: ${body}` : ''}`;
    if (response.status >= 500 || response.status === 429) {
      throw new RetryableError(message);
    }
    throw new Error(message);
  }

  private async withRetries(
    report: ReportDefinition,
    channel: ReportChannelOutcome['channel'],
    label: string,
    attempt: () => Promise<void>,
  ): Promise<ReportChannelOutcome> {
    let lastError = '';
    for (let i = 1; i <= this.attempts; i++) {
      try {
        await attempt();
        this.logger.info(
          `Scorecards report "${report.id}" sent to ${label}${
            i > 1 ? ` (attempt ${i})` : ''
          }`,
        );
        return { channel, ok: true, attempts: i };
      } catch (error) {
        lastError = (error as Error).message;
        const retryable = error instanceof RetryableError;
        if (!retryable || i === this.attempts) {
          this.logger.error(
            `Scorecards report "${
              report.id
            }" could not be sent to ${label} after ${i} attempt${
              i === 1 ? '' : 's'
            }: ${lastError}`,
          );
          return { channel, ok: false, attempts: i, error: lastError };
        }
        const delay = this.backoffMs * 2 ** (i - 1);
        this.logger.warn(
          `Scorecards report "${report.id}": ${label} failed (${lastError}); retrying in ${delay} ms`,
        );
        await this.sleep(delay);
      }
    }
    return { channel, ok: false, attempts: this.attempts, error: lastError };
  }
}
