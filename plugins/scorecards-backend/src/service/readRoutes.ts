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

import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  ScorecardDepartmentsResponse,
  ScorecardDetailsResponse,
  ScorecardEntitiesResponse,
  ScorecardEntityRow,
  ScorecardHistoryPoint,
  ScorecardHistoryResponse,
  ScorecardsDefinitionsConfig,
  ScorecardsListResponse,
  TeamScore,
  TeamScorecardsResponse,
} from '@openscorecards/plugin-scorecards-common';
import {
  highestAndLowest,
  splitRanked,
} from '@openscorecards/plugin-scorecards-common';
import express from 'express';
import { DateTime } from 'luxon';
import { once } from 'node:events';
import { ResultQueries, ScorecardEntity } from '../database/ResultQueries';
import { ROLLUP_ORGANISATION, ResultStore } from '../database/ResultStore';
import { ENTITIES_CSV_HEADER, entityCsvLine } from './entitiesCsv';
import { decodeEntityCursor, encodeEntityCursor } from './entityCursor';
import {
  eachDay,
  entityPoints,
  lastPointPerWeek,
  rulePoints,
  scorecardPoints,
} from './historySeries';
import { toEvaluationRun } from './evaluationRuns';
import { levelLadder } from './levelLadder';
import {
  entitiesQuerySchema,
  exportQuerySchema,
  historyQuerySchema,
  parseQuery,
  teamQuerySchema,
  toEntityFilter,
} from './readRouteParameters';
import {
  combineOwnerRollups,
  describeScorecard,
  rulePassRates,
  summarizeRollup,
  teamScores,
} from './scorecardSummaries';
import {
  assertVisible,
  pageVisibleEntities,
  readVisibleEntities,
} from './visibleEntities';
import { entityRefOfParams } from './entityRefParams';
import { departmentOwners, groupParents, teamOwners } from './teamOwners';

export interface ReadRoutesOptions {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  store: ResultStore;
  queries: ResultQueries;
  definitions: ScorecardsDefinitionsConfig;
  logger: LoggerService;
}

/**
 * How many rules, entities and teams the highest and lowest lists show;
 * with fewer than twice as many, each list shows half.
 */
const LEADERBOARD_SIZE = 5;
const DEFAULT_HISTORY_DAYS = 90;
const MAX_HISTORY_YEARS = 2;

function toEntityItem(row: ScorecardEntity): ScorecardEntityRow {
  return {
    entityRef: row.entityRef,
    entity: row.entity,
    level: row.level,
    levelRank: row.levelRank,
    score: row.score,
    rulesPassed: row.rulesPassed,
    rulesFailed: row.rulesFailed,
    failingRules: row.failingRules,
    updatedAt: row.updatedAt.toISOString(),
    stateSince: row.stateSince.toISOString(),
  };
}

/** Waits until the response takes more data, or the client has gone. */
async function drained(res: express.Response): Promise<void> {
  const controller = new AbortController();
  await Promise.race([
    once(res, 'drain', { signal: controller.signal }),
    once(res, 'close', { signal: controller.signal }),
  ]).finally(() => controller.abort());
}

/**
 * Registers the read API: scorecards with their summaries, a scorecard's
 * details, its entity table and CSV export, and history series.
 *
 * Entity rows (entity tables, exports, highest and lowest entities, an
 * entity's history) only ever include entities the caller may see in the
 * catalog. Aggregates (level distributions, averages, pass rates, team
 * scores, filter choices) cover the whole organisation, and so does
 * `totalCount`, which may therefore count entities the caller cannot see.
 *
 * Summaries, pass rates, team scores (with their rules' pass rates) and the
 * filter choices (`facets`) come from the rollup of the latest complete run;
 * entity tables come from the current results.
 */
export function registerReadRoutes(
  router: express.Router,
  options: ReadRoutesOptions,
): void {
  const { httpAuth, catalog, store, queries, definitions, logger } = options;
  const ladder = levelLadder(definitions);
  const scorecardIds = definitions.definitions.map(d => d.id);

  const userOrService = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  function findScorecard(id: string) {
    const definition = definitions.definitions.find(d => d.id === id);
    if (!definition) {
      throw new NotFoundError(`No scorecard with id "${id}"`);
    }
    return definition;
  }

  router.get('/scorecards', async (req, res) => {
    await userOrService(req);
    const [lastRun, rollups] = await Promise.all([
      // Runs over one entity (re-evaluations, reported outcomes) are not
      // what the figures come from.
      store.getLastRun({ overCatalog: true }),
      queries.getLatestRollups(scorecardIds),
    ]);
    const body: ScorecardsListResponse = {
      levels: ladder,
      lastRun: lastRun ? toEvaluationRun(lastRun) : null,
      items: definitions.definitions.map(definition => ({
        ...describeScorecard(definition),
        summary: summarizeRollup(rollups.get(definition.id), ladder),
      })),
    };
    res.json(body);
  });

  router.get('/scorecards/:id', async (req, res) => {
    const credentials = await userOrService(req);
    const definition = findScorecard(req.params.id);
    const [lastRun, latest] = await Promise.all([
      store.getLastRun({ overCatalog: { scorecardId: definition.id } }),
      queries.getLatestRollups([definition.id]),
    ]);
    const rollup = latest.get(definition.id);
    const ofDay = rollup
      ? await queries.getRollupsOfDay(definition.id, rollup.day)
      : { scorecards: [], rules: [], ownerRules: [] };

    const rules = rulePassRates(definition, ofDay.rules);
    const rulesByRate = highestAndLowest(
      rules.filter(r => r.applicable > 0),
      {
        value: r => r.passed / r.applicable,
        name: r => r.id,
        count: LEADERBOARD_SIZE,
      },
    );
    const teams = teamScores(ofDay.scorecards, ladder, {
      definition,
      ownerRules: ofDay.ownerRules,
    });
    const teamsByScore = highestAndLowest(
      teams.filter((t): t is TeamScore & { owner: string } => t.owner !== null),
      {
        value: t => t.averageScore,
        name: t => t.owner,
        count: LEADERBOARD_SIZE,
      },
    );
    const topEntities = (order: 'asc' | 'desc', limit: number) =>
      pageVisibleEntities({
        queries,
        catalog,
        credentials,
        scorecardId: definition.id,
        sort: { field: 'score', order },
        limit,
      });
    // With at most twice the board's size, the best first are all of them,
    // split into halves as the rules and teams are; with more, the worst
    // are those of the other query.
    const [best, worst] = await Promise.all([
      topEntities('desc', 2 * LEADERBOARD_SIZE),
      topEntities('asc', LEADERBOARD_SIZE),
    ]);
    const entitiesByScore = best.next
      ? {
          highest: best.items.slice(0, LEADERBOARD_SIZE),
          lowest: worst.items,
        }
      : splitRanked(best.items, LEADERBOARD_SIZE);

    const description = describeScorecard(definition);
    const ratesById = new Map(rules.map(r => [r.id, r]));
    const body: ScorecardDetailsResponse = {
      levels: ladder,
      lastRun: lastRun ? toEvaluationRun(lastRun) : null,
      ...description,
      rules: description.rules.map(rule => {
        const { applicable, passed, passRate } = ratesById.get(rule.id)!;
        return { ...rule, applicable, passed, passRate };
      }),
      summary: summarizeRollup(rollup, ladder),
      teams,
      // The filter choices of the entity table, as of the latest complete
      // run; null when no run has collected them yet.
      facets: rollup?.facets ?? null,
      highest: {
        rules: rulesByRate.highest,
        entities: entitiesByScore.highest.map(toEntityItem),
        teams: teamsByScore.highest,
      },
      lowest: {
        rules: rulesByRate.lowest,
        entities: entitiesByScore.lowest.map(toEntityItem),
        teams: teamsByScore.lowest,
      },
    };
    res.json(body);
  });

  router.get('/scorecards/:id/entities', async (req, res) => {
    const credentials = await userOrService(req);
    const definition = findScorecard(req.params.id);
    const query = parseQuery(entitiesQuerySchema, req.query);
    const filter = toEntityFilter(query, definition, ladder);
    const sort = { field: query.sort, order: query.order };
    const after = query.cursor
      ? decodeEntityCursor(query.cursor, sort)
      : undefined;

    const [page, totalCount] = await Promise.all([
      pageVisibleEntities({
        queries,
        catalog,
        credentials,
        scorecardId: definition.id,
        filter,
        sort,
        after,
        limit: query.limit,
      }),
      queries.countEntities(definition.id, filter),
    ]);
    const body: ScorecardEntitiesResponse = {
      items: page.items.map(toEntityItem),
      totalCount,
      nextCursor: page.next ? encodeEntityCursor(sort, page.next) : undefined,
    };
    res.json(body);
  });

  router.get('/scorecards/:id/export.csv', async (req, res) => {
    const credentials = await userOrService(req);
    const definition = findScorecard(req.params.id);
    const query = parseQuery(exportQuerySchema, req.query);
    const filter = toEntityFilter(query, definition, ladder);

    const batches = readVisibleEntities({
      queries,
      catalog,
      credentials,
      scorecardId: definition.id,
      filter,
      sort: { field: query.sort, order: query.order },
    });
    // Read before anything is sent, so that a failing database or catalog
    // still gets an error response rather than a truncated file.
    let batch = await batches.next();

    let closed = false;
    res.on('close', () => {
      closed = true;
    });
    const fileName = `${definition.id.replace(/[^\w.-]/g, '_')}-entities.csv`;
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.write(ENTITIES_CSV_HEADER);
    try {
      while (!batch.done && !closed) {
        if (!res.write(batch.value.map(entityCsvLine).join(''))) {
          await drained(res);
        }
        batch = await batches.next();
      }
      res.end();
    } catch (error) {
      // The status is sent; all that is left is to cut the download short.
      logger.warn(`Scorecards CSV export of ${definition.id} failed: ${error}`);
      res.destroy(error instanceof Error ? error : undefined);
    }
  });

  // Teams by level, by department: each group above the teams with entities
  // the scorecard evaluates, with its own and its descendant groups'
  // entities, as of the latest complete run. Read from the catalog with the
  // caller's credentials, so a group the caller may not see is no
  // department and counts for none.
  router.get('/scorecards/:id/departments', async (req, res) => {
    const credentials = await userOrService(req);
    const definition = findScorecard(req.params.id);
    const latest = await queries.getLatestRollups([definition.id]);
    const rollup = latest.get(definition.id);
    const ofDay = rollup
      ? await queries.getRollupsOfDay(definition.id, rollup.day)
      : { scorecards: [], rules: [], ownerRules: [] };
    const owners = ofDay.scorecards.map(r => r.owner);
    const parents = await groupParents({
      groups: owners,
      catalog,
      credentials,
    });
    const items = [...departmentOwners(owners, parents)]
      .flatMap(([group, ofGroup]) => {
        const counted = new Set(ofGroup);
        const ofDepartment = combineOwnerRollups(
          {
            scorecards: ofDay.scorecards.filter(r => counted.has(r.owner)),
            ownerRules: ofDay.ownerRules.filter(r => counted.has(r.owner)),
          },
          group,
        );
        const [score] = teamScores(ofDepartment.scorecards, ladder, {
          definition,
          ownerRules: ofDepartment.ownerRules,
        });
        return score ? [{ ...score, owner: group, owners: ofGroup }] : [];
      })
      .sort((a, b) => a.owner.localeCompare(b.owner, 'en-US'));
    const body: ScorecardDepartmentsResponse = { levels: ladder, items };
    res.json(body);
  });

  // How a team's entities do on every scorecard: the team's own rollups of
  // each scorecard's latest complete run.
  router.get('/teams/:kind/:namespace/:name', async (req, res) => {
    const credentials = await userOrService(req);
    const { relation } = parseQuery(teamQuerySchema, req.query);
    // Owners are stored as the catalog writes refs: lower case.
    const team = entityRefOfParams(req.params).toLocaleLowerCase('en-US');
    const owners = await teamOwners({ team, relation, catalog, credentials });
    const [lastRun, latest] = await Promise.all([
      store.getLastRun({ overCatalog: true }),
      queries.getLatestRollups(scorecardIds),
    ]);
    const items = await Promise.all(
      definitions.definitions.map(async definition => {
        const rollup = latest.get(definition.id);
        const ofTeam = rollup
          ? combineOwnerRollups(
              await queries.getRollupsOfDay(definition.id, rollup.day, {
                owners,
              }),
              team,
            )
          : { scorecards: [], ownerRules: [] };
        const [score] = teamScores(ofTeam.scorecards, ladder, {
          definition,
          ownerRules: ofTeam.ownerRules,
        });
        return { ...describeScorecard(definition), score: score ?? null };
      }),
    );
    const body: TeamScorecardsResponse = {
      team,
      relation,
      owners,
      levels: ladder,
      lastRun: lastRun ? toEvaluationRun(lastRun) : null,
      items,
    };
    res.json(body);
  });

  router.get('/history', async (req, res) => {
    const credentials = await userOrService(req);
    const query = parseQuery(historyQuerySchema, req.query);
    const definition = findScorecard(query.scorecardId);
    if (query.entityRef && (query.team || query.ruleId)) {
      throw new InputError(
        'Invalid query: entityRef: cannot be combined with team or ruleId',
      );
    }
    if (query.ruleId && !definition.rules.some(r => r.id === query.ruleId)) {
      throw new NotFoundError(
        `No rule with id "${query.ruleId}" in scorecard "${definition.id}"`,
      );
    }

    const today = DateTime.utc().startOf('day');
    const to = query.to ?? today;
    const from = query.from ?? to.minus({ days: DEFAULT_HISTORY_DAYS - 1 });
    if (from > to) {
      throw new InputError('Invalid query: from: must not be after to');
    }
    if (to > from.plus({ years: MAX_HISTORY_YEARS })) {
      throw new InputError(
        `Invalid query: from, to: must be at most ${MAX_HISTORY_YEARS} years apart`,
      );
    }
    if (query.relation && !query.team) {
      throw new InputError('Invalid query: relation: needs a team');
    }
    const range = { from: from.toISODate()!, to: to.toISODate()! };
    // A team alone, or with the groups below it (a department's history).
    let owners = [query.team ?? ROLLUP_ORGANISATION];
    if (query.team && query.relation === 'aggregated') {
      owners = await teamOwners({
        team: query.team,
        relation: 'aggregated',
        catalog,
        credentials,
      });
    }

    let points: ScorecardHistoryPoint[];
    if (query.entityRef) {
      await assertVisible(catalog, query.entityRef, credentials);
      // Carried forward up to today at most: later days have no state yet.
      const lastDay = to < today ? to : today;
      const history = await queries.getEntityHistory(
        definition.id,
        query.entityRef,
        { from: from.toJSDate(), to: lastDay.plus({ days: 1 }).toJSDate() },
      );
      points = entityPoints(history, eachDay(from, lastDay));
    } else if (query.ruleId) {
      points = rulePoints(
        await queries.getRuleSeries(definition.id, query.ruleId, {
          owners,
          ...range,
        }),
      );
    } else {
      points = scorecardPoints(
        await queries.getScorecardSeries(definition.id, {
          owners,
          ...range,
        }),
        ladder,
      );
    }

    const body: ScorecardHistoryResponse = {
      interval: query.interval,
      ...range,
      ...(query.team ? { owners } : {}),
      points: query.interval === 'week' ? lastPointPerWeek(points) : points,
    };
    res.json(body);
  });
}
