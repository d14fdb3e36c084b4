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
  CampaignFailingEntity,
  CampaignProgressCounts,
  compileQuery,
  EntityCampaignRule,
  EvaluationInput,
  NormalisedCampaign,
  RuleResult,
} from '@openscorecards/plugin-scorecards-common';
import { Knex } from 'knex';
import { EntityResultRow, ResultEntity } from '../database/ResultStore';
import { ENTITY_COLUMN_NAMES } from '../database/entityColumns';
import { decodeRuleResults } from '../database/ruleResultsText';

const RESULTS = 'scorecards_results';
/** Rows read per statement while streaming the results of a scorecard. */
const PAGE_SIZE = 2000;

/** A team's entities in a campaign's scope, and how many pass. */
export interface CampaignTeamCounts extends CampaignProgressCounts {
  /** Full group ref; '' for entities without an owner. */
  owner: string;
}

/** How many entities in a campaign's scope one campaign rule applies to. */
export interface CampaignRuleCounts {
  /** `<scorecardId>/<ruleId>`. */
  rule: string;
  /** Entities in scope the rule passed or failed for (skipped ones do not count). */
  applicable: number;
  passing: number;
}

/** The progress of one campaign, from the stored results. */
export interface CampaignProgress extends CampaignProgressCounts {
  /** By owner ref. */
  byTeam: CampaignTeamCounts[];
  /** In campaign order. */
  byRule: CampaignRuleCounts[];
  /** By entity ref. */
  failing: CampaignFailingEntity[];
  computedAt: Date;
}

interface ResultRowFacts {
  entity_ref: string;
  entity_kind: string;
  entity_namespace: string;
  entity_name: string;
  entity_title: string | null;
  entity_type: string | null;
  entity_lifecycle: string | null;
  entity_owner: string;
  entity_system: string | null;
}

const orUndefined = (value: string | null | undefined) =>
  value === null || value === undefined || value === '' ? undefined : value;

/**
 * The entity a campaign scope is evaluated against: only the facts stored
 * with each result (see `CAMPAIGN_SCOPE_PROPERTIES`), the owner and the
 * system as full entity refs.
 */
export function factsEntity(entity: ResultEntity): EvaluationInput {
  const metadata: Record<string, unknown> = {
    name: entity.name,
    namespace: entity.namespace,
  };
  if (entity.title) {
    metadata.title = entity.title;
  }
  const spec: Record<string, unknown> = {};
  for (const key of ['type', 'lifecycle', 'owner', 'system'] as const) {
    if (entity[key]) {
      spec[key] = entity[key];
    }
  }
  return { entity: { kind: entity.kind, metadata, spec } };
}

function resultEntityOf(row: ResultRowFacts): ResultEntity {
  return {
    kind: row.entity_kind,
    namespace: row.entity_namespace,
    name: row.entity_name,
    title: orUndefined(row.entity_title),
    type: orUndefined(row.entity_type),
    lifecycle: orUndefined(row.entity_lifecycle),
    owner: orUndefined(row.entity_owner),
    system: orUndefined(row.entity_system),
  };
}

/** A compiled campaign scope; everything is in scope without one. */
export function compileCampaignScope(
  campaign: NormalisedCampaign,
): (input: EvaluationInput) => boolean {
  return campaign.scope === undefined
    ? () => true
    : compileQuery(campaign.scope);
}

interface EntityState {
  entity: ResultEntity;
  applicable: number;
  failing: Set<string>;
}

class CampaignAccumulator {
  readonly inScope: (input: EvaluationInput) => boolean;
  /** Entities seen; `null` for those out of scope. */
  readonly entities = new Map<string, EntityState | null>();
  readonly byRule: Map<string, CampaignRuleCounts>;
  /** Campaign rule refs of each scorecard, by rule id. */
  readonly rulesOf = new Map<string, Map<string, string>>();

  constructor(readonly campaign: NormalisedCampaign) {
    this.inScope = compileCampaignScope(campaign);
    this.byRule = new Map(
      campaign.rules.map(r => [
        r.rule,
        { rule: r.rule, applicable: 0, passing: 0 },
      ]),
    );
    for (const r of campaign.rules) {
      let rules = this.rulesOf.get(r.scorecardId);
      if (!rules) {
        rules = new Map();
        this.rulesOf.set(r.scorecardId, rules);
      }
      rules.set(r.ruleId, r.rule);
    }
  }

  add(
    scorecardId: string,
    entityRef: string,
    entity: () => ResultEntity,
    input: () => EvaluationInput,
    statuses: () => Map<string, RuleResult['status']>,
  ) {
    const rules = this.rulesOf.get(scorecardId);
    if (!rules) {
      return;
    }
    let state = this.entities.get(entityRef);
    if (state === undefined) {
      state = this.inScope(input())
        ? { entity: entity(), applicable: 0, failing: new Set() }
        : null;
      this.entities.set(entityRef, state);
    }
    if (state === null) {
      return;
    }
    const byId = statuses();
    for (const [ruleId, ref] of rules) {
      const status = byId.get(ruleId);
      if (status !== 'pass' && status !== 'fail') {
        continue; // skipped, or not in the result: the rule does not apply
      }
      const counts = this.byRule.get(ref)!;
      counts.applicable++;
      state.applicable++;
      if (status === 'pass') {
        counts.passing++;
      } else {
        state.failing.add(ref);
      }
    }
  }

  finish(computedAt: Date): CampaignProgress {
    const teams = new Map<string, CampaignTeamCounts>();
    const failing: CampaignFailingEntity[] = [];
    let inScope = 0;
    let passing = 0;
    const order = this.campaign.rules.map(r => r.rule);
    for (const [entityRef, state] of this.entities) {
      if (!state || state.applicable === 0) {
        continue;
      }
      const owner = state.entity.owner ?? '';
      let team = teams.get(owner);
      if (!team) {
        team = { owner, inScope: 0, passing: 0 };
        teams.set(owner, team);
      }
      inScope++;
      team.inScope++;
      if (state.failing.size === 0) {
        passing++;
        team.passing++;
      } else {
        const { entity } = state;
        failing.push({
          entityRef,
          kind: entity.kind,
          namespace: entity.namespace,
          name: entity.name,
          title: entity.title,
          owner,
          failingRules: order.filter(r => state.failing.has(r)),
        });
      }
    }
    const byRef = (a: { entityRef: string }, b: { entityRef: string }) =>
      a.entityRef < b.entityRef ? -1 : 1;
    return {
      inScope,
      passing,
      byTeam: [...teams.values()].sort((a, b) => {
        if (a.owner === b.owner) {
          return 0;
        }
        return a.owner < b.owner ? -1 : 1;
      }),
      byRule: [...this.byRule.values()],
      failing: failing.sort(byRef),
      computedAt,
    };
  }
}

/**
 * Computes the progress of campaigns from the current stored results, with
 * no re-evaluation, in one pass over the results of their scorecards (read
 * in key-set pages, so memory grows with the entities in scope, not with the
 * rows read).
 *
 * An entity is in a campaign when it has a current result of a campaign
 * rule's scorecard, matches the campaign scope (evaluated on the facts the
 * result stores, see {@link factsEntity}) and at least one campaign rule
 * applies to it (passed or failed; a skipped rule does not apply). It passes
 * when every campaign rule that applies to it passes.
 */
export async function computeCampaignsProgress(
  db: Knex,
  campaigns: ReadonlyArray<NormalisedCampaign>,
  options: { now?: Date; pageSize?: number } = {},
): Promise<Map<string, CampaignProgress>> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const accumulators = campaigns.map(c => new CampaignAccumulator(c));
  const scorecardIds = [
    ...new Set(campaigns.flatMap(c => c.rules.map(r => r.scorecardId))),
  ].sort();
  for (const scorecardId of scorecardIds) {
    const interested = accumulators.filter(a => a.rulesOf.has(scorecardId));
    let after: string | undefined;
    for (;;) {
      const query = db(RESULTS)
        .select('entity_ref', ...ENTITY_COLUMN_NAMES, 'rule_results')
        .where('scorecard_id', scorecardId)
        .orderBy('entity_ref')
        .limit(pageSize);
      if (after !== undefined) {
        query.where('entity_ref', '>', after);
      }
      const rows: Array<ResultRowFacts & { rule_results: string }> =
        await query;
      for (const row of rows) {
        let entity: ResultEntity | undefined;
        let input: EvaluationInput | undefined;
        let statuses: Map<string, RuleResult['status']> | undefined;
        const getEntity = () => (entity ??= resultEntityOf(row));
        const getInput = () => (input ??= factsEntity(getEntity()));
        const getStatuses = () => {
          if (!statuses) {
            statuses = new Map();
            const results = decodeRuleResults(row.rule_results);
            for (const r of results) {
              statuses.set(r.ruleId, r.status);
            }
          }
          return statuses;
        };
        for (const accumulator of interested) {
          accumulator.add(
            scorecardId,
            row.entity_ref,
            getEntity,
            getInput,
            getStatuses,
          );
        }
      }
      if (rows.length < pageSize) {
        break;
      }
      after = rows[rows.length - 1].entity_ref;
    }
  }
  const computedAt = options.now ?? new Date();
  return new Map(accumulators.map(a => [a.campaign.key, a.finish(computedAt)]));
}

/**
 * The status of one campaign rule for one entity; the API's
 * {@link EntityCampaignRule} adds the rule's titles and guidance.
 */
export type CampaignRuleOutcome = Pick<
  EntityCampaignRule,
  'rule' | 'scorecardId' | 'ruleId' | 'status' | 'message'
>;

/**
 * The statuses of the campaign rules that apply to an entity, from its
 * stored results; `undefined` when the entity is not in the campaign (out
 * of scope, or no campaign rule applies).
 */
export function entityCampaignRules(
  campaign: NormalisedCampaign,
  rows: ReadonlyArray<EntityResultRow>,
): CampaignRuleOutcome[] | undefined {
  const relevant = rows.filter(r =>
    campaign.rules.some(c => c.scorecardId === r.scorecardId),
  );
  if (relevant.length === 0) {
    return undefined;
  }
  if (!compileCampaignScope(campaign)(factsEntity(relevant[0].entity))) {
    return undefined;
  }
  const out: CampaignRuleOutcome[] = [];
  for (const c of campaign.rules) {
    const row = relevant.find(r => r.scorecardId === c.scorecardId);
    const result = row?.rules.find(r => r.ruleId === c.ruleId);
    if (result && (result.status === 'pass' || result.status === 'fail')) {
      out.push({
        rule: c.rule,
        scorecardId: c.scorecardId,
        ruleId: c.ruleId,
        status: result.status,
        message: result.message,
      });
    }
  }
  return out.length > 0 ? out : undefined;
}

interface CacheEntry {
  signature: string;
  expires: number;
  progress: Promise<CampaignProgress>;
}

/**
 * Campaign progress, cached per campaign for `ttlMs` (default one minute)
 * or until {@link CampaignProgressCache.invalidate} is called (after each
 * committed run, and when a campaign changes). A changed definition is
 * recomputed at once. Campaigns missing from the cache are computed together
 * in one pass; concurrent requests share the computation.
 */
export class CampaignProgressCache {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly ttlMs: number;
  private readonly clock: () => number;

  constructor(
    private readonly db: Knex,
    options: { ttlMs?: number; clock?: () => number } = {},
  ) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.clock = options.clock ?? Date.now;
  }

  async getProgress(
    campaigns: ReadonlyArray<NormalisedCampaign>,
  ): Promise<Map<string, CampaignProgress>> {
    const now = this.clock();
    const missing: NormalisedCampaign[] = [];
    for (const campaign of campaigns) {
      const entry = this.cache.get(campaign.key);
      if (
        !entry ||
        entry.expires <= now ||
        entry.signature !== signatureOf(campaign)
      ) {
        missing.push(campaign);
      }
    }
    if (missing.length > 0) {
      const computed = computeCampaignsProgress(this.db, missing);
      for (const campaign of missing) {
        const key = campaign.key;
        const entry: CacheEntry = {
          signature: signatureOf(campaign),
          expires: now + this.ttlMs,
          progress: computed.then(all => all.get(key)!),
        };
        this.cache.set(key, entry);
        entry.progress.catch(() => {
          if (this.cache.get(key) === entry) {
            this.cache.delete(key);
          }
        });
      }
    }
    const out = new Map<string, CampaignProgress>();
    for (const campaign of campaigns) {
      out.set(campaign.key, await this.cache.get(campaign.key)!.progress);
    }
    return out;
  }

  async getOne(campaign: NormalisedCampaign): Promise<CampaignProgress> {
    return (await this.getProgress([campaign])).get(campaign.key)!;
  }

  /** Forgets every cached progress; call after each committed run. */
  invalidate(): void {
    this.cache.clear();
  }
}

function signatureOf(campaign: NormalisedCampaign): string {
  return JSON.stringify([
    campaign.scope ?? null,
    campaign.rules.map(r => r.rule),
  ]);
}
