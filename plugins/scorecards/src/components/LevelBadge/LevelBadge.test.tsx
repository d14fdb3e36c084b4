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

import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { LevelBadge } from './LevelBadge';
import { levelAppearance } from './levelAppearance';

const LEVELS = ['Basic', 'Bronze', 'Silver', 'Gold'];

describe('LevelBadge', () => {
  it('names the level and its place in the ladder', async () => {
    await renderInTestApp(<LevelBadge level="Silver" levels={LEVELS} />);
    expect(screen.getByTestId('level-badge')).toHaveTextContent(
      'Level Silver, 3 of 4',
    );
  });

  it('gives every level of the default ladder its own shape', () => {
    const shapes = LEVELS.map(level => levelAppearance(level, LEVELS).shape);
    expect(shapes).toEqual(['circle', 'triangle', 'square', 'star']);
  });

  it('gives every level of a custom ladder a distinct shape and fill', () => {
    const ladder = ['Basic', 'Starter', 'Solid', 'Great', 'Exemplary'];
    const looks = ladder.map(level => levelAppearance(level, ladder));
    expect(new Set(looks.map(l => l.shape)).size).toBe(ladder.length);
    expect(new Set(looks.map(l => l.background)).size).toBe(ladder.length);
  });
});
