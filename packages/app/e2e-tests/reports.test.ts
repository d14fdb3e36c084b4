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

// A reader in New York, six hours behind the demo report's Europe/Paris.
test.use({ timezoneId: 'America/New_York' });

test('the Reports tab lists the demo report and previews its content', async ({
  page,
}) => {
  await signInAsGuest(page);

  await page.goto('/scorecards/reports');
  const row = page.getByRole('row', { name: /Weekly organisation overview/ });
  await expect(row).toBeVisible();
  // The schedule runs in its own time zone, and says when it runs next.
  await expect(
    row.getByText('At 09:00, only on Monday (Europe/Paris)'),
  ).toBeVisible();
  await expect(row.getByText('0 9 * * 1', { exact: true })).toBeVisible();
  // The next run in that zone too, and in the reader's in the tooltip.
  const next = row.getByText(/^Next run/).locator('time');
  await expect(next).toHaveText(/, 9:00 AM$/);
  await expect(next).toHaveAttribute('title', /, 3:00 AM in your time zone$/);
  // Teams are named as the catalog names them, not by their refs; the
  // first evaluation may still be running, so reopen until it has results.
  const dialog = page.getByRole('dialog');
  await expect(async () => {
    await page.keyboard.press('Escape');
    await page
      .getByRole('button', { name: /Preview/ })
      .first()
      .click();
    await expect(
      dialog.getByText('Production Readiness').first(),
    ).toBeVisible();
    await expect(
      dialog.getByRole('link', { name: 'Platform Team' }).first(),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });
  await expect(dialog.getByText(/group:default\//)).toHaveCount(0);
});

test('the Reports table fits a 1,024 px window', async ({ page }) => {
  await signInAsGuest(page);
  await page.setViewportSize({ width: 1024, height: 800 });

  await page.goto('/scorecards/reports');
  const preview = page.getByRole('button', {
    name: 'Preview Weekly organisation overview',
  });
  await expect(preview).toBeVisible();
  // The actions are icons, so the table does not scroll sideways and the
  // sticky actions cover nothing.
  await expect(preview).toHaveText('');
  const table = page.getByRole('table', { name: 'Scorecard reports' });
  const overflow = await table.evaluate(element => {
    const container = element.parentElement!;
    return container.scrollWidth - container.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
  await preview.hover();
  await expect(page.getByRole('tooltip')).toHaveText('Preview');
});

test('"Send now" delivers the report to the Notifications page', async ({
  page,
}) => {
  await signInAsGuest(page);

  await page.goto('/scorecards/reports');
  await page
    .getByRole('button', { name: 'Send now: Weekly organisation overview' })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  const row = page.getByRole('row', { name: /Weekly organisation overview/ });
  await expect(row.getByText('Sent', { exact: true })).toBeVisible();

  // The demo's guest is a recipient of the report.
  await page.goto('/notifications');
  await expect(
    page.getByText('Scorecards report: Weekly organisation overview').first(),
  ).toBeVisible();
});
