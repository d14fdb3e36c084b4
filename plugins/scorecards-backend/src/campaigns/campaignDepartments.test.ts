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

import { campaignDepartments } from './campaignDepartments';

const team = (owner: string, inScope: number, passing: number) => ({
  owner,
  inScope,
  passing,
});

describe('campaignDepartments', () => {
  it('adds up the teams below each group, its own entities first', () => {
    const parents = new Map([
      ['group:default/org', []],
      ['group:default/eng', ['group:default/org']],
      ['group:default/team-a', ['group:default/eng']],
      ['group:default/team-b', ['group:default/eng']],
      ['group:default/team-c', ['group:default/org']],
    ]);
    expect(
      campaignDepartments(
        [
          team('group:default/team-a', 4, 1),
          team('group:default/team-b', 2, 2),
          team('group:default/eng', 2, 0),
          team('group:default/team-c', 2, 1),
          // Users, entities without an owner and groups the caller may not
          // see count for no department.
          team('user:default/jane', 3, 0),
          team('', 5, 0),
          team('group:default/unseen', 7, 7),
        ],
        parents,
      ),
    ).toEqual([
      {
        group: 'group:default/eng',
        owners: [
          'group:default/eng',
          'group:default/team-a',
          'group:default/team-b',
        ],
        inScope: 8,
        passing: 3,
        completion: 37.5,
      },
      {
        group: 'group:default/org',
        owners: [
          'group:default/team-a',
          'group:default/team-b',
          'group:default/eng',
          'group:default/team-c',
        ],
        inScope: 10,
        passing: 4,
        completion: 40,
      },
    ]);
  });

  it('counts each team once per department, through cycles and two parents', () => {
    const parents = new Map([
      ['group:default/x', ['group:default/y']],
      ['group:default/y', ['group:default/x']],
      ['group:default/team', ['group:default/x', 'group:default/y']],
    ]);
    expect(
      campaignDepartments([team('group:default/team', 2, 1)], parents),
    ).toEqual([
      {
        group: 'group:default/x',
        owners: ['group:default/team'],
        inScope: 2,
        passing: 1,
        completion: 50,
      },
      {
        group: 'group:default/y',
        owners: ['group:default/team'],
        inScope: 2,
        passing: 1,
        completion: 50,
      },
    ]);
  });

  it('has no department without groups above the teams', () => {
    expect(
      campaignDepartments(
        [team('group:default/team', 2, 1)],
        new Map([['group:default/team', []]]),
      ),
    ).toEqual([]);
  });
});
