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
import { CampaignGuidance as Guidance, RuleGuidance } from '../../api';
import { Markdown } from '../Markdown';

const useStyles = makeStyles(theme => ({
  list: {
    margin: theme.spacing(0.5, 0),
    paddingLeft: theme.spacing(3),
    '& p': { margin: 0 },
  },
  // Close under its heading, as the steps are.
  ruleText: { '& p:first-child': { marginTop: theme.spacing(0.5) } },
}));

/** Whether there is any guidance to show. */
export function hasGuidance(
  guidance?: Guidance,
  ruleGuidance?: RuleGuidance,
): boolean {
  return Boolean(
    guidance?.links?.length ||
      guidance?.steps?.length ||
      guidance?.templateUrl ||
      ruleGuidance?.text ||
      ruleGuidance?.url,
  );
}

/**
 * How to pass a campaign rule: the campaign's steps, links and template,
 * then the scorecard rule's own guidance.
 */
export function CampaignGuidance(props: {
  guidance?: Guidance;
  ruleGuidance?: RuleGuidance;
  /** The rule's title, for accessible names. */
  ruleTitle: string;
}) {
  const { guidance, ruleGuidance, ruleTitle } = props;
  const classes = useStyles();
  if (!hasGuidance(guidance, ruleGuidance)) {
    return null;
  }
  // Under the campaign's own guidance, the rule's needs a heading of its
  // own: it is written for every entity the scorecard evaluates.
  const headRuleGuidance =
    hasGuidance(guidance) && Boolean(ruleGuidance?.text || ruleGuidance?.url);
  return (
    <Box aria-label={`How to pass ${ruleTitle}`} role="group">
      {guidance?.steps && guidance.steps.length > 0 && (
        <>
          <Typography variant="subtitle2" component="p">
            Steps
          </Typography>
          <ol className={classes.list}>
            {guidance.steps.map((step, index) => (
              <li key={index}>
                <Markdown content={step} />
              </li>
            ))}
          </ol>
        </>
      )}
      {guidance?.links && guidance.links.length > 0 && (
        <>
          <Typography variant="subtitle2" component="p">
            Documentation
          </Typography>
          <ul className={classes.list}>
            {guidance.links.map(link => (
              <li key={link.url}>
                <Link to={link.url}>{link.title}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {guidance?.templateUrl && (
        <Typography variant="body2">
          <Link to={guidance.templateUrl}>
            Open the template that fixes {ruleTitle}
          </Link>
        </Typography>
      )}
      {headRuleGuidance && (
        <Typography variant="subtitle2" component="p">
          From the scorecard rule
        </Typography>
      )}
      {ruleGuidance?.text && (
        <div className={headRuleGuidance ? classes.ruleText : undefined}>
          <Markdown content={ruleGuidance.text} />
        </div>
      )}
      {ruleGuidance?.url && (
        <Typography variant="body2">
          <Link to={ruleGuidance.url}>More about {ruleTitle}</Link>
        </Typography>
      )}
    </Box>
  );
}
