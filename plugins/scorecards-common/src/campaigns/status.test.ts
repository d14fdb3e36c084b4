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

import { campaignCompletion, campaignDaysLeft, campaignStatus } from './status';

const at = (iso: string) => new Date(iso);
const dates = { startDate: '2026-11-01', endDate: '2026-11-30' };

describe('campaignStatus', () => {
  it('is upcoming before the start day, whatever the progress', () => {
    expect(
      campaignStatus(
        dates,
        { inScope: 2, passing: 2 },
        at('2026-10-31T23:59:59Z'),
      ),
    ).toBe('upcoming');
  });

  it('is active from the start day to the end day inclusive', () => {
    const progress = { inScope: 2, passing: 1 };
    expect(campaignStatus(dates, progress, at('2026-11-01T00:00:00Z'))).toBe(
      'active',
    );
    expect(campaignStatus(dates, progress, at('2026-11-30T23:59:59Z'))).toBe(
      'active',
    );
    expect(
      campaignStatus(
        { startDate: '2026-11-01' },
        progress,
        at('2030-01-01T00:00:00Z'),
      ),
    ).toBe('active');
    expect(
      campaignStatus(
        dates,
        { inScope: 0, passing: 0 },
        at('2026-11-10T00:00:00Z'),
      ),
    ).toBe('active');
  });

  it('is overdue after the end day while entities fail', () => {
    expect(
      campaignStatus(
        dates,
        { inScope: 2, passing: 1 },
        at('2026-12-01T00:00:00Z'),
      ),
    ).toBe('overdue');
  });

  it('is completed when every entity in scope passes, before or after the end', () => {
    expect(
      campaignStatus(
        dates,
        { inScope: 2, passing: 2 },
        at('2026-11-05T00:00:00Z'),
      ),
    ).toBe('completed');
    expect(
      campaignStatus(
        dates,
        { inScope: 2, passing: 2 },
        at('2027-01-01T00:00:00Z'),
      ),
    ).toBe('completed');
  });

  it('is ended when archived, or past the end with nothing in scope', () => {
    expect(
      campaignStatus(
        { ...dates, archived: true },
        { inScope: 2, passing: 2 },
        at('2026-11-05T00:00:00Z'),
      ),
    ).toBe('ended');
    expect(
      campaignStatus(
        dates,
        { inScope: 0, passing: 0 },
        at('2026-12-05T00:00:00Z'),
      ),
    ).toBe('ended');
  });
});

describe('campaignDaysLeft', () => {
  it('counts whole UTC days to the end date', () => {
    expect(campaignDaysLeft('2026-11-30', at('2026-11-25T12:00:00Z'))).toBe(5);
    expect(campaignDaysLeft('2026-11-30', at('2026-11-30T23:00:00Z'))).toBe(0);
    expect(campaignDaysLeft('2026-11-30', at('2026-12-02T01:00:00Z'))).toBe(-2);
    expect(campaignDaysLeft(undefined)).toBeUndefined();
  });
});

describe('campaignCompletion', () => {
  it('is a percentage with one decimal', () => {
    expect(campaignCompletion({ inScope: 3, passing: 1 })).toBe(33.3);
    expect(campaignCompletion({ inScope: 0, passing: 0 })).toBe(0);
    expect(campaignCompletion({ inScope: 4, passing: 4 })).toBe(100);
  });
});
