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

import { Entity } from '@backstage/catalog-model';
import { describeEntity } from './describeEntity';

function component(
  namespace: string | undefined,
  spec: NonNullable<Entity['spec']>,
  relations?: Entity['relations'],
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'Svc', ...(namespace ? { namespace } : {}) },
    spec,
    relations,
  };
}

describe('describeEntity', () => {
  it('resolves owner and system refs the same way every time they repeat', () => {
    for (let round = 0; round < 3; round++) {
      expect(
        describeEntity(
          component(undefined, { owner: 'Team-A', system: 'pay' }),
        ),
      ).toEqual({
        entityRef: 'component:default/svc',
        facts: {
          kind: 'Component',
          namespace: 'default',
          name: 'Svc',
          owner: 'group:default/team-a',
          system: 'system:default/pay',
        },
      });
      // The same values in another namespace stand for other entities.
      expect(
        describeEntity(component('prod', { owner: 'Team-A', system: 'pay' }))
          .facts,
      ).toMatchObject({
        owner: 'group:prod/team-a',
        system: 'system:prod/pay',
      });
      expect(
        describeEntity(component('prod', { owner: 'user:ops/Jo' })).facts.owner,
      ).toBe('user:ops/jo');
    }
  });

  it('falls back to the ownedBy relation for missing or invalid owners, every time', () => {
    const relations = [
      { type: 'ownedBy', targetRef: 'group:default/fallback' },
    ];
    for (let round = 0; round < 3; round++) {
      for (const owner of [undefined, '', '  ', 'group:', ':x', 7]) {
        expect(
          describeEntity(component(undefined, { owner }, relations)).facts
            .owner,
        ).toBe('group:default/fallback');
        expect(
          describeEntity(component(undefined, { owner })).facts.owner,
        ).toBeUndefined();
      }
      expect(
        describeEntity(component(undefined, { system: 'system:' })).facts
          .system,
      ).toBeUndefined();
    }
  });
});
