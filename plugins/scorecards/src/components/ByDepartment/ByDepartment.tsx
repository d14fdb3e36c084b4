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

import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useSearchParams } from 'react-router-dom';
import { withNonDefaultParams } from '../urlParams';

const useStyles = makeStyles(theme => ({
  toggle: { marginRight: theme.spacing(1) },
}));

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

/** The switch between teams and departments, for a card's header. */
export function ByDepartmentSwitch(props: {
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  const classes = useStyles();
  return (
    <FormControlLabel
      className={classes.toggle}
      control={
        <Switch
          color="primary"
          checked={props.checked}
          onChange={(_, checked) => props.onChange(checked)}
        />
      }
      label="By department"
    />
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
