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
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { ScorecardDetailsResponse } from '../../api';
import { LevelBadge } from '../LevelBadge';
import { VisuallyHidden } from '../VisuallyHidden';
import { DataTable } from '../DataTable';

/**
 * Teams × levels: each owner's entity count, average score and how many of
 * its entities are at each level.
 */
export function TeamLevelsGrid(props: { scorecard: ScorecardDetailsResponse }) {
  const { scorecard } = props;
  if (scorecard.teams.length === 0) {
    return (
      <InfoCard title="Teams by level">
        <Typography variant="body2" color="textSecondary">
          No team has entities evaluated by this scorecard yet.
        </Typography>
      </InfoCard>
    );
  }
  return (
    <InfoCard title="Teams by level" subheader="Entities per level, by owner">
      <TableContainer>
        <DataTable>
          <caption>
            <VisuallyHidden>
              Entities of each team per level of {scorecard.title}
            </VisuallyHidden>
          </caption>
          <TableHead>
            <TableRow>
              <TableCell>Team</TableCell>
              <TableCell align="right">Entities</TableCell>
              <TableCell align="right">Average score</TableCell>
              {scorecard.levels.map(level => (
                <TableCell key={level} align="right">
                  <LevelBadge
                    level={level}
                    levels={scorecard.levels}
                    size="small"
                  />
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {scorecard.teams.map(team => {
              const counts = new Map(
                team.distribution.map(d => [d.level, d.count]),
              );
              return (
                <TableRow key={team.owner ?? ''}>
                  <TableCell component="th" scope="row">
                    {team.owner ? (
                      <EntityRefLink
                        entityRef={team.owner}
                        defaultKind="group"
                      />
                    ) : (
                      <em>No owner</em>
                    )}
                  </TableCell>
                  <TableCell align="right">{team.entities}</TableCell>
                  <TableCell align="right">{team.averageScore}%</TableCell>
                  {scorecard.levels.map(level => (
                    <TableCell key={level} align="right">
                      {counts.get(level) ?? 0}
                    </TableCell>
                  ))}
                </TableRow>
              );
            })}
          </TableBody>
        </DataTable>
      </TableContainer>
    </InfoCard>
  );
}
