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
import {
  compileScalarMatcher,
  formatValue,
  isEmptyValue,
  parseFastIsoDate,
  toDateMillis,
  toNumber,
} from './values';

describe('isEmptyValue', () => {
  it.each([undefined, null, '', [], {}])('treats %p as empty', value => {
    expect(isEmptyValue(value)).toBe(true);
  });

  it.each([0, false, ' ', 'x', [null], { a: undefined }, new Date(0)])(
    'treats %p as present',
    value => {
      expect(isEmptyValue(value)).toBe(false);
    },
  );

  it('ignores inherited keys', () => {
    expect(isEmptyValue(Object.create({ inherited: 1 }))).toBe(true);
  });
});

describe('toNumber', () => {
  it.each([
    [7, 7],
    ['7', 7],
    [' 2.5 ', 2.5],
    ['-1e3', -1000],
    ['.5', 0.5],
  ])('reads %p as %p', (input, expected) => {
    expect(toNumber(input)).toBe(expected);
  });

  it.each(['', ' ', '0x10', 'abc', '7a', true, null, NaN, Infinity, [1]])(
    'does not read %p as a number',
    input => {
      expect(toNumber(input)).toBeUndefined();
    },
  );
});

describe('toDateMillis', () => {
  it.each([
    '2026-01-31',
    '2024-02-29',
    '2026-01-31T12:34',
    '2026-01-31T12:34:56',
    '2026-01-31T12:34:56Z',
    '2026-01-31T12:34:56.789Z',
    '2026-01-31T12:34:56.7891234Z',
    '2026-01-31T12:34:56+02:00',
    '2026-01-31T12:34:56-0530',
    '2026-01-31T12:34:56+05',
    '2026-W05-3',
    '2026-031',
    '0050-01-01',
  ])('agrees with luxon (UTC unless an offset is given) on %s', text => {
    const expected = DateTime.fromISO(text, { zone: 'utc' }).toMillis();
    expect(toDateMillis(text)).toBe(expected);
  });

  it.each([
    '2023-02-29',
    '2026-13-01',
    '2026-01-32',
    'yesterday',
    '',
    '2026-01-31T25:00',
  ])('rejects %p', text => {
    expect(toDateMillis(text)).toBeUndefined();
  });

  it('accepts Dates and epoch milliseconds', () => {
    expect(toDateMillis(new Date(1234))).toBe(1234);
    expect(toDateMillis(1234)).toBe(1234);
    expect(toDateMillis(new Date('nope'))).toBeUndefined();
    expect(toDateMillis(true)).toBeUndefined();
  });
});

describe('formatValue', () => {
  it.each([
    'plain',
    '',
    'a "b"',
    'back\\slash',
    'line\nbreak\ttab',
    '\u0000\u001f\u007f',
    'emoji 😀 and é',
    'lone \ud83d surrogate',
    'trailing \ude00',
    'separators \u2028\u2029',
    '/slash',
  ])('quotes %j as JSON does', value => {
    expect(formatValue(value)).toBe(JSON.stringify(value));
  });

  it('quotes strings and shows other scalars bare', () => {
    expect(formatValue('a "b"')).toBe('"a \\"b\\""');
    expect(formatValue(3)).toBe('3');
    expect(formatValue(false)).toBe('false');
    expect(formatValue(undefined)).toBe('missing');
    expect(formatValue(null)).toBe('missing');
  });

  it('cuts long strings at 80 characters', () => {
    const text = formatValue('x'.repeat(200));
    expect(text).toBe(`"${'x'.repeat(79)}…"`);
  });

  it('shows the first five elements of a list', () => {
    expect(formatValue([1, 'a', 3, 4, 5, 6, 7])).toBe('[1, "a", 3, 4, 5, …]');
    expect(formatValue([])).toBe('[]');
  });

  it('shows objects as short JSON', () => {
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
    expect(formatValue({ a: 'y'.repeat(100) })).toHaveLength(80);
  });
});

describe('compileScalarMatcher', () => {
  it('coerces numeric strings and boolean strings', () => {
    const matcher = compileScalarMatcher([7, 'true', 'x'], false);
    expect(matcher('7')).toBe(true);
    expect(matcher('7.0')).toBe(true);
    expect(matcher(7)).toBe(true);
    expect(matcher(true)).toBe(true);
    expect(matcher('x')).toBe(true);
    expect(matcher('X')).toBe(false);
    expect(matcher(8)).toBe(false);
    expect(matcher(false)).toBe(false);
    expect(matcher({})).toBe(false);
  });

  it('coerces in the other direction as well', () => {
    const matcher = compileScalarMatcher(['7', true], false);
    expect(matcher(7)).toBe(true);
    expect(matcher('7.0')).toBe(false); // two strings compare exactly
    expect(matcher('true')).toBe(true);
  });

  it('ignores case when asked', () => {
    const matcher = compileScalarMatcher(['Component'], true);
    expect(matcher('component')).toBe(true);
    expect(matcher('COMPONENT')).toBe(true);
  });
});

describe('parseFastIsoDate', () => {
  // The regular expression it replaced, as the reference.
  const ISO_DATE =
    /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
  const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  function reference(value: string): number | undefined {
    const m = ISO_DATE.exec(value);
    if (!m) {
      return undefined;
    }
    const [year, month, day] = [+m[1], +m[2], +m[3]];
    const hour = m[4] === undefined ? 0 : +m[4];
    const minute = m[5] === undefined ? 0 : +m[5];
    const second = m[6] === undefined ? 0 : +m[6];
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const february = leap ? 29 : 28;
    const days = month === 2 ? february : DAYS[month - 1];
    if (
      year < 100 ||
      month < 1 ||
      month > 12 ||
      day < 1 ||
      day > days ||
      hour > 23 ||
      minute > 59 ||
      second > 59
    ) {
      return undefined;
    }
    const millis = m[7] === undefined ? 0 : Math.floor(+`0.${m[7]}` * 1000);
    let offset = 0;
    const zone = m[8];
    if (zone !== undefined && zone !== 'Z') {
      const digits = zone.slice(1).replace(':', '');
      const minutes = digits.length > 2 ? +digits.slice(2, 4) : 0;
      if (minutes > 59) {
        return undefined;
      }
      offset =
        (zone[0] === '-' ? -1 : 1) * (+digits.slice(0, 2) * 60 + minutes);
    }
    return (
      Date.UTC(year, month - 1, day, hour, minute, second, millis) -
      offset * 60_000
    );
  }

  const valid = [
    '2026-01-31',
    '2024-02-29',
    '2023-02-29',
    '0099-01-01',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-01-31T12:34',
    '2026-01-31T24:00',
    '2026-01-31T12:60',
    '2026-01-31T12:34:56',
    '2026-01-31T12:34:60',
    '2026-01-31T12:34:56.7',
    '2026-01-31T12:34:56,123',
    '2026-01-31T12:34:56.123456789',
    '2026-01-31T12:34:56.1234567891',
    '2026-01-31T12:34Z',
    '2026-01-31T12:34:56Z',
    '2026-01-31T12:34:56.5Z',
    '2026-01-31T12:34+05',
    '2026-01-31T12:34:56-0530',
    '2026-01-31T12:34:56+05:30',
    '2026-01-31T12:34:56.999+14:00',
    '2026-01-31T12:34:56+05:60',
    '2026-01-31T12:34:56+99',
  ];

  it('agrees with the regular expression on valid, odd and broken dates', () => {
    const cases = new Set<string>(['', '2026', '2026-1-31', 'x']);
    for (const text of valid) {
      cases.add(text);
      for (let i = 0; i <= text.length; i++) {
        // Cut, extended, or with one character dropped or replaced.
        cases.add(text.slice(0, i));
        cases.add(`${text.slice(0, i)}0${text.slice(i)}`);
        cases.add(text.slice(0, i) + text.slice(i + 1));
        for (const c of [
          '0',
          '9',
          '-',
          ':',
          '.',
          ',',
          'T',
          'Z',
          '+',
          ' ',
          'a',
          '\u0660',
        ]) {
          cases.add(text.slice(0, i) + c + text.slice(i + 1));
        }
      }
      cases.add(`${text} `);
      cases.add(`${text}Z`);
      cases.add(`${text}:00`);
      cases.add(`${text}.5`);
    }
    let parsed = 0;
    for (const text of cases) {
      const expected = reference(text);
      if (expected !== undefined) {
        parsed++;
      }
      expect([text, parseFastIsoDate(text)]).toEqual([text, expected]);
    }
    // The cases reach the accepting paths too.
    expect(parsed).toBeGreaterThan(200);
  });
});
