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

import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';
import { ScorecardDetailsResponse, ScorecardFacets } from '../../api';
import { EntityName } from '../EntityName';
import { NO_OWNER, TeamOption, teamOption, TeamSelect } from '../TeamSelect';

/**
 * The filters of the entity table; empty strings (and no teams) mean
 * "any".
 */
export interface EntityTableFilters {
  /** Owner refs, and {@link NO_OWNER}: entities any of them owns. */
  teams: string[];
  kind: string;
  type: string;
  lifecycle: string;
  system: string;
  level: string;
  failingRule: string;
  text: string;
}

export { NO_OWNER };

export const NO_FILTERS: EntityTableFilters = {
  teams: [],
  kind: '',
  type: '',
  lifecycle: '',
  system: '',
  level: '',
  failingRule: '',
  text: '',
};

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  select: {
    minWidth: 160,
  },
  text: {
    width: 160,
  },
  search: {
    minWidth: 220,
    flex: 1,
  },
}));

type FacetFilter = 'kind' | 'type' | 'lifecycle' | 'system';

const FACETS: Record<
  FacetFilter,
  {
    facet: keyof ScorecardFacets;
    label: string;
    placeholder: string;
    optionLabel?: (value: string) => ReactNode;
  }
> = {
  kind: { facet: 'kinds', label: 'Kind', placeholder: 'Component' },
  type: { facet: 'types', label: 'Type', placeholder: 'service' },
  lifecycle: {
    facet: 'lifecycles',
    label: 'Lifecycle',
    placeholder: 'production',
  },
  system: {
    facet: 'systems',
    label: 'System',
    placeholder: 'system:default/payments',
    optionLabel: system => (
      <EntityName entityRef={system} defaultKind="system" />
    ),
  },
};

function FilterSelect(props: {
  id: string;
  label: string;
  value: string;
  options: Array<{ value: string; label: ReactNode }>;
  onChange: (value: string) => void;
}) {
  const classes = useStyles();
  const labelId = `${props.id}-label`;
  return (
    <FormControl variant="outlined" size="small" className={classes.select}>
      <InputLabel id={labelId}>{props.label}</InputLabel>
      <Select
        labelId={labelId}
        id={props.id}
        label={props.label}
        value={props.value}
        onChange={e => props.onChange(e.target.value as string)}
      >
        <MenuItem value="">
          <em>Any</em>
        </MenuItem>
        {props.options.map(option => (
          <MenuItem key={option.value} value={option.value}>
            {option.label}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/**
 * Filters for team, level and failing rule (choices from the scorecard),
 * kind, type, lifecycle and system (choices from the scorecard's facets, or
 * free text when the backend has none) and a search.
 */
export function EntityFilters(props: {
  scorecard: ScorecardDetailsResponse;
  value: EntityTableFilters;
  onChange: (value: EntityTableFilters) => void;
}) {
  const { scorecard, value, onChange } = props;
  const classes = useStyles();
  const set =
    (key: Exclude<keyof EntityTableFilters, 'teams'>) => (next: string) =>
      onChange({ ...value, [key]: next });

  const teams = scorecard.teams
    .map(t => t.owner)
    .filter((owner): owner is string => owner !== null);
  // A team from the URL that owns none of the entities stays choosable.
  for (const team of value.teams) {
    if (team !== NO_OWNER && !teams.includes(team)) {
      teams.push(team);
    }
  }
  const teamOptions: TeamOption[] = teams.map(teamOption);
  if (
    value.teams.includes(NO_OWNER) ||
    scorecard.teams.some(t => t.owner === null)
  ) {
    teamOptions.push(teamOption(NO_OWNER));
  }

  const facetFilter = (key: FacetFilter) => {
    const { facet, label, placeholder, optionLabel } = FACETS[key];
    const choices = scorecard.facets?.[facet];
    if (!choices) {
      return (
        <TextField
          className={classes.text}
          variant="outlined"
          size="small"
          label={label}
          placeholder={placeholder}
          value={value[key]}
          onChange={e => set(key)(e.target.value)}
          inputProps={{ 'aria-label': label }}
        />
      );
    }
    // A chosen value the facets do not (or no longer) list stays choosable.
    const values =
      value[key] && !choices.includes(value[key])
        ? [...choices, value[key]]
        : choices;
    return (
      <FilterSelect
        id={`filter-${key}`}
        label={label}
        value={value[key]}
        options={values.map(v => ({
          value: v,
          label: optionLabel ? optionLabel(v) : v,
        }))}
        onChange={set(key)}
      />
    );
  };

  return (
    <Box className={classes.root} role="group" aria-label="Filter entities">
      <TextField
        className={classes.search}
        variant="outlined"
        size="small"
        label="Search"
        placeholder="Name or title"
        value={value.text}
        onChange={e => set('text')(e.target.value)}
        inputProps={{ 'aria-label': 'Search entities' }}
      />
      <TeamSelect
        id="filter-team"
        value={value.teams}
        options={teamOptions}
        onChange={next => onChange({ ...value, teams: next })}
      />
      <FilterSelect
        id="filter-level"
        label="Level"
        value={value.level}
        options={scorecard.levels.map(level => ({
          value: level,
          label: level,
        }))}
        onChange={set('level')}
      />
      <FilterSelect
        id="filter-failing-rule"
        label="Failing rule"
        value={value.failingRule}
        options={scorecard.rules.map(rule => ({
          value: rule.id,
          label: rule.title,
        }))}
        onChange={set('failingRule')}
      />
      {facetFilter('kind')}
      {facetFilter('type')}
      {facetFilter('lifecycle')}
      {facetFilter('system')}
    </Box>
  );
}
