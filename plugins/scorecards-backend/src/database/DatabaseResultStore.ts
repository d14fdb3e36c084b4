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
import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';
import { ResultQueries } from './ResultQueries';
import {
  CommitRunOptions,
  DailyRollups,
  EntityEvaluatedAt,
  EntityResultRow,
  InputStampUpdate,
  KeptEntityRefs,
  PruneHistoryResult,
  ROLLUP_ORGANISATION,
  ResultKey,
  ResultStore,
  RunOutcome,
  RunRecord,
  RunScope,
  RunStatus,
  RunTrigger,
  StageResultsOptions,
  StoredFingerprint,
  latestDate,
  resultHashKey,
} from './ResultStore';
import { toFailingRules } from './failingRules';
import { decodeRuleResults, encodeRuleResults } from './ruleResultsText';
import { SqlDialect, fromDbTimestamp, toDbTimestamp } from './SqlDialect';
import { usesBetterSqlite, withBetterSqlite } from './betterSqlite';
import { CopyValue, copyEncoded, copyRows, encodeCopyRows } from './pgCopy';
import {
  ENTITY_COLUMN_NAMES,
  fromResultSummaryColumns,
  ResultSummaryColumns,
} from './entityColumns';

const migrationsDir = resolvePackagePath(
  '@openscorecards/plugin-scorecards-backend',
  'migrations',
);

const RUNS = 'scorecards_runs';
const RESULTS = 'scorecards_results';
const PENDING = 'scorecards_pending_results';
/**
 * better-sqlite3: where runs stage their results instead of {@link PENDING},
 * a temporary table of the connection, which has the same columns. SQLite
 * keeps temporary tables in a file of their own that it never syncs, and
 * drops them with the connection: staged rows need no durability, since a
 * run that did not commit is discarded. At 100k entities, this took a
 * first run's staging from 2.36 s to 1.88 s (the syncs of every page's
 * transaction; the benchmark's medians), and the database file from 687 MB
 * to 428 MB (the staged rows' pages, which SQLite kept as free pages).
 */
const STAGED = 'temp.scorecards_staged_results';
const STAGED_SQL = `
  create temp table if not exists scorecards_staged_results as
    select * from main.${PENDING} where 0;
  create unique index if not exists temp.scorecards_staged_results_key
    on scorecards_staged_results (run_id, scorecard_id, entity_ref);`;
const HISTORY = 'scorecards_history';
/**
 * Each result's hash and input stamp, which a run's lookups read and its
 * restamps update: a narrow row, so that a restamp does not rewrite the
 * result's ~1.3 kB row (on PostgreSQL, also its entries in every index),
 * and a lookup reads one small key (see the migrations
 * `20261207000000_pg_result_stamps.js` and
 * `20261207100000_result_stamps.js`). Written with the results, in the
 * same statement or transaction, and deleted with them.
 */
const STAMPS = 'scorecards_result_stamps';
const STAMP_COLUMNS = 'entity_ref, scorecard_id, result_hash, input_stamp';
const DAILY = 'scorecards_daily';
const DAILY_RULES = 'scorecards_daily_rules';

/** The columns a result has both when staged and when current. */
interface ResultColumns extends ResultSummaryColumns {
  rule_results: string;
  result_hash: string;
  input_stamp: string | null;
  updated_at: string;
}

type PendingRow = ResultColumns & { run_id: number };

type ResultRow = ResultColumns & { state_since: string };

interface RunRow {
  id: number;
  trigger: RunTrigger;
  scope: string;
  status: RunStatus;
  started_at: string;
  finished_at: string | null;
  entities_evaluated: number;
  results_written: number;
  results_deleted: number;
  error: string | null;
}

const RESULT_COLUMNS: Array<keyof ResultColumns> = [
  'scorecard_id',
  'entity_ref',
  ...ENTITY_COLUMN_NAMES,
  'level',
  'level_rank',
  'score',
  'rules_passed',
  'rules_failed',
  'failing_rules',
  'rule_results',
  'result_hash',
  'input_stamp',
  'updated_at',
];
const RESULT_VALUE_COLUMNS = RESULT_COLUMNS.filter(
  c => c !== 'scorecard_id' && c !== 'entity_ref',
);
/**
 * The columns of a result the results' sorted indexes hold besides its key
 * and `updated_at` (see the migrations): entity facts, and the result's.
 */
const SORTED_ENTITY_COLUMNS = ['entity_owner', 'entity_name'];
const SORTED_RESULT_COLUMNS = ['level_rank', 'score'];
const PENDING_COLUMNS = ['run_id', ...RESULT_COLUMNS];
const PENDING_COLUMN_COUNT = PENDING_COLUMNS.length;
/** PostgreSQL: the temporary table of a run's rows before they are merged. */
const RUN_BATCH = 'scorecards_run_batch';
/** The columns a history row is written with. */
const HISTORY_COLUMNS =
  'scorecard_id, entity_ref, entity_owner, at, level, level_rank, score, failing_rules';

/** {@link HISTORY_COLUMNS} from a result row `p`, at `timestamp`. */
function historyValues(timestamp: string): string {
  return `p.scorecard_id, p.entity_ref, p.entity_owner, ${timestamp},
    p.level, p.level_rank, p.score, p.failing_rules`;
}

/**
 * Rows to make current: those of `from` (aliased `p`) that match `where`
 * with `bindings`, as of `at`.
 */
interface MergeSource {
  from: string;
  where: string;
  bindings: number[];
  at: Date;
  /**
   * Whether its rows are read in key order as they are: plain inserts
   * then ask for no order.
   */
  inKeyOrder?: boolean;
}

/**
 * The `with` clause of data-modifying statements that run with the
 * statement it precedes.
 */
function withClause(statements: Record<string, Knex.Raw>): string {
  return `with ${Object.entries(statements)
    .map(([name, statement]) => `${name} as (${statement.toQuery()})`)
    .join(', ')}`;
}

/** Undoes plain inserts of results that met a stored result. */
const NEW_ROWS_SAVEPOINT = 'scorecards_new_rows';

/**
 * PostgreSQL: encoded rows a run may queue while a write is in flight
 * before its next write waits (about six catalog pages of results).
 */
const RUN_QUEUE_BYTES = 8 * 1024 * 1024;

/** PostgreSQL: a run that writes its results as they arrive. */
interface RunWriter {
  /** The run's transaction: what it wrote is invisible until it commits. */
  trx: Knex.Transaction;
  /** The time of the run's results ({@link CommitRunOptions.at}). */
  at: Date;
  /** Rows written so far. */
  written: number;
  /** Rows encoded for COPY, not yet sent (see `writeInRun`). */
  queued: Buffer[];
  queuedBytes: number;
  /** Sending what is queued, while it does. */
  sending?: Promise<void>;
  /** The write in flight, while there is one. */
  step?: Promise<void>;
  /** Why a write failed: every later write and the commit fail with it. */
  failure?: unknown;
  /**
   * Whether every row written so far was new: then the next write tries
   * plain inserts (see `mergeInRun`).
   */
  allNew: boolean;
}

// Stamps updated per statement (PostgreSQL) or transaction (MySQL).
const STAMP_CHUNK = 1000;
// Entity refs per hash lookup: a catalog page's worth, and under every
// engine's bind limit (999 on old SQLite) where each ref is a parameter
// (MySQL, and SQLite through another driver than better-sqlite3).
const LOOKUP_CHUNK = 500;
/** Rows changed by one commit after which PostgreSQL's statistics are refreshed. */
const ANALYZE_THRESHOLD = 5_000;
/**
 * ... and the share of the rows the statistics last counted that the commit
 * must change, as PostgreSQL's own autovacuum_analyze_scale_factor (0.1).
 */
const ANALYZE_FRACTION = 0.1;

/**
 * Whether a commit that changed `rowsChanged` results leaves PostgreSQL's
 * statistics of the results stale: when it changed many rows, and many
 * against the rows the statistics counted (`rowsCounted`; negative when the
 * table was never analyzed). A 5% re-run at 100k entities changes 9k of
 * 182k rows: the plans stay right, and the vacuum (1.7 s there) is skipped.
 *
 * @internal exported for tests
 */
export function statisticsStale(
  rowsChanged: number,
  rowsCounted: number,
): boolean {
  return (
    rowsChanged >= ANALYZE_THRESHOLD &&
    rowsChanged >= Math.max(0, rowsCounted) * ANALYZE_FRACTION
  );
}
// Bounds one staging statement also by size, well under MySQL's default
// max_allowed_packet (16 MiB on MariaDB).
const STAGE_MAX_ROWS = 1000;
const STAGE_MAX_CHARS = 4_000_000;
// Entity refs read per page, and deleted per statement, when removing results.
// Large, because until PostgreSQL has statistics for freshly written rows it
// may answer each statement by scanning all results of the scorecard; bounded,
// because MySQL's range optimizer gives up on very long IN lists.
const REMOVAL_PAGE = 50_000;
const REMOVAL_DELETE_CHUNK = 5_000;

const DEFAULT_RUN_LIMIT = 20;
/** Matches the scope of a run over one entity. */
const ENTITY_SCOPE_PATTERN = '%"entityRef"%';
/** Runs read at a time when looking for those that evaluated an entity. */
const RUN_SCAN_PAGE = 100;

// History ids examined per statement when pruning: a bounded range of the
// primary key, so that pruning a large history never scans it repeatedly.
const PRUNE_ID_WINDOW = 10_000;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

// The rows of one page share their time: its text is built once.
let lastUpdatedAt = NaN;
let lastUpdatedAtText = '';

function updatedAtText(date: Date): string {
  const time = date.getTime();
  if (time !== lastUpdatedAt) {
    lastUpdatedAt = time;
    lastUpdatedAtText = toDbTimestamp(date);
  }
  return lastUpdatedAtText;
}

function toResultColumns(row: EntityResultRow): ResultColumns {
  return {
    scorecard_id: row.scorecardId,
    entity_ref: row.entityRef,
    entity_kind: row.entity.kind,
    entity_namespace: row.entity.namespace,
    entity_name: row.entity.name,
    entity_title: row.entity.title ?? null,
    entity_type: row.entity.type ?? null,
    entity_lifecycle: row.entity.lifecycle ?? null,
    entity_owner: row.entity.owner ?? '',
    entity_system: row.entity.system ?? null,
    level: row.level,
    level_rank: row.levelRank,
    score: row.score,
    rules_passed: row.rulesPassed,
    rules_failed: row.rulesFailed,
    failing_rules: toFailingRules(row.failingRules),
    rule_results: row.ruleResultsText ?? encodeRuleResults(row.rules),
    result_hash: row.resultHash,
    input_stamp: row.inputStamp ?? null,
    updated_at: updatedAtText(row.updatedAt),
  };
}

/** A staged row as the values of {@link PENDING_COLUMNS}, in order. */
function pendingValues(runId: number, row: EntityResultRow): CopyValue[] {
  const columns = toResultColumns(row);
  const values: CopyValue[] = [runId];
  for (const column of RESULT_COLUMNS) {
    values.push(columns[column]);
  }
  return values;
}

/** PostgreSQL's lock_not_available: `lock_timeout` ran out. */
function isLockTimeout(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '55P03';
}

/** A key that is there already, as each engine reports it. */
const UNIQUE_VIOLATIONS = new Set<unknown>([
  '23505', // PostgreSQL's unique_violation
  'SQLITE_CONSTRAINT_PRIMARYKEY',
  'SQLITE_CONSTRAINT_UNIQUE',
  'ER_DUP_ENTRY', // MySQL
]);

function isUniqueViolation(error: unknown): boolean {
  return UNIQUE_VIOLATIONS.has((error as { code?: unknown } | null)?.code);
}

function fromResultRow(row: ResultRow): EntityResultRow {
  return {
    ...fromResultSummaryColumns(row),
    rules: decodeRuleResults(row.rule_results),
    resultHash: row.result_hash,
    inputStamp: row.input_stamp ?? undefined,
    stateSince: fromDbTimestamp(row.state_since),
    updatedAt: fromDbTimestamp(row.updated_at),
  };
}

function fromRunRow(row: RunRow): RunRecord {
  return {
    id: Number(row.id),
    trigger: row.trigger,
    scope: JSON.parse(row.scope),
    status: row.status,
    startedAt: fromDbTimestamp(row.started_at),
    finishedAt: row.finished_at ? fromDbTimestamp(row.finished_at) : undefined,
    entitiesEvaluated: Number(row.entities_evaluated),
    resultsWritten: Number(row.results_written),
    resultsDeleted: Number(row.results_deleted),
    error: row.error ?? undefined,
  };
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}

/** The {@link ResultStore} on the plugin's Knex database. */
export class DatabaseResultStore implements ResultStore {
  static async create({
    database,
  }: {
    database: DatabaseService;
  }): Promise<DatabaseResultStore> {
    const client = await database.getClient();
    if (!database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    const store = new DatabaseResultStore(client);
    await store.stagingConnection();
    return store;
  }

  private readonly dialect: SqlDialect;
  /** Whether the database is better-sqlite3, whose statements can be kept. */
  private readonly betterSqlite: boolean;

  /** The read queries over the same database. */
  readonly queries: ResultQueries;

  /**
   * PostgreSQL: stamps updated since the last commit. An update leaves a
   * dead row version behind like any write: the first run after an upgrade
   * restamps every result (182k at 100k entities), and without a vacuum the
   * next run's lookups and commit took 3.5 s and 1.8 s; with it (at that
   * commit), 2.4 s and 0.06 s (measured when the stamps were in the
   * results; restamps now change only STAMPS, and only it is vacuumed
   * then).
   */
  private rowsRestamped = 0;

  /** PostgreSQL: the open transactions of runs that write as they go. */
  private readonly runWriters = new Map<number, Promise<RunWriter>>();

  /** The table runs stage their results in until they commit. */
  private readonly staging: string;

  /**
   * better-sqlite3: the connection each run staged on, by run id. Its
   * staged rows are in a temporary table of that connection, so they are
   * lost when Knex's pool replaces it, and the run must then fail.
   */
  private readonly stagedOn = new Map<number, number>();

  private constructor(private readonly db: Knex) {
    this.dialect = new SqlDialect(db);
    this.betterSqlite = usesBetterSqlite(db);
    this.queries = new ResultQueries(db);
    this.staging = this.betterSqlite ? STAGED : PENDING;
  }

  /**
   * better-sqlite3: creates the staging table on the connection if it has
   * none, and answers the connection's id. Call it outside a transaction.
   */
  private async stagingConnection(): Promise<number | undefined> {
    if (!this.betterSqlite) {
      return undefined;
    }
    return withBetterSqlite(this.db, sqlite => {
      sqlite.once(STAGED, STAGED_SQL);
      return sqlite.connectionId;
    });
  }

  /**
   * better-sqlite3: throws when the run staged results on another connection
   * than `connectionId`, and forgets the run's connection.
   */
  private checkStagedOn(runId: number, connectionId: number | undefined) {
    const stagedOn = this.stagedOn.get(runId);
    this.stagedOn.delete(runId);
    if (stagedOn !== undefined && stagedOn !== connectionId) {
      throw new Error(
        `Run ${runId} staged its results on a SQLite connection that has since been closed, which dropped them; ` +
          'the next run evaluates the catalog again. If this recurs, check that the database pool does not ' +
          'replace connections during a run (such as with a maximum connection lifetime).',
      );
    }
  }

  async createRun(options: {
    trigger: RunTrigger;
    scope: RunScope;
  }): Promise<number> {
    const row = {
      trigger: options.trigger,
      scope: JSON.stringify(options.scope),
      status: 'running',
      started_at: toDbTimestamp(new Date()),
      entities_evaluated: 0,
      results_written: 0,
      results_deleted: 0,
    };
    // MySQL has no RETURNING; its insert answers the new id instead.
    const [inserted] =
      this.dialect.engine === 'mysql'
        ? await this.db(RUNS).insert(row)
        : await this.db(RUNS).insert(row, ['id']);
    return Number(typeof inserted === 'object' ? inserted.id : inserted);
  }

  async finishRun(id: number, outcome: RunOutcome): Promise<void> {
    await this.db<RunRow>(RUNS)
      .where({ id })
      .update({
        status: outcome.status,
        finished_at: toDbTimestamp(new Date()),
        entities_evaluated: outcome.entitiesEvaluated,
        results_written: outcome.resultsWritten,
        results_deleted: outcome.resultsDeleted,
        error: outcome.error ?? null,
      });
  }

  async listRuns(options?: { limit?: number }): Promise<RunRecord[]> {
    const rows = await this.selectRuns()
      .orderBy('id', 'desc')
      .limit(options?.limit ?? DEFAULT_RUN_LIMIT);
    return rows.map(fromRunRow);
  }

  async getLastRun(options?: {
    status?: RunStatus;
    overCatalog?: true | { scorecardId: string };
  }): Promise<RunRecord | undefined> {
    const query = this.selectRuns().orderBy('id', 'desc').first();
    if (options?.status) {
      query.where({ status: options.status });
    }
    const over = options?.overCatalog;
    if (over === true) {
      query.whereNot('scope', 'like', ENTITY_SCOPE_PATTERN);
    } else if (over) {
      // Scopes are written by JSON.stringify, so they compare as text.
      query.whereIn('scope', [
        JSON.stringify({}),
        JSON.stringify({ scorecardId: over.scorecardId }),
      ]);
    }
    const row = await query;
    return row ? fromRunRow(row) : undefined;
  }

  async getEntityEvaluatedAt(entityRef: string): Promise<EntityEvaluatedAt> {
    const ref = entityRef.toLocaleLowerCase('en-US');
    const evaluated: EntityEvaluatedAt = { byScorecard: new Map() };
    // Newest first, the succeeded runs over the catalog and over this
    // entity (the pattern may match more; the scope is checked below),
    // down to the latest run over everything: older runs add nothing.
    let before: number | undefined;
    for (;;) {
      const query = this.selectRuns()
        .where({ status: 'succeeded' })
        .whereNotNull('finished_at')
        .andWhere(q =>
          q
            .whereNot('scope', 'like', ENTITY_SCOPE_PATTERN)
            .orWhereRaw('lower(scope) like ?', [
              `%"entityref":${JSON.stringify(ref)}%`,
            ]),
        )
        .orderBy('id', 'desc')
        .limit(RUN_SCAN_PAGE);
      if (before !== undefined) {
        query.where('id', '<', before);
      }
      const rows: RunRow[] = await query;
      for (const row of rows) {
        const run = fromRunRow(row);
        const { scorecardId, entityRef: runRef } = run.scope;
        if (runRef !== undefined && runRef.toLocaleLowerCase('en-US') !== ref) {
          continue;
        }
        const finished = run.finishedAt!;
        if (scorecardId === undefined) {
          evaluated.all = latestDate(evaluated.all, finished);
          if (runRef === undefined) {
            return evaluated;
          }
        } else {
          evaluated.byScorecard.set(
            scorecardId,
            latestDate(evaluated.byScorecard.get(scorecardId), finished)!,
          );
        }
      }
      if (rows.length < RUN_SCAN_PAGE) {
        return evaluated;
      }
      before = Number(rows[rows.length - 1].id);
    }
  }

  async pruneRuns(before: Date): Promise<number> {
    const last = await this.getLastRun({ status: 'succeeded' });
    const query = this.db<RunRow>(RUNS)
      .whereNot({ status: 'running' })
      .andWhere('started_at', '<', toDbTimestamp(before));
    if (last) {
      query.andWhere('id', '<', last.id);
    }
    return await query.delete();
  }

  async failStaleRuns(olderThan: Date): Promise<number> {
    await this.stagingConnection();
    return this.db.transaction(async trx => {
      const stale = await trx<RunRow>(RUNS)
        .where({ status: 'running' })
        .andWhere('started_at', '<', toDbTimestamp(olderThan))
        .pluck('id');
      if (stale.length === 0) {
        return 0;
      }
      await trx<RunRow>(RUNS)
        .whereIn('id', stale)
        .update({
          status: 'failed',
          finished_at: toDbTimestamp(new Date()),
          error: 'interrupted',
        });
      // On better-sqlite3 too: rows staged there before staging moved to
      // the connection's temporary table.
      await trx(PENDING).whereIn('run_id', stale).delete();
      if (this.staging !== PENDING) {
        await trx(this.staging).whereIn('run_id', stale).delete();
      }
      for (const runId of stale) {
        this.stagedOn.delete(runId);
      }
      return stale.length;
    });
  }

  async scorecardsWithResults(scorecardIds: string[]): Promise<Set<string>> {
    const stored = new Set(await this.storedScorecardIds());
    return new Set(scorecardIds.filter(id => stored.has(id)));
  }

  async getResultHashes(
    keys: ResultKey[],
  ): Promise<Array<StoredFingerprint | undefined>> {
    // One query per chunk of entity refs for all the scorecards asked
    // about (a page of the catalog is one query, not one per scorecard);
    // rows of pairs not asked about are dropped here. A row is placed by
    // the positions of its scorecard and its ref among those asked, with
    // no string key per result on either side: at 100k entities on SQLite,
    // a re-run's lookups took 0.55-0.62 s instead of 0.65-0.70 s (four runs
    // each), and the evaluator's own work per result shrank too.
    const scorecardIds: string[] = [];
    const refs: string[] = [];
    const scorecardIndex = new Map<string, number>();
    const refIndex = new Map<string, number>();
    const keyScorecard = new Int32Array(keys.length);
    const keyRef = new Int32Array(keys.length);
    for (let k = 0; k < keys.length; k++) {
      const { scorecardId, entityRef } = keys[k];
      let s = scorecardIndex.get(scorecardId);
      if (s === undefined) {
        s = scorecardIds.push(scorecardId) - 1;
        scorecardIndex.set(scorecardId, s);
      }
      let r = refIndex.get(entityRef);
      if (r === undefined) {
        r = refs.push(entityRef) - 1;
        refIndex.set(entityRef, r);
      }
      keyScorecard[k] = s;
      keyRef[k] = r;
    }
    // The first key asked for the scorecard at s and the ref at r:
    // keyAt[s * refs + r].
    const keyAt = new Int32Array(scorecardIds.length * refs.length).fill(-1);
    for (let k = 0; k < keys.length; k++) {
      const at = keyScorecard[k] * refs.length + keyRef[k];
      if (keyAt[at] < 0) {
        keyAt[at] = k;
      }
    }

    const hashes = new Array<StoredFingerprint | undefined>(keys.length);
    const found = (
      s: number,
      r: number,
      resultHash: string,
      inputStamp: string | null,
    ) => {
      const k = keyAt[s * refs.length + r];
      if (k >= 0) {
        hashes[k] = { resultHash, inputStamp: inputStamp ?? undefined };
      }
    };
    // A key asked twice gets the answer of its first time.
    const answerRepeats = () => {
      for (let k = 0; k < keys.length; k++) {
        const first = keyAt[keyScorecard[k] * refs.length + keyRef[k]];
        if (first !== k) {
          hashes[k] = hashes[first];
        }
      }
      return hashes;
    };
    if (this.betterSqlite) {
      await this.getResultHashesPrepared(scorecardIds, refs, found);
      return answerRepeats();
    }
    for (let from = 0; from < refs.length; from += LOOKUP_CHUNK) {
      const refsChunk = refs.slice(from, from + LOOKUP_CHUNK);
      const query = this.db<ResultRow>(STAMPS).whereIn(
        'scorecard_id',
        scorecardIds,
      );
      // PostgreSQL: one array parameter instead of one per ref.
      const rows = await (this.dialect.engine === 'pg'
        ? query.whereRaw('entity_ref = ANY(?)', [refsChunk])
        : query.whereIn('entity_ref', refsChunk)
      ).select('scorecard_id', 'entity_ref', 'result_hash', 'input_stamp');
      for (const row of rows) {
        const s = scorecardIndex.get(row.scorecard_id);
        const r = refIndex.get(row.entity_ref);
        if (s !== undefined && r !== undefined) {
          found(s, r, row.result_hash, row.input_stamp);
        }
      }
    }
    return answerRepeats();
  }

  /**
   * better-sqlite3: the lookup as one prepared statement, reused for every
   * chunk, instead of a statement that Knex builds and SQLite prepares for
   * every page. The scorecards and refs go as two JSON arrays, and each row
   * names its scorecard and ref by their positions in them: no parameter
   * per ref, and no strings for the two of every row.
   */
  private async getResultHashesPrepared(
    scorecardIds: string[],
    refs: string[],
    found: (
      s: number,
      r: number,
      resultHash: string,
      inputStamp: string | null,
    ) => void,
  ) {
    // The arrays first (cross join keeps that order): each pair is one
    // probe of the primary key.
    const sql = `select s.key, e.key, r.result_hash, r.input_stamp
      from json_each(?) s
      cross join json_each(?) e
      cross join ${STAMPS} r
      where r.scorecard_id = s.value and r.entity_ref = e.value`;
    const scorecardsJson = JSON.stringify(scorecardIds);
    await withBetterSqlite(this.db, sqlite => {
      const select = sqlite.statement(sql, { raw: true });
      for (let from = 0; from < refs.length; from += LOOKUP_CHUNK) {
        const rows = select.all([
          scorecardsJson,
          JSON.stringify(refs.slice(from, from + LOOKUP_CHUNK)),
        ]) as Array<[number, number, string, string | null]>;
        for (const [s, e, resultHash, inputStamp] of rows) {
          found(s, from + e, resultHash, inputStamp);
        }
      }
    });
  }

  async updateInputStamps(stamps: InputStampUpdate[]): Promise<void> {
    if (stamps.length === 0) {
      return;
    }
    if (this.dialect.engine === 'pg') {
      // One statement per chunk, the values as four array parameters, on
      // the narrow stamps (see STAMPS). Rows another transaction holds are
      // skipped, not waited for: a running run holds the results it wrote
      // until it commits (see `writeInRun`), and that run may be this one,
      // asking to stamp an entity it met twice.
      for (const part of chunk(stamps, STAMP_CHUNK)) {
        const updated = await this.db.raw(
          `with v as (
             select * from unnest(?::text[], ?::text[], ?::text[], ?::text[])
               as v(scorecard_id, entity_ref, result_hash, input_stamp)
           ), free as (
             select r.scorecard_id, r.entity_ref, v.input_stamp
             from ${STAMPS} r
             join v on r.scorecard_id = v.scorecard_id
               and r.entity_ref = v.entity_ref
               and r.result_hash = v.result_hash
             for update of r skip locked
           )
           update ${STAMPS} r set input_stamp = free.input_stamp
           from free
           where r.scorecard_id = free.scorecard_id
             and r.entity_ref = free.entity_ref`,
          [
            part.map(u => u.scorecardId),
            part.map(u => u.entityRef),
            part.map(u => u.resultHash),
            part.map(u => u.inputStamp),
          ],
        );
        this.rowsRestamped += Number(updated.rowCount ?? 0);
      }
      return;
    }
    const sql = `update ${STAMPS} set input_stamp = ?
      where scorecard_id = ? and entity_ref = ? and result_hash = ?`;
    const values = (u: InputStampUpdate) => [
      u.inputStamp,
      u.scorecardId,
      u.entityRef,
      u.resultHash,
    ];
    if (this.betterSqlite) {
      await withBetterSqlite(this.db, sqlite => {
        const update = sqlite.statement(sql);
        sqlite.transaction(() => {
          for (const u of stamps) {
            update.run(values(u));
          }
        });
      });
      return;
    }
    for (const part of chunk(stamps, STAMP_CHUNK)) {
      await this.db.transaction(async trx => {
        for (const u of part) {
          await trx.raw(sql, values(u));
        }
      });
    }
  }

  async stageResults(
    runId: number,
    rows: EntityResultRow[],
    options?: StageResultsOptions,
  ): Promise<void> {
    if (this.dialect.engine === 'pg' && options?.at) {
      const writer = await this.runWriter(
        runId,
        options.at,
        options.lockTimeoutMs,
      );
      await this.writeInRun(runId, writer, rows);
      return;
    }
    if (this.betterSqlite) {
      await this.stageResultsPrepared(runId, rows);
      return;
    }
    if (this.dialect.engine !== 'pg') {
      await this.stageResultsByInsert(runId, rows);
      return;
    }
    // PostgreSQL: the rows arrive with COPY, unless one of them is staged
    // already (the catalog shifted between pages, so the run met an entity
    // twice): COPY cannot update a row, and then loads none of them.
    try {
      await copyRows(
        this.db,
        PENDING,
        PENDING_COLUMNS,
        rows.map(row => pendingValues(runId, row)),
      );
      return;
    } catch (error) {
      if (!isUniqueViolation(error)) {
        throw error;
      }
    }
    await this.stageResultsByJson(runId, rows);
  }

  /**
   * PostgreSQL, for rows that may be staged already: one upsert per batch
   * that reads the rows from one JSON parameter. Against a multi-row VALUES
   * insert, this halved the time and the CPU of staging (measured with 20k
   * results of ~1 kB): no statement with ~20 bindings per row to build,
   * send and parse.
   */
  private async stageResultsByJson(
    runId: number,
    rows: EntityResultRow[],
  ): Promise<void> {
    let batch: string[] = [];
    let batchChars = 0;
    const seen = new Set<string>();
    for (const row of rows) {
      // A run may meet an entity twice when the catalog shifts between
      // pages; within one statement, the upsert may touch a row only once.
      const key = resultHashKey(row);
      if (seen.has(key)) {
        await this.insertPendingJson(runId, batch);
        batch = [];
        batchChars = 0;
        seen.clear();
      }
      seen.add(key);
      const json = JSON.stringify(toResultColumns(row));
      if (batch.length > 0 && batchChars + json.length > STAGE_MAX_CHARS) {
        await this.insertPendingJson(runId, batch);
        batch = [];
        batchChars = 0;
        seen.clear();
        seen.add(key);
      }
      batch.push(json);
      batchChars += json.length;
    }
    if (batch.length > 0) {
      await this.insertPendingJson(runId, batch);
    }
  }

  /** PostgreSQL: stages rows given as JSON objects of {@link ResultColumns}. */
  private async insertPendingJson(runId: number, rows: string[]) {
    if (rows.length === 0) {
      return;
    }
    const json = `[${rows.join(',')}]`;
    const upsert = this.dialect.upsertClause(
      ['run_id', 'scorecard_id', 'entity_ref'],
      RESULT_VALUE_COLUMNS,
    );
    const columns = ['run_id', ...RESULT_COLUMNS].join(', ');
    await this.db.raw(
      `insert into ${PENDING} (${columns})
       select ?, ${RESULT_COLUMNS.map(c => `r.${c}`).join(', ')}
       from json_populate_recordset(null::${PENDING}, cast(? as json)) r
       ${upsert}`,
      [runId, json],
    );
  }

  /**
   * better-sqlite3: one prepared single-row upsert, run for every row in one
   * transaction. Measured at 100k entities (182k results), this stages in
   * less than half the time of multi-row inserts built by Knex, which SQLite
   * has to parse and plan anew for every batch.
   */
  private async stageResultsPrepared(runId: number, rows: EntityResultRow[]) {
    const sql = `insert into ${STAGED} (run_id, ${RESULT_COLUMNS.join(', ')})
      values (?, ${RESULT_COLUMNS.map(() => '?').join(', ')})
      ${this.dialect.upsertClause(
        ['run_id', 'scorecard_id', 'entity_ref'],
        RESULT_VALUE_COLUMNS,
      )}`;
    await withBetterSqlite(this.db, sqlite => {
      sqlite.once(STAGED, STAGED_SQL);
      this.checkStagedOn(runId, sqlite.connectionId);
      this.stagedOn.set(runId, sqlite.connectionId);
      const insert = sqlite.statement(sql);
      sqlite.transaction(() => {
        for (const row of rows) {
          insert.run(pendingValues(runId, row));
        }
      });
    });
  }

  private async stageResultsByInsert(
    runId: number,
    rows: EntityResultRow[],
  ): Promise<void> {
    const maxRows = Math.min(
      STAGE_MAX_ROWS,
      await this.dialect.rowsPerInsert(PENDING_COLUMN_COUNT),
    );
    let batch: PendingRow[] = [];
    let batchChars = 0;
    for (const row of rows) {
      const pending = { run_id: runId, ...toResultColumns(row) };
      const chars = pending.rule_results.length + pending.failing_rules.length;
      if (
        batch.length > 0 &&
        (batch.length >= maxRows || batchChars + chars > STAGE_MAX_CHARS)
      ) {
        await this.insertPending(batch);
        batch = [];
        batchChars = 0;
      }
      batch.push(pending);
      batchChars += chars;
    }
    if (batch.length > 0) {
      await this.insertPending(batch);
    }
  }

  async commitRun(
    runId: number,
    options: CommitRunOptions,
  ): Promise<{ written: number; deleted: number }> {
    const { dialect } = this;
    // Asked before the transaction: SQLite's single connection is taken by it.
    const deleteChunk = Math.min(
      REMOVAL_DELETE_CHUNK,
      (await dialect.maxBindings()) - 1,
    );
    if (this.betterSqlite) {
      this.checkStagedOn(runId, await this.stagingConnection());
    }

    const writer = this.runWriters.get(runId);
    let outcome: { written: number; deleted: number };
    if (writer) {
      this.runWriters.delete(runId);
      outcome = await this.commitRunWriter(await writer, options, deleteChunk);
    } else {
      outcome = await this.db.transaction(async trx => {
        if (!(await this.insertNewPending(trx, runId, options.at))) {
          const source = {
            from: `${this.staging} p`,
            where: 'p.run_id = ?',
            bindings: [runId],
            at: options.at,
          };
          const merge = this.mergeStatements(trx, source);
          await merge.history;
          if (this.dialect.engine === 'sqlite') {
            for (const upsert of this.sqliteUpserts(trx, source)) {
              await upsert;
            }
          } else {
            await merge.upsert;
          }
          await merge.stamps;
        }
        const written = await this.deletePending(trx, runId);
        const deleted = await this.deleteRemovals(trx, options, deleteChunk);
        return { written, deleted };
      });
    }
    const restamped = this.rowsRestamped;
    this.rowsRestamped = 0;
    const written = outcome.written + outcome.deleted;
    await this.refreshStatistics({
      results: written,
      stamps: written + restamped,
    });
    return outcome;
  }

  /**
   * Commits a run's staged results by plain inserts when none of them has
   * a stored result (a first run, a scorecard just added): each result and
   * its history row, with no comparison with a current result and no
   * upsert. As in `insertNewInRun`, the results' primary key decides: the
   * first staged result that is stored already fails the insert, which is
   * undone to its savepoint, and false is returned for the merge to write
   * them. The results go first, so that a re-run's attempt fails at its
   * first row, before any history is written. At 100k entities on SQLite
   * this took a first run's commit from about 3.2 s to 2.6-2.8 s.
   *
   * On SQLite, the history and the stamps are then read from the results
   * just inserted rather than from the staged rows: those are the rows
   * after the results' last rowid before the insert (SQLite gives each new
   * row the next rowid while it can), in the order they were inserted, so
   * one sequential read, where the staged rows are read in key order, a
   * row here and a row there in the temporary file. At 100k entities this
   * took writing the history from about 0.8 s to 0.4 s and the stamps
   * from about 0.7 s to 0.35 s.
   */
  private async insertNewPending(
    trx: Knex.Transaction,
    runId: number,
    at: Date,
  ): Promise<boolean> {
    const statements = this.insertStatements(trx, {
      from: `${this.staging} p`,
      where: 'p.run_id = ?',
      bindings: [runId],
      at,
    });
    await trx.raw(`savepoint ${NEW_ROWS_SAVEPOINT}`);
    try {
      const lastRowid =
        this.dialect.engine === 'sqlite'
          ? await this.lastResultRowid(trx)
          : undefined;
      await statements.insert;
      const { history, stamps } =
        lastRowid === undefined
          ? statements
          : this.insertStatements(trx, {
              from: `${RESULTS} p`,
              where: 'p.rowid > ?',
              bindings: [lastRowid],
              at,
              // Inserted in key order (see insertStatements).
              inKeyOrder: true,
            });
      await history;
      await stamps;
      await trx.raw(`release savepoint ${NEW_ROWS_SAVEPOINT}`);
      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) {
        throw error;
      }
      await trx.raw(`rollback to savepoint ${NEW_ROWS_SAVEPOINT}`);
      return false;
    }
  }

  /**
   * SQLite: the results' greatest rowid (0 when there is none), while new
   * rows are sure to come after it: SQLite picks rowids at random once the
   * greatest is the largest it can hold, and JavaScript numbers lose
   * precision long before that, so well below, undefined.
   */
  private async lastResultRowid(
    trx: Knex.Transaction,
  ): Promise<number | undefined> {
    const [{ last }] = await trx(RESULTS).max({ last: 'rowid' });
    const rowid = Number(last ?? 0);
    return Number.isSafeInteger(rowid) && rowid < 2 ** 52 ? rowid : undefined;
  }

  /** Deletes the results the commit's removals do not keep; how many. */
  private async deleteRemovals(
    trx: Knex.Transaction,
    options: CommitRunOptions,
    deleteChunk: number,
  ): Promise<number> {
    let deleted = 0;
    for (const [scorecardId, keep] of options.removals?.keep ?? []) {
      deleted += await this.deleteResultsNotKept(trx, scorecardId, {
        keep,
        deleteChunk,
      });
    }
    return deleted;
  }

  /**
   * The statements that make the rows of `from` (aliased `p`, filtered by
   * `where`) current: the first records history for those whose level,
   * score or failing rules differ from their current result, the second
   * upserts them. The first must run before the second, or with it in one
   * statement: it compares with the results as they were. A third upserts
   * their stamps (see STAMPS).
   */
  private mergeStatements(
    trx: Knex.Transaction,
    source: MergeSource,
  ): { history: Knex.Raw; upsert: Knex.Raw; stamps: Knex.Raw } {
    const { dialect } = this;
    const { changed, joinResults } = this.mergeParts(source);
    const history = trx.raw(
      `insert into ${HISTORY} (${HISTORY_COLUMNS})
       select ${historyValues(dialect.timestampParameter())}
       ${joinResults}
       where ${source.where} and (${changed})`,
      [toDbTimestamp(source.at), ...source.bindings],
    );
    return {
      history,
      upsert: this.upsertStatement(trx, source),
      stamps: this.stampsStatement(trx, source, { upsert: true }),
    };
  }

  /**
   * The statement that writes the stamps of the rows of `source` (see
   * STAMPS): inserts them, in key order, or upserts them when `upsert`.
   */
  private stampsStatement(
    trx: Knex.Transaction,
    source: MergeSource,
    options: { upsert: boolean },
  ): Knex.Raw {
    const keyOrder =
      this.dialect.engine === 'pg'
        ? 'p.entity_ref, p.scorecard_id'
        : 'p.scorecard_id, p.entity_ref';
    let tail = source.inKeyOrder ? '' : `order by ${keyOrder}`;
    if (options.upsert) {
      tail = this.dialect.upsertClause(
        ['entity_ref', 'scorecard_id'],
        ['result_hash', 'input_stamp'],
      );
    }
    return trx.raw(
      `insert into ${STAMPS} (${STAMP_COLUMNS})
       select p.entity_ref, p.scorecard_id, p.result_hash, p.input_stamp
       from ${source.from} where ${source.where}
       ${tail}`,
      source.bindings,
    );
  }

  /**
   * The upsert of {@link mergeStatements} split by what changes, for
   * SQLite. An update in SQLite rewrites a row's entry in every index that
   * holds a column the statement sets, changed or not; the one upsert sets
   * every column, so each of a re-run's changed results rewrote its entry
   * in all six of the results' indexes. Here a result whose owner, name,
   * level and score are as stored (most changes: a fact or a message)
   * rewrites only the entry by time, and one whose owner and name are as
   * stored also those by level and score. The three sets of rows are
   * disjoint, and an update can only move a row into the set of an
   * earlier statement (its columns then equal the staged ones), so in
   * this order each row is written once. On a copy of the benchmark's
   * 100k-entity database, upserting 9,119 changed results (a quarter of
   * them with a new score) took 500 ms instead of 590 ms, and 390 ms with
   * the hash left out of SQLite's index by entity ref (see its migration).
   */
  private sqliteUpserts(
    trx: Knex.Transaction,
    source: MergeSource,
  ): Knex.Raw[] {
    const same = (columns: string[]) =>
      columns.map(c => `r.${c} = p.${c}`).join(' and ');
    const without = (columns: string[]) =>
      RESULT_VALUE_COLUMNS.filter(c => !columns.includes(c));
    return [
      this.upsertStatement(trx, source, {
        where: `r.scorecard_id is not null
          and ${same([...SORTED_ENTITY_COLUMNS, ...SORTED_RESULT_COLUMNS])}`,
        set: without([...SORTED_ENTITY_COLUMNS, ...SORTED_RESULT_COLUMNS]),
      }),
      this.upsertStatement(trx, source, {
        where: `r.scorecard_id is not null
          and ${same(SORTED_ENTITY_COLUMNS)}
          and not (${same(SORTED_RESULT_COLUMNS)})`,
        set: without(SORTED_ENTITY_COLUMNS),
      }),
      this.upsertStatement(trx, source, {
        where: `r.scorecard_id is null or not (${same(SORTED_ENTITY_COLUMNS)})`,
        set: RESULT_VALUE_COLUMNS,
      }),
    ];
  }

  /**
   * Upserts the rows of `source` (those that also match `only.where`),
   * setting the columns `only.set` (every value column by default) of
   * those with a stored result. A row's state starts at `at` when its
   * level, score or failing rules differ from the stored ones.
   */
  private upsertStatement(
    trx: Knex.Transaction,
    source: MergeSource,
    only: { where: string; set: string[] } = {
      where: 'true',
      set: RESULT_VALUE_COLUMNS,
    },
  ): Knex.Raw {
    const { dialect } = this;
    const { changed, joinResults } = this.mergeParts(source);
    const columns = [...RESULT_COLUMNS, 'state_since'];
    return trx.raw(
      `insert into ${RESULTS} (${columns.join(', ')})
       select ${RESULT_COLUMNS.map(c => `p.${c}`).join(', ')},
         case when ${changed} then ${dialect.timestampParameter()} else r.state_since end
       ${joinResults}
       where ${source.where} and (${only.where})
       ${dialect.upsertClause(
         ['scorecard_id', 'entity_ref'],
         [...only.set, 'state_since'],
       )}`,
      [toDbTimestamp(source.at), ...source.bindings],
    );
  }

  /**
   * Of a merge of `source` with the stored results `r`: the condition of a
   * row whose level, score or failing rules changed (or that is new), and
   * the `from` clause that joins the two.
   */
  private mergeParts(source: MergeSource) {
    const { dialect } = this;
    const changed = [
      'r.scorecard_id is null',
      dialect.textDiffers('r.level', 'p.level'),
      'r.score <> p.score',
      dialect.textDiffers('r.failing_rules', 'p.failing_rules'),
    ].join(' or ');
    const joinResults = `from ${source.from}
      left join ${RESULTS} r
        on r.scorecard_id = p.scorecard_id and r.entity_ref = p.entity_ref`;
    return { changed, joinResults };
  }

  /**
   * The statements that insert the rows of `from` (aliased `p`, filtered
   * by `where`) as new results, without comparing them with current ones:
   * each row's history, and the result (in key order, as the merge writes
   * them), its state starting at `at`; and its stamp. The insert fails on
   * a row whose result is stored already.
   */
  private insertStatements(
    trx: Knex.Transaction,
    source: MergeSource,
  ): { history: Knex.Raw; insert: Knex.Raw; stamps: Knex.Raw } {
    const timestamp = this.dialect.timestampParameter();
    const at = toDbTimestamp(source.at);
    const history = trx.raw(
      `insert into ${HISTORY} (${HISTORY_COLUMNS})
       select ${historyValues(timestamp)}
       from ${source.from} where ${source.where}`,
      [at, ...source.bindings],
    );
    const insert = trx.raw(
      `insert into ${RESULTS} (${RESULT_COLUMNS.join(', ')}, state_since)
       select ${RESULT_COLUMNS.map(c => `p.${c}`).join(', ')}, ${timestamp}
       from ${source.from} where ${source.where}
       order by p.scorecard_id, p.entity_ref`,
      [at, ...source.bindings],
    );
    return {
      history,
      insert,
      stamps: this.stampsStatement(trx, source, { upsert: false }),
    };
  }

  /**
   * PostgreSQL: the open transaction of run `runId`, begun with its first
   * staged rows (see {@link StageResultsOptions.at}).
   */
  private runWriter(
    runId: number,
    at: Date,
    lockTimeoutMs: number | undefined,
  ): Promise<RunWriter> {
    let writer = this.runWriters.get(runId);
    if (!writer) {
      writer = this.beginRunWriter(at, lockTimeoutMs);
      // Awaited by the stage that began it and by the commit or discard.
      writer.catch(() => {});
      this.runWriters.set(runId, writer);
    }
    return writer.then(w => {
      if (w.at.getTime() !== at.getTime()) {
        throw new Error(
          `Run ${runId} staged results at ${w.at.toISOString()} and now at ${at.toISOString()}; a run has one time`,
        );
      }
      return w;
    });
  }

  private async beginRunWriter(
    at: Date,
    lockTimeoutMs: number | undefined,
  ): Promise<RunWriter> {
    const trx = await this.db.transaction();
    try {
      if (lockTimeoutMs !== undefined) {
        // For this transaction only.
        await trx.raw(
          `set local lock_timeout = ${Math.max(1, Math.round(lockTimeoutMs))}`,
        );
      }
      // The rows of one write, before they are merged: dropped with the
      // transaction. No key, so a run that meets an entity twice loads
      // both, and the merge takes the later one.
      await trx.raw(
        `create temporary table ${RUN_BATCH}
           (like ${PENDING} including defaults, seq bigserial)
           on commit drop`,
      );
    } catch (error) {
      await trx.rollback().catch(() => {});
      throw error;
    }
    return { trx, at, written: 0, queued: [], queuedBytes: 0, allNew: true };
  }

  /**
   * Writes rows in the run's open transaction. The rows are encoded at
   * once and queued; one write at a time sends everything queued by then
   * (COPY, then one statement that merges it), so the caller goes on
   * evaluating while the database merges, and rows that arrive meanwhile
   * go in the next write. Each write needs this process to answer the
   * database a few times, between slices of evaluation; larger writes need
   * fewer answers per row. A write that fails fails the next call, or the
   * commit. The caller waits only when more than {@link RUN_QUEUE_BYTES} are
   * queued.
   */
  private async writeInRun(
    runId: number,
    writer: RunWriter,
    rows: EntityResultRow[],
  ): Promise<void> {
    if (writer.failure) {
      throw writer.failure;
    }
    for (const data of encodeCopyRows(
      rows.map(row => pendingValues(runId, row)),
    )) {
      writer.queued.push(data);
      writer.queuedBytes += data.length;
    }
    writer.sending ??= this.sendQueued(writer);
    while (writer.queuedBytes > RUN_QUEUE_BYTES && writer.step) {
      await writer.step.catch(() => {});
    }
  }

  /** Sends what is queued until nothing is; never rejects. */
  private async sendQueued(writer: RunWriter): Promise<void> {
    try {
      while (writer.queued.length > 0) {
        const data = writer.queued;
        writer.queued = [];
        writer.queuedBytes = 0;
        writer.step = this.mergeInRun(writer, data);
        await writer.step;
      }
    } catch (error) {
      writer.failure = isLockTimeout(error)
        ? new ConflictError(
            'Another scorecards run is writing results this run also writes, and did not finish in time. Try again when it has finished (GET /api/scorecards/runs lists the runs).',
            error,
          )
        : error;
      writer.queued = [];
      writer.queuedBytes = 0;
    } finally {
      writer.sending = undefined;
      writer.step = undefined;
    }
  }

  private async mergeInRun(writer: RunWriter, data: Buffer[]): Promise<void> {
    const { trx } = writer;
    await copyEncoded(trx, RUN_BATCH, PENDING_COLUMNS, data);
    if (writer.allNew && (await this.insertNewInRun(writer))) {
      return;
    }
    // In key order: the results' indexes then take their new entries in
    // runs of neighbouring keys rather than all over.
    const merge = this.mergeStatements(trx, {
      from: `(select distinct on (scorecard_id, entity_ref) *
              from ${RUN_BATCH}
              order by scorecard_id, entity_ref, seq desc) p`,
      where: 'true',
      bindings: [],
      at: writer.at,
    });
    // One round trip: the history, the stamps and the upsert in one
    // statement (the history reads the results as they were before it),
    // then emptying the batch.
    // The database waits for each answer to be read, and this process
    // reads it only between the slices of evaluation it is busy with.
    const [merged] = await trx.raw(
      `${withClause({ history: merge.history, stamps: merge.stamps })}
       ${merge.upsert.toQuery()};
       truncate ${RUN_BATCH}`,
    );
    writer.written += Number(merged.rowCount);
  }

  /**
   * Writes a batch of results that are all new (a first run, a scorecard
   * just added) by plain inserts: each row's history and its result, with
   * no comparison with a current result, no upsert and no deduplication.
   * At 100k entities this took the merges of a first run from about 7.6 s
   * to 6 s of the database's time, and the run from about 11 s to
   * 9.6-9.9 s.
   *
   * The results' primary key decides: when a row is there already (the
   * scorecard had results, another run wrote them since, or this run met
   * an entity twice), the insert fails, is undone to its savepoint, and
   * false is returned; this run's later batches are then merged. A
   * re-run's first batch fails at once, as nearly all its rows have a
   * result.
   */
  private async insertNewInRun(writer: RunWriter): Promise<boolean> {
    const { trx } = writer;
    const { history, insert, stamps } = this.insertStatements(trx, {
      from: `${RUN_BATCH} p`,
      where: 'true',
      bindings: [],
      at: writer.at,
    });
    try {
      const [, inserted] = await trx.raw(
        `savepoint ${NEW_ROWS_SAVEPOINT};
         ${withClause({ history, stamps })}
         ${insert.toQuery()};
         release savepoint ${NEW_ROWS_SAVEPOINT};
         truncate ${RUN_BATCH}`,
      );
      writer.written += Number(inserted.rowCount);
      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) {
        throw error;
      }
      await trx.raw(`rollback to savepoint ${NEW_ROWS_SAVEPOINT}`);
      writer.allNew = false;
      return false;
    }
  }

  private async commitRunWriter(
    writer: RunWriter,
    options: CommitRunOptions,
    deleteChunk: number,
  ): Promise<{ written: number; deleted: number }> {
    const { trx } = writer;
    try {
      // Every write sent and merged (or failed) first: the connection
      // answers one statement at a time.
      await writer.sending;
      if (options.at.getTime() !== writer.at.getTime()) {
        throw new Error(
          `A run that staged results at ${writer.at.toISOString()} cannot commit at ${options.at.toISOString()}`,
        );
      }
      if (writer.failure) {
        throw writer.failure;
      }
      const deleted = await this.deleteRemovals(trx, options, deleteChunk);
      await trx.commit();
      return { written: writer.written, deleted };
    } catch (error) {
      await trx.rollback().catch(() => {});
      throw error;
    }
  }

  /** Deletes a run's staged rows; how many there were. */
  private async deletePending(
    trx: Knex.Transaction,
    runId: number,
  ): Promise<number> {
    if (this.dialect.engine === 'sqlite') {
      // When no other run has staged rows, all rows go at once: SQLite then
      // frees the table's pages without visiting (and journaling) every
      // row, which at 180k staged results took a fifth of the time. The
      // transaction holds SQLite's only connection, so no run can stage
      // rows between the check and the delete.
      const other = await trx(this.staging)
        .whereNot({ run_id: runId })
        .first('run_id');
      if (!other) {
        return trx(this.staging).delete();
      }
    }
    return trx(this.staging).where({ run_id: runId }).delete();
  }

  /**
   * PostgreSQL plans the per-page hash lookups from table statistics; right
   * after a bulk write they are stale and the planner scans a whole
   * scorecard per lookup (seconds per page at 100k entities). Autovacuum
   * catches up only later, so large commits vacuum and analyze the results
   * and their stamps (which the lookups read) at once: at 100k entities a
   * page's lookup went from about 7 ms to 1 ms. The vacuum also marks the
   * stamps' pages all-visible, so that the lookups read their key alone. A
   * commit that changed a small share of the rows leaves the statistics
   * right and skips this (see {@link statisticsStale}).
   */
  private async refreshStatistics(rowsChanged: {
    /** Results written or deleted. */
    results: number;
    /** Stamps written, deleted or updated (restamps change only these). */
    stamps: number;
  }) {
    if (
      this.dialect.engine !== 'pg' ||
      rowsChanged.stamps < ANALYZE_THRESHOLD
    ) {
      return;
    }
    const counted = `(select reltuples from pg_class
      where oid = cast(? as regclass))`;
    const { rows } = await this.db.raw(
      `select ${counted} as results, ${counted} as stamps`,
      [RESULTS, STAMPS],
    );
    const stale = [
      [RESULTS, rowsChanged.results, rows[0]?.results],
      [STAMPS, rowsChanged.stamps, rows[0]?.stamps],
    ]
      .filter(([, changed, count]) =>
        statisticsStale(Number(changed), Number(count ?? -1)),
      )
      .map(([table]) => table);
    if (stale.length > 0) {
      await this.db.raw(`vacuum (analyze) ${stale.join(', ')}`);
    }
  }

  async discardRun(runId: number): Promise<void> {
    const writer = this.runWriters.get(runId);
    if (writer) {
      this.runWriters.delete(runId);
      // Nothing to undo when the transaction never began; and when the
      // rollback fails, the connection is lost, which rolls back as well.
      const began = await writer.catch(() => undefined);
      if (began) {
        await began.sending;
        await began.trx.rollback().catch(() => {});
      }
    }
    if (this.betterSqlite) {
      await this.stagingConnection();
      this.stagedOn.delete(runId);
    }
    await this.db(this.staging).where({ run_id: runId }).delete();
  }

  async deleteScorecardsExcept(ids: string[]): Promise<number> {
    const configured = new Set(ids);
    const gone = (await this.storedScorecardIds()).filter(
      id => !configured.has(id),
    );
    if (gone.length === 0) {
      return 0;
    }
    return this.db.transaction(async (trx): Promise<number> => {
      await trx(STAMPS).whereIn('scorecard_id', gone).delete();
      return trx(RESULTS).whereIn('scorecard_id', gone).delete();
    });
  }

  /**
   * The scorecard ids that have results, one index seek each: a `not in`
   * delete would read every result to find none gone (about 0.2 s per run
   * at 100k entities on SQLite).
   */
  private async storedScorecardIds(): Promise<string[]> {
    const found: string[] = [];
    let after: string | undefined;
    for (;;) {
      const query = this.db(RESULTS).min({ id: 'scorecard_id' });
      if (after !== undefined) {
        query.where('scorecard_id', '>', after);
      }
      const [row] = await query;
      const id: string | null | undefined = row?.id;
      if (id === null || id === undefined) {
        return found;
      }
      found.push(id);
      after = id;
    }
  }

  async writeDailyRollups(day: string, rollups: DailyRollups): Promise<void> {
    if (!DAY.test(day)) {
      throw new TypeError(`Rollup day must be YYYY-MM-DD, got "${day}"`);
    }
    const scorecardIds = [
      ...new Set(rollups.scorecards.map(r => r.scorecardId)),
    ];
    if (scorecardIds.length === 0) {
      return;
    }
    const computedAt = toDbTimestamp(new Date());
    const facetsById = new Map(
      (rollups.facets ?? []).map(({ scorecardId, ...facets }) => [
        scorecardId,
        facets,
      ]),
    );
    const facetsOf = (r: { scorecardId: string; owner: string }) => {
      const facets =
        r.owner === ROLLUP_ORGANISATION
          ? facetsById.get(r.scorecardId)
          : undefined;
      return facets ? JSON.stringify(facets) : null;
    };
    const dailyRows = rollups.scorecards.map(r => ({
      scorecard_id: r.scorecardId,
      day,
      owner: r.owner,
      entities: r.entities,
      score_sum: r.scoreSum,
      level_counts: JSON.stringify(r.levelCounts),
      facets: facetsOf(r),
      computed_at: computedAt,
    }));
    const ruleRows = rollups.rules.map(r => ({
      scorecard_id: r.scorecardId,
      day,
      owner: r.owner,
      rule_id: r.ruleId,
      applicable: r.applicable,
      passed: r.passed,
    }));
    // Asked before the transaction: SQLite's single connection is taken by it.
    const dailyBatch = await this.dialect.rowsPerInsert(8);
    const ruleBatch = await this.dialect.rowsPerInsert(6);

    await this.db.transaction(async trx => {
      for (const table of [DAILY, DAILY_RULES]) {
        await trx(table)
          .where({ day })
          .whereIn('scorecard_id', scorecardIds)
          .delete();
      }
      for (const rows of chunk(dailyRows, dailyBatch)) {
        await trx(DAILY).insert(rows);
      }
      for (const rows of chunk(ruleRows, ruleBatch)) {
        await trx(DAILY_RULES).insert(rows);
      }
    });
  }

  async pruneHistory(before: Date): Promise<PruneHistoryResult> {
    const cutoff = toDbTimestamp(before);
    const deleteChunk = Math.min(
      REMOVAL_DELETE_CHUNK,
      await this.dialect.maxBindings(),
    );
    const bounds = await this.db(HISTORY)
      .min({ low: 'id' })
      .max({ high: 'id' })
      .first();

    let historyDeleted = 0;
    if (bounds?.low !== null && bounds?.low !== undefined) {
      const high = Number(bounds.high);
      for (let low = Number(bounds.low); low <= high; low += PRUNE_ID_WINDOW) {
        // Selected, then deleted by id: MySQL cannot delete from a table that
        // its own subquery reads.
        const ids = await this.db(`${HISTORY} as h`)
          .whereBetween('h.id', [low, low + PRUNE_ID_WINDOW - 1])
          .andWhere('h.at', '<', cutoff)
          .andWhere(prunable =>
            prunable
              .whereExists(
                this.db(`${HISTORY} as n`)
                  .select(this.db.raw('1'))
                  .whereRaw('n.scorecard_id = h.scorecard_id')
                  .andWhereRaw('n.entity_ref = h.entity_ref')
                  .andWhere('n.at', '<', cutoff)
                  .andWhereRaw(
                    '(n.at > h.at or (n.at = h.at and n.id > h.id))',
                  ),
              )
              .orWhereNotExists(
                this.db(`${RESULTS} as r`)
                  .select(this.db.raw('1'))
                  .whereRaw('r.scorecard_id = h.scorecard_id')
                  .andWhereRaw('r.entity_ref = h.entity_ref'),
              ),
          )
          .pluck('h.id');
        for (const idChunk of chunk(ids, deleteChunk)) {
          historyDeleted += await this.db(HISTORY)
            .whereIn('id', idChunk)
            .delete();
        }
      }
    }

    const firstDay = before.toISOString().slice(0, 10);
    let rollupsDeleted = 0;
    for (const table of [DAILY, DAILY_RULES]) {
      rollupsDeleted += await this.db(table)
        .where('day', '<', firstDay)
        .delete();
    }
    return { historyDeleted, rollupsDeleted };
  }

  async getEntityResults(entityRef: string): Promise<EntityResultRow[]> {
    // Untyped: the timestamps are selected as expressions. The stamp is
    // the current one, from STAMPS: the results keep the one they were
    // written with.
    const rows: ResultRow[] = await this.db(`${RESULTS} as r`)
      .leftJoin(`${STAMPS} as s`, join =>
        join
          .on('s.scorecard_id', 'r.scorecard_id')
          .andOn('s.entity_ref', 'r.entity_ref'),
      )
      .where('r.entity_ref', entityRef)
      .orderBy('r.scorecard_id')
      .select(
        ...RESULT_COLUMNS.filter(
          c => c !== 'updated_at' && c !== 'input_stamp',
        ).map(c => `r.${c}`),
        's.input_stamp',
        this.dialect.selectTimestamp('r.updated_at'),
        this.dialect.selectTimestamp('r.state_since'),
      );
    return rows.map(fromResultRow);
  }

  async listCurrentEntityRefs(
    scorecardId: string,
    options: { after?: string; limit: number },
  ): Promise<string[]> {
    return this.currentEntityRefs(this.db, scorecardId, options);
  }

  private selectRuns(): Knex.QueryBuilder<RunRow, RunRow[]> {
    // Untyped: the timestamps are selected as expressions.
    return this.db(RUNS).select(
      'id',
      'trigger',
      'scope',
      'status',
      this.dialect.selectTimestamp('started_at'),
      this.dialect.selectTimestamp('finished_at'),
      'entities_evaluated',
      'results_written',
      'results_deleted',
      'error',
    );
  }

  private async insertPending(rows: PendingRow[]) {
    // A run may meet an entity twice when the catalog shifts between pages.
    await this.db(PENDING)
      .insert(rows)
      .onConflict(['run_id', 'scorecard_id', 'entity_ref'])
      .merge(RESULT_VALUE_COLUMNS);
  }

  private async currentEntityRefs(
    db: Knex,
    scorecardId: string,
    options: { after?: string; limit: number },
  ): Promise<string[]> {
    const query = db<ResultRow>(RESULTS)
      .where({ scorecard_id: scorecardId })
      .orderBy('entity_ref')
      .limit(options.limit);
    if (options.after !== undefined) {
      query.andWhere('entity_ref', '>', options.after);
    }
    return query.pluck('entity_ref');
  }

  private async deleteResultsNotKept(
    trx: Knex.Transaction,
    scorecardId: string,
    options: { keep: KeptEntityRefs; deleteChunk: number },
  ): Promise<number> {
    const { keep, deleteChunk } = options;
    // Every kept entity has a stored result by now (CommitRunOptions), so
    // when the scorecard has as many results as kept entities, none is
    // stale, and the refs need not be read (at 100k entities on
    // PostgreSQL, most of an unchanged run's commit).
    const [{ count }] = await trx(RESULTS)
      .where({ scorecard_id: scorecardId })
      .count({ count: '*' });
    if (Number(count) < keep.size) {
      // A kept entity has no result, yet the run counted it stored: only a
      // stamp left without its result does that, when a replica of an
      // earlier version (which knows no stamps) removed the result during
      // a rolling upgrade. Without the stamp, the next run writes it again.
      await trx.raw(
        `delete from ${STAMPS}
         where scorecard_id = ? and not exists (
           select 1 from ${RESULTS} r
           where r.scorecard_id = ${STAMPS}.scorecard_id
             and r.entity_ref = ${STAMPS}.entity_ref)`,
        [scorecardId],
      );
    }
    if (Number(count) === keep.size) {
      return 0;
    }
    let deleted = 0;
    let after: string | undefined;
    for (;;) {
      const refs = await this.currentEntityRefs(trx, scorecardId, {
        after,
        limit: REMOVAL_PAGE,
      });
      const gone = refs.filter(ref => !keep.has(ref));
      for (const goneChunk of chunk(gone, deleteChunk)) {
        deleted += await trx(RESULTS)
          .where({ scorecard_id: scorecardId })
          .whereIn('entity_ref', goneChunk)
          .delete();
        await trx(STAMPS)
          .where({ scorecard_id: scorecardId })
          .whereIn('entity_ref', goneChunk)
          .delete();
      }
      if (refs.length < REMOVAL_PAGE) {
        return deleted;
      }
      after = refs[refs.length - 1];
    }
  }
}
