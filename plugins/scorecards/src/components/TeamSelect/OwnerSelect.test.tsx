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

import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { OwnerCaption, OwnerChoice, OwnerSelect } from './OwnerSelect';

function Chooser(props: {
  initial?: OwnerChoice;
  teams?: string[];
  departments?: string[];
  departmentsError?: Error;
  onChange?: (value: OwnerChoice) => void;
}) {
  const [value, setValue] = useState<OwnerChoice>(props.initial ?? {});
  return (
    <>
      <OwnerSelect
        id="owner"
        value={value}
        onChange={next => {
          setValue(next);
          props.onChange?.(next);
        }}
        teams={props.teams ?? ['group:default/team-b', 'group:default/team-a']}
        departments={props.departments ?? []}
        departmentsError={props.departmentsError}
      />
      <OwnerCaption value={value} />
    </>
  );
}

async function openOptions() {
  await userEvent.click(screen.getByRole('button', { name: /^Team/ }));
  const listbox = await screen.findByRole('listbox');
  return {
    listbox,
    names: () =>
      within(listbox)
        .getAllByRole('option')
        .map(option => option.textContent),
  };
}

describe('OwnerSelect', () => {
  it('offers the organisation, the teams, then the departments by ref, under headings', async () => {
    const onChange = jest.fn();
    await renderInTestApp(
      <Chooser
        departments={['group:default/product', 'group:default/engineering']}
        onChange={onChange}
      />,
    );
    expect(screen.getByRole('button', { name: /^Team/ })).toHaveTextContent(
      'Whole organisation',
    );

    const { listbox, names } = await openOptions();
    // Teams as given; departments in the order of their refs. Headings are
    // no options.
    expect(names()).toEqual([
      'Whole organisation',
      'team-b',
      'team-a',
      'engineering',
      'product',
    ]);
    expect(within(listbox).getByText('Teams')).toBeInTheDocument();
    expect(
      within(listbox).getByText('Departments, with their teams'),
    ).toBeInTheDocument();

    await userEvent.click(
      within(listbox).getByRole('option', { name: 'engineering' }),
    );
    expect(onChange).toHaveBeenLastCalledWith({
      department: 'group:default/engineering',
    });
    expect(
      screen.getByText(/and the teams below it, added up/),
    ).toHaveTextContent('Showing engineering and the teams below it');

    await userEvent.click(screen.getByRole('button', { name: /^Team/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'team-a' }),
    );
    expect(onChange).toHaveBeenLastCalledWith({ team: 'group:default/team-a' });
    expect(screen.getByText(/only\./)).toHaveTextContent(
      'Showing team-a only.',
    );

    await userEvent.click(screen.getByRole('button', { name: /^Team/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Whole organisation' }),
    );
    expect(onChange).toHaveBeenLastCalledWith({ team: undefined });
    expect(screen.queryByText(/^Showing/)).toBeNull();
  });

  it('has no headings with teams alone', async () => {
    await renderInTestApp(<Chooser />);
    const { listbox, names } = await openOptions();
    expect(names()).toEqual(['Whole organisation', 'team-b', 'team-a']);
    expect(within(listbox).queryByText('Teams')).toBeNull();
  });

  it('lists the users who own entities under People, not Teams', async () => {
    const onChange = jest.fn();
    await renderInTestApp(
      <Chooser
        teams={[
          'group:default/team-b',
          'user:default/wei.zhang',
          'group:default/team-a',
        ]}
        onChange={onChange}
      />,
    );
    const { listbox } = await openOptions();
    // In the order of the list: each heading, then its options.
    const entries = within(listbox)
      .getAllByRole('listitem')
      .concat(within(listbox).getAllByRole('option'))
      .sort((a, b) =>
        a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING
          ? -1
          : 1,
      )
      .map(entry => entry.textContent);
    expect(entries).toEqual([
      'Whole organisation',
      'Teams',
      'team-b',
      'team-a',
      'People',
      // Without a catalog, a user is presented by its kind and name.
      'user:wei.zhang',
    ]);

    await userEvent.click(
      within(listbox).getByRole('option', { name: 'user:wei.zhang' }),
    );
    expect(onChange).toHaveBeenLastCalledWith({
      team: 'user:default/wei.zhang',
    });
  });

  it("offers a user with their teams, from a User page's link, under People", async () => {
    await renderInTestApp(
      <Chooser initial={{ department: 'user:default/wei.zhang' }} />,
    );
    expect(screen.getByText(/and their teams, added up/)).toHaveTextContent(
      'Showing user:wei.zhang and their teams, added up.',
    );
    const { listbox, names } = await openOptions();
    expect(names()).toEqual([
      'Whole organisation',
      'team-b',
      'team-a',
      'user:wei.zhang and their teams',
    ]);
    expect(within(listbox).getByText('People')).toBeInTheDocument();
    expect(
      within(listbox).getByRole('option', {
        name: 'user:wei.zhang and their teams',
      }),
    ).toHaveAttribute('aria-selected', 'true');
  });

  it('shows a team from a URL that is no entity ref as it is', async () => {
    await renderInTestApp(<Chooser initial={{ team: 'group:default/' }} />);
    expect(screen.getByText(/only\./)).toHaveTextContent(
      'Showing group:default/ only.',
    );
    const { names } = await openOptions();
    expect(names()).toEqual([
      'Whole organisation',
      'team-b',
      'team-a',
      'group:default/',
    ]);
  });

  it('keeps a choice from a shared link that is no longer offered', async () => {
    await renderInTestApp(
      <Chooser initial={{ department: 'group:default/gone' }} />,
    );
    expect(screen.getByRole('button', { name: /^Team/ })).toHaveTextContent(
      'gone',
    );
    const { names } = await openOptions();
    expect(names()).toEqual(['Whole organisation', 'team-b', 'team-a', 'gone']);
  });

  it('still offers the teams when the departments cannot be read', async () => {
    await renderInTestApp(
      <Chooser departmentsError={new Error('Catalog down')} />,
    );
    const { listbox } = await openOptions();
    expect(
      within(listbox).getByRole('option', { name: 'team-a' }),
    ).toBeInTheDocument();
    expect(
      within(listbox).getByRole('option', {
        name: /Departments could not be read: Catalog down/,
      }),
    ).toHaveAttribute('aria-disabled', 'true');
  });
});
