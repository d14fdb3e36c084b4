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
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useSearchParams } from 'react-router-dom';
import { CampaignTeamProgress } from '../../api';
import { useTeamName, useTeamNames } from '../EntityName';
import { withNonDefaultParams } from '../urlParams';
import { campaignFailingLink } from './CampaignEntitiesTable';
import { CompletionBar } from './CompletionBar';
import { DataTable, TableScroller } from '../DataTable';
import { DepartmentTeams } from '../ByDepartment';
import { csvFileName, CsvDownloadBelow } from '../CsvDownload';

type SortField = 'team' | 'completion' | 'failing';
type Sort = { field: SortField; order: 'asc' | 'desc' };

const SORT_FIELDS: SortField[] = ['team', 'completion', 'failing'];
const DEFAULT_SORT: Sort = { field: 'completion', order: 'asc' };

/** The sort given in the page's URL; the default for what is not valid. */
function sortFromParams(params: URLSearchParams): Sort {
  const field = params.get('teamsSort') as SortField | null;
  const order = params.get('teamsOrder');
  return {
    field: field && SORT_FIELDS.includes(field) ? field : DEFAULT_SORT.field,
    order: order === 'asc' || order === 'desc' ? order : DEFAULT_SORT.order,
  };
}

/** The URL's parameters with this sort; the default is left out. */
function withSortParams(params: URLSearchParams, sort: Sort) {
  return withNonDefaultParams(
    params,
    { teamsSort: sort.field, teamsOrder: sort.order },
    { teamsSort: DEFAULT_SORT.field, teamsOrder: DEFAULT_SORT.order },
  );
}

const useStyles = makeStyles(theme => ({
  caption: {
    captionSide: 'top',
    padding: theme.spacing(0, 0, 1),
    color: theme.palette.text.secondary,
  },
  bar: { minWidth: 220 },
  numeric: { fontVariantNumeric: 'tabular-nums' },
  header: { whiteSpace: 'nowrap' },
}));

function compare(
  a: CampaignTeamProgress,
  b: CampaignTeamProgress,
  field: SortField,
  nameOf: (owner: string) => string,
) {
  if (field === 'team') {
    // Entities without an owner last.
    if (!a.owner || !b.owner) {
      return Number(!a.owner) - Number(!b.owner);
    }
    return nameOf(a.owner).localeCompare(nameOf(b.owner), 'en-US');
  }
  if (field === 'failing') {
    return a.inScope - a.passing - (b.inScope - b.passing);
  }
  return a.completion - b.completion || a.inScope - b.inScope;
}

/**
 * A team's or a department's row: a department's `owners` are the groups
 * whose entities it counts.
 */
export type CampaignProgressRow = CampaignTeamProgress & { owners?: string[] };

/**
 * A link to the failing entities of a team, of a department's `owners`, or
 * of none (`owner` '').
 */
function FailingLink(props: {
  owner: string;
  owners?: string[];
  failing: number;
  of: string;
}) {
  const { owner, owners, failing, of } = props;
  return (
    <Link
      to={campaignFailingLink(
        owners ? { team: owners, view: 'departments' } : { team: owner },
      )}
      aria-label={`${failing}: show the failing ${
        failing === 1 ? 'entity' : 'entities'
      } of ${of}`}
    >
      {failing}
    </Link>
  );
}

function TeamFailingLink(props: {
  owner: string;
  owners?: string[];
  failing: number;
}) {
  return <FailingLink {...props} of={useTeamName(props.owner)} />;
}

/** How many of a team's entities fail: a link to them in the table below. */
function FailingCount(props: { team: CampaignProgressRow }) {
  const { owner, owners, inScope, passing } = props.team;
  const failing = inScope - passing;
  if (failing === 0) {
    return <>0</>;
  }
  return owner ? (
    <TeamFailingLink owner={owner} owners={owners} failing={failing} />
  ) : (
    <FailingLink owner="" failing={failing} of="no owner" />
  );
}

/**
 * Adoption compared across teams, or across departments (`by`), sortable
 * by completion.
 */
export function CampaignTeamsTable(props: {
  campaignKey: string;
  campaignName: string;
  teams: CampaignProgressRow[];
  by?: 'team' | 'department';
}) {
  const { campaignKey, campaignName, teams, by = 'team' } = props;
  const classes = useStyles();
  // The sort lives in the URL (`?teamsSort=failing&teamsOrder=desc`), so
  // that a shared link shows the teams the same way.
  const [params, setParams] = useSearchParams();
  const sort = sortFromParams(params);
  const setSort = (next: Sort) =>
    setParams(current => withSortParams(current, next), { replace: true });
  // Sorted by the names the table shows.
  const nameOf = useTeamNames(teams.flatMap(t => (t.owner ? [t.owner] : [])));
  if (teams.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No entities are in scope yet.
      </Typography>
    );
  }
  const rows = [...teams].sort((a, b) => {
    const result = compare(a, b, sort.field, nameOf);
    return sort.order === 'asc' ? result : -result;
  });
  const header = (field: SortField, label: string, align?: 'right') => (
    <TableCell
      align={align}
      // A narrow column broke "Failing" inside the word.
      className={classes.header}
      sortDirection={sort.field === field ? sort.order : false}
    >
      <TableSortLabel
        active={sort.field === field}
        direction={sort.field === field ? sort.order : 'asc'}
        onClick={() =>
          setSort({
            field,
            order:
              sort.field === field && sort.order === 'asc' ? 'desc' : 'asc',
          })
        }
      >
        {label}
      </TableSortLabel>
    </TableCell>
  );
  return (
    <>
      <TableScroller>
        <DataTable>
          <caption className={classes.caption}>
            Completion of {campaignName} by {by}
          </caption>
          <TableHead>
            <TableRow>
              {header('team', by === 'team' ? 'Team' : 'Department')}
              {header('completion', 'Completion')}
              {header('failing', 'Failing', 'right')}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(team => (
              <TableRow key={team.owner || 'no-owner'}>
                <TableCell>
                  {team.owner ? (
                    <EntityRefLink entityRef={team.owner} defaultKind="group" />
                  ) : (
                    'No owner'
                  )}
                  {team.owners && (
                    <DepartmentTeams group={team.owner} owners={team.owners} />
                  )}
                </TableCell>
                <TableCell className={classes.bar}>
                  <CompletionBar
                    completion={team.completion}
                    passing={team.passing}
                    total={team.inScope}
                    label={`Completion of ${
                      team.owner
                        ? nameOf(team.owner)
                        : 'entities without an owner'
                    }`}
                  />
                </TableCell>
                <TableCell align="right" className={classes.numeric}>
                  <FailingCount team={team} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </DataTable>
      </TableScroller>
      {/* In the table's order; each owner by the name the table shows. */}
      <CsvDownloadBelow
        title={by === 'team' ? 'Progress by team' : 'Progress by department'}
        fileName={csvFileName([
          campaignKey,
          by === 'team' ? 'teams' : 'departments',
          'progress',
        ])}
        columns={[
          by === 'team' ? 'Team' : 'Department',
          'Entity ref',
          'In scope',
          'Passing',
          'Failing',
          { label: 'Completion', unit: '%' },
        ]}
        rows={rows.map(team => [
          team.owner ? nameOf(team.owner) : 'No owner',
          team.owner,
          team.inScope,
          team.passing,
          team.inScope - team.passing,
          team.completion,
        ])}
      />
    </>
  );
}
