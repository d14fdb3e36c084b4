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
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import Grid from '@material-ui/core/Grid';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Typography from '@material-ui/core/Typography';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { scorecardsApiRef, ScorecardSummary } from '../../api';
import { rootRouteRef } from '../../routes';
import { LastRunNote } from '../LastRunNote';
import { LevelDistributionBar } from '../LevelDistributionBar';
import { ScorecardLeaderboards } from '../ScorecardLeaderboards';
import { useScorecardDepartments } from '../ScorecardDetail/scorecardDepartments';
import { Markdown } from '../Markdown';
import { withNonDefaultParams } from '../urlParams';

function ScorecardSummaryCard(props: {
  scorecard: ScorecardSummary;
  levels: string[];
}) {
  const { scorecard, levels } = props;
  const rootLink = useRouteRef(rootRouteRef);
  const link = `${rootLink()}/${encodeURIComponent(scorecard.id)}`;
  const { summary } = scorecard;
  return (
    <InfoCard
      title={<Link to={link}>{scorecard.title}</Link>}
      subheader={`${scorecard.rules.length} rules`}
      variant="gridItem"
      deepLink={{ title: `Open ${scorecard.title}`, link }}
    >
      {scorecard.description && <Markdown content={scorecard.description} />}
      {summary ? (
        <>
          <Box display="flex" gridGap={24} my={2} flexWrap="wrap">
            <div>
              <Typography variant="h5" component="p">
                {summary.averageScore === null
                  ? '–'
                  : `${summary.averageScore}%`}
              </Typography>
              <Typography variant="caption" color="textSecondary">
                average score
              </Typography>
            </div>
            <div>
              <Typography variant="h5" component="p">
                {summary.entities.toLocaleString('en-US')}
              </Typography>
              <Typography variant="caption" color="textSecondary">
                entities evaluated
              </Typography>
            </div>
          </Box>
          <LevelDistributionBar
            distribution={summary.distribution}
            levels={levels}
          />
        </>
      ) : (
        <Typography variant="body2" color="textSecondary">
          No figures yet.
        </Typography>
      )}
    </InfoCard>
  );
}

/**
 * The highest and lowest of one scorecard, chosen in the section's select
 * and kept in the URL (`?scorecard=`; the first scorecard by default, and
 * for an id that is not, or no longer, a scorecard).
 */
function LeaderboardsSection(props: { scorecards: ScorecardSummary[] }) {
  const { scorecards } = props;
  const api = useApi(scorecardsApiRef);
  const [params, setParams] = useSearchParams();
  const first = scorecards[0]?.id ?? '';
  const chosen = params.get('scorecard');
  const scorecardId =
    chosen && scorecards.some(s => s.id === chosen) ? chosen : first;
  const choose = (id: string) =>
    setParams(
      current =>
        withNonDefaultParams(current, { scorecard: id }, { scorecard: first }),
      { replace: true },
    );
  const details = useAsync(
    async () => (scorecardId ? api.getScorecard(scorecardId) : undefined),
    [api, scorecardId],
  );
  const departments = useScorecardDepartments(details.value);

  return (
    <section aria-labelledby="scorecards-leaderboards">
      <Box
        display="flex"
        alignItems="center"
        justifyContent="space-between"
        flexWrap="wrap"
        mb={2}
      >
        <Typography variant="h5" component="h2" id="scorecards-leaderboards">
          Highest and lowest
        </Typography>
        <FormControl variant="outlined" size="small">
          <InputLabel id="leaderboard-scorecard-label">Scorecard</InputLabel>
          <Select
            labelId="leaderboard-scorecard-label"
            id="leaderboard-scorecard"
            label="Scorecard"
            value={scorecardId ?? ''}
            onChange={e => choose(e.target.value as string)}
          >
            {scorecards.map(s => (
              <MenuItem key={s.id} value={s.id}>
                {s.title}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
      </Box>
      {details.loading && <Progress />}
      {details.error && <ResponseErrorPanel error={details.error} />}
      {details.value && (
        <ScorecardLeaderboards
          scorecard={details.value}
          departments={departments}
          listHeading="h3"
        />
      )}
    </section>
  );
}

/** Every scorecard with its level distribution and average score. */
export function ScorecardsOverview() {
  const api = useApi(scorecardsApiRef);
  const { value, loading, error } = useAsync(() => api.getScorecards(), [api]);

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value || value.items.length === 0) {
    return (
      <EmptyState
        missing="content"
        title="No scorecards defined"
        description={
          <>
            Define scorecards under <code>scorecards.definitions</code> in{' '}
            <code>app-config.yaml</code>; the backend evaluates them on its next
            run.
          </>
        }
      />
    );
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <LastRunNote run={value.lastRun} />
      </Grid>
      {value.items.map(scorecard => (
        <Grid item xs={12} md={6} xl={4} key={scorecard.id}>
          <ScorecardSummaryCard scorecard={scorecard} levels={value.levels} />
        </Grid>
      ))}
      <Grid item xs={12}>
        <LeaderboardsSection scorecards={value.items} />
      </Grid>
    </Grid>
  );
}
