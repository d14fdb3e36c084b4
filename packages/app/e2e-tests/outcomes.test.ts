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

const BACKEND = process.env.PLAYWRIGHT_BACKEND_URL ?? 'http://localhost:7007';
// The demo CI's static token (backend.auth.externalAccess in app-config.yaml).
const CI_TOKEN = 'demo-ci-reports-outcomes';

test('an outcome that CI reports shows on the entity page at once', async ({
  page,
  request,
}) => {
  await signInAsGuest(page);
  const path = '/catalog/default/component/auth-service/scorecards';
  // Until CI reports, the rule does not apply (whenMissing: skip). A retry
  // finds the outcome the first attempt reported, and goes on from there.
  const firstAttempt = test.info().retry === 0;
  await expect(async () => {
    await page.goto(path);
    await expect(
      page.getByText(
        firstAttempt
          ? /no outcome reported for check "security-scan" yet/
          : 'No critical vulnerabilities',
      ),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });

  const remarks = `2 critical findings in build ${Date.now()}`;
  // An entity evaluated while a scheduled run writes may be left to the next
  // run (deferred); report again until it is evaluated at once.
  await expect(async () => {
    const res = await request.post(`${BACKEND}/api/scorecards/outcomes`, {
      headers: { Authorization: `Bearer ${CI_TOKEN}` },
      data: {
        outcomes: [
          {
            entityRef: 'component:default/auth-service',
            check: 'security-scan',
            state: 'fail',
            remarks,
          },
        ],
      },
    });
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({
      stored: 1,
      evaluated: ['component:default/auth-service'],
      deferred: 0,
    });
  }).toPass({ timeout: 60_000 });

  await page.goto(path);
  const readiness = page.getByRole('region', { name: 'Production Readiness' });
  await expect(readiness.getByText(remarks)).toBeVisible();
  // Who reported it (the static token's subject) and when.
  await expect(
    readiness.getByTestId('rule-no-critical-vulnerabilities'),
  ).toContainText(
    /Reported fail by demo-ci (\d+ seconds? ago|now|in \d+ seconds?) as check security-scan/,
  );

  // Without the token, nothing is stored.
  const anonymous = await request.post(`${BACKEND}/api/scorecards/outcomes`, {
    data: {
      outcomes: [
        {
          entityRef: 'component:default/auth-service',
          check: 'security-scan',
          state: 'pass',
        },
      ],
    },
  });
  expect(anonymous.status()).toBe(401);
});
