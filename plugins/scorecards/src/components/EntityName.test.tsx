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

import { entityPresentationApiRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import { presentingAs } from '../__testUtils__/presentation';
import { EntityName, useTeamName, useTeamNames } from './EntityName';

/** A catalog that presents `group:default/identity` as "Identity Team". */
function presentation() {
  const presentationApi = presentingAs({
    'group:default/identity': 'Identity Team',
  });
  return { forEntity: presentationApi.forEntity, presentationApi };
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

describe('useTeamNames', () => {
  function Names(props: { owners: string[] }) {
    const nameOf = useTeamNames(props.owners);
    return <p>{props.owners.map(nameOf).join(' | ')}</p>;
  }

  it("gives each team's name as the catalog presents it, short refs until then", async () => {
    const { forEntity, presentationApi } = presentation();
    const owners = ['group:default/identity', 'group:default/sre', 'group:'];
    await renderInTestApp(
      <TestApiProvider apis={[[entityPresentationApiRef, presentationApi]]}>
        <Names owners={owners} />
      </TestApiProvider>,
    );
    await waitFor(() =>
      expect(
        screen.getByText('Identity Team | group:default/sre | group:'),
      ).toBeInTheDocument(),
    );
    expect(forEntity).toHaveBeenCalledTimes(2);
  });

  it('gives short refs without the presentation API', async () => {
    await renderInTestApp(
      <Names owners={['group:default/identity', 'user:default/wei']} />,
    );
    expect(screen.getByText('identity | user:wei')).toBeInTheDocument();
  });
});
