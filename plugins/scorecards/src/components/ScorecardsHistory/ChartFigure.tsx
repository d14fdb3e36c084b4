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

import { ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { VisuallyHidden } from '../VisuallyHidden';

const useStyles = makeStyles(theme => ({
  figure: {
    margin: 0,
  },
  caption: {
    marginBottom: theme.spacing(1),
  },
  details: {
    marginTop: theme.spacing(1),
    '& table': {
      borderCollapse: 'collapse',
      fontVariantNumeric: 'tabular-nums',
    },
    '& th, & td': {
      padding: theme.spacing(0.25, 1),
      textAlign: 'right',
      borderBottom: `1px solid ${theme.palette.divider}`,
    },
  },
}));

/**
 * A chart with a caption, a spoken summary, and its data as a table that
 * can be opened, so the figures are there without seeing the chart. With
 * `hideTitle` (in a card of the same title), the caption is for screen
 * readers only.
 */
export function ChartFigure(props: {
  title: string;
  summary: string;
  columns: string[];
  rows: Array<Array<string | number>>;
  hideTitle?: boolean;
  children: ReactNode;
}) {
  const { title, summary, columns, rows, hideTitle, children } = props;
  const classes = useStyles();
  return (
    <figure className={classes.figure}>
      <figcaption className={hideTitle ? undefined : classes.caption}>
        {hideTitle ? (
          <VisuallyHidden>{title}</VisuallyHidden>
        ) : (
          <Typography variant="h6" component="span">
            {title}
          </Typography>
        )}
        <VisuallyHidden>. {summary}</VisuallyHidden>
      </figcaption>
      <div role="img" aria-label={`${title}. ${summary}`}>
        {children}
      </div>
      <details className={classes.details}>
        <summary>
          <Typography variant="body2" component="span">
            Show data as a table
          </Typography>
        </summary>
        <table>
          <caption>
            <VisuallyHidden>{title}</VisuallyHidden>
          </caption>
          <thead>
            <tr>
              {columns.map(column => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(row => (
              <tr key={String(row[0])}>
                {row.map((cell, index) => (
                  <td key={columns[index]}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
