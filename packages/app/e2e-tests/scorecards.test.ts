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

import { test, expect, Page } from '@playwright/test';
import { signInAsGuest } from './signIn';

/** The page is no wider than the window: it does not scroll sideways. */
async function expectNoSidewaysScroll(page: Page) {
  expect(
    await page.evaluate(
      () =>
        document.documentElement.scrollWidth -
        document.documentElement.clientWidth,
    ),
  ).toBe(0);
}

/** Reloads until the first scheduled run has stored results. */
async function gotoWhenEvaluated(page: Page, path: string, text: RegExp) {
  await expect(async () => {
    await page.goto(path);
    await expect(page.getByText(text).first()).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 120_000 });
}

test('an entity page shows its scorecards, levels and failing rules', async ({
  page,
}) => {
  await signInAsGuest(page);

  // incident-bot is an experimental service owned by a person: it fails
  // several Production Readiness rules.
  await gotoWhenEvaluated(
    page,
    '/catalog/default/component/incident-bot/scorecards',
    /Last evaluated/,
  );

  const readiness = page.getByRole('region', {
    name: 'Production Readiness',
  });
  await expect(readiness).toContainText(/Score\s*12\.5%\s*·\s*level\s*Basic/);
  // A failing rule shows the value found and what it must be.
  await expect(
    readiness.getByText(
      /\$owner is "user:default\/[a-z.-]+"; must begin with "group:"/,
    ),
  ).toBeVisible();
  await expect(readiness).toContainText(
    'metadata.annotations.pagerduty.com/service-id is missing',
  );

  // The overview's card opens one scorecard's card on the tab, scrolled
  // into view (it is below the first row of cards).
  await page.goto('/catalog/default/component/incident-bot');
  await page.getByRole('link', { name: 'Documentation & Ownership' }).click();
  await expect(page).toHaveURL(
    /\/incident-bot\/scorecards#scorecard-documentation-ownership$/,
  );
  await expect(
    page.locator('#scorecard-documentation-ownership'),
  ).toBeInViewport();

  // Its title opens the scorecard's page, with the rest of the organisation.
  await page
    .locator('#scorecard-documentation-ownership')
    .getByRole('link', { name: 'Documentation & Ownership' })
    .click();
  await expect(page).toHaveURL(/\/scorecards\/documentation-ownership$/);
  await expect(
    page.getByRole('table', { name: 'Pass rate by team and rule' }),
  ).toBeVisible();
});

test('the Scorecards page filters the entity table by team and charts history', async ({
  page,
}) => {
  await signInAsGuest(page);

  await gotoWhenEvaluated(page, '/scorecards', /entities evaluated/);
  await page
    .getByRole('link', { name: 'Production Readiness' })
    .first()
    .click();
  await expect(
    page.getByRole('heading', { name: 'Production Readiness' }).first(),
  ).toBeVisible();

  // The teams-by-rule grid scrolls sideways inside its card (its team
  // column stays), while the page does not.
  await expect(
    page.getByRole('table', { name: 'Pass rate by team and rule' }),
  ).toBeVisible();
  await expectNoSidewaysScroll(page);

  const filters = page.getByRole('group', { name: 'Filter entities' });
  await filters.getByRole('button', { name: /Team/ }).click();
  await page
    .getByRole('option', { name: 'Identity Team', exact: true })
    .click();
  // The team filter chooses several teams: it stays open until closed.
  await page.keyboard.press('Escape');
  await expect(filters.getByRole('button', { name: /Team/ })).toHaveText(
    'Identity Team',
  );

  // Only the Identity team's services are left in the table.
  const table = page.getByRole('table').filter({ hasText: 'Failing rules' });
  await expect(table.getByRole('link', { name: 'auth-service' })).toBeVisible();
  await expect(
    table.getByRole('link', { name: 'dispatch-service' }),
  ).toHaveCount(0);
  await expect(table.getByText('Dispatch Team')).toHaveCount(0);

  // A lead reminds the team of what its services still fail.
  await page.getByRole('button', { name: 'Notify owners' }).click();
  const dialog = page.getByRole('dialog', { name: 'Notify owners?' });
  await expect(dialog).toContainText('that match the filters');
  await dialog.getByRole('button', { name: 'Notify owners' }).click();
  await expect(
    page.getByText(/^Notified 1 team about [1-9]\d* failing entit/),
  ).toBeVisible();
  await expect(dialog).toBeHidden();

  // A pass rate below 100% in the teams-by-rule grid opens the team's
  // entities that fail the rule.
  await page
    .getByRole('table', { name: 'Pass rate by team and rule' })
    .getByRole('link', {
      name: /of Identity Team failing Security review in the last 90 days$/,
    })
    .click();
  await expect(page).toHaveURL(/failingRule=security-review/);
  await expect(
    filters.getByRole('button', { name: /Failing rule/ }),
  ).toContainText('Security review in the last 90 days');
  await expect(
    table.getByRole('link', { name: 'session-service' }),
  ).toBeVisible();
  await expect(table.getByRole('link', { name: 'auth-service' })).toHaveCount(
    0,
  );

  await page.goto('/scorecards/history');
  await expect(
    page.getByRole('img', { name: /^Average score\./ }),
  ).toBeVisible();
  const levels = page.getByRole('img', { name: /^Entities per level\./ });
  await expect(levels).toBeVisible();

  // A department: Platform Engineering owns nothing itself; its teams'
  // entities are added up, fewer than the organisation's.
  const entitiesPerLevel = async () => {
    const label = (await levels.getAttribute('aria-label')) ?? '';
    return [...label.matchAll(/ (\d+)[,.]/g)].reduce(
      (sum, match) => sum + Number(match[1]),
      0,
    );
  };
  const organisation = await entitiesPerLevel();
  await page.getByRole('button', { name: /^Team/ }).click();
  await page.getByRole('option', { name: 'Platform Engineering' }).click();
  await expect(
    page.getByText(
      'Showing Platform Engineering and the teams below it, added up.',
    ),
  ).toBeVisible();
  await expect(page).toHaveURL(
    /department=group%3Adefault%2Fplatform-engineering/,
  );
  await expect.poll(entitiesPerLevel).not.toBe(organisation);
  expect(await entitiesPerLevel()).toBeGreaterThan(0);
  expect(await entitiesPerLevel()).toBeLessThan(organisation);

  // The chart's figures download as CSV, named by what they show; the
  // last day's counts add up to the chart's.
  const downloading = page.waitForEvent('download');
  await page
    .getByRole('button', { name: 'Download CSV: Entities per level' })
    .click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    /^production-readiness-platform-engineering-and-teams-entities-per-level-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  let csv = '';
  for await (const chunk of await download.createReadStream()) {
    csv += chunk;
  }
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe('Date,Basic,Bronze,Silver,Gold');
  const lastDay = lines[lines.length - 1].split(',');
  expect(lastDay[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(lastDay.slice(1).reduce((sum, n) => sum + Number(n), 0)).toBe(
    await entitiesPerLevel(),
  );
});

test('the Scorecards pages stay readable in a 1024 px wide window', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 900 });
  await signInAsGuest(page);

  // The highest and lowest lists: every figure inside its card.
  await gotoWhenEvaluated(page, '/scorecards', /entities evaluated/);
  await expect(
    page.getByRole('list', { name: 'Highest scoring rules' }),
  ).toBeVisible();
  const outside = await page.evaluate(
    () =>
      [...document.querySelectorAll('ol li *')].filter(element => {
        const card = element.closest('.MuiCard-root');
        return (
          card &&
          element.getBoundingClientRect().right >
            card.getBoundingClientRect().right + 0.5
        );
      }).length,
  );
  expect(outside).toBe(0);

  // Table cells break between words, not inside them: the rule names of
  // "All rules" keep columns wide enough for their words.
  await page.goto('/scorecards/production-readiness');
  const rules = page.getByRole('table', {
    name: 'Pass rate of each rule of Production Readiness',
  });
  const ruleNames = rules.locator('tbody tr > :first-child');
  await expect(ruleNames.first()).toBeVisible();
  for (const width of await ruleNames.evaluateAll(cells =>
    cells.map(cell => cell.getBoundingClientRect().width),
  )) {
    expect(width).toBeGreaterThan(90);
  }
  const entities = page.getByRole('table').filter({ hasText: 'Failing rules' });
  await expect(entities.getByRole('row').nth(1)).toBeVisible();
  const entityCell = entities.getByRole('row').nth(1).getByRole('cell').first();
  expect((await entityCell.boundingBox())!.width).toBeGreaterThan(90);
  await expectNoSidewaysScroll(page);

  // The teams x rules grid scrolls sideways in its card, and a shadow on
  // its right edge says that more rules are there until it is scrolled to
  // the end.
  const grid = page.getByRole('table', { name: 'Pass rate by team and rule' });
  const scroller = grid.locator('xpath=..');
  const shadow = grid.locator('xpath=../..').getByTestId('more-columns');
  await expect(shadow).toBeVisible();
  await scroller.evaluate(element => {
    element.scrollLeft = element.scrollWidth;
  });
  await expect(shadow).toBeHidden();
});

test("a team's page shows how its entities do, linked to the scorecard's table of them", async ({
  page,
}) => {
  await signInAsGuest(page);

  // The team's rollups come with the first complete run.
  await gotoWhenEvaluated(
    page,
    '/catalog/default/group/identity',
    /entities · average/,
  );
  const card = page
    .getByRole('list', { name: "Scorecards of the team's entities" })
    .first();
  await expect(card).toContainText('Production Readiness');
  await expect(card).toContainText(/4 entities · average \d/);
  await expect(card).toContainText('Most failed rules');

  await card.getByRole('link', { name: 'Production Readiness' }).click();
  await expect(page).toHaveURL(
    /\/scorecards\/production-readiness\?team=group%3Adefault%2Fidentity$/,
  );
  // Only the Identity team's services are in the table.
  const table = page.getByRole('table').filter({ hasText: 'Failing rules' });
  await expect(table.getByRole('link', { name: 'auth-service' })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(5);
});

test("a department's page adds up its teams' entities with indirect ownership", async ({
  page,
}) => {
  await signInAsGuest(page);

  // Platform Engineering owns nothing itself; Identity, Platform and Site
  // Reliability are its teams.
  await gotoWhenEvaluated(
    page,
    '/catalog/default/group/platform-engineering',
    /No scorecard evaluates entities that this team owns/,
  );
  // The empty card offers the child teams (the Scorecards card's button
  // comes before the Campaigns card's); it turns the switch on.
  await page
    .getByRole('button', { name: 'Include its 3 child teams' })
    .first()
    .click();
  await expect(
    page.getByRole('checkbox', {
      name: 'Include indirect ownership in Scorecards',
    }),
  ).toBeChecked();
  await expect(
    page.getByText('The entities this team and its 3 child teams own'),
  ).toBeVisible();
  const card = page
    .getByRole('list', { name: "Scorecards of the team's entities" })
    .first();
  await expect(card).toContainText(/\d+ entities · average \d/);

  await card.getByRole('link', { name: 'Production Readiness' }).click();
  await expect(page).toHaveURL(
    /\/scorecards\/production-readiness\?team=group%3Adefault%2Fplatform-engineering&team=group%3Adefault%2Fidentity&team=group%3Adefault%2Fplatform&team=group%3Adefault%2Fsre$/,
  );
  const filters = page.getByRole('group', { name: 'Filter entities' });
  await expect(filters.getByRole('button', { name: /Team/ })).toContainText(
    'Identity Team, Platform Team, Site Reliability Team',
  );
  // The three teams' services, and no other team's.
  const table = page.getByRole('table').filter({ hasText: 'Failing rules' });
  await expect(table.getByRole('link', { name: 'auth-service' })).toBeVisible();
  await expect(table.getByText('Site Reliability Team').first()).toBeVisible();
  await expect(table.getByText('Dispatch Team')).toHaveCount(0);
});

test("a user's page charts the user with their teams on the History tab", async ({
  page,
}) => {
  await signInAsGuest(page);

  // Wei Zhang owns incident-bot and is in the Site Reliability Team; a
  // User page counts both from the start.
  await gotoWhenEvaluated(
    page,
    '/catalog/default/user/wei-zhang',
    /The entities this user and their team own/,
  );
  await page.getByRole('link', { name: 'Score over time' }).first().click();
  await expect(page).toHaveURL(
    /\/scorecards\/history\?scorecard=[\w-]+&department=user%3Adefault%2Fwei-zhang$/,
  );
  await expect(
    page.getByText('Showing Wei Zhang and their teams, added up.'),
  ).toBeVisible();
  const controls = page.getByRole('group', { name: 'History options' });
  await expect(controls.getByRole('button', { name: /^Team/ })).toContainText(
    'Wei Zhang and their teams',
  );
});

test("a scorecard's team grids compare departments, each counting all its teams", async ({
  page,
}) => {
  await signInAsGuest(page);

  await gotoWhenEvaluated(
    page,
    '/scorecards/production-readiness',
    /entities evaluated/,
  );
  await page
    .getByRole('checkbox', { name: 'By department in Teams by level' })
    .check();
  await expect(page).toHaveURL(/\?teamsView=departments$/);
  await expect(page.getByText('Departments by level')).toBeVisible();
  const departments = page.getByRole('table', {
    name: 'Entities of each department per level of Production Readiness',
  });
  // As Platform Engineering's team card counts them with indirect
  // ownership: its three teams' nine services. (The first cell is the
  // department's name.)
  const platform = departments
    .getByRole('row')
    .filter({ hasText: 'Platform Engineering' });
  await expect(platform).toContainText('3 teams');
  await expect(platform.getByRole('cell').nth(1)).toHaveText('9');
  await expect(platform.getByRole('cell').nth(2)).toHaveText('76.4%');
  await expect(
    departments.getByRole('row').filter({ hasText: 'Acme Rides' }),
  ).toBeVisible();
  // Teams by rule switched with it.
  await expect(page.getByText('Departments by rule')).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: 'Pass rate by department and rule' })
      .getByRole('row')
      .filter({ hasText: 'Platform Engineering' }),
  ).toContainText('3 teams');
  // And the highest and lowest: the demo's three departments, split two
  // and one.
  const highest = page.getByRole('list', {
    name: 'Highest scoring departments',
  });
  const lowest = page.getByRole('list', { name: 'Lowest scoring departments' });
  await expect(highest.getByRole('listitem')).toHaveCount(2);
  await expect(lowest.getByRole('listitem')).toHaveCount(1);
  await expect(
    page
      .getByRole('listitem')
      .filter({ hasText: 'Platform Engineering' })
      .filter({ hasText: '76.4% avg · 9' }),
  ).toBeVisible();

  // Switched off, the teams again.
  await page
    .getByRole('checkbox', { name: 'By department in Teams by level' })
    .uncheck();
  await expect(page.getByText('Teams by level')).toBeVisible();
  await expect(
    page.getByRole('table', {
      name: 'Entities of each team per level of Production Readiness',
    }),
  ).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Highest scoring teams' }),
  ).toBeVisible();

  // A team's average score opens its score over time.
  await page
    .getByRole('link', { name: "87.5%: Platform Team's score over time" })
    .click();
  await expect(page).toHaveURL(
    /\/scorecards\/history\?scorecard=production-readiness&team=group%3Adefault%2Fplatform$/,
  );
  await expect(page.getByText('Showing Platform Team only.')).toBeVisible();
});
