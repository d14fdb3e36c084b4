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

import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import OutlinedInput from '@material-ui/core/OutlinedInput';
import Select from '@material-ui/core/Select';
import { makeStyles } from '@material-ui/core/styles';
import { Fragment, ReactNode } from 'react';
import { EntityName } from '../EntityName';

const useStyles = makeStyles(theme => ({
  select: {
    minWidth: 160,
    maxWidth: 360,
  },
  check: {
    padding: 0,
    marginRight: theme.spacing(1),
  },
}));

/**
 * The team filter's choice of the entities without an owner: `team=` in the
 * page's URL and in the API's query.
 */
export const NO_OWNER = '__no-owner__';

/** A choice of a team filter: its value (a ref, or "No owner") and label. */
export interface TeamOption {
  value: string;
  label: ReactNode;
}

/** The choice of a team (its name from the catalog), or of "No owner". */
export function teamOption(value: string): TeamOption {
  return {
    value,
    label:
      value === NO_OWNER ? (
        'No owner'
      ) : (
        <EntityName entityRef={value} defaultKind="group" />
      ),
  };
}

/**
 * A team filter: any number of teams (and "No owner"); none chosen means
 * any. The first item ("Any", or `allLabel`) clears the choice. With
 * `allLabel`, the select shows it while no team is chosen.
 */
export function TeamSelect(props: {
  id: string;
  value: string[];
  options: TeamOption[];
  onChange: (value: string[]) => void;
  /** What the select shows when no team is chosen, such as "All teams". */
  allLabel?: string;
}) {
  const classes = useStyles();
  const { id, value, options, allLabel } = props;
  const labelId = `${id}-label`;
  const labels = new Map(options.map(option => [option.value, option.label]));
  return (
    <FormControl variant="outlined" size="small" className={classes.select}>
      <InputLabel id={labelId} shrink={allLabel ? true : undefined}>
        Team
      </InputLabel>
      <Select
        labelId={labelId}
        id={id}
        label="Team"
        multiple
        displayEmpty={Boolean(allLabel)}
        input={allLabel ? <OutlinedInput notched label="Team" /> : undefined}
        value={value}
        renderValue={selected =>
          (selected as string[]).length === 0
            ? allLabel
            : (selected as string[]).map((team, index) => (
                <Fragment key={team}>
                  {index > 0 && ', '}
                  {labels.get(team) ?? team}
                </Fragment>
              ))
        }
        onChange={e => {
          const chosen = e.target.value as string[];
          props.onChange(chosen.includes('') ? [] : chosen);
        }}
      >
        <MenuItem value="">{allLabel ?? <em>Any</em>}</MenuItem>
        {options.map(option => (
          <MenuItem key={option.value} value={option.value}>
            <Checkbox
              size="small"
              color="primary"
              checked={value.includes(option.value)}
              className={classes.check}
              inputProps={{ 'aria-hidden': true }}
              tabIndex={-1}
            />
            {option.label}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}
