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
import { ConflictError, NotFoundError } from '@backstage/errors';
import { NormalisedCampaign } from '@openscorecards/plugin-scorecards-common';
import { Knex } from 'knex';
import {
  fromDbTimestamp,
  SqlDialect,
  toDbTimestamp,
} from '../database/SqlDialect';

const CAMPAIGNS = 'scorecards_campaigns';
const DAILY = 'scorecards_campaign_daily';

/** The owner of the organisation-wide daily row. */
export const CAMPAIGN_ORGANISATION = '*';

const migrationsDir = resolvePackagePath(
  '@openscorecards/plugin-scorecards-backend',
  'migrations',
);

/** A campaign created from the UI. */
export interface StoredCampaign {
  campaign: NormalisedCampaign;
  archived: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The progress of one campaign and owner on one day. */
export interface CampaignDailyRow {
  campaignKey: string;
  /** A group ref, '' for entities without an owner, '*' for everyone. */
  owner: string;
  inScope: number;
  passing: number;
}

export interface CampaignTrendPoint {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  inScope: number;
  passing: number;
}

interface CampaignRow {
  key: string;
  definition: string;
  source: string;
  archived: boolean | number;
  created_by: string;
  created_at: string | Date;
  updated_at: string | Date;
}

/**
 * Stores the campaigns created from the UI and the daily progress of every
 * campaign.
 */
export class CampaignStore {
  /**
   * Runs the plugin's migrations (a no-op when the result store already
   * did) unless they are skipped, and opens the store.
   */
  static async create({
    database,
  }: {
    database: DatabaseService;
  }): Promise<CampaignStore> {
    const client = await database.getClient();
    if (!database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new CampaignStore(client);
  }

  private readonly dialect: SqlDialect;

  constructor(readonly db: Knex) {
    this.dialect = new SqlDialect(db);
  }

  private select(db: Knex | Knex.Transaction = this.db) {
    return db(CAMPAIGNS).select(
      'key',
      'definition',
      'source',
      'archived',
      'created_by',
      this.dialect.selectTimestamp('created_at'),
      this.dialect.selectTimestamp('updated_at'),
    );
  }

  private fromRow(row: CampaignRow): StoredCampaign {
    return {
      campaign: JSON.parse(row.definition),
      archived: Boolean(row.archived),
      createdBy: row.created_by,
      createdAt: fromDbTimestamp(row.created_at),
      updatedAt: fromDbTimestamp(row.updated_at),
    };
  }

  /** Every stored campaign, by key; archived ones only when asked. */
  async listCampaigns(
    options: { includeArchived?: boolean } = {},
  ): Promise<StoredCampaign[]> {
    const query = this.select().orderBy('key');
    if (!options.includeArchived) {
      query.where('archived', false);
    }
    const rows: CampaignRow[] = await query;
    return rows.map(row => this.fromRow(row));
  }

  async getCampaign(key: string): Promise<StoredCampaign | undefined> {
    const [row]: CampaignRow[] = await this.select().where('key', key);
    return row ? this.fromRow(row) : undefined;
  }

  /** @throws ConflictError when a campaign with the key exists (even archived). */
  async createCampaign(
    campaign: NormalisedCampaign,
    options: { createdBy: string; now?: Date },
  ): Promise<StoredCampaign> {
    const now = toDbTimestamp(options.now ?? new Date());
    await this.db.transaction(async tx => {
      const existing = await tx(CAMPAIGNS)
        .where('key', campaign.key)
        .first('key');
      if (existing) {
        throw new ConflictError(
          `A campaign with the key "${campaign.key}" already exists`,
        );
      }
      await tx(CAMPAIGNS).insert({
        key: campaign.key,
        definition: JSON.stringify(campaign),
        source: 'database',
        archived: false,
        created_by: options.createdBy,
        created_at: now,
        updated_at: now,
      });
    });
    return (await this.getCampaign(campaign.key))!;
  }

  /**
   * Replaces the definition of a stored campaign; its key does not change.
   *
   * @throws NotFoundError when there is no such campaign.
   */
  async updateCampaign(
    key: string,
    campaign: NormalisedCampaign,
    options: { now?: Date } = {},
  ): Promise<StoredCampaign> {
    const updated = await this.db(CAMPAIGNS)
      .where('key', key)
      .update({
        definition: JSON.stringify({ ...campaign, key }),
        updated_at: toDbTimestamp(options.now ?? new Date()),
      });
    if (updated === 0) {
      throw new NotFoundError(`No campaign with the key "${key}"`);
    }
    return (await this.getCampaign(key))!;
  }

  /** @throws NotFoundError when there is no such campaign. */
  async archiveCampaign(
    key: string,
    options: { now?: Date } = {},
  ): Promise<void> {
    const updated = await this.db(CAMPAIGNS)
      .where('key', key)
      .update({
        archived: true,
        updated_at: toDbTimestamp(options.now ?? new Date()),
      });
    if (updated === 0) {
      throw new NotFoundError(`No campaign with the key "${key}"`);
    }
  }

  /**
   * Replaces the rows of `day` of every campaign that has a row in `rows`,
   * in one transaction; other campaigns' rows of the day stay.
   */
  async writeDaily(day: string, rows: CampaignDailyRow[]): Promise<void> {
    const keys = [...new Set(rows.map(r => r.campaignKey))];
    if (keys.length === 0) {
      return;
    }
    const chunk = await this.dialect.rowsPerInsert(5);
    await this.db.transaction(async tx => {
      for (let i = 0; i < keys.length; i += 500) {
        await tx(DAILY)
          .where('day', day)
          .whereIn('campaign_key', keys.slice(i, i + 500))
          .delete();
      }
      for (let i = 0; i < rows.length; i += chunk) {
        await tx(DAILY).insert(
          rows.slice(i, i + chunk).map(r => ({
            campaign_key: r.campaignKey,
            day,
            owner: r.owner,
            in_scope: r.inScope,
            passing: r.passing,
          })),
        );
      }
    });
  }

  /**
   * The daily progress of a campaign, oldest first: the whole organisation's
   * by default, or that of some owners, added up per day.
   */
  async getTrend(
    campaignKey: string,
    options: { owners?: string[]; since?: string } = {},
  ): Promise<CampaignTrendPoint[]> {
    const query = this.db(DAILY)
      .select('day')
      .sum({ in_scope: 'in_scope', passing: 'passing' })
      .where({ campaign_key: campaignKey })
      .whereIn('owner', options.owners ?? [CAMPAIGN_ORGANISATION])
      .groupBy('day')
      .orderBy('day');
    if (options.since) {
      query.where('day', '>=', options.since);
    }
    // Sums come back as strings from some databases (PostgreSQL's bigint).
    const rows = (await query) as unknown as Array<{
      day: string;
      in_scope: number | string;
      passing: number | string;
    }>;
    return rows.map(r => ({
      day: r.day,
      inScope: Number(r.in_scope),
      passing: Number(r.passing),
    }));
  }

  /** Deletes daily rows before `day`; returns how many. */
  async pruneDaily(before: string): Promise<number> {
    return this.db(DAILY).where('day', '<', before).delete();
  }
}
