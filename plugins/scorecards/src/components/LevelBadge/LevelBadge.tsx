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

import { makeStyles } from '@material-ui/core/styles';
import { VisuallyHidden } from '../VisuallyHidden';
import { levelAppearance, LevelShape } from './levelAppearance';

const useStyles = makeStyles(theme => ({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    borderRadius: theme.spacing(1.5),
    padding: theme.spacing(0.25, 1),
    fontSize: theme.typography.body2.fontSize,
    fontWeight: theme.typography.fontWeightMedium as number,
    lineHeight: 1.5,
    whiteSpace: 'nowrap',
  },
  small: {
    padding: theme.spacing(0, 0.75),
    fontSize: theme.typography.caption.fontSize,
  },
  shape: {
    width: '1em',
    height: '1em',
    flexShrink: 0,
  },
}));

const SHAPE_PATHS: Record<LevelShape, string> = {
  circle: 'M12 4a8 8 0 1 0 0.001 0Z M12 7a5 5 0 1 1 -0.001 0Z',
  triangle: 'M12 3 L22 20 L2 20 Z',
  square: 'M4 4 H20 V20 H4 Z',
  diamond: 'M12 2 L22 12 L12 22 L2 12 Z',
  hexagon: 'M7 3 H17 L22 12 L17 21 H7 L2 12 Z',
  star: 'M12 2 L14.9 8.6 L22 9.3 L16.6 14 L18.2 21 L12 17.3 L5.8 21 L7.4 14 L2 9.3 L9.1 8.6 Z',
};

/** @public */
export interface LevelBadgeProps {
  level: string;
  /** The ladder, lowest first, the base level included. */
  levels: ReadonlyArray<string>;
  size?: 'small' | 'medium';
}

/**
 * A level as a filled badge with a shape and the level's name, so it can be
 * told apart without colour. Screen readers hear "Level Silver, 3 of 4".
 *
 * @public
 */
export function LevelBadge(props: LevelBadgeProps) {
  const { level, levels, size = 'medium' } = props;
  const classes = useStyles();
  const appearance = levelAppearance(level, levels);
  const rank = levels.indexOf(level);
  const position = rank >= 0 ? `, ${rank + 1} of ${levels.length}` : '';
  return (
    <span
      className={`${classes.badge} ${size === 'small' ? classes.small : ''}`}
      style={{ background: appearance.background, color: appearance.color }}
      data-testid="level-badge"
      data-shape={appearance.shape}
    >
      <svg
        className={classes.shape}
        viewBox="0 0 24 24"
        aria-hidden="true"
        focusable="false"
      >
        <path
          d={SHAPE_PATHS[appearance.shape]}
          fill="currentColor"
          fillRule="evenodd"
        />
      </svg>
      <VisuallyHidden>Level </VisuallyHidden>
      {level}
      <VisuallyHidden>{position}</VisuallyHidden>
    </span>
  );
}
