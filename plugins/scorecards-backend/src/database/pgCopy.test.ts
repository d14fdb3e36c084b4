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

import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { CopyValue, copyLine, copyRows } from './pgCopy';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
const postgres = databases.eachSupportedId();

/** The quote of the CSV that COPY reads. */
const q = '\u0001';

describe('copyLine', () => {
  it('separates columns with tabs, ends with a newline and writes null as nothing', () => {
    expect(copyLine(['a', 1, -2.5, null, undefined, 'b'])).toBe(
      'a\t1\t-2.5\t\t\tb\n',
    );
  });

  it('quotes the empty text, which unquoted is null, and the end-of-data marker', () => {
    expect(copyLine(['', '\\.', '\\N'])).toBe(`${q}${q}\t${q}\\.${q}\t\\N\n`);
  });

  it('quotes values with a tab, a line end or the quote, doubling the quote', () => {
    expect(
      copyLine(['tab\there', 'line\nbreak\r', `a${q}b`, 'back\\slash']),
    ).toBe(
      `${q}tab\there${q}\t${q}line\nbreak\r${q}\t${q}a${q}${q}b${q}\tback\\slash\n`,
    );
  });

  it('leaves JSON text as it is', () => {
    const json = JSON.stringify([
      { message: 'said "hi"', value: `a\tb\nc\\d${q}` },
    ]);
    expect(copyLine([json])).toBe(`${json}\n`);
  });
});

(postgres.length > 0
  ? describe.each(postgres)
  : describe.skip.each([['none']]))('copyRows on %p', databaseId => {
  let knex: Knex;

  beforeAll(async () => {
    knex = await databases.init(databaseId as 'POSTGRES_15');
    await knex.schema.createTable('copied', table => {
      table.integer('id').primary();
      table.text('body').nullable();
    });
  });

  it('loads every row, with tabs, line ends, backslashes, quotes and nulls intact', async () => {
    const rows: CopyValue[][] = [];
    for (let id = 0; id < 3000; id++) {
      // Long enough that the rows span several writes to the connection.
      rows.push([
        id,
        id % 7 === 0 ? null : `row ${id}\t\n\r\\ "${q}" ${'x'.repeat(200)}`,
      ]);
    }
    await copyRows(knex, 'copied', ['id', 'body'], rows);

    const loaded = await knex('copied').orderBy('id').select('id', 'body');
    expect(loaded).toHaveLength(3000);
    expect(loaded[7]).toEqual({ id: 7, body: null });
    expect(loaded[2999]).toEqual({
      id: 2999,
      body: `row 2999\t\n\r\\ "${q}" ${'x'.repeat(200)}`,
    });
    await knex('copied').delete();
  });

  it('loads empty text, and text that COPY could take for null or the end, as text', async () => {
    const rows: CopyValue[][] = [
      [1, ''],
      [2, '\\.'],
      [3, '\\N'],
      [4, null],
      [5, `${q}`],
      [6, '"'],
    ];
    await copyRows(knex, 'copied', ['id', 'body'], rows);

    const loaded = await knex('copied').orderBy('id').select('id', 'body');
    expect(loaded.map(r => r.body)).toEqual(['', '\\.', '\\N', null, q, '"']);
    await knex('copied').delete();
  });

  it('loads multi-byte text and a row longer than a write, and copies again after', async () => {
    const long = `${'é€😀'.repeat(40_000)}end`;
    const first: CopyValue[][] = [
      [1, 'Grüße, 世界'],
      [2, long],
      [3, 'after the long row'],
    ];
    for (let id = 4; id < 2000; id++) {
      first.push([id, `first ${id} ${'ü'.repeat(300)}`]);
    }
    await copyRows(knex, 'copied', ['id', 'body'], first);
    // A second COPY on the same table after the first.
    const second: CopyValue[][] = [];
    for (let id = 10_000; id < 12_000; id++) {
      second.push([id, `second ${id}`]);
    }
    await copyRows(knex, 'copied', ['id', 'body'], second);

    const loaded = await knex('copied').orderBy('id').select('id', 'body');
    expect(loaded).toHaveLength(3999);
    expect(loaded.slice(0, 3)).toEqual([
      { id: 1, body: 'Grüße, 世界' },
      { id: 2, body: long },
      { id: 3, body: 'after the long row' },
    ]);
    expect(loaded[1998]).toEqual({
      id: 1999,
      body: `first 1999 ${'ü'.repeat(300)}`,
    });
    expect(loaded[1999]).toEqual({ id: 10_000, body: 'second 10000' });
    expect(loaded[3998]).toEqual({ id: 11_999, body: 'second 11999' });
    await knex('copied').delete();
  });

  it('reads the rows before it returns, so the caller may change them afterwards', async () => {
    const rows: CopyValue[][] = [
      [1, 'one'],
      [2, 'two'],
    ];
    const copying = copyRows(knex, 'copied', ['id', 'body'], rows);
    rows.length = 0;
    rows.push([3, 'three']);
    await copying;

    expect(await knex('copied').orderBy('id').select('id', 'body')).toEqual([
      { id: 1, body: 'one' },
      { id: 2, body: 'two' },
    ]);
    await knex('copied').delete();
  });
});
