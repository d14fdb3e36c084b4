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

/* eslint-disable no-console */

import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { DatabaseService, LoggerService } from '@backstage/backend-plugin-api';
import {
  compileScorecard,
  CompiledScorecard,
  requiredEntityFields,
  validateScorecardsConfig,
} from '@openscorecards/plugin-scorecards-common';
import { spawn } from 'node:child_process';
import { Session } from 'node:inspector/promises';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import express from 'express';
import knexFactory from 'knex';
import { DatabaseResultStore } from '../src/database/DatabaseResultStore';
import { ScorecardsEvaluator } from '../src/evaluation/ScorecardsEvaluator';
import { readCatalogInPages } from '../src/evaluation/readCatalogInPages';
import { createRouter } from '../src/service/router';
import { CampaignProgressCache, CampaignStore } from '../src/campaigns';
import { benchDefinitions } from './benchScorecards';
import {
  InMemoryCatalog,
  SyntheticCatalog,
  teamName,
} from './syntheticCatalog';
import { writeBenchmarkDoc, BenchLine } from './report';
import { CpuSeconds, startCpuMeter } from './cpu';
import { ServedCatalog, startCatalogServer } from './catalogServer';

type Db = 'sqlite' | 'postgres';

const PG_URL =
  process.env.SCORECARDS_BENCH_POSTGRES ??
  'postgresql://postgres@127.0.0.1:5432';
const PG_DATABASE = 'scorecards_bench';
const API_REQUESTS = 200;

const silentLogger: LoggerService = {
  debug() {},
  info() {},
  warn(message: string) {
    console.error(`warn: ${message}`);
  },
  error(message: string) {
    console.error(`error: ${message}`);
  },
  child() {
    return silentLogger;
  },
};

function parseArgs(argv: string[]) {
  const args: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) continue;
    const [key, inline] = arg.slice(2).split('=', 2);
    if (inline !== undefined) {
      args[key] = inline;
    } else if (argv[i + 1] && !argv[i + 1].startsWith('--')) {
      args[key] = argv[++i];
    } else {
      args[key] = true;
    }
  }
  return args;
}

const seconds = (start: bigint) =>
  Number(process.hrtime.bigint() - start) / 1e9;
const round = (value: number, digits = 3) =>
  Math.round(value * 10 ** digits) / 10 ** digits;
const peakRssMB = () => round(process.resourceUsage().maxRSS / 1024, 1);

async function openDatabase(db: Db, dir: string) {
  if (db === 'sqlite') {
    const filename = path.join(dir, 'scorecards.sqlite');
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename },
      useNullAsDefault: true,
    });
    return {
      knex,
      size: async () =>
        ['', '-wal', '-shm']
          .map(suffix => `${filename}${suffix}`)
          .filter(f => fs.existsSync(f))
          .reduce((sum, f) => sum + fs.statSync(f).size, 0) / 1048576,
      close: () => knex.destroy(),
    };
  }
  const admin = knexFactory({ client: 'pg', connection: PG_URL });
  await admin.raw(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`);
  await admin.raw(`CREATE DATABASE ${PG_DATABASE}`);
  const url = new URL(PG_URL);
  url.pathname = `/${PG_DATABASE}`;
  const knex = knexFactory({
    client: 'pg',
    connection: url.toString(),
    pool: { min: 0, max: 10 },
  });
  return {
    knex,
    size: async () => {
      const { rows } = await knex.raw(
        `SELECT pg_database_size(current_database()) AS size`,
      );
      return Number(rows[0].size) / 1048576;
    },
    close: async () => {
      await knex.destroy();
      await admin.raw(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`);
      await admin.destroy();
    },
  };
}

/** Page-throughs of the catalog whose median is the floor. */
const PAGE_THROUGHS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The key of {@link timeStore}'s union of store time. */
const STORE_BUSY = 'storeBusy';

/**
 * Wraps the store's write-path methods to time them. The evaluator overlaps
 * a page's staging write with reading and evaluating the next page, so
 * calls may overlap: each method's figure is the sum of its own calls, and
 * `storeBusy` is the wall time during which at least one store call was in
 * flight (what the run spent waiting on, or overlapping with, the store).
 */
function timeStore(store: DatabaseResultStore, phases: Record<string, number>) {
  const target = store as unknown as Record<
    string,
    (...args: unknown[]) => Promise<unknown>
  >;
  const busy = { inFlight: 0, since: 0n };
  for (const name of [
    'scorecardsWithResults',
    'getResultHashes',
    'stageResults',
    'updateInputStamps',
    'commitRun',
    'writeDailyRollups',
    'deleteScorecardsExcept',
    'createRun',
    'finishRun',
  ]) {
    const original = target[name].bind(store);
    target[name] = async (...args: unknown[]) => {
      const start = process.hrtime.bigint();
      if (busy.inFlight++ === 0) busy.since = start;
      try {
        return await original(...args);
      } finally {
        phases[name] = (phases[name] ?? 0) + seconds(start);
        if (--busy.inFlight === 0) {
          phases[STORE_BUSY] = (phases[STORE_BUSY] ?? 0) + seconds(busy.since);
        }
      }
    };
  }
}

/** Counts the rule results computed, by wrapping each compiled scorecard. */
function countRules(scorecards: CompiledScorecard[], counter: { n: number }) {
  return scorecards.map(
    (scorecard): CompiledScorecard => ({
      id: scorecard.id,
      definition: scorecard.definition,
      levels: scorecard.levels,
      customOperators: scorecard.customOperators,
      appliesTo: input => scorecard.appliesTo(input),
      evaluate: input => {
        const result = scorecard.evaluate(input);
        counter.n += result.rules.length;
        return result;
      },
    }),
  );
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

async function measureApi(
  database: DatabaseService,
  store: DatabaseResultStore,
  catalog: InMemoryCatalog,
  evaluator: ScorecardsEvaluator,
  entityName: string,
) {
  const campaignStore = await CampaignStore.create({ database });
  const router = await createRouter({
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.user(),
    }),
    permissions: mockServices.permissions(),
    catalog: catalog.asService(),
    logger: silentLogger,
    store,
    queries: store.queries,
    evaluator,
    definitions: benchDefinitions,
    // No campaigns: the benchmark measures the scorecard routes.
    campaigns: [],
    campaignStore,
    campaignProgress: new CampaignProgressCache(campaignStore.db),
  });
  const app = express().use(router);
  const server = app.listen(0, '127.0.0.1');
  await new Promise(resolve => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const team = encodeURIComponent(`group:default/${teamName(7)}`);
  const targets = {
    entity: `/entities/component/default/${entityName}`,
    'scorecard-overview': '/scorecards/production-readiness',
    'entity-table-page': `/scorecards/production-readiness/entities?team=${team}&sort=score`,
    // Not a target of the issue: the team card's read, for reference.
    team: `/teams/group/default/${teamName(7)}`,
  };
  const out: Record<string, { p50Ms: number; p95Ms: number }> = {};
  try {
    for (const [name, url] of Object.entries(targets)) {
      const times: number[] = [];
      for (let i = 0; i < API_REQUESTS + 10; i++) {
        const start = process.hrtime.bigint();
        const response = await fetch(base + url);
        await response.arrayBuffer();
        if (!response.ok) {
          throw new Error(`GET ${url} answered ${response.status}`);
        }
        if (i >= 10) times.push(seconds(start) * 1000);
      }
      times.sort((a, b) => a - b);
      out[name] = {
        p50Ms: round(percentile(times, 0.5), 2),
        p95Ms: round(percentile(times, 0.95), 2),
      };
    }
  } finally {
    server.close();
  }
  return out;
}

/**
 * Starts a V8 CPU profile of this process when `--cpu-prof-scenario` names
 * the scenario; the returned function stops it and writes the
 * `.cpuprofile` (open it in Chrome DevTools) into `--cpu-prof-dir`,
 * created if missing.
 */
async function profileScenario(
  name: string,
  options: { scenario?: string; dir?: string; db: Db; count: number },
): Promise<() => Promise<void>> {
  if (options.scenario !== name && options.scenario !== 'all') {
    return async () => {};
  }
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    const dir = options.dir ?? os.tmpdir();
    const file = path.join(
      dir,
      `scorecards-bench-${options.db}-${options.count}-${name}.cpuprofile`,
    );
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    console.error(`Wrote ${file}`);
  };
}

/** One database and one catalog size, in this process. */
async function runChild(
  db: Db,
  count: number,
  api: boolean,
  profile: { scenario?: string; dir?: string } = {},
  catalogMode: 'http' | 'memory' = 'http',
) {
  const synthetic = new SyntheticCatalog(count);
  const catalog = new InMemoryCatalog(synthetic);
  // The catalog the runs read: by default served over HTTP by a child
  // process and read through the real CatalogClient, as a deployment reads
  // the catalog backend; with --catalog memory, the in-process catalog.
  const served: ServedCatalog | undefined =
    catalogMode === 'http' ? await startCatalogServer(count) : undefined;
  const runCatalog = served?.service ?? catalog.asService();
  const fields = requiredEntityFields(benchDefinitions.definitions);
  const ruleCount = benchDefinitions.definitions.reduce(
    (n, d) => n + d.rules.length,
    0,
  );
  const counter = { n: 0 };
  const scorecards = countRules(
    benchDefinitions.definitions.map(d =>
      compileScorecard(d, { levels: benchDefinitions.levels }),
    ),
    counter,
  );

  // The floor: paging through the catalog with the same fields and page
  // size, the median of three page-throughs (one alone varied by 30%
  // between runs on a busy machine).
  const pageThroughs: number[] = [];
  const pageThroughCpus: CpuSeconds[] = [];
  for (let i = 0; i < PAGE_THROUGHS; i++) {
    const stopCpu = startCpuMeter();
    const started = process.hrtime.bigint();
    let paged = 0;
    for await (const page of readCatalogInPages({
      catalog: runCatalog,
      credentials: mockCredentials.service(),
      fields,
      pageSize: 500,
    })) {
      paged += page.length;
    }
    pageThroughs.push(seconds(started));
    pageThroughCpus.push(stopCpu());
    if (paged !== count) throw new Error(`paged ${paged} of ${count}`);
  }
  const catalogPageThroughSeconds = round(median(pageThroughs));
  // The CPU time of the page-through the median is.
  const catalogPageThroughCpuSeconds =
    pageThroughCpus[pageThroughs.indexOf(median(pageThroughs))];
  // The process with its modules loaded, before any evaluation.
  const baselineRssMB = peakRssMB();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecards-bench-'));
  const database = await openDatabase(db, dir);
  try {
    const databaseService = mockServices.database({ knex: database.knex });
    const store = await DatabaseResultStore.create({
      database: databaseService,
    });
    const phases: Record<string, number> = {};
    timeStore(store, phases);
    const evaluator = new ScorecardsEvaluator({
      store,
      catalog: runCatalog,
      auth: mockServices.auth(),
      logger: silentLogger,
      scorecards,
      fields,
    });

    const scenario = async (name: string) => {
      for (const key of Object.keys(phases)) delete phases[key];
      counter.n = 0;
      const stopProfile = await profileScenario(name, {
        ...profile,
        db,
        count,
      });
      const stopCpu = startCpuMeter();
      const start = process.hrtime.bigint();
      const summary = await evaluator.evaluate({ trigger: 'manual' });
      const wallSeconds = seconds(start);
      const cpuSeconds = stopCpu();
      await stopProfile();
      const storeSeconds = phases[STORE_BUSY] ?? 0;
      const line: BenchLine = {
        scenario: name,
        db,
        entities: count,
        rules: ruleCount,
        wallSeconds: round(wallSeconds),
        ruleEvaluationsPerSecond: Math.round(counter.n / wallSeconds),
        peakRssMB: peakRssMB(),
        baselineRssMB,
        resultRowsWritten: summary.resultsWritten,
        resultsReused: summary.resultsReused,
        dbSizeMB: round(await database.size(), 1),
        catalogPageThroughSeconds,
        cpuSeconds,
        catalogPageThroughCpuSeconds,
        ruleEvaluations: counter.n,
        resultRowsDeleted: summary.resultsDeleted,
        phasesSeconds: {
          ...Object.fromEntries(
            Object.entries(phases).map(([k, v]) => [k, round(v)]),
          ),
          // Wall time with no store call in flight: catalog paging, rule
          // evaluation and hashing that did not overlap with the store.
          evaluationAndCatalog: round(wallSeconds - storeSeconds),
        },
      };
      // What the run left behind: the heap in use after a full collection
      // (the child runs with --expose-gc). Peak RSS also counts garbage V8
      // has not collected yet and memory the allocator keeps.
      const gc = (global as { gc?: () => void }).gc;
      if (gc) {
        gc();
        line.retainedHeapMB = round(
          process.memoryUsage().heapUsed / 1048576,
          1,
        );
      }
      console.log(JSON.stringify(line));
      return line;
    };

    await scenario('first-run');
    await scenario('unchanged-rerun');
    const mutated = synthetic.mutate();
    if (served && (await served.mutate()) !== mutated) {
      throw new Error('the served catalog did not change as expected');
    }
    const changed = await scenario('changed-5pct-rerun');
    changed.mutatedEntities = mutated;
    // After an upgrade of this backend or of the rule language every stored
    // stamp differs (see inputStamp.ts): the run evaluates every entity
    // again and, its results coming out the same, rewrites only their
    // stamps. Stamps cleared, as before stamps existed, cost the same.
    await database
      .knex('scorecards_result_stamps')
      .update({ input_stamp: null });
    await scenario('upgrade-rerun');

    if (api) {
      let index = 0;
      while (synthetic.entity(index).kind !== 'Component') index++;
      const name = synthetic.entity(index).metadata.name;
      const latency = await measureApi(
        databaseService,
        store,
        catalog,
        evaluator,
        name,
      );
      console.log(
        JSON.stringify({
          scenario: 'api-latency',
          db,
          entities: count,
          rules: ruleCount,
          requestsEach: API_REQUESTS,
          ...latency,
          peakRssMB: peakRssMB(),
        }),
      );
    }
  } finally {
    served?.close();
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs one child process per database and size, so peaks are comparable. */
function spawnChild(
  db: Db,
  count: number,
  api: boolean,
  passThrough: string[],
): Promise<BenchLine[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...process.execArgv,
        '--expose-gc',
        __filename,
        '--child',
        '--db',
        db,
        '--entities',
        String(count),
        ...(api ? ['--api'] : []),
        ...passThrough,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const lines: BenchLine[] = [];
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (
        let newline = buffer.indexOf('\n');
        newline >= 0;
        newline = buffer.indexOf('\n')
      ) {
        const text = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (text.startsWith('{')) {
          console.log(text);
          lines.push(JSON.parse(text));
        } else if (text) {
          console.error(text);
        }
      }
    });
    child.on('error', reject);
    child.on('exit', code =>
      code === 0
        ? resolve(lines)
        : reject(new Error(`bench child ${db} ${count} exited with ${code}`)),
    );
  });
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const { problems } = validateScorecardsConfig(benchDefinitions);
  if (problems.length > 0) {
    throw new Error(`bench scorecards invalid: ${JSON.stringify(problems)}`);
  }
  if (args.child) {
    await runChild(
      args.db as Db,
      Number(args.entities),
      Boolean(args.api),
      {
        scenario: args['cpu-prof-scenario'] as string | undefined,
        dir: args['cpu-prof-dir'] as string | undefined,
      },
      args.catalog === 'memory' ? 'memory' : 'http',
    );
    return;
  }
  const smoke = Boolean(args.smoke);
  const counts = smoke
    ? [1000]
    : String(args.entities ?? '1000,10000,100000')
        .split(',')
        .map(Number);
  const dbs = (
    smoke ? ['sqlite'] : String(args.db ?? 'sqlite,postgres').split(',')
  ) as Db[];
  const largest = Math.max(...counts);
  const passThrough = ['cpu-prof-scenario', 'cpu-prof-dir', 'catalog'].flatMap(
    key =>
      typeof args[key] === 'string' ? [`--${key}`, String(args[key])] : [],
  );
  const repeat = smoke ? 1 : Number(args.repeat ?? 1);
  if (!Number.isInteger(repeat) || repeat < 1) {
    throw new Error(
      `--repeat must be a whole number of runs, 1 or more; got ${args.repeat}`,
    );
  }
  const lines: BenchLine[] = [];
  // Run after run over every database and size, so that a slow spell of
  // the machine falls on one run of each rather than on all runs of one.
  for (let run = 1; run <= repeat; run++) {
    for (const db of dbs) {
      for (const count of counts) {
        const childLines = await spawnChild(
          db,
          count,
          count === largest && !args['no-api'],
          passThrough,
        );
        lines.push(...childLines.map(line => ({ ...line, run })));
      }
    }
  }
  // A profiled run is slower than an unprofiled one: it writes no doc.
  if (
    !smoke &&
    !args['no-doc'] &&
    !args['cpu-prof-scenario'] &&
    args.catalog !== 'memory'
  ) {
    const file = path.resolve(__dirname, '../../../docs/benchmarks.md');
    await writeBenchmarkDoc(file, lines, { counts, dbs, repeat });
    console.error(`Wrote ${file}`);
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
