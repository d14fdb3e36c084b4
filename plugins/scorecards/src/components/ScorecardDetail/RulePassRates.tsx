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

import { InfoCard } from '@backstage/core-components';
import LinearProgress from '@material-ui/core/LinearProgress';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import { ScorecardDetailsResponse } from '../../api';
import { LevelBadge } from '../LevelBadge';
import { VisuallyHidden } from '../VisuallyHidden';
import { DataTable } from '../DataTable';

const useStyles = makeStyles(theme => ({
  rate: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    minWidth: 140,
    fontVariantNumeric: 'tabular-nums',
  },
  count: {
    whiteSpace: 'nowrap',
    fontVariantNumeric: 'tabular-nums',
  },
  bar: {
    flex: 1,
    height: 8,
    borderRadius: 4,
  },
}));

/** Each rule of a scorecard with how many applicable entities pass it. */
export function RulePassRates(props: { scorecard: ScorecardDetailsResponse }) {
  const { scorecard } = props;
  const classes = useStyles();
  return (
    <InfoCard
      title="All rules"
      subheader="Pass rate across the organisation"
      variant="gridItem"
    >
      <TableContainer>
        <DataTable>
          <caption>
            <VisuallyHidden>
              Pass rate of each rule of {scorecard.title}
            </VisuallyHidden>
          </caption>
          <TableHead>
            <TableRow>
              <TableCell>Rule</TableCell>
              <TableCell>Level</TableCell>
              <TableCell align="right">Passed</TableCell>
              <TableCell>Pass rate</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {scorecard.rules.map(rule => (
              <TableRow key={rule.id}>
                <TableCell component="th" scope="row">
                  {rule.title}
                </TableCell>
                <TableCell>
                  <LevelBadge
                    level={rule.level}
                    levels={scorecard.levels}
                    size="small"
                  />
                </TableCell>
                <TableCell align="right" className={classes.count}>
                  {rule.passed} / {rule.applicable}
                </TableCell>
                <TableCell>
                  {rule.passRate === null ? (
                    'Applies to no entity'
                  ) : (
                    <div className={classes.rate}>
                      <LinearProgress
                        className={classes.bar}
                        variant="determinate"
                        value={rule.passRate}
                        aria-label={`${rule.title} pass rate`}
                      />
                      <span>{rule.passRate}%</span>
                    </div>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </DataTable>
      </TableContainer>
    </InfoCard>
  );
}
