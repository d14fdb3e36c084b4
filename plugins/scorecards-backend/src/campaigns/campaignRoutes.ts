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
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  campaignCompletion,
  campaignDaysLeft,
  CampaignDefinitionResponse,
  CampaignDepartmentsResponse,
  CampaignDetailsResponse,
  CampaignEntitiesResponse,
  CampaignFailingEntity,
  CampaignRuleInfo,
  CampaignsListResponse,
  CampaignStatus,
  campaignStatus,
  CampaignSummary,
  CampaignTrendPoint,
  CampaignTrendResponse,
  CAMPAIGN_STATUSES,
  csvLine,
  EntityCampaignsResponse,
  formatValidationProblems,
  NormalisedCampaign,
  scorecardsCampaignCreatePermission,
  scorecardsCampaignDeletePermission,
  scorecardsCampaignUpdatePermission,
  ScorecardsDefinitionsConfig,
  TeamCampaign,
  TeamCampaignsResponse,
  validateCampaign,
} from '@openscorecards/plugin-scorecards-common';
import express from 'express';
import { DateTime } from 'luxon';
import { z } from 'zod/v3';
import { ResultStore } from '../database/ResultStore';
import { parseQuery, teamQuerySchema } from '../service/readRouteParameters';
import { groupParents, teamOwners } from '../service/teamOwners';
import { campaignDepartments } from './campaignDepartments';
import { visibleRefs } from '../service/visibleEntities';
import {
  CampaignProgress,
  CampaignProgressCache,
  entityCampaignRules,
} from './campaignProgress';
import { CampaignEntry, CampaignRegistry } from './CampaignRegistry';
import { CampaignStore } from './CampaignStore';
import {
  campaignFiltersSchema,
  filterFailing,
  groupRef,
  ruleParameter,
  strict,
  teamParameter,
} from './campaignFilters';
import { entityRefOfParams } from '../service/entityRefParams';

export interface CampaignRoutesOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  logger: LoggerService;
  /** The result store, for one entity's stored results. */
  store: ResultStore;
  campaignStore: CampaignStore;
  progress: CampaignProgressCache;
  definitions: ScorecardsDefinitionsConfig;
  /** The validated config campaigns (`scorecards.campaigns`). */
  campaigns: ReadonlyArray<NormalisedCampaign>;
  /** The clock for statuses and days left; default `new Date()`. */
  now?: () => Date;
  /**
   * The default ticket link template (`scorecards.campaignTicketUrlTemplate`)
   * of campaigns without their own.
   */
  ticketUrlTemplate?: string;
}

const ENTITIES_MAX_LIMIT = 100;
const ENTITIES_DEFAULT_LIMIT = 25;
/** Rows per catalog request while paging the visible failing entities. */
const VISIBILITY_BATCH = 500;

const trendQuerySchema = strict({
  team: groupRef.optional(),
  relation: z
    .enum(['direct', 'aggregated'], {
      errorMap: () => ({ message: 'must be one of direct, aggregated' }),
    })
    .optional(),
});

/**
 * A campaign's stored daily progress, with today's from the live progress
 * while the campaign runs and today is not stored yet.
 */
function trendOf(
  entry: CampaignEntry,
  stored: Array<{ day: string; inScope: number; passing: number }>,
  live: { inScope: number; passing: number },
  today: string,
): CampaignDetailsResponse['trend'] {
  const { campaign } = entry;
  const points = stored.map(
    (point): CampaignTrendPoint => ({
      ...point,
      completion: campaignCompletion(point),
    }),
  );
  if (
    !entry.archived &&
    campaign.startDate <= today &&
    points[points.length - 1]?.day !== today
  ) {
    points.push({
      day: today,
      inScope: live.inScope,
      passing: live.passing,
      completion: campaignCompletion(live),
    });
  }
  return {
    startDate: campaign.startDate,
    endDate: campaign.endDate,
    points,
  };
}

const listQuerySchema = strict({
  status: z
    .enum(CAMPAIGN_STATUSES as [CampaignStatus, ...CampaignStatus[]], {
      errorMap: () => ({
        message: `must be one of ${CAMPAIGN_STATUSES.join(', ')}`,
      }),
    })
    .optional(),
  owner: groupRef.optional(),
});

const entitiesQuerySchema = strict({
  team: teamParameter,
  rule: ruleParameter,
  limit: z.coerce
    .number({ invalid_type_error: 'must be a number' })
    .int(`must be a whole number from 1 to ${ENTITIES_MAX_LIMIT}`)
    .min(1, `must be a whole number from 1 to ${ENTITIES_MAX_LIMIT}`)
    .max(
      ENTITIES_MAX_LIMIT,
      `must be a whole number from 1 to ${ENTITIES_MAX_LIMIT}`,
    )
    .default(ENTITIES_DEFAULT_LIMIT),
  cursor: z
    .string({ invalid_type_error: 'must be a cursor from an earlier response' })
    .optional(),
});

const exportQuerySchema = campaignFiltersSchema;

const bodySchema = z.record(z.unknown(), {
  invalid_type_error: 'the body must be a JSON object',
});

function encodeCursor(entityRef: string): string {
  return Buffer.from(JSON.stringify({ after: entityRef })).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): string {
  try {
    const { after } = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    );
    if (typeof after === 'string') {
      return after;
    }
  } catch {
    // reported below
  }
  throw new InputError(
    'Invalid query: cursor: must be a cursor from an earlier response',
  );
}

const CSV_COLUMNS = [
  'entity_ref',
  'kind',
  'namespace',
  'name',
  'title',
  'owner',
  'failing_rules',
];

/** The order of a team's campaigns: the most urgent first. */
const URGENCY: Record<CampaignStatus, number> = {
  overdue: 0,
  active: 1,
  upcoming: 2,
  completed: 3,
  ended: 4,
};

function byUrgency(a: CampaignSummary, b: CampaignSummary): number {
  return (
    URGENCY[a.status] - URGENCY[b.status] ||
    (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) ||
    a.name.localeCompare(b.name, 'en')
  );
}

/**
 * Registers the campaign routes on the plugin's router:
 *
 * - `GET /campaigns?status=&owner=`
 * - `GET /campaigns/:key`
 * - `GET /campaigns/:key/departments`
 * - `GET /campaigns/:key/entities?team=&rule=&limit=&cursor=`
 * - `GET /campaigns/:key/export.csv?team=&rule=`
 * - `GET /entities/:kind/:namespace/:name/campaigns`
 * - `GET /teams/:kind/:namespace/:name/campaigns?relation=`
 * - `POST /campaigns`, `PUT /campaigns/:key`, `DELETE /campaigns/:key`
 *
 * The router must parse JSON bodies (`express.json()`).
 */
export function registerCampaignRoutes(
  router: express.Router,
  options: CampaignRoutesOptions,
): void {
  const { httpAuth, permissions, catalog, logger, store, campaignStore } =
    options;
  const { progress, definitions } = options;
  const now = options.now ?? (() => new Date());
  /** Today (UTC) as `YYYY-MM-DD`, the day daily progress is stored under. */
  const todayOf = () =>
    DateTime.fromJSDate(now(), { zone: 'utc' }).toISODate()!;
  const registry = new CampaignRegistry(options.campaigns, campaignStore);

  const scorecardById = new Map(definitions.definitions.map(d => [d.id, d]));

  const userOrService = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  async function authorize(
    credentials: BackstageCredentials,
    permission: BasicPermission,
    action: string,
  ) {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`You are not allowed to ${action} campaigns`);
    }
  }

  async function findCampaign(key: string): Promise<CampaignEntry> {
    const entry = await registry.get(key);
    if (!entry) {
      throw new NotFoundError(`No campaign with the key "${key}"`);
    }
    return entry;
  }

  function summaryOf(
    entry: CampaignEntry,
    p: CampaignProgress,
  ): CampaignSummary {
    const { campaign } = entry;
    const at = now();
    return {
      key: campaign.key,
      name: campaign.name,
      description: campaign.description,
      owner: campaign.owner,
      startDate: campaign.startDate,
      endDate: campaign.endDate,
      source: entry.source,
      archived: entry.archived,
      editable: entry.source === 'database' && !entry.archived,
      status: campaignStatus({ ...campaign, archived: entry.archived }, p, at),
      daysLeft: campaignDaysLeft(campaign.endDate, at) ?? null,
      ruleCount: campaign.rules.length,
      progress: {
        inScope: p.inScope,
        passing: p.passing,
        completion: campaignCompletion(p),
      },
    };
  }

  function definitionOf(entry: CampaignEntry): CampaignDefinitionResponse {
    return {
      ...entry.campaign,
      source: entry.source,
      archived: entry.archived,
      editable: entry.source === 'database' && !entry.archived,
      createdBy: entry.createdBy,
      createdAt: entry.createdAt?.toISOString(),
      updatedAt: entry.updatedAt?.toISOString(),
    };
  }

  function ruleInfo(
    scorecardId: string,
    ruleId: string,
  ): Pick<
    CampaignRuleInfo,
    'scorecardTitle' | 'title' | 'ruleDescription' | 'ruleGuidance'
  > {
    const scorecard = scorecardById.get(scorecardId);
    const rule = scorecard?.rules.find(r => r.id === ruleId);
    return {
      scorecardTitle: scorecard?.title,
      title: rule?.title ?? ruleId,
      ruleDescription: rule?.description,
      ruleGuidance: rule?.guidance,
    };
  }

  router.get('/campaigns', async (req, res) => {
    await userOrService(req);
    const query = parseQuery(listQuerySchema, req.query);
    const entries = (await registry.list({ includeArchived: true })).filter(
      e => query.owner === undefined || e.campaign.owner === query.owner,
    );
    const all = await progress.getProgress(entries.map(e => e.campaign));
    const items = entries
      .map(e => summaryOf(e, all.get(e.campaign.key)!))
      .filter(s => query.status === undefined || s.status === query.status);
    const body: CampaignsListResponse = { items };
    res.json(body);
  });

  router.get('/campaigns/:key', async (req, res) => {
    await userOrService(req);
    const entry = await findCampaign(req.params.key);
    const { campaign } = entry;
    const [p, stored] = await Promise.all([
      progress.getOne(campaign),
      campaignStore.getTrend(campaign.key),
    ]);
    const body: CampaignDetailsResponse = {
      ...summaryOf(entry, p),
      scope: campaign.scope,
      ticketUrlTemplate:
        campaign.ticketUrlTemplate ?? options.ticketUrlTemplate,
      createdBy: entry.createdBy,
      createdAt: entry.createdAt?.toISOString(),
      updatedAt: entry.updatedAt?.toISOString(),
      computedAt: p.computedAt.toISOString(),
      byTeam: p.byTeam.map(t => ({ ...t, completion: campaignCompletion(t) })),
      byRule: campaign.rules.map(r => {
        const counts = p.byRule.find(b => b.rule === r.rule) ?? {
          applicable: 0,
          passing: 0,
        };
        return {
          rule: r.rule,
          scorecardId: r.scorecardId,
          ruleId: r.ruleId,
          ...ruleInfo(r.scorecardId, r.ruleId),
          guidance: r.guidance,
          applicable: counts.applicable,
          passing: counts.passing,
          failing: counts.applicable - counts.passing,
          completion: campaignCompletion({
            inScope: counts.applicable,
            passing: counts.passing,
          }),
        };
      }),
      trend: trendOf(entry, stored, p, todayOf()),
    };
    res.json(body);
  });

  // The trend of a team's entities in scope, or of a department's (a group
  // with the groups below it, `relation=aggregated`); the organisation's
  // without a team.
  router.get('/campaigns/:key/trend', async (req, res) => {
    const credentials = await userOrService(req);
    const query = parseQuery(trendQuerySchema, req.query);
    if (query.relation && !query.team) {
      throw new InputError('Invalid query: relation: needs a team');
    }
    const entry = await findCampaign(req.params.key);
    if (!query.team) {
      const [p, stored] = await Promise.all([
        progress.getOne(entry.campaign),
        campaignStore.getTrend(entry.campaign.key),
      ]);
      const body: CampaignTrendResponse = trendOf(entry, stored, p, todayOf());
      res.json(body);
      return;
    }
    const relation = query.relation ?? 'direct';
    const owners = await teamOwners({
      team: query.team,
      relation,
      catalog,
      credentials,
    });
    const [p, stored] = await Promise.all([
      progress.getOne(entry.campaign),
      campaignStore.getTrend(entry.campaign.key, { owners }),
    ]);
    const ofOwners = new Set(owners);
    const today = { inScope: 0, passing: 0 };
    for (const counts of p.byTeam) {
      if (ofOwners.has(counts.owner)) {
        today.inScope += counts.inScope;
        today.passing += counts.passing;
      }
    }
    const body: CampaignTrendResponse = {
      team: owners[0],
      relation,
      owners,
      ...trendOf(entry, stored, today, todayOf()),
    };
    res.json(body);
  });

  // Progress by department: each group above the teams with entities in
  // scope, with its own and its descendant groups' entities. Read from the
  // catalog with the caller's credentials, so a group the caller may not see
  // is no department and counts for none.
  router.get('/campaigns/:key/departments', async (req, res) => {
    const credentials = await userOrService(req);
    const entry = await findCampaign(req.params.key);
    const p = await progress.getOne(entry.campaign);
    const parents = await groupParents({
      groups: p.byTeam.map(team => team.owner).filter(Boolean),
      catalog,
      credentials,
    });
    const body: CampaignDepartmentsResponse = {
      items: campaignDepartments(p.byTeam, parents),
    };
    res.json(body);
  });

  router.get('/campaigns/:key/entities', async (req, res) => {
    const credentials = await userOrService(req);
    const query = parseQuery(entitiesQuerySchema, req.query);
    const { campaign } = await findCampaign(req.params.key);
    const failing = filterFailing(
      campaign,
      (await progress.getOne(campaign)).failing,
      query,
    );
    let start = 0;
    if (query.cursor !== undefined) {
      const after = decodeCursor(query.cursor);
      // The failing entities are sorted by ref: find the first one after.
      let lo = 0;
      let hi = failing.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (failing[mid].entityRef <= after) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      start = lo;
    }
    const items: CampaignFailingEntity[] = [];
    let more = false;
    let batchSize = Math.min(query.limit + 1, VISIBILITY_BATCH);
    for (let i = start; i < failing.length && !more; ) {
      const batch = failing.slice(i, i + batchSize);
      i += batch.length;
      const visible = await visibleRefs(
        catalog,
        batch.map(e => e.entityRef),
        credentials,
      );
      for (const entity of batch) {
        if (!visible.has(entity.entityRef)) {
          continue;
        }
        if (items.length === query.limit) {
          more = true;
          break;
        }
        items.push(entity);
      }
      batchSize = Math.min(batchSize * 2, VISIBILITY_BATCH);
    }
    const body: CampaignEntitiesResponse = {
      items,
      nextCursor: more
        ? encodeCursor(items[items.length - 1].entityRef)
        : undefined,
    };
    res.json(body);
  });

  router.get('/campaigns/:key/export.csv', async (req, res) => {
    const credentials = await userOrService(req);
    const query = parseQuery(exportQuerySchema, req.query);
    const { campaign } = await findCampaign(req.params.key);
    const failing = filterFailing(
      campaign,
      (await progress.getOne(campaign)).failing,
      query,
    );
    // Visibility is checked before anything is sent, so that a failing
    // catalog still gets an error response rather than a truncated file.
    const visible = await visibleRefs(
      catalog,
      failing.map(e => e.entityRef),
      credentials,
    );
    const lines = [csvLine(CSV_COLUMNS)];
    for (const e of failing) {
      if (visible.has(e.entityRef)) {
        lines.push(
          csvLine([
            e.entityRef,
            e.kind,
            e.namespace,
            e.name,
            e.title,
            e.owner,
            e.failingRules.join(';'),
          ]),
        );
      }
    }
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${campaign.key}-failing-entities.csv"`,
    );
    res.send(lines.join(''));
  });

  router.get('/entities/:kind/:namespace/:name/campaigns', async (req, res) => {
    const credentials = await userOrService(req);
    const entityRef = entityRefOfParams(req.params);
    // A hidden entity is indistinguishable from one that does not exist.
    if ((await visibleRefs(catalog, [entityRef], credentials)).size === 0) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    const [rows, entries] = await Promise.all([
      store.getEntityResults(entityRef),
      registry.list(),
    ]);
    const matches = entries.flatMap(entry => {
      const rules = entityCampaignRules(entry.campaign, rows);
      return rules ? [{ entry, rules }] : [];
    });
    const all = await progress.getProgress(matches.map(m => m.entry.campaign));
    const body: EntityCampaignsResponse = {
      entityRef,
      items: matches.map(({ entry, rules }) => {
        const guidanceOf = new Map(
          entry.campaign.rules.map(r => [r.rule, r.guidance]),
        );
        return {
          ...summaryOf(entry, all.get(entry.campaign.key)!),
          passing: rules.every(r => r.status === 'pass'),
          rules: rules.map(r => ({
            ...r,
            ...ruleInfo(r.scorecardId, r.ruleId),
            guidance: guidanceOf.get(r.rule),
          })),
        };
      }),
    };
    res.json(body);
  });

  // How a team's entities do in each campaign that has some in scope: the
  // team's (or, aggregated, its owners') share of the campaign's progress.
  router.get('/teams/:kind/:namespace/:name/campaigns', async (req, res) => {
    const credentials = await userOrService(req);
    const { relation } = parseQuery(teamQuerySchema, req.query);
    // Owners are stored as the catalog writes refs: lower case.
    const team = entityRefOfParams(req.params).toLocaleLowerCase('en-US');
    const owners = await teamOwners({ team, relation, catalog, credentials });
    const ofOwners = new Set(owners);
    const entries = await registry.list();
    const all = await progress.getProgress(entries.map(e => e.campaign));
    const items = entries
      .flatMap((entry): TeamCampaign[] => {
        const p = all.get(entry.campaign.key)!;
        let inScope = 0;
        let passing = 0;
        for (const counts of p.byTeam) {
          if (ofOwners.has(counts.owner)) {
            inScope += counts.inScope;
            passing += counts.passing;
          }
        }
        if (inScope === 0) {
          return [];
        }
        return [
          {
            ...summaryOf(entry, p),
            teamProgress: {
              inScope,
              passing,
              completion: campaignCompletion({ inScope, passing }),
            },
          },
        ];
      })
      .sort(byUrgency);
    const body: TeamCampaignsResponse = { team, relation, owners, items };
    res.json(body);
  });

  function validateBody(body: unknown): NormalisedCampaign {
    const parsed = bodySchema.safeParse(body);
    if (!parsed.success) {
      throw new InputError('Invalid campaign: the body must be a JSON object');
    }
    const { problems, campaign } = validateCampaign(parsed.data, {
      path: '',
      scorecards: definitions.definitions,
    });
    if (!campaign) {
      throw new InputError(
        `Invalid campaign:\n${formatValidationProblems(problems)}`,
      );
    }
    return campaign;
  }

  function assertNotConfig(key: string) {
    if (registry.isConfigCampaign(key)) {
      throw new ConflictError(
        `Campaign "${key}" is defined in app-config (scorecards.campaigns) and is read-only; change it there`,
      );
    }
  }

  router.post('/campaigns', async (req, res) => {
    const credentials = await userOrService(req);
    await authorize(credentials, scorecardsCampaignCreatePermission, 'create');
    const campaign = validateBody(req.body);
    assertNotConfig(campaign.key);
    const createdBy =
      credentials.principal.type === 'user'
        ? credentials.principal.userEntityRef
        : `service:${credentials.principal.subject}`;
    await campaignStore.createCampaign(campaign, {
      createdBy,
      now: now(),
    });
    logger.info(`Campaign "${campaign.key}" created by ${createdBy}`);
    res.status(201).json(definitionOf((await registry.get(campaign.key))!));
  });

  router.put('/campaigns/:key', async (req, res) => {
    const credentials = await userOrService(req);
    await authorize(credentials, scorecardsCampaignUpdatePermission, 'update');
    const { key } = req.params;
    assertNotConfig(key);
    const body = bodySchema.safeParse(req.body);
    if (!body.success) {
      throw new InputError('Invalid campaign: the body must be a JSON object');
    }
    const campaign = validateBody({ key, ...body.data });
    if (campaign.key !== key) {
      throw new InputError(
        `Invalid campaign:\n  - key: the key cannot be changed (it is "${key}")`,
      );
    }
    const existing = await campaignStore.getCampaign(key);
    if (!existing) {
      throw new NotFoundError(`No campaign with the key "${key}"`);
    }
    if (existing.archived) {
      throw new ConflictError(
        `Campaign "${key}" is archived and can no longer be edited`,
      );
    }
    await campaignStore.updateCampaign(key, campaign, { now: now() });
    res.json(definitionOf((await registry.get(key))!));
  });

  router.delete('/campaigns/:key', async (req, res) => {
    const credentials = await userOrService(req);
    await authorize(credentials, scorecardsCampaignDeletePermission, 'delete');
    const { key } = req.params;
    assertNotConfig(key);
    await campaignStore.archiveCampaign(key, { now: now() });
    res.status(204).end();
  });
}
