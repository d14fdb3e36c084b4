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
import { columnLabel, CsvColumn, CsvDownloadButton } from '../CsvDownload';
import { VisuallyHidden } from '../VisuallyHidden';

const useStyles = makeStyles(theme => ({
  figure: {
    margin: 0,
  },
  caption: {
    marginBottom: theme.spacing(1),
  },
  data: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
    marginTop: theme.spacing(1),
  },
  details: {
    flex: 1,
    minWidth: 0,
    // In line with the button beside it.
    paddingTop: theme.spacing(0.5),
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
 * readers only. With `fileName`, a button downloads the data as CSV.
 */
export function ChartFigure(props: {
  title: string;
  summary: string;
  columns: CsvColumn[];
  rows: Array<Array<string | number>>;
  fileName?: string;
  hideTitle?: boolean;
  children: ReactNode;
}) {
  const { title, summary, columns, rows, fileName, hideTitle, children } =
    props;
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
      <div className={classes.data}>
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
                  <th key={columnLabel(column)} scope="col">
                    {columnLabel(column)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(row => (
                <tr key={String(row[0])}>
                  {row.map((cell, index) => {
                    const column = columns[index];
                    return (
                      <td key={columnLabel(column)}>
                        {typeof column === 'string'
                          ? cell
                          : `${cell}${column.unit}`}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
        {fileName && rows.length > 0 && (
          <CsvDownloadButton
            title={title}
            fileName={fileName}
            columns={columns}
            rows={rows}
          />
        )}
      </div>
    </figure>
  );
}
