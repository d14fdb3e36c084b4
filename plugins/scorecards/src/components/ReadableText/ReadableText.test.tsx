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
  createTheme,
  getContrastRatio,
  ThemeProvider,
} from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { render, screen } from '@testing-library/react';
import { ReadableText, readableColor, readableTheme } from './ReadableText';

// Backstage's light and dark page and card backgrounds.
const light = createTheme({
  palette: {
    type: 'light',
    background: { default: '#f5f5f5', paper: '#ffffff' },
  },
});
const dark = createTheme({
  palette: {
    type: 'dark',
    background: { default: '#333333', paper: '#424242' },
  },
});

describe('readableTheme', () => {
  it("makes MUI's light secondary text (54% black) AA on the grey page", () => {
    expect(light.palette.text.secondary).toBe('rgba(0, 0, 0, 0.54)');
    const theme = readableTheme(light);
    const secondary = theme.palette.text.secondary;
    for (const background of ['#f5f5f5', '#ffffff']) {
      expect(getContrastRatio(secondary, background)).toBeGreaterThanOrEqual(
        4.5,
      );
    }
    // Still a grey, not black.
    expect(getContrastRatio(secondary, '#f5f5f5')).toBeLessThan(6);
    expect(theme.palette.text.primary).toBe(light.palette.text.primary);
  });

  it('makes error text AA on the page in light and dark themes', () => {
    expect(getContrastRatio('#f44336', '#f5f5f5')).toBeLessThan(4.5);
    const lightError = readableTheme(light).overrides?.MuiTypography
      ?.colorError as { color: string };
    expect(
      getContrastRatio(lightError.color, '#f5f5f5'),
    ).toBeGreaterThanOrEqual(4.5);
    const darkError = readableTheme(dark).overrides?.MuiTypography
      ?.colorError as { color: string };
    for (const background of ['#333333', '#424242']) {
      expect(
        getContrastRatio(darkError.color, background),
      ).toBeGreaterThanOrEqual(4.5);
    }
    // The palette's error colour (chips, icons) is left as it is.
    expect(readableTheme(light).palette.error.main).toBe(
      light.palette.error.main,
    );
  });

  it('returns a theme whose colours already pass as it is', () => {
    const passing = createTheme({
      palette: {
        text: { secondary: '#555555' },
        error: { main: '#b00020' },
      },
    });
    expect(readableTheme(passing)).toBe(passing);
  });

  it('returns a theme with colours it cannot read as it is', () => {
    const named = createTheme({
      palette: { background: { default: 'whitesmoke' } },
    });
    expect(readableTheme(named)).toBe(named);
  });
});

describe('readableColor', () => {
  it('reads colours with alpha in rgba and hsla alike', () => {
    // hsl(210, 50%, 40%) is rgb(51, 102, 153); half see-through on the grey
    // page it is far below AA.
    const fromRgba = readableColor(
      'rgba(51, 102, 153, 0.54)',
      ['#f5f5f5'],
      'light',
    );
    expect(getContrastRatio(fromRgba, '#f5f5f5')).toBeGreaterThanOrEqual(4.5);
    expect(
      readableColor('hsla(210, 50%, 40%, 0.54)', ['#f5f5f5'], 'light'),
    ).toBe(fromRgba);
  });

  it('lightens a colour in a dark theme and darkens it in a light one', () => {
    const onDark = readableColor('#777777', ['#333333'], 'dark');
    expect(getContrastRatio(onDark, '#333333')).toBeGreaterThanOrEqual(4.5);
    expect(getContrastRatio(onDark, '#ffffff')).toBeLessThan(
      getContrastRatio('#777777', '#ffffff'),
    );
    const onLight = readableColor('#999999', ['#ffffff'], 'light');
    expect(getContrastRatio(onLight, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});

describe('ReadableText', () => {
  it('renders secondary text in the readable colour', () => {
    render(
      <ThemeProvider theme={light}>
        <Typography color="textSecondary">outside</Typography>
        <ReadableText>
          <Typography color="textSecondary">inside</Typography>
        </ReadableText>
      </ThemeProvider>,
    );
    const outside = getComputedStyle(screen.getByText('outside')).color;
    const inside = getComputedStyle(screen.getByText('inside')).color;
    expect(outside).toBe('rgba(0, 0, 0, 0.54)');
    expect(inside).toBe(readableTheme(light).palette.text.secondary);
  });
});
