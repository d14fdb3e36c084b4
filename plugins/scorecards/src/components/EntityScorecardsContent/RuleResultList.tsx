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
import { formatValue } from '@openscorecards/plugin-scorecards-common';
import { EntityRuleResult } from '../../api';
import { RelativeTime } from '../RelativeTime';
import { RuleStatusIcon } from '../RuleStatusIcon';
import { useReportedOutcome } from './reportedOutcomes';
import { Markdown } from '../Markdown';

const useStyles = makeStyles(theme => ({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  rule: {
    display: 'flex',
    gap: theme.spacing(1),
    padding: theme.spacing(1, 0),
    '&:not(:last-child)': {
      borderBottom: `1px solid ${theme.palette.divider}`,
    },
  },
  icon: {
    paddingTop: 2,
  },
  body: {
    minWidth: 0,
    flex: 1,
  },
  value: {
    fontFamily: 'monospace',
    padding: theme.spacing(0, 0.5),
    borderRadius: theme.shape.borderRadius,
    background: theme.palette.action.hover,
    wordBreak: 'break-all',
  },
  guidance: {
    marginTop: theme.spacing(0.5),
    paddingLeft: theme.spacing(1),
    borderLeft: `3px solid ${theme.palette.info.main}`,
    '& p': { margin: 0 },
  },
}));

function RuleResultItem(props: { rule: EntityRuleResult }) {
  const { rule } = props;
  const classes = useStyles();
  const reported = useReportedOutcome(rule.check);
  // Guidance is for what to fix; a skipped rule does not apply.
  const failed = rule.status === 'fail';
  return (
    <li className={classes.rule} data-testid={`rule-${rule.id}`}>
      <span className={classes.icon}>
        <RuleStatusIcon status={rule.status} />
      </span>
      <div className={classes.body}>
        <Typography variant="body2" component="div">
          <strong>{rule.title}</strong>
        </Typography>
        <Typography variant="body2" color="textSecondary" component="div">
          {rule.message}
        </Typography>
        {rule.check && (
          <Typography variant="body2" color="textSecondary" component="div">
            {reported ? (
              <>
                Reported <strong>{reported.state}</strong> by{' '}
                {reported.reportedBy}{' '}
                <RelativeTime value={reported.reportedAt} /> as check{' '}
              </>
            ) : (
              'Reported by an external system as check '
            )}
            <code className={classes.value}>{rule.check}</code>
          </Typography>
        )}
        {failed && !rule.check && (
          <Typography variant="body2" color="textSecondary" component="div">
            Found:{' '}
            <code className={classes.value}>{formatValue(rule.value)}</code>
          </Typography>
        )}
        {failed && (rule.guidance?.text || rule.guidance?.url) && (
          <Box className={classes.guidance}>
            {rule.guidance?.text && <Markdown content={rule.guidance.text} />}
            {rule.guidance?.url && (
              <Link to={rule.guidance.url}>How to fix “{rule.title}”</Link>
            )}
          </Box>
        )}
      </div>
    </li>
  );
}

/** A level's rules with their outcome, value found, message and guidance. */
export function RuleResultList(props: {
  rules: EntityRuleResult[];
  'aria-label'?: string;
}) {
  const classes = useStyles();
  return (
    <ul className={classes.list} aria-label={props['aria-label']}>
      {props.rules.map(rule => (
        <RuleResultItem key={rule.id} rule={rule} />
      ))}
    </ul>
  );
}
