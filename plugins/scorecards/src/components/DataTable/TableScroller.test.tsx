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

import { fireEvent, render, screen } from '@testing-library/react';
import { TableScroller } from './TableScroller';

/** Gives the scroller (a div with a table) the widths of a real layout. */
function layout(widths: { client: number; scroll: number }) {
  jest
    .spyOn(HTMLElement.prototype, 'clientWidth', 'get')
    .mockReturnValue(widths.client);
  jest
    .spyOn(HTMLElement.prototype, 'scrollWidth', 'get')
    .mockReturnValue(widths.scroll);
}

function renderTable() {
  render(
    <TableScroller>
      <table aria-label="Teams by rule">
        <tbody>
          <tr>
            <td>Platform Team</td>
          </tr>
        </tbody>
      </table>
    </TableScroller>,
  );
  return screen.getByRole('table').parentElement!;
}

describe('TableScroller', () => {
  afterEach(() => jest.restoreAllMocks());

  it('shows no shadow when the table fits', () => {
    layout({ client: 800, scroll: 800 });
    renderTable();
    expect(screen.queryByTestId('more-columns')).not.toBeInTheDocument();
  });

  it('shows a shadow on the right while columns are hidden beyond it', () => {
    layout({ client: 800, scroll: 1200 });
    const scroller = renderTable();
    expect(screen.getByTestId('more-columns')).toHaveAttribute(
      'aria-hidden',
      'true',
    );

    scroller.scrollLeft = 200;
    fireEvent.scroll(scroller);
    expect(screen.getByTestId('more-columns')).toBeInTheDocument();

    // Scrolled to the end: nothing more to the right.
    scroller.scrollLeft = 400;
    fireEvent.scroll(scroller);
    expect(screen.queryByTestId('more-columns')).not.toBeInTheDocument();
  });
});
