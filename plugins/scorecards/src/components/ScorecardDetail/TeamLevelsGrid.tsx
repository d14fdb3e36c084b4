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
import { useRouteRef } from '@backstage/core-plugin-api';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { ScorecardDetailsResponse } from '../../api';
import { rootRouteRef } from '../../routes';
import { OwnerName } from '../ByDepartment';
import { useTeamName } from '../EntityName';
import { historyLink } from '../ScorecardsHistory';
import { LevelBadge } from '../LevelBadge';
import { VisuallyHidden } from '../VisuallyHidden';
import { DataTable, TableScroller } from '../DataTable';
import {
  ScorecardDepartments,
  TeamsOrDepartmentsCard,
  TeamsRow,
} from './scorecardDepartments';

/**
 * An owner's average score, linking to its score over time on the History
 * tab: a team's alone, a department's with its teams added up. The entities
 * without an owner have no history of their own.
 */
function AverageScore(props: { scorecardId: string; row: TeamsRow }) {
  const { scorecardId, row } = props;
  const root = useRouteRef(rootRouteRef)();
  const name = useTeamName(row.owner ?? '');
  const text = `${row.averageScore}%`;
  if (!row.owner) {
    return <>{text}</>;
  }
  const owner = row.owners ? { department: row.owner } : { team: row.owner };
  return (
    <Link
      to={historyLink(root, scorecardId, owner)}
      aria-label={`${text}: ${name}'s score over time`}
      title="Score over time"
    >
      {text}
    </Link>
  );
}

/** An owner's count of entities at each level, in the ladder's order. */
function levelCounts(row: TeamsRow, levels: string[]): number[] {
  const counts = new Map(row.distribution.map(d => [d.level, d.count]));
  return levels.map(level => counts.get(level) ?? 0);
}

/** Owners × levels: entities, average score and entities per level. */
function LevelsTable(props: {
  scorecard: ScorecardDetailsResponse;
  rows: TeamsRow[];
  by: 'team' | 'department';
}) {
  const { scorecard, rows, by } = props;
  return (
    <TableScroller>
      <DataTable>
        <caption>
          <VisuallyHidden>
            Entities of each {by} per level of {scorecard.title}
          </VisuallyHidden>
        </caption>
        <TableHead>
          <TableRow>
            <TableCell>{by === 'team' ? 'Team' : 'Department'}</TableCell>
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
          {rows.map(row => (
            <TableRow key={row.owner ?? ''}>
              <TableCell component="th" scope="row">
                <OwnerName owner={row.owner} owners={row.owners} />
              </TableCell>
              <TableCell align="right">{row.entities}</TableCell>
              <TableCell align="right">
                <AverageScore scorecardId={scorecard.id} row={row} />
              </TableCell>
              {levelCounts(row, scorecard.levels).map((count, index) => (
                <TableCell key={scorecard.levels[index]} align="right">
                  {count}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </DataTable>
    </TableScroller>
  );
}

/**
 * Teams × levels: each owner's entity count, average score and how many of
 * its entities are at each level; switched on, the same by department (the
 * groups above the teams, each counting all its teams), kept in the URL
 * (`?teamsView=departments`).
 */
export function TeamLevelsGrid(props: {
  scorecard: ScorecardDetailsResponse;
  departments: ScorecardDepartments;
}) {
  const { scorecard } = props;
  return (
    <TeamsOrDepartmentsCard
      title={{ teams: 'Teams by level', departments: 'Departments by level' }}
      subheader={{
        teams: 'Entities per level, by owner',
        departments: 'Entities per level; each department counts all its teams',
      }}
      empty={scorecard.teams.length === 0}
      scorecard={scorecard}
      departments={props.departments}
      table={(rows, by) => (
        <LevelsTable scorecard={scorecard} rows={rows} by={by} />
      )}
      csv={{
        name: 'by-level',
        columns: [
          'Entities',
          { label: 'Average score', unit: '%' },
          ...scorecard.levels,
        ],
        cells: row => [
          row.entities,
          row.averageScore,
          ...levelCounts(row, scorecard.levels),
        ],
      }}
    />
  );
}
