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

import {
  compileProperty,
  entityFieldsOf,
  PropertyPathError,
  propertyProblem,
} from './paths';
import { EvaluationInput } from './types';

const read = (
  property: string,
  entity: Record<string, unknown>,
  facts?: Record<string, unknown>,
) => compileProperty(property)({ entity, facts } as EvaluationInput);

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'trips-api',
    namespace: 'travel',
    title: 'Trips API',
    tags: ['java', 'tier-1'],
    annotations: {
      'backstage.io/techdocs-ref': 'dir:.',
      'pagerduty.com/service-id': 'P123',
      backstage: 'not the annotation',
    },
    labels: { 'app.kubernetes.io/name': 'trips', app: 'x' },
    links: [
      { url: 'https://a.example.com', type: 'docs' },
      { url: 'https://b.example.com' },
      { url: 'https://c.example.com', type: 'runbook' },
    ],
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'trips',
    system: 'booking',
    openIncidents: 3,
    ports: [[{ n: 1 }, { n: 2 }], [{ n: 3 }]],
  },
  relations: [
    { type: 'ownedBy', targetRef: 'group:travel/trips-team' },
    { type: 'partOf', targetRef: 'component:travel/trips' },
    { type: 'partOf', targetRef: 'system:travel/booking' },
    { type: 'providesApi', targetRef: 'api:travel/trips-v1' },
    { type: 'providesApi', targetRef: 'api:travel/trips-v2' },
    {
      type: 'dependsOn',
      target: { kind: 'Resource', namespace: 'travel', name: 'db' },
    },
  ],
};

describe('property paths', () => {
  it('reads plain paths', () => {
    expect(read('kind', entity)).toBe('Component');
    expect(read('spec.openIncidents', entity)).toBe(3);
    expect(read('spec.nope', entity)).toBeUndefined();
    expect(read('spec.type.length', entity)).toBeUndefined();
  });

  it('reads annotation and label keys written whole', () => {
    expect(read('metadata.annotations.backstage.io/techdocs-ref', entity)).toBe(
      'dir:.',
    );
    expect(read('metadata.annotations.pagerduty.com/service-id', entity)).toBe(
      'P123',
    );
    expect(read('metadata.annotations.backstage', entity)).toBe(
      'not the annotation',
    );
    expect(read('metadata.labels.app.kubernetes.io/name', entity)).toBe(
      'trips',
    );
    expect(read('metadata.labels.app', entity)).toBe('x');
    expect(
      read('metadata.annotations.example.com/missing', entity),
    ).toBeUndefined();
  });

  it('prefers the longest key that the rest of the path starts with', () => {
    const e = { spec: { a: { b: 'nested' }, 'a.b': 'dotted' } };
    expect(read('spec.a.b', e)).toBe('dotted');
    expect(read('spec.a', e)).toEqual({ b: 'nested' });
  });

  it('maps lists, dropping missing values, and indexes with numbers', () => {
    expect(read('metadata.links.type', entity)).toEqual(['docs', 'runbook']);
    expect(read('metadata.links.url', entity)).toHaveLength(3);
    expect(read('metadata.links.0.url', entity)).toBe('https://a.example.com');
    expect(read('metadata.links.2.type', entity)).toBe('runbook');
    expect(read('metadata.links.7.url', entity)).toBeUndefined();
    expect(read('metadata.tags.1', entity)).toBe('tier-1');
    expect(read('spec.ports.n', entity)).toEqual([1, 2, 3]);
    expect(read('metadata.links.nope', entity)).toEqual([]);
  });

  it('reads only own properties', () => {
    const spec = Object.create({ owner: 'inherited' });
    expect(read('spec.owner', { spec })).toBeUndefined();
    expect(read('spec.toString', { spec: {} })).toBeUndefined();
    expect(read('spec.hasOwnProperty', { spec: {} })).toBeUndefined();
  });

  it('does not read through an own "__proto__" key of parsed JSON', () => {
    const hostile = JSON.parse(
      '{"spec": {"__proto__": {"owner": "mallory", "polluted": true}}}',
    );
    expect(read('spec.owner', hostile)).toBeUndefined();
    expect(read('spec.polluted', hostile)).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const top = JSON.parse('{"__proto__": {"x": 1}, "kind": "Component"}');
    expect(Object.prototype.hasOwnProperty.call(top, '__proto__')).toBe(true);
    expect(read('x', top)).toBeUndefined();
    expect(read('kind', top)).toBe('Component');
    expect(
      read('$facts.x', {}, JSON.parse('{"__proto__": {"x": 1}}')),
    ).toBeUndefined();
  });

  it.each([
    ['__proto__.polluted', '__proto__'],
    ['constructor.prototype', 'constructor'],
    ['metadata.__proto__', '__proto__'],
    ['spec.prototype', 'prototype'],
    ['$facts.__proto__.x', '__proto__'],
  ])('refuses the hostile path %s', (property, segment) => {
    expect(() => compileProperty(property)).toThrow(PropertyPathError);
    expect(propertyProblem(property)).toBe(
      `property "${property}" uses the forbidden segment "${segment}"`,
    );
  });

  it('refuses empty segments', () => {
    expect(propertyProblem('spec..owner')).toMatch(/has an empty segment/);
    expect(propertyProblem('spec.')).toMatch(/has an empty segment/);
    expect(propertyProblem('')).toBe(
      'property must be a non-empty string, such as "spec.owner"',
    );
    expect(propertyProblem(42)).toBe(
      'property must be a non-empty string, such as "spec.owner"',
    );
  });
});

describe('meta-properties', () => {
  it('reads identity', () => {
    expect(read('$ref', entity)).toBe('component:travel/trips-api');
    expect(read('$kind', entity)).toBe('Component');
    expect(read('$namespace', entity)).toBe('travel');
    expect(read('$name', entity)).toBe('trips-api');
    expect(read('$title', entity)).toBe('Trips API');
    expect(read('$title', { metadata: { name: 'x' } })).toBe('x');
    expect(read('$namespace', { metadata: { name: 'x' } })).toBe('default');
    expect(read('$ref', { kind: 'API', metadata: { name: 'x' } })).toBe(
      'api:default/x',
    );
    expect(read('$ref', { metadata: { name: 'x' } })).toBeUndefined();
  });

  it('reads the owner from the ownedBy relation first', () => {
    expect(read('$owner', entity)).toBe('group:travel/trips-team');
    expect(read('$team', entity)).toBe('group:travel/trips-team');
  });

  it('normalises spec.owner when there is no relation', () => {
    expect(read('$owner', { spec: { owner: 'trips' } })).toBe(
      'group:default/trips',
    );
    expect(
      read('$owner', {
        metadata: { namespace: 'travel' },
        spec: { owner: 'trips' },
      }),
    ).toBe('group:travel/trips');
    expect(read('$owner', { spec: { owner: 'User:Jane' } })).toBe(
      'user:default/jane',
    );
    expect(read('$owner', { spec: { owner: 'group:ops/sre' } })).toBe(
      'group:ops/sre',
    );
    expect(read('$owner', { spec: {} })).toBeUndefined();
    expect(read('$owner', { spec: { owner: 'a:b:c/d/e' } })).toBe('a:b:c/d/e');
  });

  it('reads the system and domain', () => {
    expect(read('$system', entity)).toBe('system:travel/booking');
    expect(read('$system', { spec: { system: 'booking' } })).toBe(
      'system:default/booking',
    );
    expect(
      read('$domain', { kind: 'System', spec: { domain: 'travel' } }),
    ).toBe('domain:default/travel');
    expect(read('$lifecycle', entity)).toBe('production');
    expect(read('$type', entity)).toBe('service');
    expect(read('$tags', entity)).toEqual(['java', 'tier-1']);
  });

  it('reads relations of a type', () => {
    expect(read('$relations.providesApi', entity)).toEqual([
      'api:travel/trips-v1',
      'api:travel/trips-v2',
    ]);
    expect(read('$relations.dependsOn', entity)).toEqual([
      'resource:travel/db',
    ]);
    expect(read('$relations.consumesApi', entity)).toEqual([]);
    expect(read('$relations.consumesApi', {})).toEqual([]);
  });

  it('reads facts, with paths into them', () => {
    const facts = { github: { openPRs: 4 }, 'readme.exists': true };
    expect(read('$facts.github.openPRs', entity, facts)).toBe(4);
    expect(read('$facts.readme.exists', entity, facts)).toBe(true);
    expect(read('$facts.github', entity, undefined)).toBeUndefined();
  });

  it('refuses unknown meta-properties with a suggestion', () => {
    expect(() => compileProperty('$foo')).toThrow(
      /unknown meta-property "\$foo"; valid ones are \$ref, \$kind/,
    );
    expect(propertyProblem('$onwer')).toMatch(
      /^unknown meta-property "\$onwer"; did you mean "\$owner"\?/,
    );
    expect(propertyProblem('$identifier')).toMatch(/did you mean "\$name"\?/);
    expect(propertyProblem('$relations')).toBe(
      '"$relations" needs a relation type, such as "$relations.dependsOn"',
    );
    expect(propertyProblem('$facts')).toBe(
      '"$facts" needs a fact name, such as "$facts.readme"',
    );
    expect(propertyProblem('$owner.name')).toBe(
      'meta-property "$owner" has no sub-properties; write "$owner" alone',
    );
  });
});

describe('entityFieldsOf', () => {
  it('maps properties to catalog fields', () => {
    expect(
      entityFieldsOf('metadata.annotations.backstage.io/techdocs-ref'),
    ).toEqual(['metadata.annotations']);
    expect(entityFieldsOf('metadata.labels.app.kubernetes.io/name')).toEqual([
      'metadata.labels',
    ]);
    expect(entityFieldsOf('spec.links.url')).toEqual(['spec.links']);
    expect(entityFieldsOf('spec.owner')).toEqual(['spec.owner']);
    expect(entityFieldsOf('$tags')).toEqual(['metadata.tags']);
    expect(entityFieldsOf('$relations.dependsOn')).toEqual(['relations']);
    expect(entityFieldsOf('$facts.readme')).toEqual([]);
  });
});
