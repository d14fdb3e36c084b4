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
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Tooltip from '@material-ui/core/Tooltip';
import { alpha, makeStyles, Theme, useTheme } from '@material-ui/core/styles';
import { useState } from 'react';
import {
  ScorecardDetailsResponse,
  TeamRulePassRate,
  TeamScore,
} from '../../api';
import { LevelBadge } from '../LevelBadge';
import { useTeamName, useTeamNames } from '../EntityName';
import { VisuallyHidden } from '../VisuallyHidden';
import { DataTable, TableScroller } from '../DataTable';
import { OwnerName } from '../ByDepartment';
import {
  ScorecardDepartments,
  TeamsOrDepartmentsCard,
  TeamsRow,
} from './scorecardDepartments';

/** Opacity of the cell colour at a 0% and a 100% pass rate. */
const MIN_ALPHA = 0.06;
const MAX_ALPHA = 0.44;

/**
 * The background of a cell: the more entities pass, the stronger the green.
 * At most 44% over the paper, so that the theme's text colour stays readable
 * on it in light (about 11:1) and dark (about 5:1) themes.
 */
export function passRateBackground(theme: Theme, passRate: number): string {
  const share = Math.min(Math.max(passRate, 0), 100) / 100;
  return alpha(
    theme.palette.success.main,
    MIN_ALPHA + (MAX_ALPHA - MIN_ALPHA) * share,
  );
}

const useStyles = makeStyles(theme => ({
  // Positioned, so that the screen-reader-only text in cells scrolled out
  // of view is clipped with them instead of widening the page.
  container: {
    position: 'relative',
  },
  // The team column stays in view while the rules scroll sideways; a narrow
  // one broke team names inside words.
  teamCell: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    whiteSpace: 'nowrap',
    background: theme.palette.background.paper,
  },
  ruleHeader: {
    verticalAlign: 'bottom',
    minWidth: 96,
  },
  ruleTitle: {
    display: 'block',
    maxWidth: 140,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    marginBottom: theme.spacing(0.5),
  },
  rate: {
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
    color: theme.palette.text.primary,
    borderLeft: `1px solid ${theme.palette.background.paper}`,
  },
  none: {
    color: theme.palette.text.secondary,
  },
  // The theme's text colour, underlined: the link colour is too faint on the
  // stronger greens in a dark theme (4:1).
  rateLink: {
    color: 'inherit',
    textDecoration: 'underline',
  },
}));

type SortBy = { column: 'team' } | { column: 'rule'; ruleId: string };
type Order = 'asc' | 'desc';

function ruleRate(team: TeamScore, ruleId: string): TeamRulePassRate {
  return (
    team.rules?.find(r => r.ruleId === ruleId) ?? {
      ruleId,
      applicable: 0,
      passed: 0,
      passRate: null,
    }
  );
}

/** Teams in the order asked for; entities without an owner always last. */
function sortTeams<T extends TeamScore>(
  teams: T[],
  sortBy: SortBy,
  order: Order,
  nameOf: (owner: string) => string,
): T[] {
  const sign = order === 'asc' ? 1 : -1;
  const byName = (a: TeamScore, b: TeamScore) =>
    nameOf(a.owner ?? '').localeCompare(nameOf(b.owner ?? ''), 'en-US');
  return [...teams].sort((a, b) => {
    if ((a.owner === null) !== (b.owner === null)) {
      return a.owner === null ? 1 : -1;
    }
    if (sortBy.column === 'team') {
      return sign * byName(a, b);
    }
    const rateA = ruleRate(a, sortBy.ruleId).passRate;
    const rateB = ruleRate(b, sortBy.ruleId).passRate;
    // Teams the rule does not apply to go last either way.
    if ((rateA === null) !== (rateB === null)) {
      return rateA === null ? 1 : -1;
    }
    return sign * ((rateA ?? 0) - (rateB ?? 0)) || byName(a, b);
  });
}

/**
 * A team's rate of a rule, linked to its entities failing that rule; a
 * department's to its teams' (`owners`), the departments still shown.
 */
function FailingLink(props: {
  rate: TeamRulePassRate;
  ruleTitle: string;
  owner: string;
  owners?: string[];
  failing: number;
}) {
  const { rate, ruleTitle, owner, owners, failing } = props;
  const classes = useStyles();
  const presented = useTeamName(owner);
  // '': the entities without an owner (`team=` in the URL).
  const name = owner ? presented : 'no owner';
  const params = new URLSearchParams();
  for (const team of owners ?? [owner]) {
    params.append('team', team);
  }
  params.set('failingRule', rate.ruleId);
  if (owners) {
    params.set('teamsView', 'departments');
  }
  return (
    // The entity table below reads its filters from the URL.
    <Link
      to={`?${params}`}
      className={classes.rateLink}
      aria-label={`${rate.passRate}%: show the ${failing} ${
        failing === 1 ? 'entity' : 'entities'
      } of ${name} failing ${ruleTitle}`}
    >
      {rate.passRate}%
    </Link>
  );
}

function PassRateCell(props: {
  rate: TeamRulePassRate;
  ruleTitle: string;
  /** The team; '' for the entities without an owner. */
  owner: string;
  /** A department's teams. */
  owners?: string[];
}) {
  const { rate, ruleTitle, owner, owners } = props;
  const classes = useStyles();
  const theme = useTheme();
  if (rate.passRate === null) {
    return (
      <TableCell
        align="right"
        className={`${classes.rate} ${classes.none}`}
        title={`${ruleTitle}: applies to none of the team's entities`}
      >
        <span aria-hidden="true">–</span>
        <VisuallyHidden>not applicable</VisuallyHidden>
      </TableCell>
    );
  }
  const failing = rate.applicable - rate.passed;
  return (
    <TableCell
      align="right"
      className={classes.rate}
      style={{ background: passRateBackground(theme, rate.passRate) }}
      title={`${ruleTitle}: ${rate.passed} of ${rate.applicable} entities pass`}
    >
      {failing > 0 ? (
        <FailingLink
          rate={rate}
          ruleTitle={ruleTitle}
          owner={owner}
          owners={owners}
          failing={failing}
        />
      ) : (
        `${rate.passRate}%`
      )}
    </TableCell>
  );
}

/** Owners × rules, sortable by owner and by each rule. */
function RulesTable(props: {
  scorecard: ScorecardDetailsResponse;
  rows: TeamsRow[];
  by: 'team' | 'department';
}) {
  const { scorecard, rows, by } = props;
  const classes = useStyles();
  const [sortBy, setSortBy] = useState<SortBy>({ column: 'team' });
  const [order, setOrder] = useState<Order>('asc');
  // Sorted by the names the table shows.
  const nameOf = useTeamNames(
    rows.flatMap(row => (row.owner ? [row.owner] : [])),
  );

  const isSorted = (sorted: SortBy) =>
    sorted.column === sortBy.column &&
    (sorted.column === 'team' ||
      (sortBy.column === 'rule' && sorted.ruleId === sortBy.ruleId));
  const sortOn = (sorted: SortBy, firstOrder: Order) => () => {
    if (isSorted(sorted)) {
      setOrder(order === 'asc' ? 'desc' : 'asc');
    } else {
      setSortBy(sorted);
      setOrder(firstOrder);
    }
  };
  const sortedRows = sortTeams(rows, sortBy, order, nameOf);

  return (
    <TableScroller className={classes.container}>
      <DataTable>
        <caption>
          <VisuallyHidden>Pass rate by {by} and rule</VisuallyHidden>
        </caption>
        <TableHead>
          <TableRow>
            <TableCell
              className={classes.teamCell}
              sortDirection={isSorted({ column: 'team' }) ? order : false}
            >
              <TableSortLabel
                active={isSorted({ column: 'team' })}
                direction={isSorted({ column: 'team' }) ? order : 'asc'}
                onClick={sortOn({ column: 'team' }, 'asc')}
              >
                {by === 'team' ? 'Team' : 'Department'}
              </TableSortLabel>
            </TableCell>
            {scorecard.rules.map(rule => {
              const sorted: SortBy = { column: 'rule', ruleId: rule.id };
              return (
                <TableCell
                  key={rule.id}
                  align="right"
                  className={classes.ruleHeader}
                  sortDirection={isSorted(sorted) ? order : false}
                >
                  <TableSortLabel
                    active={isSorted(sorted)}
                    direction={isSorted(sorted) ? order : 'desc'}
                    onClick={sortOn(sorted, 'desc')}
                  >
                    <span>
                      <Tooltip title={rule.title}>
                        <span className={classes.ruleTitle}>{rule.title}</span>
                      </Tooltip>
                      <LevelBadge
                        level={rule.level}
                        levels={scorecard.levels}
                        size="small"
                      />
                    </span>
                  </TableSortLabel>
                </TableCell>
              );
            })}
          </TableRow>
        </TableHead>
        <TableBody>
          {sortedRows.map(row => (
            <TableRow key={row.owner ?? ''}>
              <TableCell
                component="th"
                scope="row"
                className={classes.teamCell}
              >
                <OwnerName owner={row.owner} owners={row.owners} />
              </TableCell>
              {scorecard.rules.map(rule => (
                <PassRateCell
                  key={rule.id}
                  rate={ruleRate(row, rule.id)}
                  ruleTitle={rule.title}
                  owner={row.owner ?? ''}
                  owners={row.owners}
                />
              ))}
            </TableRow>
          ))}
        </TableBody>
      </DataTable>
    </TableScroller>
  );
}

/**
 * Teams × rules: the pass rate of each rule among each owner's entities, as
 * a number on a background that deepens with the rate. Sortable by team and
 * by each rule. Switched to departments, the same for each group above the
 * teams, counting all its teams.
 */
export function TeamRulesGrid(props: {
  scorecard: ScorecardDetailsResponse;
  departments: ScorecardDepartments;
}) {
  const { scorecard } = props;
  return (
    <TeamsOrDepartmentsCard
      title={{ teams: 'Teams by rule', departments: 'Departments by rule' }}
      subheader={{
        teams: "Pass rate of each rule among each team's entities",
        departments:
          'Pass rate of each rule; each department counts all its teams',
      }}
      empty={scorecard.teams.length === 0 || scorecard.rules.length === 0}
      scorecard={scorecard}
      departments={props.departments}
      table={(rows, by) => (
        <RulesTable scorecard={scorecard} rows={rows} by={by} />
      )}
      csv={{
        name: 'by-rule',
        // A rule's pass rate; empty where it applies to none of the
        // owner's entities.
        columns: scorecard.rules.map(rule => ({
          label: rule.title,
          unit: '%',
        })),
        cells: row =>
          scorecard.rules.map(rule => ruleRate(row, rule.id).passRate ?? ''),
      }}
    />
  );
}
