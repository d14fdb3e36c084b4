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
 * How a level looks: a fill with a text colour that reads on it, and a shape.
 * Badges carry their own fill, so they read the same on light and dark
 * themes; the shape and the level's name keep them apart without colour.
 */
export interface LevelAppearance {
  background: string;
  color: string;
  shape: LevelShape;
}

export type LevelShape =
  | 'circle'
  | 'triangle'
  | 'square'
  | 'diamond'
  | 'hexagon'
  | 'star';

const DARK_TEXT = '#1b1f23';
const LIGHT_TEXT = '#ffffff';

const NAMED_FILLS: Record<string, { background: string; color: string }> = {
  basic: { background: '#5f6b73', color: LIGHT_TEXT },
  bronze: { background: '#8b5a2b', color: LIGHT_TEXT },
  silver: { background: '#c9d1d9', color: DARK_TEXT },
  gold: { background: '#f2c230', color: DARK_TEXT },
};

/** Fills for configured ladders whose level names we do not know. */
const RANKED_FILLS = [
  NAMED_FILLS.basic,
  { background: '#2e6f8e', color: LIGHT_TEXT },
  { background: '#2e7d5b', color: LIGHT_TEXT },
  { background: '#5b4b9a', color: LIGHT_TEXT },
  { background: '#9c3d54', color: LIGHT_TEXT },
];

const MIDDLE_SHAPES: LevelShape[] = [
  'triangle',
  'square',
  'diamond',
  'hexagon',
];

/**
 * The base level is an empty circle and the top level a star; the levels in
 * between take triangle, square, diamond, hexagon in order.
 */
function shapeOf(rank: number, ladderSize: number): LevelShape {
  if (rank <= 0) {
    return 'circle';
  }
  if (rank >= ladderSize - 1) {
    return 'star';
  }
  return MIDDLE_SHAPES[(rank - 1) % MIDDLE_SHAPES.length];
}

/**
 * @param level - the level's name
 * @param levels - the ladder, lowest first, the base level included
 */
export function levelAppearance(
  level: string,
  levels: ReadonlyArray<string>,
): LevelAppearance {
  const rank = Math.max(levels.indexOf(level), 0);
  const fill =
    NAMED_FILLS[level.toLocaleLowerCase('en-US')] ??
    RANKED_FILLS[rank % RANKED_FILLS.length];
  return { ...fill, shape: shapeOf(rank, Math.max(levels.length, 1)) };
}
