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

import { InputError } from '@backstage/errors';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CampaignFailingEntity,
  NormalisedCampaign,
} from '@openscorecards/plugin-scorecards-common';
import { z } from 'zod/v3';

/** A group ref, in full: `team-a` is `group:default/team-a`. */
export const groupRef = z
  .string({ invalid_type_error: 'must be a group ref' })
  .min(1, 'must be a group ref')
  .transform((value, ctx) => {
    try {
      return stringifyEntityRef(
        parseEntityRef(value, {
          defaultKind: 'group',
          defaultNamespace: 'default',
        }),
      );
    } catch {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: 'must be a group ref, such as group:default/team-a',
      });
      return z.NEVER;
    }
  });

/** A query schema that rejects unknown parameters, naming the allowed ones. */
export const strict = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object(shape)
    .strict(`unknown parameter; allowed are ${Object.keys(shape).join(', ')}`);

// A team of the entities filter; an empty one (`team=`) selects entities
// without an owner.
const teamValue = z
  .string({ invalid_type_error: 'must be a group ref' })
  .transform((value, ctx) => {
    if (value === '') {
      return '';
    }
    const parsed = groupRef.safeParse(value);
    if (!parsed.success) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: 'must be a group ref, such as group:default/team-a',
      });
      return z.NEVER;
    }
    return parsed.data;
  });

/** `team`, which may repeat (`?team=a&team=b`): always read as a list. */
export const teamParameter = z
  .union([teamValue, z.array(teamValue)], {
    errorMap: () => ({
      message: 'must be a group ref, or empty for no owner (it may repeat)',
    }),
  })
  .transform(value => (Array.isArray(value) ? value : [value]))
  .optional();

export const ruleParameter = z
  .string({ invalid_type_error: 'must be a campaign rule' })
  .min(1, 'must be a campaign rule such as "<scorecardId>/<ruleId>"')
  .optional();

/**
 * The filters of a campaign's failing entities (`GET /campaigns/:key/entities`,
 * its CSV and `POST /campaigns/:key/notify`): `team` (may repeat) and `rule`.
 */
export const campaignFiltersSchema = strict({
  team: teamParameter,
  rule: ruleParameter,
});

/**
 * The failing entities of the teams and failing the rule, if given; a rule
 * that is not the campaign's is a 400.
 */
export function filterFailing(
  campaign: NormalisedCampaign,
  failing: CampaignFailingEntity[],
  query: { team?: string[]; rule?: string },
) {
  if (
    query.rule !== undefined &&
    !campaign.rules.some(r => r.rule === query.rule)
  ) {
    throw new InputError(
      `Invalid query: rule: "${
        query.rule
      }" is not a rule of this campaign; its rules are ${campaign.rules
        .map(r => r.rule)
        .join(', ')}`,
    );
  }
  const teams = query.team && new Set(query.team);
  return failing.filter(
    e =>
      (!teams || teams.has(e.owner)) &&
      (query.rule === undefined || e.failingRules.includes(query.rule)),
  );
}
