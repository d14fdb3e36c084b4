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
import { downloadBlob } from '../ScorecardEntitiesTable/downloadBlob';
import { ChartFigure } from './ChartFigure';

jest.mock('../ScorecardEntitiesTable/downloadBlob', () => ({
  downloadBlob: jest.fn(),
}));

function renderFigure(
  options: {
    hideTitle?: boolean;
    fileName?: string;
    rows?: Array<Array<string | number>>;
  } = {},
) {
  return renderInTestApp(
    <ChartFigure
      title="Completion over time"
      summary="Completion went from 25% to 75%."
      columns={['Day', { label: 'Completion', unit: '%' }]}
      rows={
        options.rows ?? [
          ['2026-01-01', 25],
          ['2026-03-19', 75],
        ]
      }
      hideTitle={options.hideTitle}
      fileName={options.fileName}
    >
      <svg />
    </ChartFigure>,
  );
}

describe('ChartFigure', () => {
  it('captions the chart with its title, and names it with the summary', async () => {
    await renderFigure();
    const figure = screen.getByRole('figure');
    const caption = within(figure).getAllByText('Completion over time')[0];
    expect(caption).toBeVisible();
    expect(caption).not.toHaveStyle({ position: 'absolute' });
    expect(
      screen.getByRole('img', {
        name: 'Completion over time. Completion went from 25% to 75%.',
      }),
    ).toBeInTheDocument();
    // The data, as a table named by the title.
    const table = screen.getByRole('table', { name: 'Completion over time' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    // A column with a unit shows it after each value.
    expect(
      within(table)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual(['2026-01-01', '25%', '2026-03-19', '75%']);
  });

  it('keeps the title for screen readers only with hideTitle', async () => {
    await renderFigure({ hideTitle: true });
    const figure = screen.getByRole('figure');
    const caption = within(figure).getAllByText('Completion over time')[0];
    // Clipped to nothing: read out, not seen.
    expect(caption).toHaveStyle({
      position: 'absolute',
      width: '1px',
      height: '1px',
      overflow: 'hidden',
    });
    expect(
      screen.getByRole('img', {
        name: 'Completion over time. Completion went from 25% to 75%.',
      }),
    ).toBeInTheDocument();
  });

  describe('Download CSV', () => {
    beforeEach(() => jest.mocked(downloadBlob).mockClear());

    it('downloads the data as CSV, numbers as numbers and the unit in the header', async () => {
      await renderFigure({ fileName: 'adopt-techdocs-completion.csv' });
      await userEvent.click(
        screen.getByRole('button', {
          name: 'Download CSV: Completion over time',
        }),
      );
      expect(downloadBlob).toHaveBeenCalledTimes(1);
      const [blob, fileName] = jest.mocked(downloadBlob).mock.calls[0];
      expect(fileName).toBe('adopt-techdocs-completion.csv');
      expect(blob.type).toBe('text/csv;charset=utf-8');
      expect(await blob.text()).toBe(
        'Day,Completion (%)\r\n2026-01-01,25\r\n2026-03-19,75\r\n',
      );
    });

    it('is not offered without a file name', async () => {
      await renderFigure();
      expect(screen.queryByRole('button', { name: /Download CSV/ })).toBeNull();
    });

    it('is not offered for a chart without data', async () => {
      await renderFigure({ fileName: 'empty.csv', rows: [] });
      expect(screen.queryByRole('button', { name: /Download CSV/ })).toBeNull();
    });
  });
});
