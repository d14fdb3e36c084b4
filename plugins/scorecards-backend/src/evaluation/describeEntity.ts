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
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** The entity facts stored beside each result, for filtering and grouping. */
export interface EntityFacts {
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  type?: string;
  lifecycle?: string;
  owner?: string;
  system?: string;
}

function parseRef(
  value: string,
  defaultKind: string,
  defaultNamespace: string,
): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace }),
    );
  } catch {
    return undefined;
  }
}

/** Values whose refs a {@link RefResolver} keeps. */
const MAX_RESOLVED = 5000;

/**
 * Resolves `spec.owner` or `spec.system` values into full refs. Owners and
 * systems repeat across entities, so each value is resolved once per
 * namespace (up to a bound) instead of being parsed and written out again
 * for every entity.
 */
class RefResolver {
  readonly #byNamespace = new Map<string, Map<string, string | undefined>>();
  #size = 0;

  constructor(private readonly defaultKind: string) {}

  resolve(value: unknown, defaultNamespace: string): string | undefined {
    if (typeof value !== 'string' || value.trim() === '') {
      return undefined;
    }
    let refs = this.#byNamespace.get(defaultNamespace);
    if (refs === undefined) {
      refs = new Map();
      this.#byNamespace.set(defaultNamespace, refs);
    }
    const known = refs.get(value);
    if (known !== undefined || refs.has(value)) {
      return known;
    }
    const ref = parseRef(value, this.defaultKind, defaultNamespace);
    if (this.#size < MAX_RESOLVED) {
      refs.set(value, ref);
      this.#size++;
    }
    return ref;
  }
}

const owners = new RefResolver('group');
const systems = new RefResolver('system');

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Picks the identifying and grouping facts out of a catalog entity. */
export function describeEntity(entity: Entity): {
  entityRef: string;
  facts: EntityFacts;
} {
  const namespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  return {
    entityRef: stringifyEntityRef(entity),
    facts: {
      kind: entity.kind,
      namespace,
      name: entity.metadata.name,
      title: optionalString(entity.metadata.title),
      type: optionalString(spec.type),
      lifecycle: optionalString(spec.lifecycle),
      owner:
        owners.resolve(spec.owner, namespace) ??
        entity.relations?.find(r => r.type === 'ownedBy')?.targetRef,
      system: systems.resolve(spec.system, namespace),
    },
  };
}
