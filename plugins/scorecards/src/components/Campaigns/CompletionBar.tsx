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

import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles({
  bar: {
    flex: 1,
    minWidth: 60,
    height: 8,
    borderRadius: 4,
  },
  figure: {
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
    minWidth: 48,
    textAlign: 'right',
  },
  count: {
    fontVariantNumeric: 'tabular-nums',
  },
});

/**
 * A completion percentage as a bar with the figure next to it and,
 * unless left out, "x of y entities" below.
 */
export function CompletionBar(props: {
  completion: number;
  passing: number;
  total: number;
  /** What is counted; "entities" by default. */
  noun?: string;
  label?: string;
  hideCount?: boolean;
}) {
  const { completion, passing, total, noun = 'entities', hideCount } = props;
  const classes = useStyles();
  const label = props.label ?? 'Completion';
  const countText = `${passing.toLocaleString(
    'en-US',
  )} of ${total.toLocaleString('en-US')} ${noun}`;
  return (
    <div>
      <Box display="flex" alignItems="center" gridGap={8}>
        <LinearProgress
          className={classes.bar}
          variant="determinate"
          value={Math.max(0, Math.min(100, completion))}
          aria-label={label}
          aria-valuetext={`${completion}%, ${countText}`}
        />
        <Typography variant="body2" className={classes.figure}>
          {completion}%
        </Typography>
      </Box>
      {!hideCount && (
        <Typography
          variant="caption"
          color="textSecondary"
          className={classes.count}
        >
          {countText}
        </Typography>
      )}
    </div>
  );
}
