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

import AxeBuilder from '@axe-core/playwright';
import { test, expect, Locator, Page } from '@playwright/test';
import { signInAsGuest } from './signIn';

/**
 * The plugin's pages, dialogs and cards, each as a user reaches it: the
 * path, what shows once it has loaded, and what to open before the check.
 */
const VIEWS: Array<{
  name: string;
  path: string;
  loaded: (page: Page) => Locator;
  open?: (page: Page) => Promise<void>;
}> = [
  {
    name: 'the overview',
    path: '/scorecards',
    loaded: page => page.getByText(/Highest scoring teams/),
  },
  {
    name: "a scorecard's page, by department",
    path: '/scorecards/production-readiness?teamsView=departments',
    loaded: page => page.getByText(/Highest scoring departments/),
  },
  {
    name: 'the History tab',
    path: '/scorecards/history?department=group:default/platform-engineering',
    loaded: page => page.getByText(/Showing Platform Engineering/),
  },
  {
    name: 'the new campaign form',
    path: '/scorecards/campaigns',
    loaded: page => page.getByRole('button', { name: 'New campaign' }),
    open: page => openDialog(page, 'New campaign'),
  },
  {
    name: "a campaign's page, with Notify owners",
    path: '/scorecards/campaigns/adopt-techdocs',
    loaded: page => page.getByRole('button', { name: 'Notify owners' }),
    open: page => openDialog(page, 'Notify owners'),
  },
  {
    name: "a report's preview",
    path: '/scorecards/reports',
    loaded: page =>
      page.getByRole('button', {
        name: 'Preview Weekly organisation overview',
      }),
    open: page => openDialog(page, 'Preview Weekly organisation overview'),
  },
  {
    name: "an entity's scorecards card",
    path: '/catalog/default/component/trip-service',
    loaded: page => page.getByRole('link', { name: 'Runtime Currency' }),
  },
  {
    name: "an entity's Scorecards tab",
    path: '/catalog/default/component/trip-service/scorecards',
    loaded: page => page.getByText(/Last evaluated/),
  },
  {
    name: "an entity's Campaigns tab",
    path: '/catalog/default/component/incident-bot/campaigns',
    loaded: page => page.getByText(/Adopt TechDocs/),
  },
  {
    name: "a department's team cards",
    path: '/catalog/default/group/platform-engineering',
    loaded: page =>
      page.getByRole('button', { name: /Include its 3 child teams/ }),
    open: async page => {
      await page
        .getByRole('button', { name: /Include its 3 child teams/ })
        .first()
        .click();
      await expect(
        page.getByText('The entities this team and its 3 child teams own'),
      ).toBeVisible();
    },
  },
];

/**
 * Opens `path`, reloading until `target` shows: the first scheduled run may
 * still be storing results.
 */
async function gotoWhenVisible(
  page: Page,
  path: string,
  target: (page: Page) => Locator,
) {
  await expect(async () => {
    await page.goto(path);
    await expect(target(page).first()).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 120_000 });
}

async function openDialog(page: Page, button: string) {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('progressbar')).toHaveCount(0);
}

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices. */
const TAGS = [
  'wcag2a',
  'wcag2aa',
  'wcag21a',
  'wcag21aa',
  'wcag22aa',
  'best-practice',
];

/**
 * Best practices about the page's layout, which is the app's: Backstage's
 * app puts no `main` landmark or `h1` around a plugin's page.
 */
const APP_LAYOUT_RULES = [
  'region',
  'landmark-one-main',
  'page-has-heading-one',
];

for (const theme of ['light', 'dark']) {
  test(`the plugin's pages pass axe's WCAG AA and best-practice checks in the ${theme} theme`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await page.addInitScript(name => {
      window.localStorage.setItem('theme', name);
    }, theme);
    await signInAsGuest(page);

    const problems: string[] = [];
    for (const view of VIEWS) {
      // The first views wait for the first evaluation run to store results.
      await gotoWhenVisible(page, view.path, view.loaded);
      // Each view's opener waits for what it opens.
      await view.open?.(page);
      // Charts and transitions settle before colours are measured.
      await page.waitForTimeout(1_000);
      const { violations } = await new AxeBuilder({ page })
        .withTags(TAGS)
        .disableRules(APP_LAYOUT_RULES)
        // Backstage's own sidebar is the app's, not the plugin's.
        .exclude('nav')
        .analyze();
      for (const violation of violations) {
        for (const node of violation.nodes) {
          problems.push(
            `${view.name}: ${violation.id} (${
              violation.help
            }) at ${node.target.join(' ')}: ${node.failureSummary ?? ''}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });
}

test("a table's sort header shows keyboard focus", async ({ page }) => {
  await signInAsGuest(page);
  await gotoWhenVisible(page, '/scorecards/production-readiness', p =>
    p.getByRole('table', { name: 'Pass rate by team and rule' }),
  );

  // MUI marks a focused sort header with a slightly different text colour
  // only; the tables outline it when it is focused from the keyboard.
  const header = page
    .getByRole('table', { name: 'Pass rate by team and rule' })
    .getByRole('button', { name: /^Team/ });
  await page
    .getByRole('checkbox', { name: 'By department in Teams by rule' })
    .focus();
  await page.keyboard.press('Tab');
  await expect(header).toBeFocused();
  await expect(header).toHaveCSS('outline-style', 'solid');
  await expect(header).toHaveCSS('outline-width', '2px');
});

test('a chart is one stop of the keyboard, then its data', async ({ page }) => {
  await signInAsGuest(page);
  await gotoWhenVisible(page, '/scorecards/history', p =>
    p.getByRole('img', { name: /^Average score\./ }),
  );

  // The chart's surface takes focus once (its arrow keys move the
  // tooltip); its layers inside do not, so the next Tab reaches the table.
  const chart = page.getByRole('img', { name: /^Average score\./ });
  await page.getByRole('button', { name: /^Interval/ }).focus();
  await page.keyboard.press('Tab');
  await expect(chart.locator('svg.recharts-surface')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(
    page.getByText('Show data as a table').first().locator('..'),
  ).toBeFocused();
});
