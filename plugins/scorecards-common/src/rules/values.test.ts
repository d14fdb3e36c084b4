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
