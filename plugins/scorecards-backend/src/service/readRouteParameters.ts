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
import { InputError } from '@backstage/errors';
import type { ScorecardsDefinitionsConfig } from '@openscorecards/plugin-scorecards-common';
import { DateTime } from 'luxon';
import { z } from 'zod/v3';
import { ENTITY_SORT_FIELDS, EntityFilter } from '../database/ResultQueries';

type Definition = ScorecardsDefinitionsConfig['definitions'][number];

export const ENTITIES_MAX_LIMIT = 100;
const ENTITIES_DEFAULT_LIMIT = 25;
const TEXT_MAX_LENGTH = 200;

const oneOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z.enum(values, {
    errorMap: () => ({ message: `must be one of ${values.join(', ')}` }),
  });

const REPEATABLE_MESSAGE =
  'must be a non-empty string (the parameter may repeat)';
const nonEmptyValue = z.string().min(1, REPEATABLE_MESSAGE);

/** A parameter that may repeat (`?team=a&team=b`); always read as a list. */
const repeatable = z
  .union([nonEmptyValue, z.array(nonEmptyValue)], {
    errorMap: () => ({ message: REPEATABLE_MESSAGE }),
  })
  .transform(value => (Array.isArray(value) ? value : [value]))
  .optional();

const single = (message: string) =>
  z.string({ invalid_type_error: message, required_error: 'is required' });

/** `team`, which may also be empty: the entities without an owner. */
const repeatableTeam = z
  .union([z.string(), z.array(z.string())], {
    errorMap: () => ({
      message: 'must be a group ref, or empty for no owner (it may repeat)',
    }),
  })
  .transform(value => (Array.isArray(value) ? value : [value]))
  .optional();

const entityFilterParameters = {
  team: repeatableTeam,
  kind: repeatable,
  type: repeatable,
  lifecycle: repeatable,
  system: repeatable,
  level: repeatable,
  failingRule: repeatable,
  text: single('must be a string')
    .max(TEXT_MAX_LENGTH, `must be at most ${TEXT_MAX_LENGTH} characters`)
    .optional(),
  sort: oneOf(ENTITY_SORT_FIELDS).default('name'),
  order: oneOf(['asc', 'desc']).default('asc'),
};

const day = single('must be an ISO 8601 date such as 2026-11-24').transform(
  (value, ctx) => {
    const date = DateTime.fromISO(value, { zone: 'utc' });
    if (!date.isValid) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: 'must be an ISO 8601 date such as 2026-11-24',
      });
      return z.NEVER;
    }
    return date.startOf('day');
  },
);

/**
 * An entity ref in the catalog's normal form (lower case, as stored), with
 * the default kind, if any, and namespace filled in.
 */
function normalEntityRef(value: string, defaultKind?: string) {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
    );
  } catch {
    return undefined;
  }
}

const refMessage = (kind: string) =>
  `must be an entity ref such as ${kind}:default/name`;

const entityRef = (defaultKind?: string) => {
  const message = refMessage(defaultKind ?? 'component');
  return single(message).transform((value, ctx) => {
    const ref = normalEntityRef(value, defaultKind);
    if (!ref) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message });
      return z.NEVER;
    }
    return ref;
  });
};

function strictQuery<T extends z.ZodRawShape>(shape: T) {
  return z
    .object(shape)
    .strict(`unknown parameter; allowed are ${Object.keys(shape).join(', ')}`);
}

export const entitiesQuerySchema = strictQuery({
  ...entityFilterParameters,
  limit: z.coerce
    .number({ invalid_type_error: 'must be a number' })
    .int(`must be a whole number from 1 to ${ENTITIES_MAX_LIMIT}`)
    .min(1, `must be a whole number from 1 to ${ENTITIES_MAX_LIMIT}`)
    .max(
      ENTITIES_MAX_LIMIT,
      `must be a whole number from 1 to ${ENTITIES_MAX_LIMIT}`,
    )
    .default(ENTITIES_DEFAULT_LIMIT),
  cursor: single('must be a cursor from an earlier response').optional(),
});

export const exportQuerySchema = strictQuery(entityFilterParameters);

export const teamQuerySchema = strictQuery({
  relation: oneOf(['direct', 'aggregated']).default('direct'),
});

export const historyQuerySchema = strictQuery({
  scorecardId: single('must be a scorecard id').min(1, 'is required'),
  ruleId: single('must be a rule id').min(1, 'must not be empty').optional(),
  team: entityRef('group').optional(),
  relation: oneOf(['direct', 'aggregated']).optional(),
  entityRef: entityRef().optional(),
  from: day.optional(),
  to: day.optional(),
  interval: oneOf(['day', 'week']).default('day'),
});

/** Parses query parameters, or throws an InputError that names each problem. */
export function parseQuery<Output>(
  schema: z.ZodType<Output, z.ZodTypeDef, unknown>,
  query: unknown,
): Output {
  const parsed = schema.safeParse(query);
  if (parsed.success) {
    return parsed.data;
  }
  const problems = parsed.error.issues.map(issue => {
    const name =
      issue.code === z.ZodIssueCode.unrecognized_keys
        ? issue.keys.join(', ')
        : String(issue.path[0] ?? 'query');
    return `${name}: ${issue.message}`;
  });
  // A repeated parameter may repeat its problem too.
  throw new InputError(`Invalid query: ${[...new Set(problems)].join('; ')}`);
}

/**
 * The filter that the parsed entity parameters describe; levels and failing
 * rules are checked against the scorecard.
 */
export function toEntityFilter(
  query: z.output<typeof exportQuerySchema>,
  definition: Definition,
  ladder: string[],
): EntityFilter {
  const levelRanks = query.level?.map(level => {
    const rank = ladder.findIndex(
      l => l.toLocaleLowerCase('en-US') === level.toLocaleLowerCase('en-US'),
    );
    if (rank < 0) {
      throw new InputError(
        `Invalid query: level: must be one of ${ladder.join(', ')}`,
      );
    }
    return rank;
  });
  const ruleIds = definition.rules.map(r => r.id);
  for (const ruleId of query.failingRule ?? []) {
    if (!ruleIds.includes(ruleId)) {
      throw new InputError(
        `Invalid query: failingRule: must be one of the rules of ${
          definition.id
        }: ${ruleIds.join(', ')}`,
      );
    }
  }
  const refs = (name: string, values: string[] | undefined, kind: string) =>
    values?.map(value => {
      // An empty team: the entities without an owner (stored as '').
      if (value === '' && name === 'team') {
        return '';
      }
      const ref = normalEntityRef(value, kind);
      if (!ref) {
        throw new InputError(`Invalid query: ${name}: ${refMessage(kind)}`);
      }
      return ref;
    });
  return {
    owners: refs('team', query.team, 'group'),
    kinds: query.kind,
    types: query.type,
    lifecycles: query.lifecycle,
    systems: refs('system', query.system, 'system'),
    levelRanks,
    failingRules: query.failingRule,
    text: query.text || undefined,
  };
}
