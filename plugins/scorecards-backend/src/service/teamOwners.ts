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

import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_CHILD_OF,
  RELATION_MEMBER_OF,
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { TeamRelation } from '@openscorecards/plugin-scorecards-common';

/** Groups read per tree, at most; deeper or wider trees are cut off. */
export const MAX_TREE_GROUPS = 1000;

const FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'spec.children',
  'relations',
];

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * The groups a group names through relations of a type and a spec field
 * (one ref or a list, relative to the group's namespace), as unique
 * lower-case refs.
 */
function namedGroups(
  entity: Entity,
  relationType: string,
  specField: 'children' | 'parent',
): string[] {
  const groups = new Set(
    (entity.relations ?? [])
      .filter(relation => relation.type === relationType)
      .map(relation => lower(relation.targetRef)),
  );
  const spec = (entity.spec as Record<string, unknown> | undefined)?.[
    specField
  ];
  for (const ref of [spec ?? []].flat()) {
    if (typeof ref !== 'string') continue;
    try {
      groups.add(
        lower(
          stringifyEntityRef(
            parseEntityRef(ref, {
              defaultKind: 'group',
              defaultNamespace: entity.metadata.namespace ?? 'default',
            }),
          ),
        ),
      );
    } catch {
      // A malformed ref is the catalog's problem; skip it.
    }
  }
  return [...groups];
}

/** The groups a group names as its children, as lower-case refs. */
const childrenOf = (entity: Entity) =>
  namedGroups(entity, RELATION_PARENT_OF, 'children');

/** The groups a group names as its parents, as lower-case refs. */
const parentsOf = (entity: Entity) =>
  namedGroups(entity, RELATION_CHILD_OF, 'parent');

/**
 * A group and its descendants (through `parentOf` relations and
 * `spec.children`), breadth first, one batch read of the catalog per level,
 * at most {@link MAX_TREE_GROUPS} of them. `refs` are all the groups named,
 * the group first; `read` are those the catalog gave back to the
 * credentials (those that exist and that the caller may see). A caller
 * that has read the group already passes it as `entity`.
 */
export async function groupTree(options: {
  group: string;
  entity?: Entity;
  catalog: CatalogService;
  credentials: BackstageCredentials;
}): Promise<{ refs: string[]; read: Set<string> }> {
  const { catalog, credentials } = options;
  const root = lower(options.group);
  const seen = new Set<string>([root]);
  const read = new Set<string>();
  let level = [root];
  let known: Array<Entity | undefined> | undefined = options.entity
    ? [options.entity]
    : undefined;
  while (level.length > 0) {
    const items =
      known ??
      (
        await catalog.getEntitiesByRefs(
          { entityRefs: level, fields: FIELDS },
          { credentials },
        )
      ).items;
    known = undefined;
    const next: string[] = [];
    for (let index = 0; index < items.length; index++) {
      const entity = items[index];
      if (!entity) continue;
      read.add(level[index]);
      for (const child of childrenOf(entity)) {
        if (!seen.has(child) && seen.size < MAX_TREE_GROUPS) {
          seen.add(child);
          next.push(child);
        }
      }
    }
    level = next;
  }
  return { refs: [...seen], read };
}

/**
 * The groups above some groups: each group's parents (through `childOf`
 * relations and `spec.parent`), read upwards one catalog batch per level, at
 * most {@link MAX_TREE_GROUPS} groups. The keys are the groups the caller
 * may see; their parents are only those the caller may see too. Refs that
 * are not groups are left out.
 */
export async function groupParents(options: {
  groups: string[];
  catalog: CatalogService;
  credentials: BackstageCredentials;
}): Promise<Map<string, string[]>> {
  const { catalog, credentials } = options;
  const isGroup = (ref: string) => ref.startsWith('group:');
  let level = [...new Set(options.groups.map(lower))]
    .filter(isGroup)
    .slice(0, MAX_TREE_GROUPS);
  const seen = new Set(level);
  const parents = new Map<string, string[]>();
  while (level.length > 0) {
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: level, fields: [...FIELDS, 'spec.parent'] },
      { credentials },
    );
    const next: string[] = [];
    for (let index = 0; index < items.length; index++) {
      const entity = items[index];
      if (!entity) continue;
      const above = parentsOf(entity).filter(isGroup);
      parents.set(level[index], above);
      for (const parent of above) {
        if (!seen.has(parent) && seen.size < MAX_TREE_GROUPS) {
          seen.add(parent);
          next.push(parent);
        }
      }
    }
    level = next;
  }
  for (const [group, above] of parents) {
    parents.set(
      group,
      above.filter(parent => parents.has(parent)),
    );
  }
  return parents;
}

/** A group's ancestors, nearest first, without the group itself. */
function ancestorsOf(group: string, parents: Map<string, string[]>): string[] {
  const found = new Set<string>([group]);
  const queue = [...(parents.get(group) ?? [])];
  const ancestors: string[] = [];
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (found.has(next)) continue; // a cycle in the catalog
    found.add(next);
    ancestors.push(next);
    queue.push(...(parents.get(next) ?? []));
  }
  return ancestors;
}

/**
 * The departments above some owners: each group above one of the owners,
 * with the owners whose entities it counts, itself first if it is one of
 * them, then the owners below it in their order. `parents` are the groups'
 * parents ({@link groupParents}); owners not in it (users, groups the
 * caller may not see, '' for no owner) count for no department.
 */
export function departmentOwners(
  owners: string[],
  parents: Map<string, string[]>,
): Map<string, string[]> {
  const isOwner = new Set(owners);
  const departments = new Map<string, string[]>();
  for (const owner of owners) {
    if (!parents.has(owner)) continue;
    for (const group of ancestorsOf(owner, parents)) {
      let ofGroup = departments.get(group);
      if (!ofGroup) {
        ofGroup = isOwner.has(group) ? [group] : [];
        departments.set(group, ofGroup);
      }
      ofGroup.push(owner);
    }
  }
  return departments;
}

/**
 * The owners whose entities count as a team's, the team first:
 *
 * - `direct`: the team (a group or a user) alone;
 * - `aggregated`: as the catalog's Ownership card has it, a group with its
 *   descendant groups, a user with the groups they are a member of.
 *
 * Only the groups the caller may see in the catalog count. Throws a
 * NotFoundError when the caller may not see the team itself.
 */
export async function teamOwners(options: {
  team: string;
  relation: TeamRelation;
  catalog: CatalogService;
  credentials: BackstageCredentials;
}): Promise<string[]> {
  const { catalog, credentials, relation } = options;
  const team = lower(options.team);
  const {
    items: [entity],
  } = await catalog.getEntitiesByRefs(
    { entityRefs: [team], fields: FIELDS },
    { credentials },
  );
  if (!entity) {
    throw new NotFoundError(`No entity ${team} in the catalog`);
  }
  if (relation === 'direct') {
    return [team];
  }
  const kind = lower(entity.kind);
  if (kind === 'group') {
    const { refs, read } = await groupTree({
      group: team,
      entity,
      catalog,
      credentials,
    });
    return refs.filter(ref => read.has(ref));
  }
  if (kind === 'user') {
    const groups = [
      ...new Set(
        (entity.relations ?? [])
          .filter(r => r.type === RELATION_MEMBER_OF)
          .map(r => lower(r.targetRef))
          .filter(ref => ref !== team),
      ),
    ];
    if (groups.length === 0) {
      return [team];
    }
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: groups, fields: ['kind', 'metadata.name'] },
      { credentials },
    );
    return [team, ...groups.filter((_, index) => items[index])];
  }
  return [team];
}
