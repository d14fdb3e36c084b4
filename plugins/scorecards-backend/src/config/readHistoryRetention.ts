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

import { Config, readDurationFromConfig } from '@backstage/config';
import { Duration } from 'luxon';

const KEY = 'scorecards.history.retention';
const DEFAULT_RETENTION = Duration.fromObject({ days: 365 });

/**
 * How long history and daily rollups are kept: `scorecards.history.retention`
 * as a duration object (`{ days: 365 }`), an ISO 8601 duration (`P1Y`) or a
 * string such as `365d`; a year when not set.
 */
export function readHistoryRetention(config: Config): Duration {
  if (!config.has(KEY)) {
    return DEFAULT_RETENTION;
  }
  const retention = Duration.fromObject(
    readDurationFromConfig(config, { key: KEY }),
  );
  if (!retention.isValid || retention.toMillis() <= 0) {
    throw new Error(
      `Invalid scorecards configuration: ${KEY} must be a positive duration, such as { days: 365 }`,
    );
  }
  return retention;
}
