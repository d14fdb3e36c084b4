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

describe('copyLine', () => {
  it('separates columns with tabs, ends with a newline and writes null as \\N', () => {
    expect(copyLine(['a', 1, -2.5, null, undefined, ''])).toBe(
      'a\t1\t-2.5\t\\N\t\\N\t\n',
    );
  });

  it('escapes the characters COPY gives a meaning', () => {
    expect(copyLine(['tab\there', 'line\nbreak\r', 'back\\slash', '\\N'])).toBe(
      'tab\\there\tline\\nbreak\\r\tback\\\\slash\t\\\\N\n',
    );
  });

  it('leaves JSON text as it is, apart from its backslashes', () => {
    const json = JSON.stringify([{ message: 'said "hi"', value: 'a\tb' }]);
    expect(copyLine([json])).toBe(`${json.replace(/\\/g, '\\\\')}\n`);
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

  it('loads every row, with tabs, newlines, backslashes and nulls intact', async () => {
    const rows: CopyValue[][] = [];
    for (let id = 0; id < 3000; id++) {
      // Long enough that the rows span several writes to the connection.
      rows.push([
        id,
        id % 7 === 0 ? null : `row ${id}\t\n\\ ${'x'.repeat(200)}`,
      ]);
    }
    await copyRows(knex, 'copied', ['id', 'body'], rows);

    const loaded = await knex('copied').orderBy('id').select('id', 'body');
    expect(loaded).toHaveLength(3000);
    expect(loaded[7]).toEqual({ id: 7, body: null });
    expect(loaded[2999]).toEqual({
      id: 2999,
      body: `row 2999\t\n\\ ${'x'.repeat(200)}`,
    });
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
