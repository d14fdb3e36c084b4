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
import { TeamRelation, TeamScorecard, scorecardsApiRef } from '../../api';
import { useScorecardsRoot } from '../Campaigns/useScorecardsRoot';
import { LevelDistributionBar } from '../LevelDistributionBar';
import { historyLink } from '../ScorecardsHistory';
import { ScoreTrend } from '../ScoreTrend';
import {
  chartOwnerOf,
  NothingOwned,
  ownsText,
  teamParams,
  TeamOwnershipProps,
  TeamOwnershipCard,
  useTeamOwnership,
} from '../TeamOwnership';

/** How many of a scorecard's rules the card lists as most failed. */
const MOST_FAILED = 3;

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
  rules: {
    margin: theme.spacing(0.5, 0, 0),
    paddingLeft: theme.spacing(2.5),
    // Each rule's link 24 px from the next (WCAG 2.2's target size).
    '& > li': { padding: theme.spacing(0.5, 0) },
  },
  spaced: { marginTop: theme.spacing(1) },
  // On the right even when there is no trend to its left.
  historyLink: { marginLeft: 'auto' },
}));

/** A scorecard that evaluated some of the team's entities. */
type ScoredTeamScorecard = TeamScorecard & {
  score: NonNullable<TeamScorecard['score']>;
};

/**
 * The scorecard's entity table of the owners' entities (each a `team=`),
 * with more filters.
 */
function tableLink(
  root: string | undefined,
  scorecardId: string,
  owners: string[],
  filters: Record<string, string> = {},
): string | undefined {
  if (!root) {
    return undefined;
  }
  return `${root}/${encodeURIComponent(scorecardId)}?${teamParams(
    owners,
    filters,
  )}`;
}

/**
 * The History tab charting what the card counts: the team alone, or, with
 * indirect ownership, a group with the groups below it (a department) or a
 * user with their teams.
 */
function cardHistoryLink(
  root: string | undefined,
  scorecardId: string,
  ownership: { team: string; relation: TeamRelation },
): string | undefined {
  return root
    ? historyLink(root, scorecardId, chartOwnerOf(ownership))
    : undefined;
}

function TeamScorecardItem(props: {
  item: ScoredTeamScorecard;
  team: string;
  relation: TeamRelation;
  owners: string[];
  levels: string[];
  root: string | undefined;
}) {
  const { item, team, relation, owners, levels, root } = props;
  const { score } = item;
  const classes = useStyles();
  const titles = new Map(item.rules.map(r => [r.id, r.title]));
  // The rules the team's entities fail most: lowest pass rate first.
  const mostFailed = score.rules
    .filter(r => r.passRate !== null && r.passed < r.applicable)
    .sort((a, b) => a.passRate! - b.passRate! || b.applicable - a.applicable)
    .slice(0, MOST_FAILED);
  const link = tableLink(root, item.id, owners);
  const history = cardHistoryLink(root, item.id, { team, relation });
  return (
    <li className={classes.item}>
      <Box
        display="flex"
        justifyContent="space-between"
        alignItems="center"
        flexWrap="wrap"
        gridGap={16}
      >
        <Typography variant="subtitle2" component="h4">
          {link ? <Link to={link}>{item.title}</Link> : item.title}
        </Typography>
        <Box display="flex" alignItems="center" gridGap={16} ml="auto">
          <ScoreTrend scorecardId={item.id} team={team} relation={relation} />
          <Typography
            variant="body2"
            color="textSecondary"
            className={classes.figures}
          >
            {score.entities} {score.entities === 1 ? 'entity' : 'entities'} ·
            average {score.averageScore}%
          </Typography>
        </Box>
      </Box>
      <Box mt={1}>
        <LevelDistributionBar
          distribution={score.distribution}
          levels={levels}
        />
      </Box>
      <Box
        display="flex"
        justifyContent="space-between"
        alignItems="baseline"
        flexWrap="wrap"
        gridGap={8}
        className={classes.spaced}
      >
        {mostFailed.length > 0 ? (
          <Typography variant="caption" color="textSecondary" component="p">
            Most failed rules
          </Typography>
        ) : (
          <Typography variant="body2" color="textSecondary">
            Every entity passes every rule.
          </Typography>
        )}
        {history && (
          <Typography variant="body2" className={classes.historyLink}>
            <Link to={history}>Score over time</Link>
          </Typography>
        )}
      </Box>
      {mostFailed.length > 0 && (
        <ul className={classes.rules}>
          {mostFailed.map(rule => {
            const failing = rule.applicable - rule.passed;
            const title = titles.get(rule.ruleId) ?? rule.ruleId;
            const ruleLink = tableLink(root, item.id, owners, {
              failingRule: rule.ruleId,
            });
            const text = `${title}: ${failing} of ${rule.applicable} failing`;
            return (
              <li key={rule.ruleId}>
                <Typography variant="body2">
                  {ruleLink ? <Link to={ruleLink}>{text}</Link> : text}
                </Typography>
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}

/**
 * How the entities a team owns do on every scorecard, for the team's
 * (group's, or user's) entity page: per scorecard, how many entities, their
 * average score and levels, and the rules most of them fail. Each links to
 * the scorecard's entity table filtered to the team.
 *
 * With indirect ownership (`aggregated`, as the catalog's Ownership card
 * has it), a group's figures add up its descendant groups', and a user's
 * those of the groups they are a member of. A switch in the card's header
 * turns it on and off, unless `hideRelationsToggle`. It starts on for users
 * and off for groups, unless `relationAggregation` says otherwise.
 *
 * @public
 */
export function EntityTeamScorecardsCard(props: TeamOwnershipProps) {
  const { entity } = useEntity();
  const ownership = useTeamOwnership(entity, props.relationAggregation);
  const { team, isUser, relation } = ownership;
  const api = useApi(scorecardsApiRef);
  const root = useScorecardsRoot();
  const classes = useStyles();
  const { value, loading, error } = useAsync(
    () => api.getTeamScorecards(team, { relation }),
    [api, team, relation],
  );

  const scored = (value?.items ?? []).filter(
    (item): item is ScoredTeamScorecard => item.score !== null,
  );

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (scored.length === 0 && !value?.lastRun) {
    content = (
      <Typography variant="body2" color="textSecondary">
        Scorecards have not been evaluated yet.
      </Typography>
    );
  } else if (!value || scored.length === 0) {
    content = (
      <NothingOwned
        ownership={ownership}
        hideRelationsToggle={props.hideRelationsToggle}
      >
        No scorecard evaluates entities that {ownsText(isUser, relation)}.
      </NothingOwned>
    );
  } else {
    content = (
      <ul
        className={classes.list}
        aria-label="Scorecards of the team's entities"
      >
        {scored.map(item => (
          <TeamScorecardItem
            key={item.id}
            item={item}
            team={team}
            relation={relation}
            owners={value.owners}
            levels={value.levels}
            root={root}
          />
        ))}
      </ul>
    );
  }

  return (
    <TeamOwnershipCard
      title="Scorecards"
      ownership={ownership}
      response={value}
      hideRelationsToggle={props.hideRelationsToggle}
    >
      {content}
    </TeamOwnershipCard>
  );
}
