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

test('a rule with an operator that a backend module adds explains its result', async ({
  page,
}) => {
  await signInAsGuest(page);
  // user-profile-service runs Java 11.0.21 (acme.com/language-version).
  await expect(async () => {
    await page.goto(
      '/catalog/default/component/user-profile-service/scorecards',
    );
    await expect(
      page.getByRole('region', { name: 'Runtime Currency' }),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });

  const runtime = page.getByRole('region', { name: 'Runtime Currency' });
  await expect(runtime).toContainText(/level\s*Basic/);
  await expect(
    runtime.getByText(
      'metadata.annotations.acme.com/language-version is "11.0.21"; must be version 17 or later',
    ),
  ).toBeVisible();
});
