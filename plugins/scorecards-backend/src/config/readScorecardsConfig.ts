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

import { Config } from '@backstage/config';
import {
  CustomOperator,
  formatValidationProblems,
  ScorecardsDefinitionsConfig,
  validateScorecardsConfig,
} from '@openscorecards/plugin-scorecards-common';

/**
 * Reads and validates the `scorecards` config block. Every problem is
 * reported at once, each with its key path, so that an admin can fix a bad
 * config in one go.
 */
export function readScorecardsConfig(
  config: Config,
  options: { operators?: ReadonlyArray<CustomOperator> } = {},
): ScorecardsDefinitionsConfig {
  const raw = config.getOptional('scorecards') ?? {};
  const { levels, definitions } = raw as Record<string, unknown>;
  const { problems, config: valid } = validateScorecardsConfig(
    { levels, definitions: definitions ?? [] },
    { path: 'scorecards', operators: options.operators },
  );
  if (!valid) {
    throw new Error(
      `Invalid scorecards configuration (${problems.length} problem${
        problems.length === 1 ? '' : 's'
      }):\n${formatValidationProblems(problems)}`,
    );
  }
  return valid;
}
