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

async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enterButton = page.getByRole('button', { name: 'Enter' });
  await expect(enterButton).toBeVisible();
  await enterButton.click();
  await expect(
    page.getByRole('link', { name: 'Catalog', exact: true }).first(),
  ).toBeVisible();
}

test('the catalog lists the demo organisation', async ({ page }) => {
  await signInAsGuest(page);

  await page.goto('/?filters[kind]=component&filters[user]=all');
  // The demo catalog is ingested shortly after the backend starts.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText('All Components (57)')).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 90_000 });
  await page.getByPlaceholder('Search').fill('payments');
  await expect(
    page.getByRole('link', { name: 'payments-service' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'api-gateway' })).toBeHidden();
});
