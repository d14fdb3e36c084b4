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

import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { useApiHolder } from '@backstage/core-plugin-api';
import {
  EntityDisplayName,
  entityPresentationApiRef,
  useEntityPresentation,
} from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { teamName } from './teamName';

function parses(entityRef: string, defaultKind: string): boolean {
  try {
    parseEntityRef(entityRef, { defaultKind });
    return true;
  } catch {
    return false;
  }
}

/**
 * A team's or system's name as the catalog presents it ("Identity Team"
 * for `group:default/identity`), as the tables' entity links show it; for
 * choices and captions. A ref that does not parse is shown as it is.
 */
export function EntityName(props: { entityRef: string; defaultKind: string }) {
  const { entityRef, defaultKind } = props;
  if (!parses(entityRef, defaultKind)) {
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

/**
 * A team's name as the catalog presents it, for labels that must be text
 * (`aria-label`); a ref that does not parse is given back as it is.
 */
export function useTeamName(owner: string): string {
  const valid = parses(owner, 'group');
  // An entity, not a ref, is presented as it is, without a catalog lookup.
  const unparsed: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: owner },
  };
  const { primaryTitle } = useEntityPresentation(valid ? owner : unparsed, {
    defaultKind: 'group',
  });
  return valid ? primaryTitle : owner;
}

/**
 * Teams' names as the catalog presents them, to sort teams by what the
 * tables show: a function from a team's ref to its name. Until the names
 * are read, and without the presentation API, each team's short ref; a ref
 * that does not parse is given back as it is.
 */
export function useTeamNames(owners: string[]): (owner: string) => string {
  const presentation = useApiHolder().get(entityPresentationApiRef);
  const key = [...new Set(owners)].sort().join('\n');
  const { value } = useAsync(async () => {
    const names = new Map<string, string>();
    if (!presentation) {
      return names;
    }
    const refs = key.split('\n').filter(owner => parses(owner, 'group'));
    await Promise.all(
      refs.map(async owner => {
        try {
          const { promise } = presentation.forEntity(owner, {
            defaultKind: 'group',
          });
          names.set(owner, (await promise).primaryTitle);
        } catch {
          // The short ref stands in.
        }
      }),
    );
    return names;
  }, [presentation, key]);
  return owner => value?.get(owner) ?? teamName(owner);
}
