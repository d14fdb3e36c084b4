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

import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { LevelCount } from '../../api';
import { LevelBadge, levelAppearance } from '../LevelBadge';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    height: theme.spacing(1.5),
    borderRadius: theme.spacing(0.75),
    overflow: 'hidden',
    background: theme.palette.action.hover,
    // Separates neighbouring segments of similar fill.
    '& > span + span': {
      borderLeft: `2px solid ${theme.palette.background.paper}`,
    },
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1.5),
    margin: theme.spacing(1, 0, 0),
    padding: 0,
    listStyle: 'none',
  },
  legendItem: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  },
}));

function percent(count: number, total: number): number {
  return total > 0 ? Math.round((count / total) * 1000) / 10 : 0;
}

/**
 * How many entities are at each level: a bar stacked lowest level first,
 * and a legend of badges with counts that carries the same information
 * without colour.
 */
export function LevelDistributionBar(props: {
  distribution: LevelCount[];
  levels: string[];
}) {
  const { distribution, levels } = props;
  const classes = useStyles();
  const total = distribution.reduce((sum, d) => sum + d.count, 0);
  const label =
    total === 0
      ? 'No entities evaluated'
      : `Level distribution: ${distribution
          .map(d => `${d.level} ${d.count} (${percent(d.count, total)}%)`)
          .join(', ')}`;

  return (
    <div data-testid="level-distribution">
      <div className={classes.bar} role="img" aria-label={label}>
        {total > 0 &&
          distribution
            .filter(d => d.count > 0)
            .map(d => (
              <span
                key={d.level}
                style={{
                  width: `${(d.count / total) * 100}%`,
                  background: levelAppearance(d.level, levels).background,
                }}
                title={`${d.level}: ${d.count}`}
              />
            ))}
      </div>
      <ul className={classes.legend} aria-hidden="true">
        {distribution.map(d => (
          <li key={d.level} className={classes.legendItem}>
            <LevelBadge level={d.level} levels={levels} size="small" />
            <Typography variant="body2" component="span">
              {d.count}
            </Typography>
          </li>
        ))}
      </ul>
    </div>
  );
}
