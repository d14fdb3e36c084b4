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

import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CampaignRuleProgress } from '../../api';
import { campaignFailingLink } from './CampaignEntitiesTable';
import { CampaignGuidance } from './CampaignGuidance';
import { CompletionBar } from './CompletionBar';
import { Markdown } from '../Markdown';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    padding: theme.spacing(2, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
    '&:last-child': { borderBottom: 'none' },
  },
  guidance: {
    marginTop: theme.spacing(1),
    paddingLeft: theme.spacing(2),
    borderLeft: `3px solid ${theme.palette.divider}`,
  },
}));

/** Each campaign rule with its pass rate and how to pass it. */
export function CampaignRulesList(props: { rules: CampaignRuleProgress[] }) {
  const classes = useStyles();
  return (
    <ul className={classes.list} aria-label="Progress by rule">
      {props.rules.map(rule => (
        <li key={rule.rule} className={classes.item}>
          <Box
            display="flex"
            flexWrap="wrap"
            justifyContent="space-between"
            gridGap={16}
          >
            <div>
              <Typography variant="subtitle1" component="h3">
                {rule.title}
              </Typography>
              <Typography variant="caption" color="textSecondary">
                {rule.scorecardTitle ?? rule.scorecardId} ·{' '}
                {rule.failing > 0 ? (
                  <Link
                    to={campaignFailingLink({ rule: rule.rule })}
                    aria-label={`${rule.failing} failing: show the entities failing ${rule.title}`}
                  >
                    {rule.failing} failing
                  </Link>
                ) : (
                  '0 failing'
                )}
              </Typography>
            </div>
            <Box minWidth={240}>
              <CompletionBar
                completion={rule.completion}
                passing={rule.passing}
                total={rule.applicable}
                label={`Pass rate of ${rule.title}`}
              />
            </Box>
          </Box>
          {rule.ruleDescription && <Markdown content={rule.ruleDescription} />}
          <div className={classes.guidance}>
            <CampaignGuidance
              guidance={rule.guidance}
              ruleGuidance={rule.ruleGuidance}
              ruleTitle={rule.title}
            />
          </div>
        </li>
      ))}
    </ul>
  );
}
