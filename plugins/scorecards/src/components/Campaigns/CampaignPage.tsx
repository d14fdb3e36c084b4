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
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { scorecardsApiRef } from '../../api';
import { BackLink, NotFoundOrError } from '../NotFound';
import { rootRouteRef } from '../../routes';
import { RelativeTime } from '../RelativeTime';
import { daysLeftText, formatDay } from './campaignFormat';
import { CampaignEditActions } from './CampaignEditActions';
import { CampaignEntitiesTable } from './CampaignEntitiesTable';
import { CampaignRulesList } from './CampaignRulesList';
import { CampaignStatusChip } from './CampaignStatusChip';
import { CampaignProgressByTeam } from './CampaignProgressByTeam';
import { CampaignTrendCard } from './CampaignTrendCard';
import { useCampaignDepartments } from './campaignDepartments';
import { CompletionBar } from './CompletionBar';
import { Markdown } from '../Markdown';

function Fact(props: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Typography variant="caption" color="textSecondary" component="dt">
        {props.label}
      </Typography>
      <Typography variant="body1" component="dd" style={{ margin: 0 }}>
        {props.children}
      </Typography>
    </div>
  );
}

/**
 * One campaign: what it is and when it ends, its overall completion,
 * adoption by team, progress and guidance by rule, the trend towards the
 * deadline and the entities still failing.
 */
export function CampaignPage() {
  const { campaignKey = '' } = useParams();
  const api = useApi(scorecardsApiRef);
  const root = useRouteRef(rootRouteRef)();
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getCampaign(campaignKey),
    [api, campaignKey],
  );
  const departments = useCampaignDepartments(value);

  const back = <BackLink to={`${root}/campaigns`}>All campaigns</BackLink>;
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

  const left = daysLeftText(value.daysLeft, value.status);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        {back}
        <Box display="flex" alignItems="center" gridGap={12} flexWrap="wrap">
          <Typography variant="h4" component="h2">
            {value.name}
          </Typography>
          <CampaignStatusChip status={value.status} />
          <CampaignEditActions campaign={value} onChanged={retry} />
        </Box>
      </Grid>
      <Grid item xs={12} md={7}>
        <InfoCard title="About" variant="gridItem">
          {value.description && <Markdown content={value.description} />}
          <Box
            component="dl"
            display="flex"
            flexWrap="wrap"
            gridGap={32}
            mt={2}
            mb={0}
          >
            <Fact label="Owner">
              <EntityRefLink entityRef={value.owner} defaultKind="group" />
            </Fact>
            <Fact label="Start">{formatDay(value.startDate)}</Fact>
            <Fact label="Deadline">
              {value.endDate ? formatDay(value.endDate) : 'None'}
            </Fact>
            {left && <Fact label="Time left">{left}</Fact>}
            <Fact label="Rules">{value.ruleCount}</Fact>
          </Box>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={5}>
        <InfoCard title="Overall completion" variant="gridItem">
          <Typography variant="h3" component="p">
            {value.progress.completion}%
          </Typography>
          <CompletionBar
            completion={value.progress.completion}
            passing={value.progress.passing}
            total={value.progress.inScope}
            label={`Overall completion of ${value.name}`}
          />
          <Box mt={1}>
            <Typography variant="caption" color="textSecondary">
              Computed <RelativeTime value={value.computedAt} />
            </Typography>
          </Box>
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <CampaignTrendCard campaign={value} departments={departments} />
      </Grid>
      <Grid item xs={12} lg={6}>
        <CampaignProgressByTeam campaign={value} departments={departments} />
      </Grid>
      <Grid item xs={12} lg={6}>
        <InfoCard title="Progress by rule">
          <CampaignRulesList rules={value.byRule} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Failing entities">
          <CampaignEntitiesTable campaign={value} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
