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

import cronstrue from 'cronstrue';
import { ReportSummary } from '../../api';

const UNITS = [
  'years',
  'months',
  'weeks',
  'days',
  'hours',
  'minutes',
  'seconds',
  'milliseconds',
];

function durationText(duration: Record<string, unknown>): string {
  const parts = UNITS.flatMap(unit => {
    const n = duration[unit];
    if (typeof n !== 'number' || n === 0) {
      return [];
    }
    return [n === 1 ? `1 ${unit.slice(0, -1)}` : `${n} ${unit}`];
  });
  if (parts.length === 0) {
    return '';
  }
  const [first, ...rest] = parts;
  // "every day" rather than "every 1 day".
  const head = first.startsWith('1 ') ? first.slice(2) : first;
  return `every ${[head, ...rest].join(' ')}`;
}

/** The cron expression of a report's schedule, if it has one. */
export function scheduleCron(report: ReportSummary): string | undefined {
  const frequency = report.schedule?.frequency;
  return frequency &&
    typeof frequency === 'object' &&
    'cron' in frequency &&
    typeof frequency.cron === 'string'
    ? frequency.cron
    : undefined;
}

/** A cron expression in words ("At 09:00, only on Monday"), if it is valid. */
function cronDescription(cron: string): string | undefined {
  try {
    return cronstrue.toString(cron, {
      use24HourTimeFormat: true,
      throwExceptionOnParseError: true,
    });
  } catch {
    return undefined;
  }
}

/**
 * A report's schedule as text: a cron expression in words (with its time
 * zone), "every 7 days", "manually", or an ISO duration as configured.
 */
export function scheduleText(report: ReportSummary): string {
  const frequency = report.schedule?.frequency;
  if (typeof frequency === 'string') {
    return frequency;
  }
  if (!frequency || typeof frequency !== 'object') {
    return 'Unknown';
  }
  const cron = scheduleCron(report);
  if (cron !== undefined) {
    const zone = report.timezone ? ` (${report.timezone})` : '';
    return `${cronDescription(cron) ?? `cron ${cron}`}${zone}`;
  }
  if ('trigger' in frequency) {
    return 'manually';
  }
  return durationText(frequency as Record<string, unknown>) || 'Unknown';
}

/** `↑ 3.5`, `↓ 2`, `= 0`, or '' without a baseline. */
export { formatChange as changeText } from '@openscorecards/plugin-scorecards-common';
