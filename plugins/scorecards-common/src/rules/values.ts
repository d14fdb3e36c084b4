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

import { DateTime } from 'luxon';

/** @internal */
export const hasOwn = (object: object, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(object, key);

/**
 * Missing and empty are the same thing: `undefined`, `null`, `''`, `[]` and
 * `{}` (an object without own keys).
 *
 * @public
 */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') {
    return true;
  }
  if (typeof value !== 'object') {
    return false;
  }
  if (Array.isArray(value)) {
    return value.length === 0;
  }
  if (value instanceof Date) {
    return false;
  }
  for (const key in value) {
    if (hasOwn(value, key)) {
      return false;
    }
  }
  return true;
}

/** A plain object (not an array, a Date or null). @internal */
export function isObjectValue(
  value: unknown,
): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date)
  );
}

const NUMERIC = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/**
 * A number, or a string that is written as a decimal number (`"7"`,
 * `" 2.5 "`, `"-1e3"`); anything else (including `""`, `"0x10"`, booleans)
 * is not a number.
 *
 * @internal
 */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  if (typeof value === 'string' && NUMERIC.test(value)) {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

// The common shapes of ISO 8601 dates, parsed without creating luxon objects
// nor, as a regular expression's match would, strings:
//   YYYY-MM-DD[THH:MM[:SS[(.|,)F{1,9}]][Z|(+|-)HH[[:]MM]]]
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return DAYS_IN_MONTH[month - 1];
}

const ZERO = 48;

/** The value of the digit at `i`, or -1. */
function digitAt(value: string, i: number): number {
  const d = value.charCodeAt(i) - ZERO;
  return d >= 0 && d <= 9 ? d : -1;
}

/** The two-digit number at `i`, or -1. */
function twoDigitsAt(value: string, i: number): number {
  const a = digitAt(value, i);
  const b = digitAt(value, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/**
 * @internal exported for tests: the epoch milliseconds of a date in the
 * shapes above, or `undefined` for anything else and for the odd cases
 * (years before 100, out-of-range fields) that luxon decides.
 */
export function parseFastIsoDate(value: string): number | undefined {
  const n = value.length;
  if (n < 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) {
    return undefined; // 45: '-'
  }
  const y1 = twoDigitsAt(value, 0);
  const y2 = twoDigitsAt(value, 2);
  const month = twoDigitsAt(value, 5);
  const day = twoDigitsAt(value, 8);
  if (y1 < 0 || y2 < 0 || month < 0 || day < 0) {
    return undefined;
  }
  const year = y1 * 100 + y2;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let millis = 0;
  let offsetMinutes = 0;
  let i = 10;
  if (i < n) {
    if (value.charCodeAt(i) !== 84 || n < 16 || value.charCodeAt(13) !== 58) {
      return undefined; // 84: 'T', 58: ':'
    }
    hour = twoDigitsAt(value, 11);
    minute = twoDigitsAt(value, 14);
    if (hour < 0 || minute < 0) {
      return undefined;
    }
    i = 16;
    if (i < n && value.charCodeAt(i) === 58) {
      second = twoDigitsAt(value, i + 1);
      if (second < 0) {
        return undefined;
      }
      i += 3;
      const separator = value.charCodeAt(i);
      if (i < n && (separator === 46 || separator === 44)) {
        // 46: '.', 44: ','
        const from = i + 1;
        let to = from;
        while (to < n && digitAt(value, to) >= 0) {
          to++;
        }
        if (to === from || to - from > 9) {
          return undefined;
        }
        let zeros = from;
        while (zeros < to && value.charCodeAt(zeros) === ZERO) {
          zeros++;
        }
        // `.000`, as toISOString writes whole seconds, needs no string.
        millis =
          zeros === to ? 0 : Math.floor(+`0.${value.slice(from, to)}` * 1000);
        i = to;
      }
    }
    if (i < n) {
      const zone = value.charCodeAt(i);
      if (zone === 90 && i + 1 === n) {
        i = n; // 90: 'Z'
      } else if (zone === 43 || zone === 45) {
        // 43: '+', 45: '-'
        const hours = twoDigitsAt(value, i + 1);
        if (hours < 0) {
          return undefined;
        }
        i += 3;
        let minutes = 0;
        if (i < n) {
          if (value.charCodeAt(i) === 58) {
            i++;
          }
          minutes = twoDigitsAt(value, i);
          if (minutes < 0) {
            return undefined;
          }
          i += 2;
        }
        if (minutes > 59) {
          return undefined;
        }
        offsetMinutes = (zone === 45 ? -1 : 1) * (hours * 60 + minutes);
      } else {
        return undefined;
      }
      if (i !== n) {
        return undefined;
      }
    }
  }
  if (
    year < 100 || // Date.UTC maps years 0-99 to 1900-1999
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined; // let luxon decide the odd cases
  }
  return (
    Date.UTC(year, month - 1, day, hour, minute, second, millis) -
    offsetMinutes * 60_000
  );
}

/**
 * Parses an ISO 8601 date string with luxon; dates and times without an
 * offset are taken as UTC.
 *
 * @internal
 */
export function parseIsoDate(value: string): number | undefined {
  const date = DateTime.fromISO(value, { zone: 'utc' });
  return date.isValid ? date.toMillis() : undefined;
}

/**
 * The epoch milliseconds of a date value: an ISO 8601 string (UTC unless it
 * has an offset), a `Date`, or a number of epoch milliseconds.
 *
 * @internal
 */
export function toDateMillis(value: unknown): number | undefined {
  if (typeof value === 'string') {
    return parseFastIsoDate(value) ?? parseIsoDate(value);
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time) ? undefined : time;
  }
  return undefined;
}

const MAX_STRING = 80;
const MAX_ELEMENTS = 5;

/** Characters that JSON.stringify escapes (or may: lone surrogates). */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function formatString(value: string): string {
  const shown =
    value.length > MAX_STRING ? `${value.slice(0, MAX_STRING - 1)}…` : value;
  // Most values need no escaping; quoting them directly is what
  // JSON.stringify would give, and cheaper.
  return NEEDS_ESCAPE.test(shown) ? JSON.stringify(shown) : `"${shown}"`;
}

/**
 * Renders a value for a message: strings JSON-quoted and cut at 80
 * characters, lists cut after 5 elements, `missing` for `undefined` and
 * `null`.
 *
 * @public
 */
export function formatValue(value: unknown): string {
  return formatAt(value, 0);
}

function formatAt(value: unknown, depth: number): string {
  if (value === undefined || value === null) {
    return 'missing';
  }
  switch (typeof value) {
    case 'string':
      return formatString(value);
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    default:
      break;
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  }
  if (Array.isArray(value)) {
    if (depth > 1) {
      return value.length ? '[…]' : '[]';
    }
    const shown = value
      .slice(0, MAX_ELEMENTS)
      .map(v =>
        v === undefined || v === null ? 'null' : formatAt(v, depth + 1),
      );
    if (value.length > MAX_ELEMENTS) {
      shown.push('…');
    }
    return `[${shown.join(', ')}]`;
  }
  if (typeof value === 'object') {
    let json: string;
    try {
      json = JSON.stringify(value) ?? '{…}';
    } catch {
      json = '{…}';
    }
    return json.length > MAX_STRING
      ? `${json.slice(0, MAX_STRING - 1)}…`
      : json;
  }
  return String(value);
}

/**
 * Builds a test "is the entity value equal to one of these rule values",
 * with the coercions of `=`: numbers compare numerically and numeric strings
 * coerce when the other side is a number (`"7"` equals `7`), booleans equal
 * booleans and the strings `"true"` / `"false"`, strings compare exactly (or
 * ignoring case). Lists and objects never equal a scalar.
 *
 * @internal
 */
export function compileScalarMatcher(
  items: ReadonlyArray<unknown>,
  ignoreCase: boolean,
): (value: unknown) => boolean {
  const strings = new Set<string>();
  const numbers = new Set<number>();
  const numbersFromStrings = new Set<number>();
  const booleans = new Set<boolean>();
  const booleanStrings = new Set<string>();
  for (const item of items) {
    if (typeof item === 'string') {
      strings.add(ignoreCase ? item.toLowerCase() : item);
      const n = toNumber(item);
      if (n !== undefined) {
        numbersFromStrings.add(n);
      }
      if (item === 'true' || item === 'false') {
        booleans.add(item === 'true');
      }
    } else if (typeof item === 'number') {
      if (!Number.isNaN(item)) {
        numbers.add(item);
      }
    } else if (typeof item === 'boolean') {
      booleans.add(item);
      booleanStrings.add(String(item));
    }
  }
  const hasNumbers = numbers.size > 0;
  return value => {
    switch (typeof value) {
      case 'string': {
        if (strings.has(ignoreCase ? value.toLowerCase() : value)) {
          return true;
        }
        if (booleanStrings.size > 0 && booleanStrings.has(value)) {
          return true;
        }
        if (hasNumbers) {
          const n = toNumber(value);
          return n !== undefined && numbers.has(n);
        }
        return false;
      }
      case 'number':
        return numbers.has(value) || numbersFromStrings.has(value);
      case 'boolean':
        return booleans.has(value);
      default:
        return false;
    }
  };
}
