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

import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import OutlinedInput from '@material-ui/core/OutlinedInput';
import Select from '@material-ui/core/Select';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';

const useStyles = makeStyles({
  select: { minWidth: 200 },
});

/**
 * A small outlined select of one string value, its label always above it:
 * the empty choice (all rules, the whole organisation) shows as itself,
 * under its label, rather than as an empty field.
 */
export function LabelledSelect(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const classes = useStyles();
  return (
    <FormControl variant="outlined" size="small" className={classes.select}>
      <InputLabel id={`${props.id}-label`} shrink>
        {props.label}
      </InputLabel>
      <Select
        labelId={`${props.id}-label`}
        id={props.id}
        input={<OutlinedInput notched label={props.label} />}
        displayEmpty
        value={props.value}
        onChange={e => props.onChange(e.target.value as string)}
      >
        {props.children}
      </Select>
    </FormControl>
  );
}
