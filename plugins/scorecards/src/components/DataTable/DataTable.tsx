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

import Table, { TableProps } from '@material-ui/core/Table';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  table: {
    // Backstage's theme lets table cells break words anywhere, so a narrow
    // window squeezes text columns down to a letter per line. Words stay
    // whole here; a table too wide for its container scrolls sideways in it.
    '& th, & td': {
      wordBreak: 'normal',
      overflowWrap: 'normal',
    },
    // MUI shows a sort header's keyboard focus only as a slightly different
    // text colour; an outline makes it visible (WCAG 2.4.7).
    '& th [role="button"]:focus-visible': {
      outlineStyle: 'solid',
      outlineWidth: 2,
      outlineColor: theme.palette.primary.main,
      outlineOffset: 2,
      borderRadius: theme.shape.borderRadius,
    },
  },
}));

/**
 * A small MUI table whose cells break lines between words only, and whose
 * sort headers show keyboard focus.
 */
export function DataTable(props: TableProps) {
  const classes = useStyles();
  const { className, ...rest } = props;
  return (
    <Table
      size="small"
      {...rest}
      className={className ? `${classes.table} ${className}` : classes.table}
    />
  );
}
