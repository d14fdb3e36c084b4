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

import { parseEntityRef } from '@backstage/catalog-model';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';

/**
 * A team's or system's name as the catalog presents it ("Identity Team"
 * for `group:default/identity`), as the tables' entity links show it; for
 * choices and captions. A ref that does not parse is shown as it is.
 */
export function EntityName(props: { entityRef: string; defaultKind: string }) {
  const { entityRef, defaultKind } = props;
  try {
    parseEntityRef(entityRef, { defaultKind });
  } catch {
    return <>{entityRef}</>;
  }
  return (
    <EntityDisplayName
      entityRef={entityRef}
      defaultKind={defaultKind}
      hideIcon
      disableTooltip
    />
  );
}
