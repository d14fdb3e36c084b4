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

import { test, expect } from '@playwright/test';
import { signInAsGuest } from './signIn';

test('a campaign page shows progress by team and the failing entities', async ({
  page,
}) => {
  await signInAsGuest(page);

  // The Campaigns sidebar entry opens the Campaigns tab of the Scorecards page.
  await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
  await expect(page).toHaveURL(/\/scorecards\/campaigns$/);
  await expect(
    page.getByRole('tab', { name: 'Campaigns', selected: true }),
  ).toBeVisible();
  // Only the Campaigns entry is highlighted, not Scorecards above it.
  const sidebar = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(
    sidebar.getByRole('link', { name: 'Campaigns', exact: true }),
  ).toHaveAttribute('aria-current', 'page');
  await expect(
    sidebar.getByRole('link', { name: 'Scorecards', exact: true }),
  ).not.toHaveAttribute('aria-current', 'page');

  // Progress needs the first scheduled run's results.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(/of \d+ entities/).first()).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 120_000 });
  await expect(
    page.getByText('Overdue', { exact: true }).first(),
  ).toBeVisible();

  await page
    .getByRole('link', { name: 'Define on-call for production services' })
    .click();
  await expect(
    page.getByRole('heading', {
      name: 'Define on-call for production services',
    }),
  ).toBeVisible();
  await expect(page.getByText('Progress by team')).toBeVisible();
  await expect(page.getByText('Progress by rule')).toBeVisible();
  // incident-bot has neither on-call nor a runbook.
  const failing = page.getByRole('table').filter({ hasText: 'Failing rules' });
  await expect(
    failing.getByRole('link', { name: 'incident-bot' }),
  ).toBeVisible();

  // Its owner's failing count opens the table filtered to the owner, in the
  // URL so that it can be shared.
  await page
    .getByRole('link', {
      name: /show the failing entit(y|ies) of Wei Zhang/,
    })
    .click();
  await expect(page).toHaveURL(/\?team=user%3Adefault%2Fwei-zhang$/);
  await expect(
    page.getByRole('button', { name: /Team Wei Zhang/ }),
  ).toBeVisible();
  await expect(
    failing.getByRole('link', { name: 'incident-bot' }),
  ).toBeVisible();
  await expect(failing.getByRole('row')).toHaveCount(2);
});

test("a campaign page compares departments, and opens a department's failing entities", async ({
  page,
}) => {
  await signInAsGuest(page);

  // Progress needs the first scheduled run's results.
  await expect(async () => {
    await page.goto(
      '/scorecards/campaigns/define-on-call-for-production-services',
    );
    await expect(page.getByText(/of \d+ entities/).first()).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 120_000 });

  await page.getByRole('checkbox', { name: 'By department' }).check();
  await expect(page).toHaveURL(/\?teamsView=departments$/);
  await expect(page.getByText('Progress by department')).toBeVisible();
  const departments = page.getByRole('table', {
    name: 'Completion of Define on-call for production services by department',
  });
  // Platform Engineering owns nothing itself: its three teams' services.
  const platform = departments
    .getByRole('row')
    .filter({ hasText: 'Platform Engineering' });
  await expect(platform).toContainText('3 teams');
  await expect(platform).toContainText('5 of 8 entities');
  await expect(
    departments.getByRole('row').filter({ hasText: 'Acme Rides' }),
  ).toBeVisible();

  // The department's completion over time: 5 of 8 today, as in its row.
  await page
    .getByRole('button', { name: 'Completion of Whole organisation' })
    .click();
  await page.getByRole('option', { name: 'Platform Engineering' }).click();
  await expect(
    page.getByText(
      'Showing Platform Engineering and the teams below it, added up.',
    ),
  ).toBeVisible();
  await expect(
    page.getByRole('img', { name: /to 62\.5% on \d{4}-\d{2}-\d{2}/ }),
  ).toBeVisible();
  expect(new URL(page.url()).searchParams.get('trendDepartment')).toBe(
    'group:default/platform-engineering',
  );

  await platform
    .getByRole('link', {
      name: '3: show the failing entities of Platform Engineering',
    })
    .click();
  const url = new URL(page.url());
  expect(url.searchParams.getAll('team').sort()).toEqual([
    'group:default/identity',
    'group:default/platform',
    'group:default/sre',
  ]);
  expect(url.searchParams.get('teamsView')).toBe('departments');
  await expect(page.getByText('Progress by department')).toBeVisible();
  const failing = page.getByRole('table').filter({ hasText: 'Failing rules' });
  await expect(
    failing.getByRole('link', { name: 'log-shipper' }),
  ).toBeVisible();
  await expect(failing.getByRole('row')).toHaveCount(4);
  await expect(failing.getByRole('link', { name: 'incident-bot' })).toHaveCount(
    0,
  );
});

test("an entity's Campaigns tab shows its campaigns and failing rules", async ({
  page,
}) => {
  await signInAsGuest(page);

  await expect(async () => {
    await page.goto('/catalog/default/component/incident-bot/campaigns');
    await expect(
      page.getByRole('link', { name: 'Adopt TechDocs' }),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });
  await expect(
    page.getByRole('link', { name: 'Define on-call for production services' }),
  ).toBeVisible();
  await expect(
    page.getByText(
      'metadata.annotations.backstage.io/techdocs-ref is missing; must not be empty',
    ),
  ).toBeVisible();
  await expect(page.getByText(/Overdue by \d+ days/).first()).toBeVisible();
});

test("a department's page shows its teams' progress in each campaign", async ({
  page,
}) => {
  await signInAsGuest(page);

  // Platform Engineering owns nothing itself: with indirect ownership, the
  // card adds up Identity's, Platform's and Site Reliability's entities.
  // Progress needs the first scheduled run's results.
  const card = page.getByRole('list', {
    name: "Campaigns of the team's entities",
  });
  await expect(async () => {
    await page.goto('/catalog/default/group/platform-engineering');
    await page
      .getByRole('checkbox', {
        name: 'Include indirect ownership in Campaigns',
      })
      .check({ timeout: 5_000 });
    await expect(
      card.getByRole('link', {
        name: 'Define on-call for production services',
      }),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });
  await expect(
    page.getByText('The entities this team and its 3 child teams own').last(),
  ).toBeVisible();
  const onCall = card
    .getByRole('listitem')
    .filter({ hasText: 'Define on-call for production services' });
  await expect(onCall).toContainText('Overdue');
  await expect(onCall).toContainText(/\d+ of \d+ entities pass · \d+ failing/);

  // "N failing" opens the campaign's failing entities of all four groups.
  await onCall.getByRole('link', { name: /failing$/ }).click();
  await expect(page).toHaveURL(
    /\/scorecards\/campaigns\/define-on-call-for-production-services\?team=group%3Adefault%2Fplatform-engineering&team=group%3Adefault%2Fidentity&team=group%3Adefault%2Fplatform&team=group%3Adefault%2Fsre&trendDepartment=group%3Adefault%2Fplatform-engineering$/,
  );
  // The trend is the department's too.
  await expect(
    page.getByRole('button', {
      name: 'Completion of Platform Engineering',
    }),
  ).toBeVisible();
  await expect(
    page.getByRole('button', { name: /Team Platform Engineering/ }),
  ).toContainText('Identity Team');
  const failing = page.getByRole('table').filter({ hasText: 'Failing rules' });
  await expect(
    failing.getByRole('link', { name: 'log-shipper' }),
  ).toBeVisible();
  await expect(failing.getByText('Wei Zhang')).toHaveCount(0);

  // Notify owners follows the filters: the department's teams only.
  await page.getByRole('button', { name: 'Notify owners' }).click();
  const dialog = page.getByRole('dialog', { name: 'Notify owners?' });
  await expect(dialog).toContainText(
    '3 teams will get a notification listing their entities',
  );
  await dialog.getByRole('button', { name: 'Notify 3 teams' }).click();
  await expect(
    page.getByText('Notified 3 teams about 3 failing entities'),
  ).toBeVisible();
});
