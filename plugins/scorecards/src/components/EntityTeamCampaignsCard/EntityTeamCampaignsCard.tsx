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

import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import { scorecardsApiRef, TeamCampaign, TeamRelation } from '../../api';
import {
  CampaignStatusChip,
  CompletionBar,
  daysLeftText,
  formatDay,
  TREND_OWNER_PARAMS,
} from '../Campaigns';
import { useScorecardsRoot } from '../Campaigns/useScorecardsRoot';
import {
  chartOwnerOf,
  NothingOwned,
  ownsText,
  teamParams,
  TeamOwnershipProps,
  TeamOwnershipCard,
  useTeamOwnership,
} from '../TeamOwnership';
import { ownerParams } from '../TeamSelect';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    padding: theme.spacing(1.5, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
    '&:first-child': { paddingTop: 0 },
    '&:last-child': { borderBottom: 'none', paddingBottom: 0 },
  },
  figures: {
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
  },
}));

/** When the campaign is due, or starts: "Due Dec 31, 2026 · 24 days left". */
function timelineText(campaign: TeamCampaign): string {
  if (campaign.status === 'upcoming') {
    return `Starts ${formatDay(campaign.startDate)}${
      campaign.endDate ? ` · due ${formatDay(campaign.endDate)}` : ''
    }`;
  }
  if (!campaign.endDate) {
    return 'No deadline';
  }
  const left = daysLeftText(campaign.daysLeft, campaign.status);
  return `Due ${formatDay(campaign.endDate)}${left ? ` · ${left}` : ''}`;
}

/**
 * The campaign page's trend of what the card counts (`trendTeam`, or
 * `trendDepartment` with indirect ownership: a group with the groups below
 * it, a user with their teams), as parameters.
 */
function trendParams(ownership: {
  team: string;
  relation: TeamRelation;
}): URLSearchParams {
  return ownerParams(chartOwnerOf(ownership), TREND_OWNER_PARAMS);
}

function TeamCampaignItem(props: {
  campaign: TeamCampaign;
  ownership: { team: string; relation: TeamRelation; isUser: boolean };
  owners: string[];
  root: string | undefined;
}) {
  const { campaign, ownership, owners, root } = props;
  const classes = useStyles();
  const page = root
    ? `${root}/campaigns/${encodeURIComponent(campaign.key)}`
    : undefined;
  // The campaign page opens on the team's completion over time; "failing"
  // also filters its failing entities to the team.
  const trend = trendParams(ownership);
  const pageLink = trend.toString() ? `${page}?${trend}` : page;
  const failingParams = teamParams(owners, Object.fromEntries(trend));
  const { inScope, passing, completion } = campaign.teamProgress;
  const failing = inScope - passing;
  const failingText = `${failing.toLocaleString('en-US')} failing`;
  return (
    <li className={classes.item}>
      <Box
        display="flex"
        justifyContent="space-between"
        alignItems="center"
        gridGap={16}
      >
        <Typography variant="subtitle2" component="h4">
          {page ? <Link to={pageLink!}>{campaign.name}</Link> : campaign.name}
        </Typography>
        <CampaignStatusChip status={campaign.status} />
      </Box>
      <Typography variant="body2" color="textSecondary">
        {timelineText(campaign)}
      </Typography>
      <Box mt={1}>
        <CompletionBar
          completion={completion}
          passing={passing}
          total={inScope}
          label={`Completion of ${campaign.name}`}
          hideCount
        />
      </Box>
      <Typography
        variant="body2"
        color="textSecondary"
        className={classes.figures}
      >
        {passing.toLocaleString('en-US')} of {inScope.toLocaleString('en-US')}{' '}
        {inScope === 1 ? 'entity passes' : 'entities pass'}
        {failing > 0 && (
          <>
            {' · '}
            {page ? (
              <Link to={`${page}?${failingParams}`}>{failingText}</Link>
            ) : (
              failingText
            )}
          </>
        )}
      </Typography>
    </li>
  );
}

/**
 * The campaigns a team's entities are in, for the team's (group's, or
 * user's) entity page: per campaign, its status and deadline, and the
 * team's completion. Each links to the campaign's page; "N failing" to its
 * failing entities, filtered to the team.
 *
 * Indirect ownership works as in `EntityTeamScorecardsCard`: a switch in
 * the header, unless `hideRelationsToggle`; on for users and off for groups
 * at first, unless `relationAggregation` says otherwise.
 *
 * @public
 */
export function EntityTeamCampaignsCard(props: TeamOwnershipProps) {
  const { entity } = useEntity();
  const ownership = useTeamOwnership(entity, props.relationAggregation);
  const { team, isUser, relation } = ownership;
  const api = useApi(scorecardsApiRef);
  const root = useScorecardsRoot();
  const classes = useStyles();
  const { value, loading, error } = useAsync(
    () => api.getTeamCampaigns(team, { relation }),
    [api, team, relation],
  );

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (!value || value.items.length === 0) {
    content = (
      <NothingOwned
        ownership={ownership}
        hideRelationsToggle={props.hideRelationsToggle}
      >
        No campaign includes entities that {ownsText(isUser, relation)}.
      </NothingOwned>
    );
  } else {
    content = (
      <ul
        className={classes.list}
        aria-label="Campaigns of the team's entities"
      >
        {value.items.map(campaign => (
          <TeamCampaignItem
            key={campaign.key}
            campaign={campaign}
            ownership={{ team, relation, isUser }}
            owners={value.owners}
            root={root}
          />
        ))}
      </ul>
    );
  }

  return (
    <TeamOwnershipCard
      title="Campaigns"
      ownership={ownership}
      response={value}
      hideRelationsToggle={props.hideRelationsToggle}
    >
      {content}
    </TeamOwnershipCard>
  );
}
