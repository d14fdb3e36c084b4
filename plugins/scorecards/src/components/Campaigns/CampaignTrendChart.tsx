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

import { EmptyState } from '@backstage/core-components';
import { useTheme } from '@material-ui/core/styles';
import {
  Area,
  AreaChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { CampaignDetailsResponse } from '../../api';
import { ChartFigure } from '../ScorecardsHistory/ChartFigure';
import { formatDay } from './campaignFormat';

const CHART_HEIGHT = 260;

const toTime = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** Completion per day, with the deadline marked. */
export function CampaignTrendChart(props: {
  trend: CampaignDetailsResponse['trend'];
  /** The name of the data's CSV file. */
  fileName: string;
}) {
  const { trend, fileName } = props;
  const theme = useTheme();
  const points = trend.points.map(p => ({ ...p, time: toTime(p.day) }));
  if (points.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No progress recorded yet"
        description="Progress is recorded each day from the campaign's start date on."
      />
    );
  }
  const first = points[0];
  const last = points[points.length - 1];
  const deadline = trend.endDate ? toTime(trend.endDate) : undefined;
  const domain = [
    Math.min(first.time, toTime(trend.startDate)),
    Math.max(last.time, deadline ?? last.time),
  ];
  const summary = `Completion went from ${first.completion}% on ${
    first.day
  } to ${last.completion}% on ${last.day}${
    trend.endDate ? `; the deadline is ${trend.endDate}` : ''
  }.`;
  const axis = theme.palette.text.secondary;
  return (
    <ChartFigure
      title="Completion over time"
      // The campaign page's card says it.
      hideTitle
      summary={summary}
      columns={[
        'Date',
        { label: 'Completion', unit: '%' },
        'Passing',
        'In scope',
      ]}
      rows={points.map(p => [p.day, p.completion, p.passing, p.inScope])}
      fileName={fileName}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <AreaChart data={points} margin={{ top: 16, right: 24 }}>
          <CartesianGrid stroke={theme.palette.divider} strokeDasharray="3 3" />
          <XAxis
            dataKey="time"
            type="number"
            scale="time"
            domain={domain}
            stroke={axis}
            tickFormatter={value =>
              formatDay(new Date(value).toISOString().slice(0, 10))
            }
          />
          <YAxis domain={[0, 100]} unit="%" stroke={axis} />
          <Tooltip
            contentStyle={{
              background: theme.palette.background.paper,
              border: `1px solid ${theme.palette.divider}`,
              color: theme.palette.text.primary,
            }}
            labelFormatter={value =>
              formatDay(new Date(Number(value)).toISOString().slice(0, 10))
            }
            formatter={value => [`${value}%`, 'Completion']}
          />
          <Area
            type="monotone"
            dataKey="completion"
            name="Completion"
            stroke={theme.palette.primary.main}
            fill={theme.palette.primary.main}
            fillOpacity={0.2}
            strokeWidth={2}
            isAnimationActive={false}
          />
          {deadline !== undefined && (
            <ReferenceLine
              x={deadline}
              stroke={theme.palette.error.main}
              strokeDasharray="4 4"
              label={{
                value: 'Deadline',
                position: 'insideTopRight',
                fill: theme.palette.error.main,
              }}
            />
          )}
        </AreaChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
