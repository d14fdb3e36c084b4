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

import { hash } from 'node:crypto';
import {
  CompiledScorecard,
  EvaluationInput,
  RuleResult,
  ScorecardResult,
} from '@openscorecards/plugin-scorecards-common';
import { version as rulesVersion } from '@openscorecards/plugin-scorecards-common/package.json';
import { version as backendVersion } from '../../package.json';

/**
 * Bumped when this backend evaluates or stores the same input differently
 * between releases of the same version (a release of this backend or of
 * the rule language changes a package version, which the stamp holds too).
 * Every stamp then differs, and the next run evaluates every entity once.
 */
const STAMP_VERSION = 1;

/** Longest stamp stored; a longer one (a scorecard of hundreds of rules) is not. */
export const MAX_STAMP_LENGTH = 512;

/**
 * What a result was computed from, and what the daily rollups need of it:
 * stored with the result, so that a run that meets the same input again
 * can count the stored result instead of evaluating.
 */
export interface InputStamp {
  /** {@link scorecardVersion} and {@link inputDigest}, joined by a dot. */
  input: string;
  /** The result's `validUntil`: after it, the clock may change the result. */
  validUntil?: number;
  level: string;
  score: number;
  /** Each rule's status, in the scorecard's order: `p`, `f` or `s`. */
  statuses: string;
}

/**
 * A short fingerprint of what the evaluation of a scorecard depends on
 * besides its input: the scorecard's definition and ladder, and the
 * versions of the rule language and of this backend.
 */
export function scorecardVersion(scorecard: CompiledScorecard): string {
  return hash(
    'sha1',
    JSON.stringify([
      STAMP_VERSION,
      rulesVersion,
      backendVersion,
      scorecard.definition,
      scorecard.levels,
      // Only when some are used, so that other scorecards' stamps stay.
      ...(scorecard.customOperators.length > 0
        ? [scorecard.customOperators]
        : []),
    ]),
    'base64url',
  ).slice(0, 16);
}

/**
 * A fingerprint of an entity as read from the catalog (only the fields the
 * scorecards read) and of its facts from providers. The same entity read
 * twice gives the same JSON, so the same digest; any change to what the
 * rules could read changes it.
 */
export function inputDigest(input: EvaluationInput): string {
  const entity = JSON.stringify(input.entity);
  return hash(
    'sha1',
    input.facts === undefined
      ? entity
      : `${entity}\n${JSON.stringify(input.facts)}`,
    'base64url',
  );
}

function statusLetter(status: RuleResult['status']): string {
  switch (status) {
    case 'pass':
      return 'p';
    case 'fail':
      return 'f';
    default:
      return 's';
  }
}

/** The stamp of a result computed from `input` (see {@link InputStamp}). */
export function stampOf(input: string, result: ScorecardResult): InputStamp {
  let statuses = '';
  for (const rule of result.rules) {
    statuses += statusLetter(rule.status);
  }
  return {
    input,
    validUntil: result.validUntil,
    level: result.level,
    score: result.score,
    statuses,
  };
}

/**
 * The stamp as stored: `input|validUntil|score|statuses|level`, the level
 * last because it is the one part that may hold a `|`. Undefined when
 * longer than {@link MAX_STAMP_LENGTH}: such a result is evaluated on every
 * run.
 */
export function encodeInputStamp(stamp: InputStamp): string | undefined {
  const text = `${stamp.input}|${stamp.validUntil ?? ''}|${stamp.score}|${
    stamp.statuses
  }|${stamp.level}`;
  return text.length <= MAX_STAMP_LENGTH ? text : undefined;
}

/** Reads a stored stamp; undefined when it is not one. */
export function decodeInputStamp(text: string): InputStamp | undefined {
  const a = text.indexOf('|');
  const b = text.indexOf('|', a + 1);
  const c = text.indexOf('|', b + 1);
  const d = text.indexOf('|', c + 1);
  if (a < 0 || b < 0 || c < 0 || d < 0) {
    return undefined;
  }
  const until = text.slice(a + 1, b);
  const score = Number(text.slice(b + 1, c));
  const statuses = text.slice(c + 1, d);
  if (!Number.isFinite(score) || !/^[pfs]*$/.test(statuses)) {
    return undefined;
  }
  const validUntil = until === '' ? undefined : Number(until);
  if (validUntil !== undefined && !Number.isFinite(validUntil)) {
    return undefined;
  }
  return {
    input: text.slice(0, a),
    validUntil,
    level: text.slice(d + 1),
    score,
    statuses,
  };
}
