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

import type { ScorecardHistoryPoint } from '@openscorecards/plugin-scorecards-common';
import { DateTime } from 'luxon';
import {
  HistoryEvent,
  StoredRuleRollup,
  StoredScorecardRollup,
} from '../database/ResultQueries';
import { roundToTenth } from './scorecardSummaries';

/** Every day from `from` to `to`, both included, as `YYYY-MM-DD`. */
export function eachDay(from: DateTime, to: DateTime): string[] {
  const days: string[] = [];
  for (let day = from.startOf('day'); day <= to; day = day.plus({ days: 1 })) {
    days.push(day.toISODate()!);
  }
  return days;
}

/** Rows in day order, each day's together. */
function byDay<T extends { day: string }>(rows: T[]): T[][] {
  const days: T[][] = [];
  for (const row of rows) {
    const last = days[days.length - 1];
    if (last && last[0].day === row.day) {
      last.push(row);
    } else {
      days.push([row]);
    }
  }
  return days;
}

/**
 * A scorecard's (or some owners') entities, average score and levels per
 * day; several owners' rollups of a day are added up (each entity has one
 * owner, so none counts twice).
 */
export function scorecardPoints(
  rollups: StoredScorecardRollup[],
  ladder: string[],
): ScorecardHistoryPoint[] {
  return byDay(rollups).map(ofDay => {
    const entities = ofDay.reduce((sum, r) => sum + r.entities, 0);
    const scoreSum = ofDay.reduce((sum, r) => sum + r.scoreSum, 0);
    return {
      date: ofDay[0].day,
      entities,
      averageScore: entities > 0 ? roundToTenth(scoreSum / entities) : null,
      levels: Object.fromEntries(
        ladder.map(level => [
          level,
          ofDay.reduce((sum, r) => sum + (r.levelCounts[level] ?? 0), 0),
        ]),
      ),
    };
  });
}

/** A rule's pass rate (a percentage) per day, some owners' added up. */
export function rulePoints(
  rollups: StoredRuleRollup[],
): ScorecardHistoryPoint[] {
  return byDay(rollups).map(ofDay => {
    const applicable = ofDay.reduce((sum, r) => sum + r.applicable, 0);
    const passed = ofDay.reduce((sum, r) => sum + r.passed, 0);
    return {
      date: ofDay[0].day,
      applicable,
      passed,
      passRate:
        applicable > 0 ? roundToTenth((passed / applicable) * 100) : null,
    };
  });
}

/**
 * An entity's score and level at the end of each day, from its changes: a
 * state holds until the next change. Days before the first known state have
 * no point.
 */
export function entityPoints(
  history: { before?: HistoryEvent; events: HistoryEvent[] },
  days: string[],
): ScorecardHistoryPoint[] {
  const points: ScorecardHistoryPoint[] = [];
  let state = history.before;
  let next = 0;
  for (const date of days) {
    const endOfDay = DateTime.fromISO(date, { zone: 'utc' })
      .plus({ days: 1 })
      .toMillis();
    while (
      next < history.events.length &&
      history.events[next].at.getTime() < endOfDay
    ) {
      state = history.events[next];
      next += 1;
    }
    if (state) {
      points.push({ date, score: state.score, level: state.level });
    }
  }
  return points;
}

/** The last point of each ISO week, oldest first. */
export function lastPointPerWeek(
  points: ScorecardHistoryPoint[],
): ScorecardHistoryPoint[] {
  const byWeek = new Map<string, ScorecardHistoryPoint>();
  for (const point of points) {
    const date = DateTime.fromISO(point.date, { zone: 'utc' });
    // Points come oldest first; a later day of the week replaces an earlier.
    byWeek.set(`${date.weekYear}-W${date.weekNumber}`, point);
  }
  return [...byWeek.values()];
}
