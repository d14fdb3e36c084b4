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
 * The edit distance between two strings, counting a swap of two adjacent
 * characters as one edit (optimal string alignment).
 *
 * @internal
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = [];
  for (let i = 0; i < rows; i++) {
    d.push(new Array<number>(cols).fill(0));
    d[i][0] = i;
  }
  for (let j = 0; j < cols; j++) {
    d[0][j] = j;
  }
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        d[i][j - 1] + 1,
        d[i - 1][j - 1] + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[rows - 1][cols - 1];
}

/**
 * The candidate the user most likely meant: an exact match ignoring case,
 * then a known alias, then the closest by edit distance (at most
 * `maxDistance` edits, and fewer than the word's length). For "did you
 * mean" hints in error messages.
 *
 * @public
 */
export function suggest(
  word: string,
  candidates: ReadonlyArray<string>,
  aliases?: Readonly<Record<string, string>>,
  maxDistance = 2,
): string | undefined {
  const lower = word.toLowerCase();
  const sameCase = candidates.find(c => c.toLowerCase() === lower);
  if (sameCase !== undefined) {
    return sameCase;
  }
  if (aliases) {
    for (const [alias, target] of Object.entries(aliases)) {
      if (alias.toLowerCase() === lower) {
        return target;
      }
    }
  }
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.min(maxDistance, Math.max(1, word.length - 1));
  return bestDistance <= limit ? best : undefined;
}

/** Quotes and joins names: `"a", "b", "c"`. @internal */
export function quoteList(names: ReadonlyArray<string>): string {
  return names.map(n => JSON.stringify(n)).join(', ');
}
