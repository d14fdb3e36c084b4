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

import { createBackendModule } from '@backstage/backend-plugin-api';
import { scorecardsOperatorsExtensionPoint } from '@openscorecards/plugin-scorecards-node';

const VERSION = /^\d+(?:\.\d+)*$/;

/** `21.0.2` → [21, 0, 2]; undefined for anything else. */
function parseVersion(value: unknown): number[] | undefined {
  const text = String(value).trim();
  return VERSION.test(text) ? text.split('.').map(Number) : undefined;
}

/** Negative, zero or positive as `a` is older than, equal to or newer than `b`. */
function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) {
      return diff;
    }
  }
  return 0;
}

/**
 * The demo's example of an operator a module adds to the scorecards rule
 * language: `versionAtLeast` compares dotted version numbers
 * (`17.0.9` is older than `21`), which the built-in `>=` cannot.
 */
export const scorecardsVersionOperators = createBackendModule({
  pluginId: 'scorecards',
  moduleId: 'version-operators',
  register(env) {
    env.registerInit({
      deps: { operators: scorecardsOperatorsExtensionPoint },
      async init({ operators }) {
        operators.addOperator({
          name: 'versionAtLeast',
          version: '1',
          valueProblem: value =>
            parseVersion(value)
              ? undefined
              : `needs a version such as "21" or "17.0.9", got ${JSON.stringify(
                  value,
                )}`,
          test: (found, value) => {
            const version = parseVersion(found);
            if (!version) {
              throw new Error(`${JSON.stringify(found)} is not a version`);
            }
            return compareVersions(version, parseVersion(value)!) >= 0;
          },
          requirement: value => `must be version ${String(value)} or later`,
        });
      },
    });
  },
});
