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

import { csvFileName, tableCsv } from './CsvDownloadButton';

describe('tableCsv', () => {
  it('quotes headings and cells as CSV needs', () => {
    expect(
      tableCsv(
        ['Date', { label: 'Pass rate of "Has, owner"', unit: '%' }],
        [['2026-12-01', 50]],
      ),
    ).toBe('Date,"Pass rate of ""Has, owner"" (%)"\r\n2026-12-01,50\r\n');
  });
});

describe('csvFileName', () => {
  it('joins the parts given, each made safe for a file name', () => {
    expect(
      csvFileName([
        'production-readiness',
        undefined,
        'Wei.Zhang',
        'average score',
        '2026-09-10',
        'to',
        '2026-12-08',
      ]),
    ).toBe(
      'production-readiness-wei.zhang-average-score-2026-09-10-to-2026-12-08.csv',
    );
    expect(csvFileName(['../../etc/passwd'])).toBe('etc-passwd.csv');
    expect(csvFileName([undefined, '///'])).toBe('data.csv');
  });
});
