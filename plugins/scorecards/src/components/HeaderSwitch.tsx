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
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  toggle: { marginRight: theme.spacing(1) },
}));

/**
 * A labelled switch for a card's header (`InfoCard`'s `action`). `ariaLabel`
 * names it for assistive technology where a page has several with the same
 * label.
 */
export function HeaderSwitch(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  ariaLabel?: string;
}) {
  const classes = useStyles();
  return (
    <FormControlLabel
      className={classes.toggle}
      control={
        <Switch
          color="primary"
          checked={props.checked}
          inputProps={
            props.ariaLabel ? { 'aria-label': props.ariaLabel } : undefined
          }
          onChange={(_, checked) => props.onChange(checked)}
        />
      }
      label={props.label}
    />
  );
}
