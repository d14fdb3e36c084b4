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

import { copyLine } from './pgCopy';

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
