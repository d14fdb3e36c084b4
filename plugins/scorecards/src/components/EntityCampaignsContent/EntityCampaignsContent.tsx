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

import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import { EntityCampaign, scorecardsApiRef } from '../../api';
import {
  CampaignGuidance,
  CampaignStatusChip,
  daysLeftText,
  formatDay,
} from '../Campaigns';
import { useScorecardsRoot } from '../Campaigns/useScorecardsRoot';
import { ReadableText } from '../ReadableText';
import { RuleStatusIcon } from '../RuleStatusIcon';
import { Markdown } from '../Markdown';

const useStyles = makeStyles(theme => ({
  rules: { listStyle: 'none', margin: 0, padding: 0 },
  rule: {
    display: 'flex',
    gap: theme.spacing(1),
    padding: theme.spacing(1, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
    '&:last-child': { borderBottom: 'none' },
  },
  guidance: {
    marginTop: theme.spacing(1),
    paddingLeft: theme.spacing(2),
    borderLeft: `3px solid ${theme.palette.divider}`,
  },
}));

function CampaignCard(props: { campaign: EntityCampaign }) {
  const { campaign } = props;
  const classes = useStyles();
  const root = useScorecardsRoot();
  const link =
    root !== undefined
      ? `${root}/campaigns/${encodeURIComponent(campaign.key)}`
      : undefined;
  const left = daysLeftText(campaign.daysLeft, campaign.status);
  const failing = campaign.rules.filter(r => r.status === 'fail').length;
  return (
    <InfoCard
      title={link ? <Link to={link}>{campaign.name}</Link> : campaign.name}
      subheader={
        campaign.passing
          ? 'This entity passes every rule of the campaign'
          : `This entity fails ${failing} of ${campaign.rules.length} ${
              campaign.rules.length === 1 ? 'rule' : 'rules'
            }`
      }
      variant="gridItem"
    >
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        gridGap={16}
        mb={1}
      >
        <CampaignStatusChip status={campaign.status} />
        <Typography variant="body2">
          Deadline: {campaign.endDate ? formatDay(campaign.endDate) : 'none'}
          {left ? ` · ${left}` : ''}
        </Typography>
        <Typography variant="body2">
          Owner:{' '}
          <EntityRefLink entityRef={campaign.owner} defaultKind="group" />
        </Typography>
      </Box>
      {campaign.description && <Markdown content={campaign.description} />}
      <ul className={classes.rules} aria-label={`Rules of ${campaign.name}`}>
        {campaign.rules.map(rule => (
          <li key={rule.rule} className={classes.rule}>
            <RuleStatusIcon status={rule.status} />
            <div>
              <Typography variant="subtitle2" component="h3">
                {rule.title}
              </Typography>
              <Typography variant="body2" color="textSecondary">
                {rule.message}
              </Typography>
              {rule.status === 'fail' && (
                <div className={classes.guidance}>
                  <CampaignGuidance
                    guidance={rule.guidance}
                    ruleGuidance={rule.ruleGuidance}
                    ruleTitle={rule.title}
                  />
                </div>
              )}
            </div>
          </li>
        ))}
      </ul>
    </InfoCard>
  );
}

function EntityCampaignsContentBody() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(scorecardsApiRef);
  const { value, loading, error } = useAsync(
    () => api.getEntityCampaigns(entityRef),
    [api, entityRef],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value || value.items.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="This entity is not part of any campaign"
        description="Campaigns apply to the entities in their scope that one of their scorecards evaluates."
      />
    );
  }
  // Failing campaigns first, then by deadline.
  const campaigns = [...value.items].sort(
    (a, b) =>
      Number(a.passing) - Number(b.passing) ||
      (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity),
  );
  return (
    <Grid container spacing={3} alignItems="stretch">
      {campaigns.map(campaign => (
        <Grid item xs={12} lg={6} key={campaign.key}>
          <CampaignCard campaign={campaign} />
        </Grid>
      ))}
    </Grid>
  );
}

/**
 * The entity's Campaigns tab: the campaigns it is in, with their deadlines,
 * its status per campaign rule and how to pass the failing ones.
 *
 * @public
 */
export function EntityCampaignsContent() {
  return (
    <ReadableText>
      <EntityCampaignsContentBody />
    </ReadableText>
  );
}
