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

import { ConfigReader } from '@backstage/config';
import { JsonValue } from '@backstage/types';
import { readHistoryRetention } from './readHistoryRetention';

const withRetention = (retention: JsonValue) =>
  new ConfigReader({ scorecards: { history: { retention } } });

describe('readHistoryRetention', () => {
  it('keeps a year by default', () => {
    expect(readHistoryRetention(new ConfigReader({})).as('days')).toBe(365);
  });

  it.each([
    [{ days: 30 }, 30],
    [{ weeks: 2 }, 14],
    ['P90D', 90],
    ['180d', 180],
  ])('reads %p', (retention, days) => {
    expect(readHistoryRetention(withRetention(retention)).as('days')).toBe(
      days,
    );
  });

  it('rejects durations that are not positive, naming the key', () => {
    expect(() => readHistoryRetention(withRetention({ days: 0 }))).toThrow(
      'scorecards.history.retention must be a positive duration',
    );
  });

  it('rejects what is not a duration, naming the key', () => {
    expect(() => readHistoryRetention(withRetention('a while'))).toThrow(
      /scorecards\.history\.retention/,
    );
    expect(() => readHistoryRetention(withRetention({ dayz: 3 }))).toThrow(
      /scorecards\.history\.retention.*Needs one or more of/,
    );
  });
});
