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
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  CatalogService,
  CatalogServiceRequestOptions,
} from '@backstage/plugin-catalog-node';
import { JsonObject } from '@backstage/types';

const DAY_MS = 24 * 60 * 60 * 1000;
export const TEAM_COUNT = 50;

/** mulberry32: a small, fast, seeded PRNG. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T =>
      items[Math.floor(next() * items.length)],
  };
}

export const teamName = (i: number) => `team-${String(i).padStart(2, '0')}`;

/**
 * A date whole days plus half a day in the past, so that `within` and
 * `olderThan` rules do not flip between runs of one benchmark.
 */
function daysAgo(now: number, days: number) {
  return new Date(now - days * DAY_MS - DAY_MS / 2).toISOString();
}

const LIFECYCLES = ['production', 'production', 'deprecated', 'experimental'];
const COMPONENT_TYPES = ['service', 'service', 'service', 'website', 'library'];
const LANGUAGES = ['typescript', 'go', 'java', 'python', 'kotlin', 'perl'];

/**
 * A deterministic synthetic catalog of `count` entities: 50 teams (Groups),
 * one System per 500 entities, and Components, APIs and Resources with
 * annotations, tags, links, owners, systems, lifecycles and the relations
 * ownedBy, partOf and providesApi.
 *
 * Entities are generated on demand from their index (each from its own seeded
 * PRNG), so the catalog holds no entities in memory and the benchmark's peak
 * RSS is that of the evaluation, as with a remote catalog.
 */
export class SyntheticCatalog {
  readonly systemCount: number;
  private readonly now = Date.now();
  /** How many rounds of changes have been made (see `mutate`). */
  private round = 0;

  constructor(readonly count: number, private readonly seed = 42) {
    this.systemCount = Math.max(1, Math.ceil(count / 500));
  }

  /**
   * Changes every twentieth entity (5%) deterministically: a new title and
   * one more open incident, which changes the stored facts of every
   * scorecard result of the entity. Returns how many entities changed.
   */
  mutate(): number {
    this.round++;
    return Math.ceil(this.count / 20);
  }

  /** The index of the entity with this name, if it could be one of ours. */
  indexOf(name: string): number | undefined {
    const team = /^team-(\d+)$/.exec(name);
    if (team) return Number(team[1]);
    const system = /^system-(\d+)$/.exec(name);
    if (system) return TEAM_COUNT + Number(system[1]);
    const other = /^(?:component|api|resource)-(\d+)(?:_x)?$/i.exec(name);
    if (other) return TEAM_COUNT + this.systemCount + Number(other[1]);
    return undefined;
  }

  entity(index: number): Entity {
    const entity = this.generate(index);
    if (this.round > 0 && index % 20 === 0) {
      entity.metadata.title = `Changed ${this.round} ${entity.metadata.name}`;
      const annotations = (entity.metadata.annotations ??= {});
      annotations['acme.com/open-incidents'] = String(
        Number(annotations['acme.com/open-incidents'] ?? 0) + this.round,
      );
    }
    return entity;
  }

  private generate(index: number): Entity {
    const { count, now, systemCount } = this;
    const random = createRandom(Math.imul(this.seed, 0x9e3779b1) ^ index);
    if (index < TEAM_COUNT) {
      return {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: {
          name: teamName(index),
          namespace: 'default',
          uid: `g-${index}`,
        },
        spec: { type: 'team', children: [] },
      };
    }
    if (index < TEAM_COUNT + systemCount) {
      const team = teamName(random.int(TEAM_COUNT));
      const i = index - TEAM_COUNT;
      return {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: { name: `system-${i}`, namespace: 'default', uid: `s-${i}` },
        spec: { owner: team },
        relations: [{ type: 'ownedBy', targetRef: `group:default/${team}` }],
      };
    }
    const i = index - TEAM_COUNT - systemCount;
    const roll = random.next();
    let kind = 'Resource';
    if (roll < 0.75) kind = 'Component';
    else if (roll < 0.9) kind = 'API';
    const name = `${kind.toLowerCase()}-${i}`;
    const teamIndex = random.int(TEAM_COUNT);
    const team = teamName(teamIndex);
    const system = `system-${random.int(systemCount)}`;
    const annotations: Record<string, string> = {
      'backstage.io/managed-by-location': `url:https://github.com/acme/${name}/blob/main/catalog-info.yaml`,
    };
    const add = (p: number, key: string, value: () => string) => {
      if (random.chance(p)) {
        annotations[key] = value();
      }
    };
    add(0.8, 'github.com/project-slug', () => `acme/${name}`);
    add(0.6, 'backstage.io/techdocs-ref', () =>
      random.chance(0.9) ? 'dir:.' : 'url:https://docs.acme.com',
    );
    add(0.5, 'pagerduty.com/service-id', () => `P${random.int(1e6)}`);
    add(0.3, 'acme.com/on-call-rotation', () => `${team}-primary`);
    add(0.7, 'acme.com/open-incidents', () => String(random.int(10)));
    add(0.6, 'acme.com/last-security-review', () =>
      daysAgo(now, random.int(200)),
    );
    add(0.7, 'acme.com/tier', () => String(1 + random.int(3)));
    add(0.5, 'datadoghq.com/dashboard-url', () =>
      random.chance(0.9)
        ? `https://app.datadoghq.com/dash/${random.int(1e5)}`
        : 'http://legacy',
    );
    add(0.4, 'datadoghq.com/slo-ids', () => `${random.int(1e4)}`);
    add(0.5, 'prometheus.io/rule', () => `${name}-alerts`);
    add(0.6, 'backstage.io/kubernetes-id', () => name);
    add(0.8, 'acme.com/test-coverage', () => String(random.int(101)));
    add(0.1, 'acme.com/legacy-logging', () => 'log4j');
    add(0.8, 'acme.com/last-deploy', () => daysAgo(now, random.int(365)));
    add(0.5, 'acme.com/health-endpoint', () =>
      random.chance(0.8) ? `https://${name}.acme.com/healthz` : '/status',
    );
    add(0.9, 'acme.com/language', () => random.pick(LANGUAGES));
    if (kind === 'API') {
      add(0.7, 'acme.com/api-spec-url', () =>
        random.chance(0.8) ? `https://specs.acme.com/${name}.yaml` : '.json',
      );
    }
    add(0.6, 'acme.com/docs-reviewed', () => daysAgo(now, random.int(700)));

    const tags: string[] = [];
    if (random.chance(0.2)) tags.push('tier-1');
    if (random.chance(0.5)) tags.push(random.pick(LANGUAGES));
    if (random.chance(0.3)) tags.push('customer-facing');
    const links = [];
    if (random.chance(0.5)) {
      links.push({ url: `https://runbooks.acme.com/${name}`, type: 'runbook' });
    }
    if (random.chance(0.3)) {
      links.push({
        url: `https://grafana.acme.com/d/${name}`,
        type: 'dashboard',
      });
    }
    if (random.chance(0.3)) {
      links.push({ url: `https://acme.slack.com/${team}`, title: 'Slack' });
    }

    let owner: string | undefined;
    if (random.chance(0.95)) {
      if (random.chance(0.02)) owner = 'unowned';
      else owner = random.chance(0.5) ? team : `group:default/${team}`;
    }
    let ownerRef: string | undefined;
    if (owner) {
      ownerRef = owner.startsWith('group:') ? owner : `group:default/${owner}`;
    }
    const inSystem = random.chance(0.8);
    const types: Record<string, readonly string[]> = {
      Component: COMPONENT_TYPES,
      API: ['openapi', 'grpc', 'asyncapi'],
      Resource: ['database', 's3-bucket'],
    };
    const spec: JsonObject = {
      type: random.pick(types[kind]),
      lifecycle: random.pick(LIFECYCLES),
    };
    if (owner) spec.owner = owner;
    if (inSystem) spec.system = system;
    const relations = [];
    if (ownerRef) relations.push({ type: 'ownedBy', targetRef: ownerRef });
    if (inSystem) {
      relations.push({ type: 'partOf', targetRef: `system:default/${system}` });
    }
    if (kind === 'Component' && random.chance(0.4)) {
      relations.push({
        type: 'providesApi',
        targetRef: `api:default/api-${random.int(count)}`,
      });
    }
    const metadata: Entity['metadata'] = {
      name: random.chance(0.97) ? name : `${name.toUpperCase()}_X`,
      namespace: 'default',
      uid: `e-${i}`,
      annotations,
      tags,
      links,
    };
    if (random.chance(0.6)) metadata.title = `${kind} ${i}`;
    if (random.chance(0.7)) {
      metadata.description = `The ${name} of ${team}, which does useful things.`;
    }
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata,
      spec,
      relations,
    };
  }
}

/** Copies only the given dot-path fields of an entity, as the catalog does. */
function pickFields(entity: Entity, fields: string[][]): Entity {
  const out: Record<string, unknown> = {};
  for (const path of fields) {
    let source: unknown = entity;
    let target: Record<string, unknown> = out;
    for (let i = 0; i < path.length; i++) {
      if (typeof source !== 'object' || source === null) break;
      const value = (source as Record<string, unknown>)[path[i]];
      if (value === undefined) break;
      if (i === path.length - 1) {
        target[path[i]] = value;
      } else {
        if (typeof target[path[i]] !== 'object') target[path[i]] = {};
        target = target[path[i]] as Record<string, unknown>;
        source = value;
      }
    }
  }
  return out as unknown as Entity;
}

/**
 * An in-memory CatalogService over a {@link SyntheticCatalog}, with cursor
 * paging and field selection, for the methods the scorecards backend calls.
 * Entities are generated page by page, so serving costs little and is
 * measured on its own as the floor.
 */
export class InMemoryCatalog {
  constructor(private readonly catalog: SyntheticCatalog) {}

  asService(): CatalogService {
    return this as unknown as CatalogService;
  }

  async queryEntities(
    request: { cursor?: string; fields?: string[]; limit?: number } = {},
    _options?: CatalogServiceRequestOptions,
  ) {
    const { count } = this.catalog;
    const limit = request.limit ?? 500;
    const offset = request.cursor ? Number(request.cursor) : 0;
    const end = Math.min(count, offset + limit);
    const paths = (request.fields ?? []).map(f => f.split('.'));
    const items: Entity[] = [];
    for (let index = offset; index < end; index++) {
      const entity = this.catalog.entity(index);
      items.push(paths.length ? pickFields(entity, paths) : entity);
    }
    return {
      items,
      totalItems: count,
      pageInfo: { nextCursor: end < count ? String(end) : undefined },
    };
  }

  async getEntitiesByRefs(
    request: { entityRefs: string[]; fields?: string[] },
    _options?: CatalogServiceRequestOptions,
  ) {
    const paths = (request.fields ?? []).map(f => f.split('.'));
    return {
      items: request.entityRefs.map(ref => {
        const { name } = parseEntityRef(ref);
        const index = this.catalog.indexOf(name);
        if (index === undefined || index >= this.catalog.count) {
          return undefined;
        }
        const entity = this.catalog.entity(index);
        if (
          stringifyEntityRef(entity).toLocaleLowerCase('en-US') !==
          ref.toLocaleLowerCase('en-US')
        ) {
          return undefined;
        }
        return paths.length ? pickFields(entity, paths) : entity;
      }),
    };
  }
}
