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

import type { BenchLine } from './report';

/** The least and the greatest of some figures. */
export interface Range {
  min: number;
  max: number;
}

/** What `--repeat` runs of one scenario, database and size gave. */
export interface ScenarioSummary {
  /**
   * The run whose wall time over its catalog page-through is the median of
   * the runs (the lower of the two middle ones for an even count): a run's
   * own figures, so that they agree with each other. For `api-latency`, a
   * line whose latencies are each the median of the runs'.
   */
  line: BenchLine;
  runs: number;
  /** Over the runs; undefined for `api-latency`. */
  wallSeconds?: Range;
  /** Wall time over the run's own page-through, over the runs. */
  pageThroughRatio?: Range;
}

/** The key a scenario's runs are grouped by. */
export const summaryKey = (
  line: Pick<BenchLine, 'db' | 'entities' | 'scenario'>,
) => `${line.db} ${line.entities} ${line.scenario}`;

/** Wall time over the catalog page-through of the same child process. */
export function pageThroughRatio(line: BenchLine): number | undefined {
  if (
    line.wallSeconds === undefined ||
    line.catalogPageThroughSeconds === undefined
  ) {
    return undefined;
  }
  return line.wallSeconds / Math.max(line.catalogPageThroughSeconds, 0.001);
}

const lowerMedianIndex = (count: number) => Math.floor((count - 1) / 2);

function lowerMedian(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[lowerMedianIndex(sorted.length)];
}

function rangeOf(values: number[]): Range {
  return { min: Math.min(...values), max: Math.max(...values) };
}

/** The p50 and p95 of one kind of API request, in an `api-latency` line. */
export type Latency = { p50Ms: number; p95Ms: number };

const isLatency = (value: unknown): value is Latency =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Latency).p50Ms === 'number' &&
  typeof (value as Latency).p95Ms === 'number';

/** One line whose latencies are each the median of the lines'. */
function medianLatencies(lines: BenchLine[]): BenchLine {
  const line: BenchLine = { ...lines[0] };
  for (const [key, value] of Object.entries(lines[0])) {
    if (!isLatency(value)) {
      continue;
    }
    const values = lines.map(l => l[key]).filter(isLatency);
    line[key] = {
      p50Ms: lowerMedian(values.map(v => v.p50Ms)),
      p95Ms: lowerMedian(values.map(v => v.p95Ms)),
    };
  }
  line.peakRssMB = lowerMedian(lines.map(l => l.peakRssMB));
  return line;
}

/**
 * Sums up the lines of repeated runs, by {@link summaryKey}, in the order
 * each key first appears.
 */
export function summarizeRuns(lines: BenchLine[]): ScenarioSummary[] {
  const groups = new Map<string, BenchLine[]>();
  for (const line of lines) {
    const key = summaryKey(line);
    const group = groups.get(key);
    if (group) {
      group.push(line);
    } else {
      groups.set(key, [line]);
    }
  }
  return [...groups.values()].map(group => {
    const ratios = group.map(pageThroughRatio);
    if (ratios.some(r => r === undefined)) {
      return { line: medianLatencies(group), runs: group.length };
    }
    const byRatio = group
      .map((line, i) => ({ line, ratio: ratios[i]! }))
      .sort((a, b) => a.ratio - b.ratio);
    return {
      line: byRatio[lowerMedianIndex(byRatio.length)].line,
      runs: group.length,
      wallSeconds: rangeOf(group.map(l => l.wallSeconds!)),
      pageThroughRatio: rangeOf(byRatio.map(r => r.ratio)),
    };
  });
}

/**
 * The peak RSS of a database and size: each run's peak (the highest of its
 * scenarios, which share one child process), and the median of those.
 */
export function medianPeakRss(
  lines: BenchLine[],
  db: string,
  entities: number,
): number | undefined {
  const peaks = new Map<number, number>();
  for (const line of lines) {
    if (line.db !== db || line.entities !== entities) {
      continue;
    }
    const run = typeof line.run === 'number' ? line.run : 1;
    peaks.set(run, Math.max(peaks.get(run) ?? 0, line.peakRssMB));
  }
  return peaks.size > 0 ? lowerMedian([...peaks.values()]) : undefined;
}
