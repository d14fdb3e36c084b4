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

import { createContext, useContext } from 'react';
import { EntityOutcomesResponse, StoredOutcome } from '../../api';

/** An entity's reported outcomes, by check. */
export type OutcomesByCheck = ReadonlyMap<string, StoredOutcome>;

/**
 * The entity's reported outcomes, for the rules that show who reported
 * their check and when. Undefined while they load, when none of the
 * entity's rules has a check, or when they could not be read: the rules
 * then name their check only.
 */
export const EntityOutcomesContext = createContext<OutcomesByCheck | undefined>(
  undefined,
);

/** The outcome reported for a check, if known. */
export function useReportedOutcome(
  check: string | undefined,
): StoredOutcome | undefined {
  const outcomes = useContext(EntityOutcomesContext);
  return check === undefined ? undefined : outcomes?.get(check);
}

export function outcomesByCheck(
  response: EntityOutcomesResponse,
): OutcomesByCheck {
  return new Map(response.items.map(outcome => [outcome.check, outcome]));
}
