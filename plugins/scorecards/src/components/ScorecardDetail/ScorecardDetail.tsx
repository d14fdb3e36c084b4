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

import { InfoCard, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { ScorecardDetailsResponse, scorecardsApiRef } from '../../api';
import { BackLink, NotFoundOrError } from '../NotFound';
import { rootRouteRef } from '../../routes';
import { LastRunNote } from '../LastRunNote';
import { historyLink } from '../ScorecardsHistory';
import { LevelDistributionBar } from '../LevelDistributionBar';
import { ScorecardEntitiesTable } from '../ScorecardEntitiesTable';
import { ScorecardLeaderboards } from '../ScorecardLeaderboards';
import { RulePassRates } from './RulePassRates';
import { TeamLevelsGrid } from './TeamLevelsGrid';
import { TeamRulesGrid } from './TeamRulesGrid';
import { useScorecardDepartments } from './scorecardDepartments';
import { Markdown } from '../Markdown';

/**
 * The highest and lowest, teams by rule and teams by level, which switch
 * to departments together: the departments are read once for all three.
 */
function TeamViews(props: { scorecard: ScorecardDetailsResponse }) {
  const departments = useScorecardDepartments(props.scorecard);
  return (
    <>
      <Grid item xs={12}>
        <Typography variant="h5" component="h3" gutterBottom>
          Highest and lowest
        </Typography>
        <ScorecardLeaderboards
          scorecard={props.scorecard}
          departments={departments}
        />
      </Grid>
      <Grid item xs={12}>
        <TeamRulesGrid scorecard={props.scorecard} departments={departments} />
      </Grid>
      <Grid item xs={12}>
        <TeamLevelsGrid scorecard={props.scorecard} departments={departments} />
      </Grid>
    </>
  );
}

/**
 * One scorecard: its figures, rules by pass rate, highest and lowest rules,
 * entities and teams, teams by rule and by level, and the filterable entity
 * table.
 */
export function ScorecardDetail() {
  const { scorecardId = '' } = useParams();
  const api = useApi(scorecardsApiRef);
  const rootLink = useRouteRef(rootRouteRef);
  const { value, loading, error } = useAsync(
    () => api.getScorecard(scorecardId),
    [api, scorecardId],
  );

  const back = <BackLink to={rootLink()}>All scorecards</BackLink>;

  if (loading) {
    return <Progress />;
  }
  if (error || !value) {
    return (
      <>
        <Box mb={2}>{back}</Box>
        {error && <NotFoundOrError error={error} />}
      </>
    );
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        {back}
        <Typography variant="h4" component="h2">
          {value.title}
        </Typography>
        <LastRunNote run={value.lastRun} />
      </Grid>
      <Grid item xs={12} lg={5}>
        <InfoCard
          title="Summary"
          variant="gridItem"
          deepLink={{
            title: 'Score over time',
            link: historyLink(rootLink(), value.id),
          }}
        >
          {value.description && <Markdown content={value.description} />}
          <Box display="flex" gridGap={24} my={2}>
            <div>
              <Typography variant="h5" component="p">
                {value.summary.averageScore === null
                  ? '–'
                  : `${value.summary.averageScore}%`}
              </Typography>
              <Typography variant="caption" color="textSecondary">
                average score
              </Typography>
            </div>
            <div>
              <Typography variant="h5" component="p">
                {value.summary.entities.toLocaleString('en-US')}
              </Typography>
              <Typography variant="caption" color="textSecondary">
                entities evaluated
              </Typography>
            </div>
          </Box>
          <LevelDistributionBar
            distribution={value.summary.distribution}
            levels={value.levels}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={7}>
        <RulePassRates scorecard={value} />
      </Grid>
      <TeamViews scorecard={value} />
      <Grid item xs={12}>
        <InfoCard title="Entities">
          <ScorecardEntitiesTable scorecard={value} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
