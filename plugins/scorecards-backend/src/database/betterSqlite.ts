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

import { Knex } from 'knex';

/** A prepared statement of better-sqlite3, as far as the store uses it. */
export interface PreparedStatement {
  run(params: unknown[]): { changes: number };
  all(params: unknown[]): unknown[];
}

/** A statement as better-sqlite3 prepares it. */
interface BetterSqliteStatement extends PreparedStatement {
  raw(toggle: boolean): BetterSqliteStatement;
}

/** better-sqlite3's connection, as far as the store uses it. */
interface BetterSqliteConnection {
  prepare(sql: string): BetterSqliteStatement;
  transaction(fn: () => void): () => void;
  exec(sql: string): unknown;
}

/** What {@link withBetterSqlite} hands to its callback. */
export interface BetterSqlite {
  /**
   * The statement for `sql`, prepared once per connection. With `raw`,
   * `all` answers each row as an array of its values, in the columns'
   * order, instead of an object.
   */
  statement(sql: string, options?: { raw?: boolean }): PreparedStatement;
  /** Runs `fn` in one transaction: committed if it returns, rolled back if it throws. */
  transaction(fn: () => void): void;
  /**
   * Runs `sql` (statements that answer no rows) on this connection the
   * first time `key` is asked for on it, and never again on it: for what a
   * connection holds alone, such as its temporary tables.
   */
  once(key: string, sql: string): void;
  /**
   * Tells this connection from any other the process opened: a connection
   * that replaces it in Knex's pool (which holds one) has another id, and
   * none of its temporary tables.
   */
  readonly connectionId: number;
}

// Distinct statements kept per connection; the store uses a handful.
const MAX_CACHED_STATEMENTS = 64;

/** What is kept per connection. */
interface ConnectionState {
  id: number;
  statements: Map<string, PreparedStatement>;
  /** The keys of {@link BetterSqlite.once} done on the connection. */
  done: Set<string>;
}

const states = new WeakMap<object, ConnectionState>();
let lastConnectionId = 0;

function isBetterSqlite(
  connection: unknown,
): connection is BetterSqliteConnection {
  const c = connection as Partial<BetterSqliteConnection> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.prepare === 'function' &&
    typeof c.transaction === 'function'
  );
}

/**
 * Whether the Knex instance runs on better-sqlite3, whose connection
 * {@link withBetterSqlite} can use.
 */
export function usesBetterSqlite(db: Knex): boolean {
  return String(db.client.config.client ?? '') === 'better-sqlite3';
}

/**
 * Runs `fn` on the better-sqlite3 connection behind a Knex instance, taken
 * from Knex's pool for the duration, so no Knex query or transaction runs on
 * it meanwhile. Statements are prepared once per connection and reused: Knex
 * prepares every statement anew, which for many small statements, or one
 * statement run for many rows, costs more than running them.
 *
 * Call it only outside a Knex transaction on the same instance: SQLite's
 * pool holds one connection, which the transaction already holds.
 */
export async function withBetterSqlite<T>(
  db: Knex,
  fn: (sqlite: BetterSqlite) => T,
): Promise<T> {
  const connection: unknown = await db.client.acquireConnection();
  try {
    if (!isBetterSqlite(connection)) {
      throw new Error('The database connection is not better-sqlite3');
    }
    let state = states.get(connection);
    if (state === undefined) {
      lastConnectionId += 1;
      state = { id: lastConnectionId, statements: new Map(), done: new Set() };
      states.set(connection, state);
    }
    const { statements, done } = state;
    return fn({
      connectionId: state.id,
      statement(sql, options) {
        const raw = options?.raw ?? false;
        const key = raw ? `raw:${sql}` : sql;
        let statement = statements.get(key);
        if (statement === undefined) {
          if (statements.size >= MAX_CACHED_STATEMENTS) {
            statements.clear();
          }
          const prepared = connection.prepare(sql);
          statement = raw ? prepared.raw(true) : prepared;
          statements.set(key, statement);
        }
        return statement;
      },
      transaction(body) {
        connection.transaction(body)();
      },
      once(key, sql) {
        if (!done.has(key)) {
          connection.exec(sql);
          done.add(key);
        }
      },
    });
  } finally {
    await db.client.releaseConnection(connection);
  }
}
