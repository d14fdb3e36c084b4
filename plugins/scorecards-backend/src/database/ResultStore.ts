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

import { RuleResult } from './types';

/** What started a run. */
export type RunTrigger = 'schedule' | 'manual' | 'catalog-change' | 'outcome';

/** Where a run is in its life. */
export type RunStatus = 'running' | 'succeeded' | 'failed' | 'aborted';

/** What a run evaluates; both unset means everything. */
export interface RunScope {
  scorecardId?: string;
  entityRef?: string;
}

/** One evaluation run, as recorded. */
export interface RunRecord {
  id: number;
  trigger: RunTrigger;
  scope: RunScope;
  status: RunStatus;
  startedAt: Date;
  finishedAt?: Date;
  entitiesEvaluated: number;
  resultsWritten: number;
  resultsDeleted: number;
  error?: string;
}

/** When succeeded runs last evaluated one entity. */
export interface EntityEvaluatedAt {
  /** The latest run that evaluated every scorecard. */
  all?: Date;
  /** Later runs of one scorecard, by scorecard id. */
  byScorecard: Map<string, Date>;
}

/** The latest of some dates, leaving out missing ones. */
export function latestDate(
  ...dates: Array<Date | undefined>
): Date | undefined {
  let latest: Date | undefined;
  for (const date of dates) {
    if (date && (!latest || date > latest)) {
      latest = date;
    }
  }
  return latest;
}

/** When succeeded runs last evaluated an entity against a scorecard. */
export function evaluatedAtFor(
  evaluated: EntityEvaluatedAt,
  scorecardId: string,
): Date | undefined {
  return latestDate(evaluated.all, evaluated.byScorecard.get(scorecardId));
}

/** How a run ended. */
export interface RunOutcome {
  status: Exclude<RunStatus, 'running'>;
  entitiesEvaluated: number;
  resultsWritten: number;
  resultsDeleted: number;
  error?: string;
}

/** The facts about an entity stored beside its results, for filtering. */
export interface ResultEntity {
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  type?: string;
  lifecycle?: string;
  /** Full entity ref of the owner. */
  owner?: string;
  /** Full entity ref of the system. */
  system?: string;
}

/** The result of one scorecard for one entity. */
export interface EntityResultRow {
  scorecardId: string;
  entityRef: string;
  entity: ResultEntity;
  level: string;
  /** 0 is the base level; higher is better. */
  levelRank: number;
  score: number;
  rulesPassed: number;
  rulesFailed: number;
  failingRules: string[];
  rules: RuleResult[];
  /**
   * {@link EntityResultRow.rules} as the store keeps them
   * (`encodeRuleResults`), when the caller has that text already: the store
   * then writes it instead of encoding the rules again.
   */
  ruleResultsText?: string;
  resultHash: string;
  /**
   * What the result was computed from (see `inputStamp.ts`); absent when
   * it is not known, and then the next run evaluates the entity again.
   */
  inputStamp?: string;
  /**
   * When the current level, score and failing rules were first seen. Set by
   * {@link ResultStore.commitRun}; ignored when staging.
   */
  stateSince?: Date;
  updatedAt: Date;
}

/** Identifies the result of one scorecard for one entity. */
export interface ResultKey {
  scorecardId: string;
  entityRef: string;
}

/** What {@link ResultStore.getResultHashes} answers for a stored result. */
export interface StoredFingerprint {
  resultHash: string;
  inputStamp?: string;
}

/**
 * A new input stamp for a stored result, written only while the result
 * still has `resultHash`.
 */
export interface InputStampUpdate extends ResultKey {
  resultHash: string;
  inputStamp: string;
}

/** A result's key as one string, for maps and sets of results. */
export function resultHashKey(key: ResultKey): string {
  return `${key.scorecardId}\u0000${key.entityRef}`;
}

export interface StageResultsOptions {
  /**
   * The `at` the run's commit will be given ({@link CommitRunOptions.at}),
   * the same for every write of the run. With it, a store may write the
   * rows where they belong at once, in a transaction the run holds open
   * until its commit or discard (PostgreSQL does), instead of staging them
   * and copying them at the commit.
   */
  at?: Date;
  /**
   * How long a write of the run may wait for results another run holds
   * (PostgreSQL, with `at`) before the run fails with a `ConflictError`.
   * Unset, it waits until the other run ends.
   */
  lockTimeoutMs?: number;
}

export interface CommitRunOptions {
  /** When the committed results were seen; starts the state of changed ones. */
  at: Date;
  /**
   * Present after a complete scan of the catalog: for every scorecard id in
   * the map, the stored results of entities not in its set are deleted
   * (entities that left the catalog or no longer match the scorecard).
   * Every entity in a set has a stored result once the run's staged rows
   * are in: its result was unchanged (stored) or staged by this run. The
   * store relies on this to skip reading the stored refs when a scorecard
   * has exactly as many results as kept entities.
   */
  removals?: { keep: ReadonlyMap<string, KeptEntityRefs> };
}

/**
 * The entity refs a commit keeps results of, for one scorecard (a
 * `ReadonlySet<string>` is one): how many, and whether one is kept.
 */
export interface KeptEntityRefs {
  readonly size: number;
  has(entityRef: string): boolean;
}

/** The owner of rollups that cover the whole organisation. */
export const ROLLUP_ORGANISATION = '*';

/** The owner of rollups of entities without an owner. */
export const ROLLUP_UNOWNED = '';

/**
 * One scorecard's results on one day, for one owner: an owner entity ref,
 * {@link ROLLUP_ORGANISATION} or {@link ROLLUP_UNOWNED}.
 */
export interface ScorecardRollup {
  scorecardId: string;
  owner: string;
  entities: number;
  /** The sum of the entities' scores; the average is `scoreSum / entities`. */
  scoreSum: number;
  /** Entities per level name; levels without entities may be left out. */
  levelCounts: Record<string, number>;
}

/** One rule's outcomes on one day, for one owner (as in {@link ScorecardRollup}). */
export interface RuleRollup {
  scorecardId: string;
  ruleId: string;
  owner: string;
  /** Entities the rule passed or failed for; skipped ones do not count. */
  applicable: number;
  passed: number;
}

/**
 * The distinct kinds, types, lifecycles and systems of one scorecard's
 * entities on one day, each sorted: the choices of the entity table's filters.
 */
export interface FacetRollup {
  scorecardId: string;
  kinds: string[];
  types: string[];
  lifecycles: string[];
  /** System entity refs. */
  systems: string[];
}

/** What {@link ResultStore.writeDailyRollups} writes for one day. */
export interface DailyRollups {
  scorecards: ScorecardRollup[];
  rules: RuleRollup[];
  /**
   * Stored with the organisation-wide rollup of the same scorecard, which
   * must be among `scorecards`.
   */
  facets?: FacetRollup[];
}

/** How many rows {@link ResultStore.pruneHistory} deleted. */
export interface PruneHistoryResult {
  historyDeleted: number;
  rollupsDeleted: number;
}

/**
 * Stores runs, current results and their history. A run stages its results
 * and commits them at once, so readers never see half of a run and a failed
 * run never loses stored results.
 */
export interface ResultStore {
  createRun(options: { trigger: RunTrigger; scope: RunScope }): Promise<number>;
  finishRun(id: number, outcome: RunOutcome): Promise<void>;
  /** Newest first; 20 unless a limit is given. */
  listRuns(options?: { limit?: number }): Promise<RunRecord[]>;
  /**
   * The newest run, optionally of a status, and only of runs over the
   * catalog (`scorecardId` alone, or nothing, in their scope) that evaluate
   * the given scorecard when `overCatalog` is set (`true` for any).
   */
  getLastRun(options?: {
    status?: RunStatus;
    overCatalog?: true | { scorecardId: string };
  }): Promise<RunRecord | undefined>;
  /**
   * When succeeded runs last evaluated an entity: runs over the catalog or
   * over the entity, of every scorecard or of one. An unchanged result is
   * kept as it was, so this is later than the result's `updatedAt` when
   * nothing changed.
   */
  getEntityEvaluatedAt(entityRef: string): Promise<EntityEvaluatedAt>;
  /**
   * Marks runs still running that started before `olderThan` as failed and
   * drops what they staged; for runs of a replica that died. Returns how many.
   */
  failStaleRuns(olderThan: Date): Promise<number>;

  /**
   * Which of these scorecards have at least one stored result. A run need
   * not look up hashes for the others: on a first run, or for a scorecard
   * just added, every result is new.
   */
  scorecardsWithResults(scorecardIds: string[]): Promise<Set<string>>;
  /**
   * The current result hash and input stamp of each key, in the keys'
   * order: undefined where no result is stored.
   */
  getResultHashes(
    keys: ResultKey[],
  ): Promise<Array<StoredFingerprint | undefined>>;
  /**
   * Records the input of stored results a run found unchanged: their
   * result is what that input gives. Written at once, not with the run's
   * commit; a result whose hash is no longer `resultHash` (another run
   * changed it meanwhile) keeps its stamp.
   */
  updateInputStamps(stamps: InputStampUpdate[]): Promise<void>;
  /** Stages results of a running run; invisible until it is committed. */
  stageResults(
    runId: number,
    rows: EntityResultRow[],
    options?: StageResultsOptions,
  ): Promise<void>;
  /**
   * Makes everything the run staged current, in one transaction, and records
   * history for results whose level, score or failing rules changed.
   */
  commitRun(
    runId: number,
    options: CommitRunOptions,
  ): Promise<{ written: number; deleted: number }>;
  /** Drops what a failed or aborted run staged; stored results stay. */
  discardRun(runId: number): Promise<void>;
  /**
   * Deletes the current results of scorecards not in `ids` (no longer
   * configured). Returns how many.
   */
  deleteScorecardsExcept(ids: string[]): Promise<number>;

  /**
   * Replaces the rollups of `day` (`YYYY-MM-DD`, UTC) of every scorecard that
   * has a row in `rollups.scorecards`, in one transaction; other scorecards'
   * rollups of the day stay. Written after each complete run, so a day holds
   * the state of its last complete run.
   */
  writeDailyRollups(day: string, rollups: DailyRollups): Promise<void>;
  /**
   * Deletes history recorded before `before`, except each entity's latest
   * change before it while the entity still has a current result (so its
   * state can be carried forward into the retained range), and the rollups of
   * days before `before`'s day.
   */
  pruneHistory(before: Date): Promise<PruneHistoryResult>;
  /**
   * Deletes the records of runs that started before `before` and are no
   * longer running, except the latest successful run; returns how many.
   */
  pruneRuns(before: Date): Promise<number>;

  getEntityResults(entityRef: string): Promise<EntityResultRow[]>;
  /** Entity refs with a current result of the scorecard, in order, by key set. */
  listCurrentEntityRefs(
    scorecardId: string,
    options: { after?: string; limit: number },
  ): Promise<string[]>;
}
