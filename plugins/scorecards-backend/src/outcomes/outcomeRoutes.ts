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
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  EntityOutcomesResponse,
  MAX_CHECK_ID_LENGTH,
  MAX_OUTCOME_REMARKS_LENGTH,
  OUTCOME_STATES,
  ReportOutcomesResponse,
  scorecardsOutcomeReportPermission,
  suggest,
} from '@openscorecards/plugin-scorecards-common';
import express from 'express';
import { z } from 'zod/v3';
import { ScorecardsEvaluator } from '../evaluation/ScorecardsEvaluator';
import { parseOrThrow } from '../service/parseOrThrow';
import { OutcomeRecord, OutcomeStore } from './OutcomeStore';

/** The most outcomes one request may report. */
export const MAX_OUTCOMES_PER_REQUEST = 500;

/** The largest body of `POST /outcomes`: room for 500 outcomes with long remarks. */
export const OUTCOMES_BODY_LIMIT = '2mb';

/**
 * The most entities a request has evaluated again before it answers; the
 * outcomes of the others reach their scorecards at the next scheduled run.
 */
export const MAX_ENTITIES_EVALUATED_AT_ONCE = 20;

/** How many unknown refs or checks an error message lists. */
const MAX_LISTED = 5;

export interface OutcomeRoutesOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  logger: LoggerService;
  store: OutcomeStore;
  /** The checks that some scorecard reads (`reportedOutcomeChecks`). */
  checks: string[];
  evaluator: Pick<ScorecardsEvaluator, 'evaluate'>;
}

const outcomeSchema = z
  .object({
    entityRef: z.string().min(1, 'is required').max(255),
    check: z.string().min(1, 'is required').max(MAX_CHECK_ID_LENGTH),
    state: z.enum(OUTCOME_STATES),
    remarks: z.string().max(MAX_OUTCOME_REMARKS_LENGTH).optional(),
  })
  .strict();

const reportSchema = z
  .object({
    outcomes: z
      .array(outcomeSchema)
      .min(1, 'must list at least one outcome')
      .max(
        MAX_OUTCOMES_PER_REQUEST,
        `may list at most ${MAX_OUTCOMES_PER_REQUEST} outcomes per request`,
      ),
  })
  .strict();

const listQuerySchema = z
  .object({ entityRef: z.string().min(1, 'is required') })
  .strict();

function listed(values: string[]): string {
  const shown = values.slice(0, MAX_LISTED).map(v => `"${v}"`);
  const more = values.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/** `what`: where the ref is, for the message (`outcomes: outcomes.0.entityRef`). */
function parseRef(value: string, what: string): CompoundEntityRef {
  try {
    return parseEntityRef(value, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new InputError(
      `Invalid ${what}: "${value}" is not an entity ref such as "component:default/payments" (${
        (error as Error).message
      })`,
    );
  }
}

/**
 * `POST /outcomes`, through which external systems (CI, security scanners)
 * report the state of their checks for entities, and `GET /outcomes`,
 * which lists an entity's reported outcomes.
 */
export function registerOutcomeRoutes(
  router: express.Router,
  options: OutcomeRoutesOptions,
) {
  const { httpAuth, permissions, catalog, logger, store, evaluator } = options;
  const checks = new Set(options.checks);

  router.post('/outcomes', async (req, res) => {
    // Outcomes come from systems, not people: a service token (such as a
    // static token of `backend.auth.externalAccess`) is required.
    const credentials = await httpAuth.credentials(req, { allow: ['service'] });
    const [decision] = await permissions.authorize(
      [{ permission: scorecardsOutcomeReportPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('This service may not report outcomes');
    }
    const body = parseOrThrow(reportSchema, req.body ?? {}, 'outcomes');

    const unknownChecks = [
      ...new Set(body.outcomes.map(o => o.check).filter(c => !checks.has(c))),
    ];
    if (unknownChecks.length > 0) {
      const known = [...checks].sort();
      const hint = suggest(unknownChecks[0], known);
      let help = `add a rule with "outcome: ${unknownChecks[0]}" to a scorecard first`;
      if (hint) {
        help = `did you mean "${hint}"? The checks in config are ${listed(
          known,
        )}`;
      } else if (known.length > 0) {
        help = `the checks in config are ${listed(known)}`;
      }
      throw new InputError(
        `Invalid outcomes: no scorecard rule reads check ${listed(
          unknownChecks,
        )}; ${help}`,
      );
    }

    // Each ref as the catalog writes it, so that the rules find the
    // outcome under the ref the evaluation reads.
    const parsedRefs = body.outcomes.map((o, i) =>
      stringifyEntityRef(
        parseRef(o.entityRef, `outcomes: outcomes.${i}.entityRef`),
      ),
    );
    // Refs are case-insensitive: one catalog lookup for each.
    const distinct = new Map<string, string>();
    for (const ref of parsedRefs) {
      const key = ref.toLocaleLowerCase('en-US');
      if (!distinct.has(key)) {
        distinct.set(key, ref);
      }
    }
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: [...distinct.values()],
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    const canonical = new Map<string, string>();
    const missing: string[] = [];
    [...distinct].forEach(([key, ref], i) => {
      const entity = items[i];
      if (entity) {
        canonical.set(key, stringifyEntityRef(entity));
      } else {
        missing.push(ref);
      }
    });
    if (missing.length > 0) {
      throw new InputError(
        `Invalid outcomes: no entity ${listed(missing)} in the catalog`,
      );
    }

    const reportedAt = new Date();
    const reportedBy = credentials.principal.subject;
    const records: OutcomeRecord[] = [];
    const seen = new Map<string, number>();
    body.outcomes.forEach((o, i) => {
      const entityRef = canonical.get(
        parsedRefs[i].toLocaleLowerCase('en-US'),
      )!;
      const key = `${entityRef}\u0000${o.check}`;
      const first = seen.get(key);
      if (first !== undefined) {
        throw new InputError(
          `Invalid outcomes: outcomes.${i} reports check "${o.check}" for ${entityRef} again; outcomes.${first} already does`,
        );
      }
      seen.set(key, i);
      const remarks = o.remarks?.trim();
      records.push({
        entityRef,
        check: o.check,
        state: o.state,
        remarks: remarks ? remarks : undefined,
        reportedBy,
        reportedAt,
      });
    });
    await store.report(records);

    // The entities' scorecards now, for a few; the rest at the next run.
    const entityRefs = [...new Set(records.map(r => r.entityRef))];
    const evaluated: string[] = [];
    for (const entityRef of entityRefs.slice(
      0,
      MAX_ENTITIES_EVALUATED_AT_ONCE,
    )) {
      try {
        await evaluator.evaluate({ trigger: 'outcome', entityRef });
        evaluated.push(entityRef);
      } catch (error) {
        // Most likely a running scheduled run holds the entity's results
        // (the evaluator waited for them up to its timeout): it would hold
        // the others' too, so the rest are left to the next run rather
        // than each waiting as long.
        logger.warn(
          `Scorecards not evaluated after outcomes were reported, from ${entityRef} on; the next run will: ${error}`,
        );
        break;
      }
    }
    const response: ReportOutcomesResponse = {
      stored: records.length,
      evaluated,
      deferred: entityRefs.length - evaluated.length,
    };
    res.json(response);
  });

  router.get('/outcomes', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const query = parseOrThrow(listQuerySchema, req.query, 'query');
    const ref = stringifyEntityRef(
      parseRef(query.entityRef, 'query: entityRef'),
    );
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: [ref],
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    if (!items[0]) {
      throw new NotFoundError(`No entity ${ref} in the catalog`);
    }
    const entityRef = stringifyEntityRef(items[0]);
    const outcomes = await store.list(entityRef);
    const response: EntityOutcomesResponse = {
      entityRef,
      items: outcomes.map(o => ({
        entityRef: o.entityRef,
        check: o.check,
        state: o.state,
        ...(o.remarks !== undefined ? { remarks: o.remarks } : {}),
        reportedBy: o.reportedBy,
        reportedAt: o.reportedAt.toISOString(),
      })),
    };
    res.json(response);
  });
}
