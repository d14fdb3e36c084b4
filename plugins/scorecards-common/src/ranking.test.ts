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

import { highestAndLowest, splitRanked } from './ranking';

describe('splitRanked', () => {
  it('takes the best and the worst count when there are enough', () => {
    const items = Array.from({ length: 12 }, (_, i) => i + 1);
    expect(splitRanked(items, 5)).toEqual({
      highest: [1, 2, 3, 4, 5],
      lowest: [12, 11, 10, 9, 8],
    });
  });

  it('splits fewer than twice count into halves, the odd one with the better', () => {
    expect(splitRanked([1, 2, 3, 4, 5, 6, 7], 5)).toEqual({
      highest: [1, 2, 3, 4],
      lowest: [7, 6, 5],
    });
    expect(splitRanked(['only'], 5)).toEqual({
      highest: ['only'],
      lowest: [],
    });
    expect(splitRanked([], 5)).toEqual({ highest: [], lowest: [] });
  });
});

describe('highestAndLowest', () => {
  it('ranks by value, ties by name', () => {
    const items = [
      { name: 'b', value: 50 },
      { name: 'a', value: 50 },
      { name: 'c', value: 90 },
      { name: 'd', value: 10 },
    ];
    const ranked = highestAndLowest(items, {
      value: item => item.value,
      name: item => item.name,
      count: 5,
    });
    expect(ranked.highest.map(item => item.name)).toEqual(['c', 'a']);
    expect(ranked.lowest.map(item => item.name)).toEqual(['d', 'b']);
  });
});
