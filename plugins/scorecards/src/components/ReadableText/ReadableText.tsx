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

import { ReactNode } from 'react';
import {
  darken,
  decomposeColor,
  getContrastRatio,
  hslToRgb,
  lighten,
  recomposeColor,
  Theme,
  ThemeProvider,
} from '@material-ui/core/styles';

/**
 * WCAG 2 AA's contrast for normal text is 4.5:1; a little more, so that
 * rounding (MUI's ratio has two decimals) never lands a colour just below.
 */
const AA = 4.6;

/** An opaque colour as `color` shows over the opaque `background`. */
function over(color: string, background: string): string {
  const c = decomposeColor(color);
  const alpha = c.values[3];
  if (alpha === undefined || alpha >= 1) {
    return color;
  }
  const top = decomposeColor(
    c.type.startsWith('hsl') ? hslToRgb(color) : color,
  );
  const bottom = decomposeColor(background);
  const values = [0, 1, 2].map(i =>
    Math.round(top.values[i] * alpha + bottom.values[i] * (1 - alpha)),
  ) as [number, number, number];
  return recomposeColor({ type: 'rgb', values });
}

/** The backgrounds text sits on: the page, cards, and tinted areas on cards. */
function backgrounds(theme: Theme): string[] {
  const { background, action } = theme.palette;
  const paper = over(background.paper, background.default);
  return [
    over(background.default, '#ffffff'),
    paper,
    over(action.hover, paper),
  ];
}

/** The lowest contrast of `color` over any of the backgrounds. */
function worstContrast(color: string, on: string[]): number {
  return Math.min(
    ...on.map(background =>
      getContrastRatio(over(color, background), background),
    ),
  );
}

/**
 * `color`, darkened (light themes) or lightened (dark themes) in small steps
 * until it reaches AA contrast on every background in `on`; unchanged when it
 * already does or cannot be parsed.
 */
export function readableColor(
  color: string,
  on: string[],
  type: 'light' | 'dark',
): string {
  let current = color;
  try {
    for (let step = 0; step < 20; step++) {
      if (worstContrast(current, on) >= AA) {
        return current;
      }
      current =
        type === 'dark'
          ? lighten(over(current, on[0]), 0.05)
          : darken(over(current, on[0]), 0.05);
    }
    return current;
  } catch {
    return color;
  }
}

/**
 * The app's theme with secondary and error text made readable (AA) on the
 * page background as well as on cards. MUI's light palette writes secondary
 * text as 54% black: 4.6:1 on white cards but 4.47:1 on Backstage's grey
 * page, where our pages put captions, notes and select labels. A theme whose
 * colours already pass is returned as it is.
 */
export function readableTheme(theme: Theme): Theme {
  let secondary: string;
  let error: string;
  try {
    const on = backgrounds(theme);
    const type = theme.palette.type;
    secondary = readableColor(theme.palette.text.secondary, on, type);
    error = readableColor(theme.palette.error.main, on, type);
  } catch {
    // A colour MUI cannot parse (a CSS name): the theme as it is.
    return theme;
  }
  if (
    secondary === theme.palette.text.secondary &&
    error === theme.palette.error.main
  ) {
    return theme;
  }
  return {
    ...theme,
    palette: {
      ...theme.palette,
      text: { ...theme.palette.text, secondary },
    },
    overrides: {
      ...theme.overrides,
      MuiTypography: {
        ...theme.overrides?.MuiTypography,
        colorError: {
          ...theme.overrides?.MuiTypography?.colorError,
          color: error,
        },
      },
    },
  };
}

/**
 * Renders `children` with `readableTheme`: the plugin's pages and entity
 * tabs, which put secondary text on the page background.
 */
export function ReadableText(props: { children: ReactNode }) {
  return <ThemeProvider theme={readableTheme}>{props.children}</ThemeProvider>;
}
