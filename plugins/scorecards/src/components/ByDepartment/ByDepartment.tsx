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
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { HeaderSwitch } from '../HeaderSwitch';
import { withNonDefaultParams } from '../urlParams';

/**
 * Whether a page compares departments rather than teams, kept in the URL
 * (`?teamsView=departments`) so that a shared link shows the same; and how
 * to change it.
 */
export function useByDepartment(): [boolean, (on: boolean) => void] {
  const [params, setParams] = useSearchParams();
  const on = params.get('teamsView') === 'departments';
  const set = (next: boolean) =>
    setParams(
      current =>
        withNonDefaultParams(
          current,
          { teamsView: next ? 'departments' : 'teams' },
          { teamsView: 'teams' },
        ),
      { replace: true },
    );
  return [on, set];
}

/**
 * A card that compares teams, or, with the **By department** switch in its
 * header, departments: its title, subheader and content for each. The
 * departments' content is only mounted (and so only reads) when switched on.
 * The switch is named after the card's title for teams ("By department in
 * Teams by level"): the cards of a page switch together.
 */
export function ByDepartmentCard(props: {
  title: { teams: string; departments: string };
  subheader: { teams: string; departments: string };
  teams: ReactNode;
  departments: ReactNode;
  /** The card's variant: `gridItem` to fill a grid cell's height. */
  variant?: 'gridItem';
}) {
  const [departments, setDepartments] = useByDepartment();
  const view = departments ? 'departments' : 'teams';
  return (
    <InfoCard
      title={props.title[view]}
      subheader={props.subheader[view]}
      variant={props.variant}
      action={
        <HeaderSwitch
          label="By department"
          ariaLabel={`By department in ${props.title.teams}`}
          checked={departments}
          onChange={setDepartments}
        />
      }
    >
      {departments ? props.departments : props.teams}
    </InfoCard>
  );
}

/**
 * Under a department's name: how many groups it counts besides itself,
 * "3 teams".
 */
export function DepartmentTeams(props: { group: string; owners: string[] }) {
  const count = props.owners.filter(owner => owner !== props.group).length;
  return (
    <Typography variant="caption" color="textSecondary" component="div">
      {count === 1 ? '1 team' : `${count} teams`}
    </Typography>
  );
}

/**
 * A row's name in a table of teams or departments: the owner (a link), or
 * "No owner"; under a department, how many teams it counts.
 */
export function OwnerName(props: { owner: string | null; owners?: string[] }) {
  const { owner, owners } = props;
  if (!owner) {
    return <em>No owner</em>;
  }
  return (
    <>
      <EntityRefLink entityRef={owner} defaultKind="group" />
      {owners && <DepartmentTeams group={owner} owners={owners} />}
    </>
  );
}
