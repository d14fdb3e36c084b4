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

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Knex } from 'knex';
import { from as copyFrom, CopyStreamQuery } from 'pg-copy-streams';

/** A value of one column of a row {@link copyRows} loads. */
export type CopyValue = string | number | null | undefined;

/** node-postgres' client, as far as {@link copyRows} uses it. */
interface PgClient {
  query(query: CopyStreamQuery): unknown;
}

function isPgClient(connection: unknown): connection is PgClient {
  const c = connection as Partial<PgClient> | null;
  return typeof c === 'object' && c !== null && typeof c.query === 'function';
}

/*
 * Rows are sent in COPY's CSV format with a tab as the delimiter and the
 * control character U+0001 as the quote (`COPY_OPTIONS`). CSV gives a
 * backslash no meaning, and JSON text never holds a raw tab, newline,
 * carriage return or U+0001 (it writes them as escapes), so the JSON
 * columns, most of a row, are sent as they are: no copy of each value
 * with its characters escaped. COPY's text format doubles every backslash,
 * and JSON quotes with them (rule results hold `\"`): at 100k entities,
 * escaping cost about 0.7 s of a first run's main thread, plus the garbage
 * of a second copy of every row's text.
 */
const QUOTE = '\u0001';
const COPY_OPTIONS = `(format csv, delimiter E'\\t', quote E'\\x01')`;

/**
 * Whether a value needs quotes: it holds the delimiter, a line end or the
 * quote. Four `indexOf` scans of a row's text, over 180k rows, took about a
 * tenth of the time of one regular expression of the four characters.
 */
function needsQuotes(value: string): boolean {
  return (
    value.indexOf('\t') >= 0 ||
    value.indexOf('\n') >= 0 ||
    value.indexOf('\r') >= 0 ||
    value.indexOf(QUOTE) >= 0
  );
}

function csvText(value: string): string {
  // Unquoted, an empty value is null, and a lone `\.` ends the data.
  if (value === '' || value === '\\.' || needsQuotes(value)) {
    return `${QUOTE}${value.replaceAll(QUOTE, QUOTE + QUOTE)}${QUOTE}`;
  }
  return value;
}

/**
 * One row as {@link copyEncoded} sends it: columns separated by tabs, ended
 * by a newline, null and undefined as nothing.
 *
 * @internal exported for tests
 */
export function copyLine(values: CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) {
      line += '\t';
    }
    if (value === null || value === undefined) {
      continue;
    } else if (typeof value === 'number') {
      line += String(value);
    } else {
      line += csvText(value);
    }
  }
  return `${line}\n`;
}

// Text handed to the connection per write: large enough that a page of
// results is a handful of writes, small enough that a string of it is
// short-lived.
const CHUNK_CHARS = 256 * 1024;

/**
 * Loads rows into a PostgreSQL table with `COPY ... FROM STDIN`, on a
 * connection taken from Knex's pool for the duration. One COPY is one
 * statement: it loads every row or, on any error (a duplicate key, say),
 * none.
 *
 * COPY is how PostgreSQL loads data fastest: at 18k results of ~1.6 kB,
 * the server took about a seventh of the time it took to parse the same
 * rows from a JSON parameter (`json_populate_recordset`). It does not
 * upsert, so callers handle a key that is already there.
 *
 * The rows are read and encoded before this returns its promise, into
 * buffers outside the JavaScript heap, so the caller may change them
 * afterwards. Encoding as the connection drained kept the text of a write
 * (a few MB, as strings) alive while the next page was evaluated: V8
 * promoted it to the old generation, whose limit grows with what survives.
 * Peak RSS of the bench at 100k entities went from 505-550 MB to 415-490 MB
 * (runs vary). Buffers reused from a pool instead did worse (530-560 MB):
 * the new buffers' external memory also makes V8 collect sooner.
 */
export async function copyRows(
  db: Knex,
  table: string,
  columns: string[],
  rows: Iterable<CopyValue[]>,
): Promise<void> {
  await copyEncoded(db, table, columns, encodeCopyRows(rows));
}

/**
 * Rows as COPY reads them (see `COPY_OPTIONS`), in buffers of a few hundred kB: what
 * {@link copyRows} sends. Encoding is synchronous; a caller that encodes
 * one batch while the database loads the one before keeps both busy.
 */
export function encodeCopyRows(rows: Iterable<CopyValue[]>): Buffer[] {
  return Array.from(chunks(rows), text => Buffer.from(text, 'utf8'));
}

/** Loads rows encoded by {@link encodeCopyRows}, as {@link copyRows} does. */
export async function copyEncoded(
  db: Knex,
  table: string,
  columns: string[],
  data: Buffer[],
): Promise<void> {
  const connection: unknown = await db.client.acquireConnection();
  try {
    if (!isPgClient(connection)) {
      throw new Error('The database connection is not node-postgres');
    }
    const stream = connection.query(
      copyFrom(
        `copy ${table} (${columns.join(', ')}) from stdin ${COPY_OPTIONS}`,
      ),
    ) as CopyStreamQuery;
    await pipeline(Readable.from(data), stream);
  } finally {
    await db.client.releaseConnection(connection);
  }
}

function* chunks(rows: Iterable<CopyValue[]>): Generator<string> {
  let text = '';
  for (const row of rows) {
    text += copyLine(row);
    if (text.length >= CHUNK_CHARS) {
      yield text;
      text = '';
    }
  }
  if (text.length > 0) {
    yield text;
  }
}
