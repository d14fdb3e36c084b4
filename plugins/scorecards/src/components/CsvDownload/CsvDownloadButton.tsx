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
import Button from '@material-ui/core/Button';
import DownloadIcon from '@material-ui/icons/GetApp';
import { csvLine } from '@openscorecards/plugin-scorecards-common';
import { downloadBlob } from '../ScorecardEntitiesTable/downloadBlob';

/**
 * A column of a table's data: a heading, or a heading and a unit that a
 * table on the page shows after each value (`76.4%`) and the CSV file in
 * the heading (`Average score (%)`), its values left as numbers.
 */
export type CsvColumn = string | { label: string; unit: string };

/** A column's heading on the page, without its unit. */
export const columnLabel = (column: CsvColumn) =>
  typeof column === 'string' ? column : column.label;

/** Data as a CSV file: a header line, then one line a row. */
export function tableCsv(
  columns: CsvColumn[],
  rows: Array<Array<string | number>>,
): string {
  const header = columns.map(column =>
    typeof column === 'string' ? column : `${column.label} (${column.unit})`,
  );
  return [header, ...rows].map(csvLine).join('');
}

/**
 * A CSV file's name from its parts, those given: lower case, each run of
 * other characters than letters, digits and dots one `-`, no dot or `-`
 * at either end of a part.
 */
export function csvFileName(parts: Array<string | undefined>): string {
  const words = parts
    .filter((part): part is string => Boolean(part))
    .map(part =>
      part
        .toLocaleLowerCase('en-US')
        .replace(/[^a-z0-9.]+/g, '-')
        .replace(/^[-.]+|[-.]+$/g, ''),
    )
    .filter(Boolean);
  return `${words.join('-') || 'data'}.csv`;
}

/**
 * **Download CSV** of data the page shows (a chart's, a grid's), written in
 * the browser; named "Download CSV: <title>" for screen readers.
 */
export function CsvDownloadButton(props: {
  title: string;
  fileName: string;
  columns: CsvColumn[];
  rows: Array<Array<string | number>>;
}) {
  const { title, fileName, columns, rows } = props;
  return (
    <Button
      size="small"
      startIcon={<DownloadIcon />}
      onClick={() =>
        downloadBlob(
          new Blob([tableCsv(columns, rows)], {
            type: 'text/csv;charset=utf-8',
          }),
          fileName,
        )
      }
      aria-label={`Download CSV: ${title}`}
    >
      Download CSV
    </Button>
  );
}

/** The button on a line of its own, at the right, below a table. */
export function CsvDownloadBelow(
  props: Parameters<typeof CsvDownloadButton>[0],
) {
  return (
    <Box display="flex" justifyContent="flex-end" mt={1}>
      <CsvDownloadButton {...props} />
    </Box>
  );
}
