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
import { medianPeakRss, summarizeRuns } from './summarize';

const run = (
  runNumber: number,
  scenario: string,
  wallSeconds: number,
  catalogPageThroughSeconds: number,
  peakRssMB: number,
): BenchLine => ({
  run: runNumber,
  scenario,
  db: 'sqlite',
  entities: 100000,
  rules: 30,
  wallSeconds,
  catalogPageThroughSeconds,
  peakRssMB,
});

describe('summarizeRuns', () => {
  it('keeps the run with the median ratio to its own page-through, with the ranges', () => {
    // Wall times alone would pick run 3 (5 s); the ratios are 2, 1.25 and
    // 2.5, so run 1 is the median.
    const [summary] = summarizeRuns([
      run(1, 'unchanged-rerun', 4, 2, 400),
      run(2, 'unchanged-rerun', 6, 4.8, 410),
      run(3, 'unchanged-rerun', 5, 2, 420),
    ]);
    expect(summary.line.run).toBe(1);
    expect(summary.runs).toBe(3);
    expect(summary.wallSeconds).toEqual({ min: 4, max: 6 });
    expect(summary.pageThroughRatio).toEqual({ min: 1.25, max: 2.5 });
  });

  it('takes the lower middle run of an even count', () => {
    const [summary] = summarizeRuns([
      run(1, 'first-run', 12, 4, 400),
      run(2, 'first-run', 9, 4, 400),
    ]);
    expect(summary.line.run).toBe(2);
  });

  it('keeps one summary per database, size and scenario, in first-seen order', () => {
    const lines = [
      run(1, 'first-run', 10, 4, 400),
      run(1, 'unchanged-rerun', 5, 4, 410),
      { ...run(1, 'first-run', 1, 0.5, 280), entities: 10000 },
      { ...run(1, 'first-run', 9, 4, 380), db: 'postgres' },
      run(2, 'first-run', 11, 4, 420),
    ];
    expect(
      summarizeRuns(lines).map(s => [
        s.line.db,
        s.line.entities,
        s.line.scenario,
        s.runs,
      ]),
    ).toEqual([
      ['sqlite', 100000, 'first-run', 2],
      ['sqlite', 100000, 'unchanged-rerun', 1],
      ['sqlite', 10000, 'first-run', 1],
      ['postgres', 100000, 'first-run', 1],
    ]);
  });

  it('takes the median of each API latency on its own', () => {
    const api = (runNumber: number, entity: number, overview: number) => ({
      run: runNumber,
      scenario: 'api-latency',
      db: 'sqlite',
      entities: 100000,
      rules: 30,
      peakRssMB: 400 + runNumber,
      entity: { p50Ms: entity / 2, p95Ms: entity },
      'scorecard-overview': { p50Ms: overview / 2, p95Ms: overview },
    });
    const [summary] = summarizeRuns([api(1, 3, 9), api(2, 1, 7), api(3, 2, 8)]);
    expect(summary.line.entity).toEqual({ p50Ms: 1, p95Ms: 2 });
    expect(summary.line['scorecard-overview']).toEqual({
      p50Ms: 4,
      p95Ms: 8,
    });
    expect(summary.line.peakRssMB).toBe(402);
    expect(summary.wallSeconds).toBeUndefined();
  });
});

describe('medianPeakRss', () => {
  it("takes each run's highest scenario peak, then the median of the runs", () => {
    const lines = [
      run(1, 'first-run', 10, 4, 400),
      run(1, 'changed-5pct-rerun', 6, 4, 480),
      run(2, 'first-run', 10, 4, 390),
      run(2, 'changed-5pct-rerun', 6, 4, 430),
      run(3, 'first-run', 10, 4, 410),
      run(3, 'changed-5pct-rerun', 6, 4, 500),
      { ...run(1, 'first-run', 1, 0.5, 290), entities: 10000 },
    ];
    expect(medianPeakRss(lines, 'sqlite', 100000)).toBe(480);
    expect(medianPeakRss(lines, 'sqlite', 10000)).toBe(290);
    expect(medianPeakRss(lines, 'postgres', 100000)).toBeUndefined();
  });
});
