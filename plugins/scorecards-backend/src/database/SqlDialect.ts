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

type Engine = 'sqlite' | 'pg' | 'mysql';

// The smallest number of bind variables per statement any supported engine
// allows: SQLite before 3.32 (later versions allow 32766).
const SQLITE_LEGACY_MAX_BINDINGS = 999;
const SQLITE_MAX_BINDINGS = 32766;
// PostgreSQL counts parameters in 16 bits; MySQL prepared statements too.
const PG_MYSQL_MAX_BINDINGS = 65535;
const SQLITE_MAX_COMPOUND_SELECT = 500;

/**
 * Writes a date as a UTC wall-clock value, `YYYY-MM-DD HH:MM:SS.mmm`. Every
 * engine stores it verbatim in a column without a time zone, and in SQLite it
 * sorts and compares correctly as text.
 */
export function toDbTimestamp(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** Reads what {@link SqlDialect.selectTimestamp} selected. */
export function fromDbTimestamp(value: string | number | Date): Date {
  if (value instanceof Date || typeof value === 'number') {
    return new Date(value);
  }
  return new Date(`${value.replace(' ', 'T')}Z`);
}

/**
 * The SQL that differs between SQLite, PostgreSQL and MySQL (or MariaDB).
 */
export class SqlDialect {
  readonly engine: Engine;
  #maxBindings?: Promise<number>;

  constructor(private readonly db: Knex) {
    const client = String(db.client.config.client ?? '');
    if (client.includes('sqlite')) {
      this.engine = 'sqlite';
    } else if (client.includes('mysql')) {
      this.engine = 'mysql';
    } else {
      this.engine = 'pg';
    }
  }

  /** How many bind variables one statement may carry. */
  maxBindings(): Promise<number> {
    this.#maxBindings ??= this.detectMaxBindings();
    return this.#maxBindings;
  }

  /** How many rows of `columnCount` columns one knex insert may carry. */
  async rowsPerInsert(columnCount: number): Promise<number> {
    const rows = Math.floor((await this.maxBindings()) / columnCount);
    // Knex writes a multi-row insert on SQLite as one compound SELECT, which
    // SQLite limits to 500 terms.
    return this.engine === 'sqlite'
      ? Math.min(rows, SQLITE_MAX_COMPOUND_SELECT)
      : rows;
  }

  /**
   * Selects a timestamp column as UTC wall-clock text, so that the drivers do
   * not reinterpret it in the local time zone.
   */
  selectTimestamp(column: string, alias = column.replace(/^.*\./, '')) {
    switch (this.engine) {
      case 'pg':
        return this.db.raw(`to_char(??, 'YYYY-MM-DD HH24:MI:SS.MS') as ??`, [
          column,
          alias,
        ]);
      case 'mysql':
        return this.db.raw('cast(?? as char) as ??', [column, alias]);
      default:
        return this.db.raw('?? as ??', [column, alias]);
    }
  }

  /** A bind placeholder for a timestamp used as a value in a SELECT list. */
  timestampParameter(): string {
    // PostgreSQL would otherwise type the parameter as text.
    return this.engine === 'pg' ? 'cast(? as timestamp(3))' : '?';
  }

  /** `a <> b` for text, case- and accent-sensitive on every engine. */
  textDiffers(a: string, b: string): string {
    // MySQL's default collations compare case-insensitively.
    return this.engine === 'mysql'
      ? `binary ${a} <> binary ${b}`
      : `${a} <> ${b}`;
  }

  /**
   * The clause that turns `INSERT ... SELECT` into an upsert that overwrites
   * `columns` of the row with the same `key`.
   */
  upsertClause(key: string[], columns: string[]): string {
    const q = (name: string) => this.db.raw('??', [name]).toQuery();
    if (this.engine === 'mysql') {
      return `on duplicate key update ${columns
        .map(c => `${q(c)} = values(${q(c)})`)
        .join(', ')}`;
    }
    return `on conflict (${key.map(q).join(', ')}) do update set ${columns
      .map(c => `${q(c)} = excluded.${q(c)}`)
      .join(', ')}`;
  }

  private async detectMaxBindings(): Promise<number> {
    if (this.engine !== 'sqlite') {
      return PG_MYSQL_MAX_BINDINGS;
    }
    const [{ version }] = await this.db.select(
      this.db.raw('sqlite_version() as version'),
    );
    const [major, minor] = String(version).split('.').map(Number);
    return major > 3 || (major === 3 && minor >= 32)
      ? SQLITE_MAX_BINDINGS
      : SQLITE_LEGACY_MAX_BINDINGS;
  }
}
