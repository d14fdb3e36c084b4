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

import {
  EntityPresentationApi,
  entityPresentationApiRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { EntityName, useTeamName } from './EntityName';

/** A catalog that presents `group:default/identity` as "Identity Team". */
function presentation() {
  const forEntity = jest.fn((ref: string) => {
    const presented = {
      entityRef: ref,
      primaryTitle: ref === 'group:default/identity' ? 'Identity Team' : ref,
    };
    return { snapshot: presented, promise: Promise.resolve(presented) };
  });
  const presentationApi: EntityPresentationApi = {
    forEntity: forEntity as EntityPresentationApi['forEntity'],
  };
  return { forEntity, presentationApi };
}

describe('EntityName', () => {
  it('shows the name the catalog presents, as the entity links do', async () => {
    const { forEntity, presentationApi } = presentation();
    await renderInTestApp(
      <TestApiProvider apis={[[entityPresentationApiRef, presentationApi]]}>
        <EntityName entityRef="group:default/identity" defaultKind="group" />
      </TestApiProvider>,
    );
    expect(screen.getByText('Identity Team')).toBeInTheDocument();
    expect(forEntity).toHaveBeenCalledWith('group:default/identity', {
      defaultKind: 'group',
      defaultNamespace: undefined,
    });
  });

  it('shows a short ref without the presentation API', async () => {
    await renderInTestApp(
      <EntityName entityRef="group:default/identity" defaultKind="group" />,
    );
    expect(screen.getByText('identity')).toBeInTheDocument();
  });

  it('shows a ref that does not parse as it is', async () => {
    await renderInTestApp(
      <EntityName entityRef="group:" defaultKind="group" />,
    );
    expect(screen.getByText('group:')).toBeInTheDocument();
  });
});

describe('useTeamName', () => {
  function Labelled(props: { owner: string }) {
    return <button aria-label={useTeamName(props.owner)}>x</button>;
  }

  it("gives the team's name as the catalog presents it", async () => {
    const { presentationApi } = presentation();
    await renderInTestApp(
      <TestApiProvider apis={[[entityPresentationApiRef, presentationApi]]}>
        <Labelled owner="group:default/identity" />
      </TestApiProvider>,
    );
    expect(
      screen.getByRole('button', { name: 'Identity Team' }),
    ).toBeInTheDocument();
  });

  it('gives a ref that does not parse back as it is, without a lookup', async () => {
    const { forEntity, presentationApi } = presentation();
    await renderInTestApp(
      <TestApiProvider apis={[[entityPresentationApiRef, presentationApi]]}>
        <Labelled owner="group:" />
      </TestApiProvider>,
    );
    expect(screen.getByRole('button', { name: 'group:' })).toBeInTheDocument();
    expect(forEntity).not.toHaveBeenCalledWith('group:', expect.anything());
  });
});
