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

import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { CustomOperator } from '@openscorecards/plugin-scorecards-common';

/**
 * An operator that a module adds to the rule language, used in conditions
 * by its name. See `CustomOperator` of the scorecards-common package.
 *
 * @public
 */
export type ScorecardsCustomOperator = CustomOperator;

/**
 * Lets backend modules add operators to the rule language.
 *
 * @public
 */
export interface ScorecardsOperatorsExtensionPoint {
  addOperator(...operators: ScorecardsCustomOperator[]): void;
}

/**
 * The extension point for {@link ScorecardsOperatorsExtensionPoint}.
 *
 * @public
 */
export const scorecardsOperatorsExtensionPoint =
  createExtensionPoint<ScorecardsOperatorsExtensionPoint>({
    id: 'scorecards.operators',
  });
