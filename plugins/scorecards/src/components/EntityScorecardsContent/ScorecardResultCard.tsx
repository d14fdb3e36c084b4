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

import { Gauge, InfoCard, Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { EntityScorecardResult } from '../../api';
import { useScorecardsRoot } from '../Campaigns/useScorecardsRoot';
import { LevelBadge } from '../LevelBadge';
import { RelativeTime } from '../RelativeTime';
import { ScoreTrend } from '../ScoreTrend';
import { groupRulesByLevel, nextLevelGap } from './groupRules';
import { RuleResultList } from './RuleResultList';
import { Markdown } from '../Markdown';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  gauge: {
    width: 120,
  },
  meta: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  },
  levelHeading: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginTop: theme.spacing(2),
  },
}));

/**
 * The id of a scorecard's card on the entity's Scorecards tab: the tab
 * scrolls to it when the URL's hash names it (`#scorecard-<id>`).
 */
export const scorecardAnchor = (scorecardId: string) =>
  `scorecard-${scorecardId}`;

/**
 * One scorecard's result for the current entity; its title links to the
 * scorecard's page, where the entity's teams and the rest of the
 * organisation are (when the app mounts the Scorecards page).
 */
export function ScorecardResultCard(props: {
  scorecard: EntityScorecardResult;
  levels: string[];
  entityRef: string;
}) {
  const { scorecard, levels, entityRef } = props;
  const classes = useStyles();
  const groups = groupRulesByLevel(scorecard.rules, levels);
  const gap = nextLevelGap(scorecard.level, scorecard.rules, levels);
  const headingId = scorecardAnchor(scorecard.id);
  const root = useScorecardsRoot();

  return (
    <InfoCard
      title={
        <span id={headingId}>
          {root === undefined ? (
            scorecard.title
          ) : (
            <Link to={`${root}/${encodeURIComponent(scorecard.id)}`}>
              {scorecard.title}
            </Link>
          )}
        </span>
      }
      action={<LevelBadge level={scorecard.level} levels={levels} />}
      variant="gridItem"
    >
      <section aria-labelledby={headingId}>
        <div className={classes.summary}>
          <div
            className={classes.gauge}
            role="img"
            aria-label={`Score ${scorecard.score}%`}
          >
            {/* The score as it is (one decimal), not rounded by the gauge. */}
            <Gauge value={scorecard.score} fractional={false} size="small" />
          </div>
          <div className={classes.meta}>
            <Typography variant="body2">
              Score <strong>{scorecard.score}%</strong> · level{' '}
              <strong>{scorecard.level}</strong>
            </Typography>
            {!gap && (
              <Typography variant="body2" color="textSecondary">
                Highest level reached
              </Typography>
            )}
            {gap && gap.failing.length > 0 && (
              <Typography variant="body2" color="textSecondary">
                Fix {gap.failing.length}{' '}
                {gap.failing.length === 1 ? 'rule' : 'rules'} to reach{' '}
                {gap.nextLevel}
              </Typography>
            )}
            <Typography variant="caption" color="textSecondary">
              Evaluated{' '}
              <RelativeTime
                value={scorecard.evaluatedAt ?? scorecard.updatedAt}
              />
              {scorecard.stateSince && (
                <>
                  {' '}
                  · unchanged since{' '}
                  <RelativeTime value={scorecard.stateSince} />
                </>
              )}
            </Typography>
            <ScoreTrend scorecardId={scorecard.id} entityRef={entityRef} />
          </div>
        </div>
        {scorecard.description && (
          <Box mb={1}>
            <Markdown content={scorecard.description} />
          </Box>
        )}
        {groups.map(group => {
          const passed = group.rules.filter(r => r.status === 'pass').length;
          // Skipped rules count for neither the level nor the score.
          const skipped = group.rules.filter(r => r.status === 'skip').length;
          const applicable = group.rules.length - skipped;
          let tally = `${passed} of ${applicable} passed`;
          if (applicable === 0) {
            tally = 'not applicable';
          } else if (skipped > 0) {
            tally += ` · ${skipped} not applicable`;
          }
          return (
            <div key={group.level}>
              <Typography
                variant="subtitle2"
                component="h3"
                className={classes.levelHeading}
              >
                <LevelBadge level={group.level} levels={levels} size="small" />
                <span>{tally}</span>
              </Typography>
              <RuleResultList
                rules={group.rules}
                aria-label={`${group.level} rules`}
              />
            </div>
          );
        })}
      </section>
    </InfoCard>
  );
}
