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

import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { EvaluationInput } from './types';
import { hasOwn, isObjectValue } from './values';
import { suggest } from './suggest';

/** Reads the value at a property path. @internal */
export type PropertyGetter = (input: EvaluationInput) => unknown;

/**
 * The meta-properties: values that are awkward to reach with a plain path.
 * `$relations.<type>` and `$facts.<name>` take a sub-path.
 *
 * @public
 */
export const META_PROPERTIES = [
  '$ref',
  '$kind',
  '$namespace',
  '$name',
  '$title',
  '$owner',
  '$team',
  '$system',
  '$domain',
  '$lifecycle',
  '$type',
  '$tags',
  '$relations',
  '$facts',
] as const;

/** Port's meta-properties and what they are called here. */
const META_ALIASES: Record<string, string> = {
  $identifier: '$name',
  $blueprint: '$kind',
  $relation: '$relations',
  $fact: '$facts',
  $owners: '$owner',
  $teams: '$team',
};

const WITH_SUB_PATH = new Set(['$relations', '$facts']);

/** Segments that would reach into an object's prototype. */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

/** Thrown for a property path that cannot be compiled. @public */
export class PropertyPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PropertyPathError';
  }
}

/**
 * What is wrong with a property path, or `undefined` when it is fine.
 *
 * @internal
 */
export function propertyProblem(property: unknown): string | undefined {
  if (typeof property !== 'string' || property.trim() === '') {
    return 'property must be a non-empty string, such as "spec.owner"';
  }
  const segments = property.split('.');
  for (const segment of segments) {
    if (FORBIDDEN_SEGMENTS.has(segment)) {
      return `property "${property}" uses the forbidden segment "${segment}"`;
    }
  }
  if (segments.some(s => s === '')) {
    return `property "${property}" has an empty segment (check for "..", or a dot at the start or end)`;
  }
  if (property.startsWith('$')) {
    const meta = segments[0];
    if (!(META_PROPERTIES as ReadonlyArray<string>).includes(meta)) {
      const hint = suggest(meta, META_PROPERTIES, META_ALIASES);
      const valid = `valid ones are ${META_PROPERTIES.join(', ')}`;
      return hint
        ? `unknown meta-property "${meta}"; did you mean "${hint}"? The ${valid}`
        : `unknown meta-property "${meta}"; ${valid}`;
    }
    if (WITH_SUB_PATH.has(meta)) {
      if (segments.length < 2) {
        return meta === '$relations'
          ? `"$relations" needs a relation type, such as "$relations.dependsOn"`
          : `"$facts" needs a fact name, such as "$facts.readme"`;
      }
      if (meta === '$relations' && segments.length > 2) {
        return `"${property}": write "$relations.<type>" with nothing after the relation type`;
      }
    } else if (segments.length > 1) {
      return `meta-property "${meta}" has no sub-properties; write "${meta}" alone`;
    }
  }
  return undefined;
}

const INDEX = /^(?:0|[1-9]\d{0,8})$/;

/**
 * Compiles a dot path into a function that walks an object. At each object
 * the longest own key that the rest of the path starts with is taken, so
 * `metadata.annotations.backstage.io/techdocs-ref` reads the annotation
 * `backstage.io/techdocs-ref`. Lists are mapped (`spec.links.url` gives every
 * link's url, flattened one level, missing ones dropped) unless the segment
 * is an index (`spec.links.0.url`). Only own properties are read.
 *
 * @internal
 */
export function compileObjectPath(
  segments: ReadonlyArray<string>,
): (root: unknown) => unknown {
  const n = segments.length;
  // keys[i]: the candidate keys at segment i, longest first, and where each
  // leaves the walk.
  const keys: string[][] = [];
  const nexts: number[][] = [];
  const indexes: number[] = [];
  for (let i = 0; i < n; i++) {
    const k: string[] = [];
    const next: number[] = [];
    for (let j = n; j > i; j--) {
      k.push(segments.slice(i, j).join('.'));
      next.push(j);
    }
    keys.push(k);
    nexts.push(next);
    indexes.push(INDEX.test(segments[i]) ? Number(segments[i]) : -1);
  }

  const walk = (root: unknown, start: number): unknown => {
    let value = root;
    let i = start;
    while (i < n) {
      if (typeof value !== 'object' || value === null) {
        return undefined;
      }
      if (Array.isArray(value)) {
        const index = indexes[i];
        if (index >= 0) {
          value = index < value.length ? value[index] : undefined;
          i++;
          continue;
        }
        const out: unknown[] = [];
        for (const element of value) {
          const found = walk(element, i);
          if (found === undefined || found === null) {
            continue;
          }
          if (Array.isArray(found)) {
            for (const f of found) {
              out.push(f);
            }
          } else {
            out.push(found);
          }
        }
        return out;
      }
      const candidates = keys[i];
      let next = -1;
      for (let c = 0; c < candidates.length; c++) {
        // `in` (an inline-cached lookup) rules out most candidates cheaply;
        // only a key that is present is checked to be an own property.
        if (candidates[c] in value && hasOwn(value, candidates[c])) {
          value = (value as Record<string, unknown>)[candidates[c]];
          next = nexts[i][c];
          break;
        }
      }
      if (next < 0) {
        return undefined;
      }
      i = next;
    }
    return value;
  };
  return root => walk(root, 0);
}

function own(object: unknown, key: string): unknown {
  return isObjectValue(object) && hasOwn(object, key) ? object[key] : undefined;
}

function namespaceOf(entity: Record<string, unknown>): string {
  const namespace = own(own(entity, 'metadata'), 'namespace');
  return typeof namespace === 'string' && namespace !== ''
    ? namespace
    : 'default';
}

function relationTarget(relation: unknown): string | undefined {
  const targetRef = own(relation, 'targetRef');
  if (typeof targetRef === 'string') {
    return targetRef;
  }
  const target = own(relation, 'target');
  if (isObjectValue(target)) {
    try {
      return stringifyEntityRef(
        target as { kind: string; namespace?: string; name: string },
      );
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function relationTargets(
  entity: Record<string, unknown>,
  type: string,
  kindPrefix?: string,
): string[] {
  const relations = own(entity, 'relations');
  const out: string[] = [];
  if (!Array.isArray(relations)) {
    return out;
  }
  for (const relation of relations) {
    if (own(relation, 'type') !== type) {
      continue;
    }
    const target = relationTarget(relation);
    if (
      target !== undefined &&
      (kindPrefix === undefined || target.toLowerCase().startsWith(kindPrefix))
    ) {
      out.push(target);
    }
  }
  return out;
}

/** `trips` → `group:default/trips`, as the catalog normalises refs. */
function normaliseRef(
  value: unknown,
  defaultKind: string,
  defaultNamespace: string,
): unknown {
  if (typeof value !== 'string' || value === '') {
    return value;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace }),
    );
  } catch {
    return value;
  }
}

/** The first target of a relation type, as {@link relationTargets} lists them. */
function firstRelationTarget(
  entity: Record<string, unknown>,
  type: string,
  kindPrefix: string | undefined,
): string | undefined {
  const relations = own(entity, 'relations');
  if (!Array.isArray(relations)) {
    return undefined;
  }
  for (const relation of relations) {
    if (own(relation, 'type') !== type) {
      continue;
    }
    const target = relationTarget(relation);
    if (
      target !== undefined &&
      (kindPrefix === undefined || target.toLowerCase().startsWith(kindPrefix))
    ) {
      return target;
    }
  }
  return undefined;
}

/** The ref prefixes of the kinds `relatedRef` looks for. */
const KIND_PREFIXES: Record<string, string> = {
  system: 'system:',
  domain: 'domain:',
};

function relatedRef(
  entity: Record<string, unknown>,
  relationType: string,
  kind: string | undefined,
  specField: string,
): unknown {
  const target = firstRelationTarget(
    entity,
    relationType,
    kind ? KIND_PREFIXES[kind] ?? `${kind}:` : undefined,
  );
  if (target !== undefined) {
    return target;
  }
  return normaliseRef(
    own(own(entity, 'spec'), specField),
    kind ?? 'group',
    namespaceOf(entity),
  );
}

const metaGetters: Record<string, PropertyGetter> = {
  $ref: ({ entity }) => {
    const kind = own(entity, 'kind');
    const name = own(own(entity, 'metadata'), 'name');
    if (typeof kind !== 'string' || typeof name !== 'string') {
      return undefined;
    }
    return stringifyEntityRef({ kind, namespace: namespaceOf(entity), name });
  },
  $kind: ({ entity }) => own(entity, 'kind'),
  $namespace: ({ entity }) => namespaceOf(entity),
  $name: ({ entity }) => own(own(entity, 'metadata'), 'name'),
  $title: ({ entity }) => {
    const metadata = own(entity, 'metadata');
    const title = own(metadata, 'title');
    return title === undefined || title === null || title === ''
      ? own(metadata, 'name')
      : title;
  },
  $owner: ({ entity }) => relatedRef(entity, 'ownedBy', undefined, 'owner'),
  $system: ({ entity }) => relatedRef(entity, 'partOf', 'system', 'system'),
  $domain: ({ entity }) => relatedRef(entity, 'partOf', 'domain', 'domain'),
  $lifecycle: ({ entity }) => own(own(entity, 'spec'), 'lifecycle'),
  $type: ({ entity }) => own(own(entity, 'spec'), 'type'),
  $tags: ({ entity }) => own(own(entity, 'metadata'), 'tags'),
};
metaGetters.$team = metaGetters.$owner;

/**
 * Compiles a property (a dot path or a meta-property) into a getter.
 *
 * @throws PropertyPathError when the property is invalid.
 * @internal
 */
export function compileProperty(property: string): PropertyGetter {
  const problem = propertyProblem(property);
  if (problem) {
    throw new PropertyPathError(problem);
  }
  const segments = property.split('.');
  if (!property.startsWith('$')) {
    const walk = compileObjectPath(segments);
    return input => walk(input.entity);
  }
  const meta = segments[0];
  if (meta === '$facts') {
    const walk = compileObjectPath(segments.slice(1));
    return input => walk(input.facts);
  }
  if (meta === '$relations') {
    const type = segments[1];
    return input => relationTargets(input.entity, type);
  }
  return metaGetters[meta];
}

/**
 * The catalog fields a property reads, for the catalog API's `fields`
 * filter.
 *
 * @internal
 */
export function entityFieldsOf(property: string): string[] {
  const segments = property.split('.');
  switch (segments[0]) {
    case '$ref':
      return ['kind', 'metadata.namespace', 'metadata.name'];
    case '$kind':
      return ['kind'];
    case '$namespace':
      return ['metadata.namespace'];
    case '$name':
      return ['metadata.name'];
    case '$title':
      return ['metadata.title', 'metadata.name'];
    case '$owner':
    case '$team':
      return ['relations', 'spec.owner', 'metadata.namespace'];
    case '$system':
      return ['relations', 'spec.system', 'metadata.namespace'];
    case '$domain':
      return ['relations', 'spec.domain', 'metadata.namespace'];
    case '$lifecycle':
      return ['spec.lifecycle'];
    case '$type':
      return ['spec.type'];
    case '$tags':
      return ['metadata.tags'];
    case '$relations':
      return ['relations'];
    case '$facts':
      return [];
    default:
      break;
  }
  if (
    segments[0] === 'metadata' &&
    (segments[1] === 'annotations' || segments[1] === 'labels')
  ) {
    return [`metadata.${segments[1]}`];
  }
  // Deeper paths may run through lists, which the catalog's field filter
  // cannot follow; ask for the second-level field as a whole.
  return [segments.slice(0, 2).join('.')];
}
