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

import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  groupParents,
  groupTree,
  MAX_TREE_GROUPS,
  teamOwners,
} from './teamOwners';

const group = (name: string, children: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { namespace: 'default', name },
  spec: { type: 'team', children: [] },
  relations: children.map(child => ({
    type: 'parentOf',
    targetRef: `group:default/${child}`,
  })),
});

const credentials = mockCredentials.user();

describe('teamOwners', () => {
  it('reads a tree one level at a time, and cuts it off', async () => {
    // A wide tree: a root with 1,200 teams under 3 departments.
    const departments = ['a', 'b', 'c'].map(d =>
      group(
        `dept-${d}`,
        Array.from({ length: 400 }, (_, i) => `team-${d}-${i}`),
      ),
    );
    const catalog = catalogServiceMock({
      entities: [
        group(
          'root',
          departments.map(d => d.metadata.name),
        ),
      ].concat(departments),
    });
    const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');

    const { refs, read } = await groupTree({
      group: 'group:default/root',
      catalog,
      credentials,
    });

    expect(refs).toHaveLength(MAX_TREE_GROUPS);
    expect(refs.slice(0, 5)).toEqual([
      'group:default/root',
      'group:default/dept-a',
      'group:default/dept-b',
      'group:default/dept-c',
      'group:default/team-a-0',
    ]);
    // The root, its departments, then the teams (which the catalog lacks).
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(3);
    expect([...read]).toEqual(refs.slice(0, 4));
  });

  it('answers the team alone for other kinds, and 404 for an unknown one', async () => {
    const catalog = catalogServiceMock({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { namespace: 'default', name: 'svc' },
          relations: [{ type: 'parentOf', targetRef: 'group:default/x' }],
        },
      ],
    });
    await expect(
      teamOwners({
        team: 'component:default/svc',
        relation: 'aggregated',
        catalog,
        credentials,
      }),
    ).resolves.toEqual(['component:default/svc']);
    await expect(
      teamOwners({
        team: 'group:default/nope',
        relation: 'direct',
        catalog,
        credentials,
      }),
    ).rejects.toThrow('No entity group:default/nope in the catalog');
  });
});

describe('groupParents', () => {
  const child = (name: string, parents: string[], specParent?: string) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { namespace: 'default', name },
    spec: { type: 'team', children: [], parent: specParent },
    relations: parents.map(parent => ({
      type: 'childOf',
      targetRef: `group:default/${parent}`,
    })),
  });

  it('reads the groups above some groups, one level at a time', async () => {
    const catalog = catalogServiceMock({
      entities: [
        child('org', []),
        // Refs in spec are relative to the namespace, in any case.
        child('dept', [], 'Org'),
        child('team-a', ['dept']),
        // Two parents, one of which the caller may not see.
        child('team-b', ['dept', 'secret']),
        child('loop-a', ['loop-b']),
        child('loop-b', ['loop-a']),
      ],
    });
    const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');

    const parents = await groupParents({
      groups: [
        'group:default/Team-A',
        'group:default/team-b',
        'group:default/loop-a',
        'user:default/jane',
      ],
      catalog,
      credentials,
    });

    expect(Object.fromEntries(parents)).toEqual({
      'group:default/team-a': ['group:default/dept'],
      'group:default/team-b': ['group:default/dept'],
      'group:default/loop-a': ['group:default/loop-b'],
      'group:default/loop-b': ['group:default/loop-a'],
      'group:default/dept': ['group:default/org'],
      'group:default/org': [],
    });
    // The teams, their parents (dept, secret, loop-b), then org.
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(3);
  });
});
