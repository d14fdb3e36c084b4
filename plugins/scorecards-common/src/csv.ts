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

// Spreadsheets run cells that start with these as formulas.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: text that a spreadsheet would run as a formula is prefixed
 * with `'`, and a cell with a quote, comma or line break is quoted
 * (RFC 4180). Numbers are written as they are, so `-5` stays a number.
 *
 * @public
 */
export function csvCell(value: string | number | undefined): string {
  if (typeof value === 'number') {
    return String(value);
  }
  let text = value ?? '';
  if (FORMULA_START.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One CSV line of cells, ended by CRLF (RFC 4180).
 *
 * @public
 */
export function csvLine(cells: Array<string | number | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
