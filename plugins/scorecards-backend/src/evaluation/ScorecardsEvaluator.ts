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

import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  BASE_LEVEL,
  CompiledScorecard,
  EvaluationInput,
  RuleResult,
  ScorecardResult,
} from '@openscorecards/plugin-scorecards-common';
import { ScorecardsFactProvider } from '@openscorecards/plugin-scorecards-node';
import {
  EntityResultRow,
  InputStampUpdate,
  KeptEntityRefs,
  ResultKey,
  ResultStore,
  RunTrigger,
  StoredFingerprint,
} from '../database/ResultStore';
import {
  decodeRuleResults,
  encodeRuleResults,
} from '../database/ruleResultsText';
import { EntityFacts, describeEntity } from './describeEntity';
import { hashResult } from './hashResult';
import {
  InputStamp,
  decodeInputStamp,
  encodeInputStamp,
  inputDigest,
  scorecardVersion,
  stampOf,
} from './inputStamp';
import { readCatalogInPages } from './readCatalogInPages';
import { RollupAccumulator, rollupDay } from './RollupAccumulator';

/** What to evaluate: everything, one scorecard, or one entity. */
export interface EvaluationRequest {
  trigger: RunTrigger;
  scorecardId?: string;
  entityRef?: string;
  signal?: AbortSignal;
}

export interface EvaluationSummary {
  runId: number;
  entitiesEvaluated: number;
  /**
   * Stored results counted as they were, without evaluating, because their
   * entity and scorecard had not changed since (see `inputStamp.ts`).
   */
  resultsReused: number;
  resultsWritten: number;
  resultsDeleted: number;
}

/**
 * Reads one item ahead of the consumer: the next catalog page is being
 * fetched while the current one is evaluated and stored. At most one item
 * is held beyond the one being consumed, so memory stays flat. An error of
 * the read ahead surfaces when the consumer asks for that item.
 *
 * @internal exported for tests
 */
export async function* readAhead<T>(
  source: AsyncIterable<T>,
): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  let done = false;
  try {
    for (;;) {
      const current = await next;
      if (current.done) {
        done = true;
        return;
      }
      next = iterator.next();
      // Awaited on the next turn; until then, not an unhandled rejection.
      next.catch(() => {});
      // A turn of the event loop before the consumer works, so that the
      // read ahead really starts: Node's HTTP client sends a request from
      // a process.nextTick callback, and those wait until no promise
      // continuation is left to run. The evaluator works in continuations
      // (on SQLite its lookups are synchronous too), so without this turn
      // the catalog's next request left only when the evaluator next
      // waited for I/O. At 100k entities the unchanged re-run spent most of
      // its time waiting for pages; with this turn it went from 5.5-6.0 s
      // to 2.9-3.4 s on SQLite and from 3.8-4.1 s to 3.2-3.4 s on
      // PostgreSQL, for a page-through of 1.9-2.5 s.
      await yieldToEventLoop();
      yield current.value;
    }
  } catch (error) {
    done = true;
    throw error;
  } finally {
    if (!done) {
      // The consumer stopped early: let the read in flight settle, then
      // close the source.
      await next.catch(() => {});
      await iterator.return?.(undefined);
    }
  }
}

/**
 * Longest stretch, in milliseconds, that evaluating a page keeps the event
 * loop to itself. Between stretches, I/O runs: the next catalog page keeps
 * arriving while this one is evaluated (its response is read on this
 * thread), and a backend that serves requests stays responsive. At 100k
 * entities this took the unchanged re-run from about 8 s to about 6.5 s,
 * most of the gain being time spent waiting for the catalog.
 */
const YIELD_MS = 5;

/** See the evaluator's `entityRunLockTimeoutMs`. */
const ENTITY_RUN_LOCK_TIMEOUT_MS = 15_000;

/**
 * Changed rows gathered before they are staged. A first run stages about a
 * page at a time (most rows are new); a re-run that changed 5% of 100k
 * entities stages 9k rows in 18 writes instead of 200.
 */
const STAGE_BATCH_ROWS = 500;

function yieldToEventLoop(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve));
}

/**
 * Lets go of entity `e` of a prepared page once its results are computed,
 * so that it can die young. The page's array is the one the catalog
 * client returned, still held by the catalog reader until the next page
 * arrives; emptying its slot releases the entity there too. Entities held
 * until their whole page was evaluated lived across minor collections and
 * were moved to the old generation, where they stayed as garbage until a
 * full collection: at 100k entities, most of the catalog's parsed JSON of
 * a run. With this and pages evaluated as they come (see `evaluate`),
 * measured at 100k over 3 interleaved runs each, peak RSS went from
 * 463-485 MB to 356-389 MB on SQLite and from 398-521 MB to 368-403 MB on
 * PostgreSQL; SQLite re-runs were also faster, with less to collect.
 */
function releaseEntity(prepared: PreparedPage, e: number) {
  prepared.page[e] = undefined;
  prepared.inputs[e] = undefined;
}

/**
 * A page ready for evaluation: result keys[i] is evaluated for entity
 * entityOf[i] with scorecard scorecardOf[i]; `stored` answers with the
 * stored hashes of the keys.
 */
interface PreparedPage {
  /**
   * The catalog's page. Each entity's slot (and its input's) is emptied once
   * its results are computed: see {@link releaseEntity}.
   */
  page: Array<Entity | undefined>;
  inputs: Array<EvaluationInput | undefined>;
  /** {@link inputDigest} of each input that has results ('' otherwise). */
  digests: string[];
  entityFacts: EntityFacts[];
  keys: ResultKey[];
  entityOf: number[];
  scorecardOf: number[];
  stored: Promise<Array<StoredFingerprint | undefined>>;
}

/** What the run knows of each scorecard, in the run's order. */
interface ScorecardContext {
  /** {@link scorecardVersion} */
  versions: string[];
  ruleIds: string[][];
}

/** What evaluating a page found. */
interface EvaluatedPage {
  /** Results that changed. */
  rows: EntityResultRow[];
  /** Unchanged results whose stored stamp is out of date. */
  stamps: InputStampUpdate[];
  /** Results counted as stored, not evaluated. */
  reused: number;
}

const PIPE = '|'.charCodeAt(0);
const DOT = '.'.charCodeAt(0);

/**
 * A changed result, waiting to be staged. Built by a constructor, not an
 * object literal: changed results live until their staging write, so V8
 * would tenure a literal's allocation site, and every row after that
 * would go to the old generation as garbage only a full collection frees
 * (at 100k entities, with the rule results likewise built by a
 * constructor, the first run's peak RSS went from about 530 to about 440
 * MB). It holds its rule results as the text that is stored (and hashed),
 * not as objects: one string instead of a few dozen objects per row while
 * it waits, and no second encoding when it is written.
 */
class ChangedResult implements EntityResultRow {
  readonly rulesFailed: number;

  constructor(
    readonly scorecardId: string,
    readonly entityRef: string,
    readonly entity: EntityFacts,
    readonly level: string,
    readonly levelRank: number,
    readonly score: number,
    readonly rulesPassed: number,
    readonly failingRules: string[],
    readonly ruleResultsText: string,
    readonly resultHash: string,
    readonly inputStamp: string | undefined,
    readonly updatedAt: Date,
  ) {
    this.rulesFailed = failingRules.length;
  }

  /** The rule results, read back from {@link ChangedResult.ruleResultsText}. */
  get rules(): RuleResult[] {
    return decodeRuleResults(this.ruleResultsText);
  }
}

/**
 * The stored stamp when it says the result is what the input gives now: the
 * same input (`version.digest`, compared in place: no string is built for
 * the result of an unchanged entity), not past its `validUntil`, and one
 * status per rule. Neither part holds a `|`, so the stamp's input ends at
 * its first one.
 */
function reusableStamp(
  text: string | undefined,
  version: string,
  digest: string,
  now: number,
  ruleCount: number,
): InputStamp | undefined {
  const end = version.length + 1 + digest.length;
  if (
    text === undefined ||
    text.length <= end ||
    text.charCodeAt(end) !== PIPE ||
    text.charCodeAt(version.length) !== DOT ||
    !text.startsWith(version) ||
    !text.startsWith(digest, version.length + 1)
  ) {
    return undefined;
  }
  const stamp = decodeInputStamp(text);
  if (
    stamp === undefined ||
    stamp.statuses.length !== ruleCount ||
    (stamp.validUntil !== undefined && now >= stamp.validUntil)
  ) {
    return undefined;
  }
  return stamp;
}

/** A scorecard's kept refs; a set of them is built when first asked. */
class KeptRefs implements KeptEntityRefs {
  readonly size: number;
  #set: Set<string> | undefined;

  constructor(private readonly refs: string[], unique: boolean) {
    if (!unique) {
      this.#set = new Set(refs);
    }
    this.size = this.#set?.size ?? refs.length;
  }

  has(entityRef: string): boolean {
    this.#set ??= new Set(this.refs);
    return this.#set.has(entityRef);
  }
}

/**
 * The entities a complete scan met with results, per scorecard: the
 * commit's removals keep their results. Each scorecard's refs are an array,
 * and one set of every ref tells whether the scan met an entity twice (the
 * catalog changed between pages). The commit mostly asks for the number of
 * refs alone, when it equals the number of stored results; per-scorecard
 * sets are built only when it asks whether a ref is kept. (At 100k entities
 * and 3 scorecards, a set per scorecard took about 130 ms of a re-run's
 * main thread in a profile, and the one set takes about half that.)
 */
class KeptEntities {
  readonly #met = new Set<string>();
  readonly #refs: string[][];
  #metTwice = false;

  constructor(scorecards: number) {
    this.#refs = Array.from({ length: scorecards }, () => []);
  }

  /** The scan met `entityRef`, which has results of some scorecard. */
  meet(entityRef: string): void {
    const size = this.#met.size;
    this.#met.add(entityRef);
    if (this.#met.size === size) {
      this.#metTwice = true;
    }
  }

  /** `entityRef` has a result of scorecard `s` (after `meet`). */
  add(s: number, entityRef: string): void {
    this.#refs[s].push(entityRef);
  }

  /** What the commit keeps of scorecard `s`. */
  of(s: number): KeptEntityRefs {
    return new KeptRefs(this.#refs[s], !this.#metTwice);
  }
}

/** Counts the passed rules and lists the failing ones, in one pass. */
function countRules(rules: ScorecardResult['rules']): {
  rulesPassed: number;
  failingRules: string[];
} {
  let rulesPassed = 0;
  const failingRules: string[] = [];
  for (let i = 0; i < rules.length; i++) {
    const status = rules[i].status;
    if (status === 'pass') {
      rulesPassed++;
    } else if (status === 'fail') {
      failingRules.push(rules[i].ruleId);
    }
  }
  return { rulesPassed, failingRules };
}

/**
 * Evaluates scorecards against the catalog and stores what changed. A run is
 * staged and committed at once, so readers never see half of it; a failed or
 * aborted run leaves the stored results as they were.
 */
export class ScorecardsEvaluator {
  private readonly pageSize: number;
  private readonly reuseUnchanged: boolean;
  private readonly entityRunLockTimeoutMs: number;

  constructor(
    private readonly options: {
      store: ResultStore;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      scorecards: CompiledScorecard[];
      /** The catalog fields the scorecards read. */
      fields: string[];
      factProviders?: ScorecardsFactProvider[];
      pageSize?: number;
      /**
       * Whether a stored result whose stamp matches the input is counted
       * instead of evaluated (default true). Stamps are written either way.
       */
      reuseUnchanged?: boolean;
      /**
       * How long a run for one entity waits for results another run holds
       * before it fails (default 15 s): on PostgreSQL a running run holds
       * the results it wrote until it commits, and someone waits for the
       * answer of a run for one entity.
       */
      entityRunLockTimeoutMs?: number;
      /**
       * Called after a run's results are committed, e.g. to refresh what is
       * derived from them. A failure is logged and does not fail the run.
       */
      onCommitted?: (event: {
        runId: number;
        at: Date;
        complete: boolean;
      }) => Promise<void>;
    },
  ) {
    this.pageSize = options.pageSize ?? 500;
    this.reuseUnchanged = options.reuseUnchanged ?? true;
    this.entityRunLockTimeoutMs =
      options.entityRunLockTimeoutMs ?? ENTITY_RUN_LOCK_TIMEOUT_MS;
  }

  async evaluate(request: EvaluationRequest): Promise<EvaluationSummary> {
    const { store, logger } = this.options;
    const scorecards = this.options.scorecards.filter(
      s => !request.scorecardId || s.id === request.scorecardId,
    );
    const runId = await store.createRun({
      trigger: request.trigger,
      scope: { scorecardId: request.scorecardId, entityRef: request.entityRef },
    });
    // The time of the run's results (history, the state's start, the day
    // of the rollups): when the run began. It is given to every write, so
    // that a store can write results as they come (PostgreSQL does).
    const at = new Date();
    let entitiesEvaluated = 0;
    let resultsReused = 0;
    // The last staging write, still in flight while the next pages are read
    // and evaluated (at most one, so memory stays flat).
    let staging: Promise<void> | undefined;
    try {
      const kept = new KeptEntities(scorecards.length);
      // Hashes are looked up only for scorecards with stored results; for
      // the others (a first run, a scorecard just added) every result is
      // new. Should another run commit results meanwhile, this run rewrites
      // them unchanged.
      const withResults = await store.scorecardsWithResults(
        scorecards.map(s => s.id),
      );
      const lookUp = scorecards.map(s => withResults.has(s.id));
      const context: ScorecardContext = {
        versions: scorecards.map(scorecardVersion),
        ruleIds: scorecards.map(s => s.definition.rules.map(r => r.id)),
      };
      // Daily rollups need every result of a complete scan, changed or not.
      const rollups = request.entityRef
        ? undefined
        : new RollupAccumulator({ scorecardIds: scorecards.map(s => s.id) });
      // Changed rows not yet handed to the store: a re-run that changes a
      // few results per page stages them in a few larger writes, not one
      // small write per page.
      let unstaged: EntityResultRow[] = [];
      // Likewise the new stamps of unchanged results.
      let unstamped: InputStampUpdate[] = [];
      const write = async (
        rows: EntityResultRow[],
        stamps: InputStampUpdate[],
      ) => {
        if (rows.length > 0) {
          await store.stageResults(runId, rows, {
            at,
            lockTimeoutMs: request.entityRef
              ? this.entityRunLockTimeoutMs
              : undefined,
          });
        }
        if (stamps.length > 0) {
          await store.updateInputStamps(stamps);
        }
      };
      const stage = async () => {
        if (staging) {
          await staging;
          staging = undefined;
        }
        if (unstaged.length > 0 || unstamped.length > 0) {
          staging = write(unstaged, unstamped);
          unstaged = [];
          unstamped = [];
          // Awaited before the next write or the commit; until then, not an
          // unhandled rejection.
          staging.catch(() => {});
        }
      };
      const evaluateAndStage = async (prepared: PreparedPage) => {
        const evaluated = await this.evaluatePrepared(prepared, scorecards, {
          rollups,
          context,
        });
        for (const row of evaluated.rows) {
          unstaged.push(row);
        }
        for (const stamp of evaluated.stamps) {
          unstamped.push(stamp);
        }
        resultsReused += evaluated.reused;
        if (unstaged.length + unstamped.length >= STAGE_BATCH_ROWS) {
          await stage();
        }
      };
      // Each page is evaluated as soon as its stored hashes are known; the
      // catalog's next page is read meanwhile. A page is not prepared ahead
      // of its turn: its entities would then wait, alive, through the whole
      // evaluation of the page before it, and letting them go once
      // evaluated (releaseEntity) did not lower the peak then. On
      // PostgreSQL, preparing ahead overlapped a page's lookup with
      // evaluating the page before; at 100k entities runs took about as
      // long without it (the lookup overlaps reading the next page).
      for await (const page of readAhead(this.readEntities(request))) {
        entitiesEvaluated += page.length;
        await evaluateAndStage(
          await this.preparePage(page, scorecards, kept, {
            signal: request.signal,
            lookUp,
          }),
        );
      }
      await stage();
      if (staging) {
        await staging;
        staging = undefined;
      }
      request.signal?.throwIfAborted();

      // Only a complete scan that found entities may remove results: an empty
      // or partial scan says nothing about what left the catalog.
      const complete = !request.entityRef && entitiesEvaluated > 0;
      const committed = await store.commitRun(runId, {
        at,
        removals: complete
          ? { keep: new Map(scorecards.map((s, i) => [s.id, kept.of(i)])) }
          : undefined,
      });
      const written = committed.written;
      let deleted = committed.deleted;
      if (complete && !request.scorecardId) {
        // Results of scorecards removed from config go with the first
        // complete scan that no longer has them.
        deleted += await store.deleteScorecardsExcept(
          this.options.scorecards.map(s => s.id),
        );
      }
      if (complete && rollups) {
        try {
          await store.writeDailyRollups(rollupDay(at), rollups.toRows());
        } catch (error) {
          // The results are committed; the next complete run writes the
          // day's rollups again.
          logger.warn(
            `Scorecards run ${runId} could not write rollups: ${error}`,
          );
        }
      }
      if (this.options.onCommitted) {
        try {
          await this.options.onCommitted({ runId, at, complete });
        } catch (error) {
          logger.warn(
            `Scorecards run ${runId}: updating derived data failed: ${error}`,
          );
        }
      }
      await store.finishRun(runId, {
        status: 'succeeded',
        entitiesEvaluated,
        resultsWritten: written,
        resultsDeleted: deleted,
      });
      logger.info(
        `Scorecards run ${runId} evaluated ${entitiesEvaluated} entities (${resultsReused} results reused: entity and scorecard unchanged), wrote ${written} and deleted ${deleted} results`,
      );
      return {
        runId,
        entitiesEvaluated,
        resultsReused,
        resultsWritten: written,
        resultsDeleted: deleted,
      };
    } catch (error) {
      const aborted = request.signal?.aborted ?? false;
      // A staging write still in flight would otherwise land after the
      // discard.
      await staging?.catch(() => {});
      await store.discardRun(runId);
      await store.finishRun(runId, {
        status: aborted ? 'aborted' : 'failed',
        entitiesEvaluated,
        resultsWritten: 0,
        resultsDeleted: 0,
        error: String(error),
      });
      throw error;
    }
  }

  private async *readEntities(
    request: EvaluationRequest,
  ): AsyncGenerator<Entity[]> {
    const { catalog, auth, fields } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    if (request.entityRef) {
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: [request.entityRef], fields },
        { credentials },
      );
      const found = items.filter((e): e is Entity => Boolean(e));
      if (found.length > 0) {
        yield found;
      }
      return;
    }
    yield* readCatalogInPages({
      catalog,
      credentials,
      fields,
      pageSize: this.pageSize,
      signal: request.signal,
    });
  }

  /**
   * Gets a page ready for evaluation: its facts, the results it has (known
   * from the scorecard filters) and their stored hashes, whose lookup is
   * started here and awaited by {@link evaluatePrepared}. Reading the
   * stored hashes before evaluating means an unchanged result is dropped as
   * soon as it is computed instead of being held while the database
   * answers: it dies young, and only changed results become rows.
   */
  private async preparePage(
    page: Entity[],
    scorecards: CompiledScorecard[],
    kept: KeptEntities,
    options: {
      signal?: AbortSignal;
      /** Per scorecard, whether it has stored hashes to compare with. */
      lookUp: boolean[];
    },
  ): Promise<PreparedPage> {
    const { signal, lookUp } = options;
    const factsByRef = await this.collectFacts(page, signal);
    const inputs: EvaluationInput[] = new Array(page.length);
    const digests: string[] = new Array(page.length);
    const entityFacts: EntityFacts[] = new Array(page.length);
    const keys: ResultKey[] = [];
    const entityOf: number[] = [];
    const scorecardOf: number[] = [];
    for (let e = 0; e < page.length; e++) {
      const entity = page[e];
      const { entityRef, facts } = describeEntity(entity);
      const input: EvaluationInput = {
        entity: entity as unknown as Record<string, unknown>,
        facts: factsByRef.get(entityRef),
      };
      inputs[e] = input;
      entityFacts[e] = facts;
      digests[e] = '';
      for (let s = 0; s < scorecards.length; s++) {
        const scorecard = scorecards[s];
        if (!scorecard.appliesTo(input)) {
          continue;
        }
        if (digests[e] === '') {
          digests[e] = inputDigest(input);
          kept.meet(entityRef);
        }
        kept.add(s, entityRef);
        keys.push({ scorecardId: scorecard.id, entityRef });
        entityOf.push(e);
        scorecardOf.push(s);
      }
    }
    const stored =
      keys.length > 0
        ? this.storedHashes(keys, scorecardOf, lookUp)
        : Promise.resolve([]);
    // Awaited by evaluatePrepared; until then, not an unhandled rejection.
    stored.catch(() => {});
    const prepared: PreparedPage = {
      page,
      inputs,
      digests,
      entityFacts,
      keys,
      entityOf,
      scorecardOf,
      stored,
    };
    for (let e = 0; e < page.length; e++) {
      if (digests[e] === '') {
        // No scorecard applies to it: nothing more to do with it.
        releaseEntity(prepared, e);
      }
    }
    return prepared;
  }

  /**
   * Evaluates a prepared page: the rows whose hash differs from the stored
   * one. A stored result whose stamp says it came from the same input (the
   * same entity JSON, facts and scorecard, and still before its
   * `validUntil`) is counted as stored instead of being evaluated again.
   */
  private async evaluatePrepared(
    prepared: PreparedPage,
    scorecards: CompiledScorecard[],
    options: { rollups?: RollupAccumulator; context: ScorecardContext },
  ): Promise<EvaluatedPage> {
    const { rollups, context } = options;
    const { inputs, digests, entityFacts, keys, entityOf, scorecardOf } =
      prepared;
    const evaluated: EvaluatedPage = { rows: [], stamps: [], reused: 0 };
    const { rows, stamps } = evaluated;
    if (keys.length === 0) {
      return evaluated;
    }
    const stored = await prepared.stored;
    // The clock the scorecards read (Date.now), so a stamp is reused only
    // while the scorecard would still give the same result.
    const nowMillis = Date.now();
    const now = new Date(nowMillis);
    let lastYield = performance.now();
    for (let i = 0; i < keys.length; i++) {
      // An entity's keys are consecutive: the one before is done.
      if (i > 0 && entityOf[i] !== entityOf[i - 1]) {
        releaseEntity(prepared, entityOf[i - 1]);
      }
      if (performance.now() - lastYield >= YIELD_MS) {
        await yieldToEventLoop();
        lastYield = performance.now();
      }
      const { scorecardId, entityRef } = keys[i];
      const s = scorecardOf[i];
      const scorecard = scorecards[s];
      const facts = entityFacts[entityOf[i]];
      const version = context.versions[s];
      const digest = digests[entityOf[i]];
      const storedResult = stored[i];
      const ruleIds = context.ruleIds[s];
      const reusable = reusableStamp(
        this.reuseUnchanged ? storedResult?.inputStamp : undefined,
        version,
        digest,
        nowMillis,
        ruleIds.length,
      );
      if (reusable) {
        rollups?.addStamped(scorecardId, facts, reusable, ruleIds);
        evaluated.reused++;
        continue;
      }
      const result = scorecard.evaluate(inputs[entityOf[i]]!);
      rollups?.addResult(scorecardId, facts, result);
      const ruleResultsText = encodeRuleResults(result.rules);
      const resultHash = hashResult(facts, result, ruleResultsText);
      const inputStamp = encodeInputStamp(
        stampOf(`${version}.${digest}`, result),
      );
      if (storedResult?.resultHash === resultHash) {
        if (
          inputStamp !== undefined &&
          inputStamp !== storedResult.inputStamp
        ) {
          stamps.push({ scorecardId, entityRef, resultHash, inputStamp });
        }
        continue;
      }
      const { rulesPassed, failingRules } = countRules(result.rules);
      rows.push(
        new ChangedResult(
          scorecardId,
          entityRef,
          facts,
          result.level,
          result.level === BASE_LEVEL
            ? 0
            : scorecard.levels.indexOf(result.level) + 1,
          result.score,
          rulesPassed,
          failingRules,
          ruleResultsText,
          resultHash,
          inputStamp,
          now,
        ),
      );
    }
    releaseEntity(prepared, entityOf[keys.length - 1]);
    return evaluated;
  }

  /**
   * The stored hashes of the keys, in their order; looked up only for the
   * keys whose scorecard has any.
   */
  private async storedHashes(
    keys: ResultKey[],
    scorecardOf: number[],
    lookUp: boolean[],
  ): Promise<Array<StoredFingerprint | undefined>> {
    if (lookUp.every(Boolean)) {
      return this.options.store.getResultHashes(keys);
    }
    const asked: number[] = [];
    for (let i = 0; i < keys.length; i++) {
      if (lookUp[scorecardOf[i]]) {
        asked.push(i);
      }
    }
    const stored = new Array<StoredFingerprint | undefined>(keys.length);
    if (asked.length > 0) {
      const found = await this.options.store.getResultHashes(
        asked.map(i => keys[i]),
      );
      asked.forEach((i, a) => {
        stored[i] = found[a];
      });
    }
    return stored;
  }

  private async collectFacts(
    page: Entity[],
    signal?: AbortSignal,
  ): Promise<Map<string, Record<string, unknown>>> {
    const providers = this.options.factProviders ?? [];
    const merged = new Map<string, Record<string, unknown>>();
    if (providers.length === 0) {
      return merged;
    }
    const entities = page.map(entity => ({
      entityRef: describeEntity(entity).entityRef,
      entity: entity as unknown as Record<string, unknown>,
    }));
    for (const provider of providers) {
      try {
        const facts = await provider.getFacts(entities, { signal });
        for (const [ref, values] of facts) {
          merged.set(ref, { ...merged.get(ref), ...values });
        }
      } catch (error) {
        // A broken provider makes its facts missing (rules fail with a clear
        // message) rather than failing the whole run.
        this.options.logger.warn(
          `Scorecards fact provider ${provider.id} failed: ${error}`,
        );
      }
    }
    return merged;
  }
}
