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

import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import { DateTime } from 'luxon';
import { useSearchParams } from 'react-router-dom';
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import useAsync from 'react-use/esm/useAsync';
import {
  ScorecardHistoryPoint,
  ScorecardHistoryResponse,
  scorecardsApiRef,
} from '../../api';
import { LabelledSelect } from '../LabelledSelect';
import { levelAppearance } from '../LevelBadge';
import { csvFileName } from '../CsvDownload';
import { ChartFigure } from './ChartFigure';
import { HISTORY_OWNER_PARAMS } from './historyLink';
import {
  OwnerCaption,
  ownerChoiceFromParams,
  ownerFileNamePart,
  ownerQuery,
  OwnerSelect,
} from '../TeamSelect';

const DEFAULT_DAYS = 90;
const CHART_HEIGHT = 280;

const useStyles = makeStyles(theme => ({
  controls: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(3),
  },
}));

function useChartColors() {
  const theme = useTheme();
  return {
    line: theme.palette.primary.main,
    axis: theme.palette.text.secondary,
    grid: theme.palette.divider,
    tooltip: {
      background: theme.palette.background.paper,
      border: `1px solid ${theme.palette.divider}`,
      color: theme.palette.text.primary,
    },
  };
}

function describeChange(
  label: string,
  points: Array<{ date: string; value: number }>,
): string {
  if (points.length === 0) {
    return 'No data in this range.';
  }
  const first = points[0];
  const last = points[points.length - 1];
  return `${label} went from ${first.value}% on ${first.date} to ${last.value}% on ${last.date}.`;
}

/** A percentage per day (average score or pass rate) as a line. */
function PercentLineChart(props: {
  title: string;
  seriesLabel: string;
  points: Array<{ date: string; value: number }>;
  fileName: string;
}) {
  const { title, seriesLabel, points, fileName } = props;
  const colors = useChartColors();
  return (
    <ChartFigure
      title={title}
      summary={describeChange(seriesLabel, points)}
      columns={['Date', { label: seriesLabel, unit: '%' }]}
      rows={points.map(p => [p.date, p.value])}
      fileName={fileName}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <LineChart data={points} margin={{ top: 8, right: 16 }}>
          <CartesianGrid stroke={colors.grid} strokeDasharray="3 3" />
          <XAxis dataKey="date" stroke={colors.axis} />
          <YAxis
            domain={[0, 100]}
            unit="%"
            stroke={colors.axis}
            label={{
              value: seriesLabel,
              angle: -90,
              position: 'insideLeft',
              fill: colors.axis,
            }}
          />
          <Tooltip contentStyle={colors.tooltip} />
          <Line
            type="monotone"
            dataKey="value"
            name={seriesLabel}
            stroke={colors.line}
            strokeWidth={2}
            dot={points.length < 40}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

/** Entities per level per day, stacked lowest level first. */
function LevelsAreaChart(props: {
  points: ScorecardHistoryPoint[];
  levels: string[];
  fileName: string;
}) {
  const { points, levels, fileName } = props;
  const colors = useChartColors();
  const data = points
    .filter(p => p.levels)
    .map(p => ({ date: p.date, ...p.levels }));
  const last = data[data.length - 1] as Record<string, unknown> | undefined;
  const summary = last
    ? `On ${last.date}: ${levels
        .map(level => `${level} ${last[level] ?? 0}`)
        .join(', ')}.`
    : 'No data in this range.';
  const oneDay = data.length === 1;
  const Chart = oneDay ? BarChart : AreaChart;
  return (
    <ChartFigure
      title="Entities per level"
      summary={summary}
      fileName={fileName}
      columns={['Date', ...levels]}
      rows={data.map(row => [
        row.date,
        ...levels.map(
          level => (row as Record<string, number | string>)[level] ?? 0,
        ),
      ])}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        {/* One day as a stacked bar: a stacked area of one day shows only
            its points, at the running totals, so Gold would read as the
            number of all entities. */}
        <Chart data={data} margin={{ top: 8, right: 16 }}>
          <CartesianGrid stroke={colors.grid} strokeDasharray="3 3" />
          <XAxis dataKey="date" stroke={colors.axis} />
          <YAxis allowDecimals={false} stroke={colors.axis} />
          <Tooltip contentStyle={colors.tooltip} />
          <Legend
            itemSorter={null}
            formatter={value => (
              <span style={{ color: colors.axis }}>{value}</span>
            )}
          />
          {levels.map(level => {
            const fill = levelAppearance(level, levels).background;
            return oneDay ? (
              <Bar
                key={level}
                dataKey={level}
                name={level}
                stackId="levels"
                fill={fill}
                maxBarSize={64}
                isAnimationActive={false}
              />
            ) : (
              <Area
                key={level}
                type="monotone"
                dataKey={level}
                name={level}
                stackId="levels"
                stroke={fill}
                fill={fill}
                fillOpacity={0.85}
                isAnimationActive={false}
              />
            );
          })}
        </Chart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

function HistoryCharts(props: {
  history: ScorecardHistoryResponse;
  levels: string[];
  ruleTitle?: string;
  /** Names a chart's CSV file, given what the chart shows. */
  fileName: (chart: string) => string;
}) {
  const { history, levels, ruleTitle, fileName } = props;
  if (history.points.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No history in this range"
        description="History is recorded from the first evaluation run on; pick a later range, or wait for the next run."
      />
    );
  }
  if (ruleTitle) {
    const points = history.points
      .filter(p => typeof p.passRate === 'number')
      .map(p => ({ date: p.date, value: p.passRate as number }));
    return (
      <PercentLineChart
        title={`Pass rate of “${ruleTitle}”`}
        seriesLabel="Pass rate"
        points={points}
        fileName={fileName('pass-rate')}
      />
    );
  }
  const points = history.points
    .filter(p => typeof p.averageScore === 'number')
    .map(p => ({ date: p.date, value: p.averageScore as number }));
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={6}>
        <PercentLineChart
          title="Average score"
          seriesLabel="Average score"
          points={points}
          fileName={fileName('average-score')}
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <LevelsAreaChart
          points={history.points}
          levels={levels}
          fileName={fileName('entities-per-level')}
        />
      </Grid>
    </Grid>
  );
}

/**
 * Score over time by scorecard, rule and team (or department: a group with
 * the teams below it), for a range of dates. The choices live in the URL
 * (`?scorecard=&rule=&team=&department=&from=&to=&interval=`), so a view can
 * be shared.
 */
export function ScorecardsHistory() {
  const api = useApi(scorecardsApiRef);
  const classes = useStyles();
  const [params, setParams] = useSearchParams();
  const today = DateTime.now().toISODate()!;
  const to = params.get('to') || today;
  const from =
    params.get('from') ||
    DateTime.fromISO(to)
      .minus({ days: DEFAULT_DAYS - 1 })
      .toISODate()!;
  const interval = params.get('interval') === 'week' ? 'week' : 'day';
  const ruleId = params.get('rule') || '';
  const owner = ownerChoiceFromParams(params, HISTORY_OWNER_PARAMS);

  const scorecards = useAsync(() => api.getScorecards(), [api]);
  const scorecardId =
    params.get('scorecard') || scorecards.value?.items[0]?.id || '';
  const details = useAsync(
    async () => (scorecardId ? api.getScorecard(scorecardId) : undefined),
    [api, scorecardId],
  );
  const departments = useAsync(
    async () =>
      scorecardId ? api.getScorecardDepartments(scorecardId) : undefined,
    [api, scorecardId],
  );
  const history = useAsync(
    async () =>
      scorecardId
        ? api.getHistory({
            scorecardId,
            ruleId: ruleId || undefined,
            ...ownerQuery(owner),
            from,
            to,
            interval,
          })
        : undefined,
    [
      api,
      scorecardId,
      ruleId,
      owner.team,
      owner.department,
      from,
      to,
      interval,
    ],
  );

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) {
        next.set(key, value);
      } else {
        next.delete(key);
      }
    }
    setParams(next, { replace: true });
  };

  if (scorecards.loading) {
    return <Progress />;
  }
  if (scorecards.error) {
    return <ResponseErrorPanel error={scorecards.error} />;
  }
  if (!scorecards.value || scorecards.value.items.length === 0) {
    return (
      <EmptyState
        missing="content"
        title="No scorecards defined"
        description="Define scorecards under scorecards.definitions in app-config.yaml to see their history."
      />
    );
  }

  const rules = details.value?.rules ?? [];
  const teams = (details.value?.teams ?? [])
    .map(t => t.owner)
    .filter((ref): ref is string => ref !== null);
  const ruleTitle = rules.find(r => r.id === ruleId)?.title;

  return (
    <InfoCard title="Score over time">
      <Box
        className={classes.controls}
        role="group"
        aria-label="History options"
      >
        <LabelledSelect
          id="history-scorecard"
          label="Scorecard"
          value={scorecardId}
          onChange={value =>
            update({ scorecard: value, rule: '', team: '', department: '' })
          }
        >
          {scorecards.value.items.map(s => (
            <MenuItem key={s.id} value={s.id}>
              {s.title}
            </MenuItem>
          ))}
        </LabelledSelect>
        <LabelledSelect
          id="history-rule"
          label="Rule"
          value={ruleId}
          onChange={value => update({ rule: value })}
        >
          <MenuItem value="">
            <em>All rules (average score)</em>
          </MenuItem>
          {rules.map(rule => (
            <MenuItem key={rule.id} value={rule.id}>
              {rule.title}
            </MenuItem>
          ))}
        </LabelledSelect>
        <OwnerSelect
          id="history-team"
          value={owner}
          onChange={value =>
            update({
              team: value.team ?? '',
              department: value.department ?? '',
            })
          }
          teams={teams}
          departments={(departments.value?.items ?? []).map(d => d.owner)}
          departmentsError={departments.error}
        />
        <TextField
          type="date"
          label="From"
          variant="outlined"
          size="small"
          value={from}
          onChange={e => update({ from: e.target.value })}
          InputLabelProps={{ shrink: true }}
          inputProps={{ max: to, 'aria-label': 'From date' }}
        />
        <TextField
          type="date"
          label="To"
          variant="outlined"
          size="small"
          value={to}
          onChange={e => update({ to: e.target.value })}
          InputLabelProps={{ shrink: true }}
          inputProps={{ min: from, max: today, 'aria-label': 'To date' }}
        />
        <LabelledSelect
          id="history-interval"
          label="Interval"
          value={interval}
          onChange={value => update({ interval: value === 'day' ? '' : value })}
        >
          <MenuItem value="day">Daily</MenuItem>
          <MenuItem value="week">Weekly</MenuItem>
        </LabelledSelect>
      </Box>
      <OwnerCaption value={owner} />
      {history.loading && <Progress />}
      {history.error && <ResponseErrorPanel error={history.error} />}
      {history.value && !history.loading && (
        <HistoryCharts
          history={history.value}
          levels={details.value?.levels ?? scorecards.value.levels}
          ruleTitle={ruleTitle ?? (ruleId || undefined)}
          fileName={chart =>
            csvFileName([
              scorecardId,
              ruleId,
              ownerFileNamePart(owner),
              chart,
              interval === 'week' ? 'weekly' : undefined,
              from,
              'to',
              to,
            ])
          }
        />
      )}
    </InfoCard>
  );
}
