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

import { useApi } from '@backstage/core-plugin-api';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { DateTime } from 'luxon';
import { Line, LineChart, YAxis } from 'recharts';
import useAsync from 'react-use/esm/useAsync';
import { scorecardsApiRef, TeamRelation } from '../../api';

const TREND_DAYS = 90;

const useStyles = makeStyles(theme => ({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
}));

/**
 * A score in one scorecard over the last 90 days, as a sparkline: an
 * entity's (`entityRef`), or the average score of a team's entities
 * (`team`, with its groups' when `relation` is `aggregated`). Renders
 * nothing while loading, when history is unavailable (the backend may not
 * record it) or when there are fewer than two points to draw.
 */
export function ScoreTrend(
  props: { scorecardId: string } & (
    | { entityRef: string; team?: undefined; relation?: undefined }
    | { team: string; relation?: TeamRelation; entityRef?: undefined }
  ),
) {
  const { scorecardId, entityRef, team, relation } = props;
  const api = useApi(scorecardsApiRef);
  const theme = useTheme();
  const classes = useStyles();
  const { value } = useAsync(
    () =>
      api.getHistory({
        scorecardId,
        ...(entityRef ? { entityRef } : { team, relation }),
        from: DateTime.now().minus({ days: TREND_DAYS }).toISODate()!,
        interval: 'day',
      }),
    [api, scorecardId, entityRef, team, relation],
  );

  // An entity's points have its score; a team's their average score.
  const points = (value?.points ?? []).flatMap(p => {
    const score = entityRef ? p.score : p.averageScore;
    return typeof score === 'number' ? [{ date: p.date, score }] : [];
  });
  if (points.length < 2) {
    return null;
  }
  const first = points[0];
  const last = points[points.length - 1];
  const what = entityRef ? 'Score' : 'Average score';
  const label = `${what} trend over the last ${TREND_DAYS} days: ${first.score}% on ${first.date}, ${last.score}% on ${last.date}`;

  return (
    <span className={classes.root} data-testid="score-trend">
      <Typography variant="caption" color="textSecondary" component="span">
        Trend
      </Typography>
      <span role="img" aria-label={label}>
        <LineChart
          width={120}
          height={28}
          data={points}
          accessibilityLayer={false}
        >
          <YAxis hide domain={[0, 100]} />
          <Line
            type="monotone"
            dataKey="score"
            stroke={theme.palette.primary.main}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </span>
    </span>
  );
}
