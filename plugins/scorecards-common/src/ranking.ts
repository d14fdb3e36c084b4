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

/**
 * The best `count` and the worst `count` of items sorted best first, worst
 * first in the second list. With fewer than twice `count` items, the better
 * half and the worse half, so that no item is in both lists (the odd one
 * out goes with the better half). The leaderboards, the reports and the
 * pages' department views rank this way.
 *
 * @public
 */
export function splitRanked<T>(
  bestFirst: T[],
  count: number,
): { highest: T[]; lowest: T[] } {
  const size = Math.min(count, Math.ceil(bestFirst.length / 2));
  return {
    highest: bestFirst.slice(0, size),
    lowest: bestFirst.slice(size).reverse().slice(0, count),
  };
}

/**
 * The best and worst `count` items by a value, ties broken by a name, as
 * {@link splitRanked} splits them.
 *
 * @public
 */
export function highestAndLowest<T>(
  items: T[],
  options: { value(item: T): number; name(item: T): string; count: number },
): { highest: T[]; lowest: T[] } {
  const bestFirst = [...items].sort(
    (a, b) =>
      options.value(b) - options.value(a) ||
      options.name(a).localeCompare(options.name(b), 'en-US'),
  );
  return splitRanked(bestFirst, options.count);
}
