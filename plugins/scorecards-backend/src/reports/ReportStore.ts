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
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import {
  fromDbTimestamp,
  SqlDialect,
  toDbTimestamp,
} from '../database/SqlDialect';
import type {
  ReportContent,
  ReportStatus,
} from '@openscorecards/plugin-scorecards-common';

const migrationsDir = resolvePackagePath(
  '@openscorecards/plugin-scorecards-backend',
  'migrations',
);

const REPORTS = 'scorecards_reports';
const DAILY = 'scorecards_daily';

/** The stored outcome of a report's sends. */
export interface ReportState {
  reportId: string;
  /** The last send that reached at least one channel. */
  lastSentAt?: Date;
  lastAttemptAt?: Date;
  lastStatus?: ReportStatus;
  lastError?: string;
  /** The content of the last send that reached at least one channel. */
  lastContent?: ReportContent;
  /**
   * The schedule slot last handled: the report is next due at the first
   * time its schedule names after this one.
   */
  lastScheduledFor?: Date;
}

interface ReportRow {
  report_id: string;
  last_sent_at: string | null;
  last_attempt_at: string | null;
  last_status: string | null;
  last_error: string | null;
  last_content: string | null;
  last_scheduled_for: string | null;
}

/** The outcome of each report's last send, in `scorecards_reports`. */
export class ReportStore {
  static async create({
    database,
  }: {
    database: DatabaseService;
  }): Promise<ReportStore> {
    const client = await database.getClient();
    if (!database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new ReportStore(client);
  }

  private readonly dialect: SqlDialect;

  constructor(readonly db: Knex) {
    this.dialect = new SqlDialect(db);
  }

  async get(reportId: string): Promise<ReportState | undefined> {
    const [state] = await this.list([reportId]);
    return state;
  }

  async list(reportIds: string[]): Promise<ReportState[]> {
    if (reportIds.length === 0) {
      return [];
    }
    const rows: ReportRow[] = await this.db(REPORTS)
      .whereIn('report_id', reportIds)
      .select(
        'report_id',
        this.dialect.selectTimestamp('last_sent_at'),
        this.dialect.selectTimestamp('last_attempt_at'),
        'last_status',
        'last_error',
        'last_content',
        this.dialect.selectTimestamp('last_scheduled_for'),
      );
    return rows.map(row => ({
      reportId: row.report_id,
      lastSentAt: row.last_sent_at
        ? fromDbTimestamp(row.last_sent_at)
        : undefined,
      lastAttemptAt: row.last_attempt_at
        ? fromDbTimestamp(row.last_attempt_at)
        : undefined,
      lastStatus: (row.last_status as ReportStatus | null) ?? undefined,
      lastError: row.last_error ?? undefined,
      lastContent: row.last_content ? JSON.parse(row.last_content) : undefined,
      lastScheduledFor: row.last_scheduled_for
        ? fromDbTimestamp(row.last_scheduled_for)
        : undefined,
    }));
  }

  /**
   * Records a send attempt; a send that reached a channel also becomes the
   * baseline of the next report.
   */
  async record(
    reportId: string,
    outcome: {
      at: Date;
      status: ReportStatus;
      error?: string;
      content?: ReportContent;
    },
  ): Promise<void> {
    const delivered = outcome.status !== 'failed';
    const row: Partial<ReportRow> = {
      last_attempt_at: toDbTimestamp(outcome.at),
      last_status: outcome.status,
      last_error: outcome.error ? outcome.error.slice(0, 4000) : null,
      ...(delivered
        ? {
            last_sent_at: toDbTimestamp(outcome.at),
            last_content: outcome.content
              ? JSON.stringify(outcome.content)
              : null,
          }
        : {}),
    };
    await this.db(REPORTS)
      .insert({ report_id: reportId, ...row })
      .onConflict('report_id')
      .merge(row);
  }

  /**
   * Starts the report's schedule at `at`, unless it has started already:
   * the first slot is then the first time the schedule names after `at`.
   */
  async startSchedule(reportId: string, at: Date): Promise<void> {
    await this.db(REPORTS)
      .insert({ report_id: reportId, last_scheduled_for: toDbTimestamp(at) })
      .onConflict('report_id')
      .ignore();
    await this.db(REPORTS)
      .where({ report_id: reportId })
      .whereNull('last_scheduled_for')
      .update({ last_scheduled_for: toDbTimestamp(at) });
  }

  /**
   * Moves the report's schedule from slot `from` to `to`, if no one else
   * has moved it since it was read; true when this call moved it. Whoever
   * moves a slot sends it, so that each slot is sent at most once.
   */
  async claimSlot(reportId: string, from: Date, to: Date): Promise<boolean> {
    const updated = await this.db(REPORTS)
      .where({
        report_id: reportId,
        last_scheduled_for: toDbTimestamp(from),
      })
      .update({ last_scheduled_for: toDbTimestamp(to) });
    return updated === 1;
  }

  /**
   * The latest day with an organisation-wide rollup of the scorecard on or
   * before `day`: one seek of the owner index.
   */
  async rollupDayAtOrBefore(
    scorecardId: string,
    day: string,
    owner: string,
  ): Promise<string | undefined> {
    const row = await this.db(DAILY)
      .where({ scorecard_id: scorecardId, owner })
      .andWhere('day', '<=', day)
      .orderBy('day', 'desc')
      .first('day');
    return row?.day;
  }
}
