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

import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  ScorecardDepartmentsResponse,
  ScorecardDetailsResponse,
  scorecardsApiRef,
  TeamScore,
} from '../../api';
import { ByDepartmentCard, useByDepartment } from '../ByDepartment';
import { CsvColumn, csvFileName, CsvDownloadBelow } from '../CsvDownload';
import { useTeamNames } from '../EntityName';

/** A scorecard's scores by department, as read (or not yet). */
export type ScorecardDepartments = {
  loading: boolean;
  error?: Error;
  value?: ScorecardDepartmentsResponse;
};

/**
 * A scorecard's scores by department, read once for the page's cards (the
 * highest and lowest teams, teams by rule, teams by level), and only while
 * they are switched to departments.
 */
export function useScorecardDepartments(
  /** The scorecard, once it is read. */
  scorecard: ScorecardDetailsResponse | undefined,
): ScorecardDepartments {
  const api = useApi(scorecardsApiRef);
  const [on] = useByDepartment();
  return useAsync(
    async () =>
      on && scorecard ? api.getScorecardDepartments(scorecard.id) : undefined,
    [api, on, scorecard?.id, scorecard?.lastRun?.id],
  );
}

/** The departments' content of a card: loading, an error, none, or them. */
export function DepartmentsContent(props: {
  departments: ScorecardDepartments;
  children: (value: ScorecardDepartmentsResponse) => ReactNode;
}) {
  const { loading, error, value } = props.departments;
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value || value.items.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No team with entities evaluated by this scorecard has a parent group in
        the catalog.
      </Typography>
    );
  }
  return <>{props.children(value)}</>;
}

/** A team's row, or a department's with the groups it counts. */
export type TeamsRow = TeamScore & { owners?: string[] };

/** What a card's CSV file holds beside each owner's name and ref. */
export type TeamsCsv = {
  /** Names the file after the scorecard and the view: `by-rule`. */
  name: string;
  columns: CsvColumn[];
  cells: (row: TeamsRow) => Array<string | number>;
};

/**
 * **Download CSV** of a card's rows: one line an owner (its name as the
 * catalog presents it, "No owner" for the entities without one, and its
 * ref), then the card's columns.
 */
function TeamsCsvDownload(props: {
  title: string;
  scorecard: ScorecardDetailsResponse;
  rows: TeamsRow[];
  by: 'team' | 'department';
  csv: TeamsCsv;
}) {
  const { title, scorecard, rows, by, csv } = props;
  const nameOf = useTeamNames(
    rows.flatMap(row => (row.owner ? [row.owner] : [])),
  );
  return (
    <CsvDownloadBelow
      title={title}
      fileName={csvFileName([
        scorecard.id,
        by === 'team' ? 'teams' : 'departments',
        csv.name,
      ])}
      columns={[
        by === 'team' ? 'Team' : 'Department',
        'Entity ref',
        ...csv.columns,
      ]}
      rows={rows.map(row => [
        row.owner ? nameOf(row.owner) : 'No owner',
        row.owner ?? '',
        ...csv.cells(row),
      ])}
    />
  );
}

/**
 * A card of the scorecard page that compares teams, or, switched on,
 * departments, in a table of its own (`table`) with **Download CSV** of its
 * rows (`csv`); or says that no team has entities yet (`empty`).
 */
export function TeamsOrDepartmentsCard(props: {
  title: { teams: string; departments: string };
  subheader: { teams: string; departments: string };
  empty: boolean;
  scorecard: ScorecardDetailsResponse;
  departments: ScorecardDepartments;
  table: (rows: TeamsRow[], by: 'team' | 'department') => ReactNode;
  csv: TeamsCsv;
}) {
  const { title, subheader, scorecard, csv } = props;
  const table = (rows: TeamsRow[], by: 'team' | 'department') => (
    <>
      {props.table(rows, by)}
      <TeamsCsvDownload
        title={by === 'team' ? title.teams : title.departments}
        scorecard={scorecard}
        rows={rows}
        by={by}
        csv={csv}
      />
    </>
  );
  if (props.empty) {
    return (
      <InfoCard title={title.teams}>
        <Typography variant="body2" color="textSecondary">
          No team has entities evaluated by this scorecard yet.
        </Typography>
      </InfoCard>
    );
  }
  return (
    <ByDepartmentCard
      title={title}
      subheader={subheader}
      teams={table(scorecard.teams, 'team')}
      departments={
        <DepartmentsContent departments={props.departments}>
          {value => table(value.items, 'department')}
        </DepartmentsContent>
      }
    />
  );
}
