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

import { entityFieldsOf } from './paths';
import { parseScope } from './scope';
import { QueryInput, QueryNode, ScorecardDefinition } from './types';

/**
 * The fields every scorecard needs, whatever its rules: those that identify
 * and describe an entity in results.
 *
 * @public
 */
export const ALWAYS_REQUIRED_FIELDS: ReadonlyArray<string> = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.uid',
  'spec.owner',
  'spec.type',
  'spec.lifecycle',
  'spec.system',
  'spec.domain',
  'relations',
];

/**
 * Adds every property that a query (object or scope string) reads to `out`.
 * Invalid scope strings add nothing: validation reports them.
 *
 * @internal
 */
export function collectProperties(
  query: QueryInput | undefined,
  out: Set<string>,
) {
  if (query === undefined || query === null) {
    return;
  }
  let root: QueryNode;
  if (typeof query === 'string') {
    try {
      root = parseScope(query);
    } catch {
      return; // invalid scopes are reported by validation
    }
  } else {
    root = query;
  }
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) {
      continue;
    }
    const { property, conditions } = node as {
      property?: unknown;
      conditions?: unknown;
    };
    if (typeof property === 'string') {
      out.add(property);
    }
    if (Array.isArray(conditions)) {
      stack.push(...conditions);
    }
  }
}

/**
 * The catalog `fields` to request so that the scorecards can be evaluated:
 * every property used by scorecard filters, rule filters and rule queries,
 * plus {@link ALWAYS_REQUIRED_FIELDS}. Meta-properties map to the fields they
 * read, annotations and labels are requested whole (`metadata.annotations`),
 * and deeper paths are requested from their second level (`spec.links` for
 * `spec.links.url`), since they may run through lists. Sorted, without
 * duplicates, and without fields whose parent is requested.
 *
 * @public
 */
export function requiredEntityFields(
  defs: ReadonlyArray<ScorecardDefinition>,
): string[] {
  const properties = new Set<string>();
  for (const def of defs) {
    collectProperties(def.filter, properties);
    for (const rule of def.rules ?? []) {
      collectProperties(rule.filter, properties);
      collectProperties(rule.query, properties);
    }
  }
  const fields = new Set(ALWAYS_REQUIRED_FIELDS);
  for (const property of properties) {
    for (const field of entityFieldsOf(property)) {
      fields.add(field);
    }
  }
  const sorted = [...fields].sort();
  return sorted.filter(
    field =>
      !sorted.some(
        parent => parent !== field && field.startsWith(`${parent}.`),
      ),
  );
}
