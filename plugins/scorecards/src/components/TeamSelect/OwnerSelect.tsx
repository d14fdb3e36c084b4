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

import { parseEntityRef } from '@backstage/catalog-model';
import ListSubheader from '@material-ui/core/ListSubheader';
import MenuItem from '@material-ui/core/MenuItem';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { EntityName } from '../EntityName';
import { errorText } from '../errorText';
import { LabelledSelect } from '../LabelledSelect';

/**
 * Whose figures a chart shows: a team's alone, a department's (a group with
 * the teams below it, added up; for a user, the user with their teams), or,
 * with neither, the whole organisation.
 */
export interface OwnerChoice {
  team?: string;
  department?: string;
}

/**
 * The choice kept in a page's URL under two parameters (such as `team` and
 * `department`); a department wins over a team.
 */
export function ownerChoiceFromParams(
  params: URLSearchParams,
  names: { team: string; department: string },
): OwnerChoice {
  const department = params.get(names.department) || undefined;
  if (department) {
    return { department };
  }
  return { team: params.get(names.team) || undefined };
}

/**
 * The choice as a link's parameters, under the names a page reads it with
 * (the inverse of `ownerChoiceFromParams`); the whole organisation sets
 * neither.
 */
export function ownerParams(
  choice: OwnerChoice,
  names: { team: string; department: string },
): URLSearchParams {
  const params = new URLSearchParams();
  if (choice.department) {
    params.set(names.department, choice.department);
  } else if (choice.team) {
    params.set(names.team, choice.team);
  }
  return params;
}

/**
 * The choice in a downloaded file's name: the owner's name (`platform-team`),
 * and for a department `platform-engineering-and-teams`; nothing for the
 * whole organisation.
 */
export function ownerFileNamePart(choice: OwnerChoice): string | undefined {
  const ref = choice.department ?? choice.team;
  if (!ref) {
    return undefined;
  }
  let name = ref;
  try {
    name = parseEntityRef(ref).name;
  } catch {
    // Not a ref: the text as it is.
  }
  return choice.department ? `${name}-and-teams` : name;
}

/** The API's query for a choice: `team`, with `relation` for a department. */
export function ownerQuery(choice: OwnerChoice): {
  team?: string;
  relation?: 'aggregated';
} {
  if (choice.department) {
    return { team: choice.department, relation: 'aggregated' };
  }
  return choice.team ? { team: choice.team } : {};
}

/**
 * A heading among a select's options. The select gives each child the props
 * of an option (a click handler, the option role); a heading takes none of
 * them, so it is neither chosen by a click nor focused by the arrow keys.
 */
function OptionsHeading(props: { children: ReactNode }) {
  return <ListSubheader disableSticky>{props.children}</ListSubheader>;
}

const valueOf = (choice: OwnerChoice) => {
  if (choice.department) {
    return `department ${choice.department}`;
  }
  return choice.team ? `team ${choice.team}` : '';
};

/** Whether a ref names a user; a ref that does not parse (from a URL) does not. */
function isUser(ref: string): boolean {
  try {
    const { kind } = parseEntityRef(ref, { defaultKind: 'group' });
    return kind.toLocaleLowerCase('en-US') === 'user';
  } catch {
    return false;
  }
}

/**
 * A single choice of the whole organisation, a team, or a department (under
 * "Departments, with their teams"), labelled "Team" unless `label` says
 * otherwise. Users who own entities themselves are choices too, under
 * "People". The headings show when there is more than one kind of choice. A
 * team or department from a shared link that is not among the choices stays
 * one, so that the select still shows it.
 */
export function OwnerSelect(props: {
  id: string;
  /** The select's label; "Team" by default. */
  label?: string;
  value: OwnerChoice;
  onChange: (value: OwnerChoice) => void;
  teams: string[];
  departments: string[];
  /** Why the departments could not be read, shown as a disabled option. */
  departmentsError?: Error;
}) {
  const { id, value, teams, departments, departmentsError } = props;
  const label = props.label ?? 'Team';
  // A user with their teams comes from a User page's link; it is listed
  // with the people.
  const userWithTeams =
    value.department && isUser(value.department) ? value.department : undefined;
  const extraDepartment =
    value.department &&
    !userWithTeams &&
    !departments.includes(value.department)
      ? [value.department]
      : [];
  const extraTeam =
    value.team && !teams.includes(value.team) ? [value.team] : [];
  const owners = [...teams, ...extraTeam];
  const groups = owners.filter(owner => !isUser(owner));
  const people = owners.filter(isUser);
  // In the order of their refs, whatever order the figures came in (a
  // campaign's departments come by completion).
  const allDepartments = [...departments, ...extraDepartment].sort();
  const headings =
    [groups, people.concat(userWithTeams ?? []), allDepartments].filter(
      list => list.length > 0,
    ).length > 1;
  const options = (refs: string[], which: 'team' | 'department') =>
    refs.map(ref => (
      <MenuItem key={`${which} ${ref}`} value={valueOf({ [which]: ref })}>
        <EntityName entityRef={ref} defaultKind="group" />
      </MenuItem>
    ));
  return (
    <LabelledSelect
      id={id}
      label={label}
      value={valueOf(value)}
      onChange={choice => {
        const [which, ref] = choice.split(' ');
        props.onChange(
          which === 'department'
            ? { department: ref }
            : { team: which === 'team' ? ref : undefined },
        );
      }}
    >
      <MenuItem value="">
        <em>Whole organisation</em>
      </MenuItem>
      {headings && groups.length > 0 && <OptionsHeading>Teams</OptionsHeading>}
      {options(groups, 'team')}
      {headings && (people.length > 0 || userWithTeams) && (
        <OptionsHeading>People</OptionsHeading>
      )}
      {options(people, 'team')}
      {userWithTeams && (
        <MenuItem value={valueOf({ department: userWithTeams })}>
          <span>
            <EntityName entityRef={userWithTeams} defaultKind="group" /> and
            their teams
          </span>
        </MenuItem>
      )}
      {headings && allDepartments.length > 0 && (
        <OptionsHeading>Departments, with their teams</OptionsHeading>
      )}
      {options(allDepartments, 'department')}
      {departmentsError && (
        <MenuItem disabled>
          Departments could not be read: {errorText(departmentsError)}
        </MenuItem>
      )}
    </LabelledSelect>
  );
}

/** Says whose figures a chart shows, when not the whole organisation's. */
export function OwnerCaption(props: { value: OwnerChoice }) {
  const { team, department } = props.value;
  if (!team && !department) {
    return null;
  }
  return (
    <Typography variant="body2" color="textSecondary" paragraph>
      Showing{' '}
      <EntityName entityRef={(department ?? team)!} defaultKind="group" />{' '}
      {department && isUser(department) && 'and their teams, added up.'}
      {department && !isUser(department) && 'and the teams below it, added up.'}
      {!department && 'only.'}
    </Typography>
  );
}
