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

import { nextRunAfter, reportCadence } from './reportSchedule';

const timeout = { minutes: 5 };

describe('reportCadence', () => {
  it('reads cron, duration and manual schedules', () => {
    expect(
      reportCadence({ frequency: { cron: '0 9 * * 1' }, timeout }, 'UTC'),
    ).toEqual({ type: 'cron', expression: '0 9 * * 1', timezone: 'UTC' });
    expect(reportCadence({ frequency: { hours: 12 }, timeout })).toEqual({
      type: 'every',
      duration: { hours: 12 },
    });
    expect(
      reportCadence({ frequency: { trigger: 'manual' }, timeout }),
    ).toEqual({ type: 'manual' });
  });

  it('says what to fix in an invalid schedule', () => {
    expect(() =>
      reportCadence({ frequency: { cron: '0 9 * *' }, timeout }),
    ).toThrow(/invalid cron expression "0 9 \* \*".*five fields/);
    expect(() => reportCadence({ frequency: { days: 0 }, timeout })).toThrow(
      'the frequency must be a positive duration',
    );
  });
});

describe('nextRunAfter', () => {
  it('runs a cron expression in its time zone, across daylight saving', () => {
    const monday9Paris = reportCadence(
      { frequency: { cron: '0 9 * * 1' }, timeout },
      'Europe/Paris',
    );
    // Monday 19 October 2026, 09:00 CEST is 07:00 UTC.
    expect(
      nextRunAfter(monday9Paris, new Date('2026-10-18T12:00:00Z')),
    ).toEqual(new Date('2026-10-19T07:00:00Z'));
    // Strictly after: the next Monday is after the switch to CET (UTC+1).
    expect(
      nextRunAfter(monday9Paris, new Date('2026-10-19T07:00:00Z')),
    ).toEqual(new Date('2026-10-26T08:00:00Z'));
    const monday9Tokyo = reportCadence(
      { frequency: { cron: '0 9 * * 1' }, timeout },
      'Asia/Tokyo',
    );
    // 09:00 on Monday in Tokyo (UTC+9) is midnight UTC.
    expect(
      nextRunAfter(monday9Tokyo, new Date('2026-10-18T12:00:00Z')),
    ).toEqual(new Date('2026-10-19T00:00:00Z'));
  });

  it('adds a duration to the last slot and never runs manual reports', () => {
    expect(
      nextRunAfter(
        reportCadence({ frequency: { days: 7 }, timeout }),
        new Date('2026-11-25T09:30:00Z'),
      ),
    ).toEqual(new Date('2026-12-02T09:30:00Z'));
    expect(
      nextRunAfter(
        reportCadence({ frequency: { trigger: 'manual' }, timeout }),
        new Date(),
      ),
    ).toBeUndefined();
  });
});
