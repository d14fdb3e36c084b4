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
import type {
  OutcomeState,
  ReportedOutcomeFact,
} from '@openscorecards/plugin-scorecards-common';
import {
  fromDbTimestamp,
  SqlDialect,
  toDbTimestamp,
} from '../database/SqlDialect';

const migrationsDir = resolvePackagePath(
  '@openscorecards/plugin-scorecards-backend',
  'migrations',
);

const OUTCOMES = 'scorecards_outcomes';

/** Rows per statement: 6 bindings each, well under every engine's limit. */
const WRITE_CHUNK = 200;
/** Entity refs per read. */
const READ_CHUNK = 500;

/** A reported outcome, as stored. */
export interface OutcomeRecord {
  entityRef: string;
  check: string;
  state: OutcomeState;
  remarks?: string;
  /** The principal that reported it, e.g. `external:ci`. */
  reportedBy: string;
  reportedAt: Date;
}

interface OutcomeRow {
  entity_ref: string;
  check_id: string;
  state: string;
  remarks: string | null;
  reported_by: string;
  reported_at: string | Date;
}

/**
 * The latest outcome external systems reported for each entity and check,
 * in `scorecards_outcomes`.
 */
export class OutcomeStore {
  static async create({
    database,
  }: {
    database: DatabaseService;
  }): Promise<OutcomeStore> {
    const client = await database.getClient();
    if (!database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new OutcomeStore(client);
  }

  private readonly dialect: SqlDialect;

  constructor(readonly db: Knex) {
    this.dialect = new SqlDialect(db);
  }

  /**
   * Stores outcomes, each replacing the entity's earlier outcome of the
   * same check, all in one transaction.
   */
  async report(records: OutcomeRecord[]): Promise<void> {
    if (records.length === 0) {
      return;
    }
    await this.db.transaction(async tx => {
      for (let from = 0; from < records.length; from += WRITE_CHUNK) {
        const rows = records.slice(from, from + WRITE_CHUNK).map(r => ({
          entity_ref: r.entityRef,
          check_id: r.check,
          state: r.state,
          remarks: r.remarks ?? null,
          reported_by: r.reportedBy,
          reported_at: toDbTimestamp(r.reportedAt),
        }));
        await tx(OUTCOMES)
          .insert(rows)
          .onConflict(['entity_ref', 'check_id'])
          .merge(['state', 'remarks', 'reported_by', 'reported_at']);
      }
    });
  }

  /** The outcomes of these entities, as the rules read them, by ref. */
  async factsOf(
    entityRefs: string[],
  ): Promise<Map<string, Record<string, ReportedOutcomeFact>>> {
    const byRef = new Map<string, Record<string, ReportedOutcomeFact>>();
    for (let from = 0; from < entityRefs.length; from += READ_CHUNK) {
      const rows: Array<
        Pick<
          OutcomeRow,
          'entity_ref' | 'check_id' | 'state' | 'remarks' | 'reported_at'
        >
      > = await this.db(OUTCOMES)
        .whereIn('entity_ref', entityRefs.slice(from, from + READ_CHUNK))
        .select(
          'entity_ref',
          'check_id',
          'state',
          'remarks',
          this.dialect.selectTimestamp('reported_at'),
        );
      for (const row of rows) {
        let outcomes = byRef.get(row.entity_ref);
        if (!outcomes) {
          outcomes = {};
          byRef.set(row.entity_ref, outcomes);
        }
        const fact: ReportedOutcomeFact = { state: row.state as OutcomeState };
        if (row.remarks !== null) {
          fact.remarks = row.remarks;
        }
        fact.reportedAt = fromDbTimestamp(row.reported_at).toISOString();
        outcomes[row.check_id] = fact;
      }
    }
    return byRef;
  }

  /** An entity's outcomes, by check. */
  async list(entityRef: string): Promise<OutcomeRecord[]> {
    const rows: OutcomeRow[] = await this.db(OUTCOMES)
      .where({ entity_ref: entityRef })
      .orderBy('check_id')
      .select(
        'entity_ref',
        'check_id',
        'state',
        'remarks',
        'reported_by',
        this.dialect.selectTimestamp('reported_at'),
      );
    return rows.map(row => ({
      entityRef: row.entity_ref,
      check: row.check_id,
      state: row.state as OutcomeState,
      remarks: row.remarks ?? undefined,
      reportedBy: row.reported_by,
      reportedAt: fromDbTimestamp(row.reported_at),
    }));
  }

  /**
   * Deletes outcomes reported before `cutoff`, such as those of entities
   * that left the catalog; returns how many.
   */
  async pruneReportedBefore(cutoff: Date): Promise<number> {
    return await this.db(OUTCOMES)
      .where('reported_at', '<', toDbTimestamp(cutoff))
      .delete();
  }
}
