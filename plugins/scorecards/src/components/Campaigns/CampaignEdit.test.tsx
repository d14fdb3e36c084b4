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

import { ResponseError } from '@backstage/errors';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { CampaignDetailsResponse, scorecardsApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  FreshPermissionCache,
  mockScorecardsApi,
} from '../../__testUtils__/fixtures';
import { tlsDetails } from '../../__testUtils__/campaignFixtures';
import { CampaignPage } from './CampaignPage';
import { CampaignsList } from './CampaignsList';

const mountedRoutes = {
  '/scorecards': rootRouteRef,
  '/catalog/:namespace/:kind/:name': entityRouteRef,
};

const scorecards = {
  levels: ['Bronze', 'Silver'],
  lastRun: null,
  items: [
    {
      id: 'security',
      title: 'Security',
      rules: [
        { id: 'tls', title: 'Uses TLS 1.3', level: 'Bronze', weight: 1 },
        { id: 'hsts', title: 'Sends HSTS', level: 'Silver', weight: 1 },
      ],
      summary: {
        entities: 0,
        averageScore: null,
        distribution: [],
        asOf: null,
      },
    },
  ],
};

const dbDetails: CampaignDetailsResponse = {
  ...tlsDetails,
  source: 'database',
  editable: true,
  scope: 'kind:component AND spec.lifecycle:production',
  ticketUrlTemplate: 'https://tracker.example.com/new?title={campaign}',
};

function api(overrides: Parameters<typeof mockScorecardsApi>[0] = {}) {
  return mockScorecardsApi({
    getCampaigns: jest.fn().mockResolvedValue({ items: [] }),
    getScorecards: jest.fn().mockResolvedValue(scorecards),
    getCampaign: jest.fn().mockResolvedValue(dbDetails),
    getCampaignEntities: jest.fn().mockResolvedValue({ items: [] }),
    ...overrides,
  });
}

async function renderAt(
  path: string,
  scorecardsApi: ReturnType<typeof api>,
  authorize: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
  catalogApi?: ReturnType<typeof catalogApiMock>,
) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [scorecardsApiRef, scorecardsApi],
        [permissionApiRef, mockApis.permission({ authorize })],
        ...(catalogApi ? [[catalogApiRef, catalogApi] as const] : []),
      ]}
    >
      <FreshPermissionCache>
        <Routes>
          <Route path="/scorecards/campaigns" element={<CampaignsList />} />
          <Route
            path="/scorecards/campaigns/:campaignKey"
            element={<CampaignPage />}
          />
        </Routes>
      </FreshPermissionCache>
    </TestApiProvider>,
    { mountedRoutes, routeEntries: [path] },
  );
}

jest.setTimeout(20000);

const textbox = (name: RegExp) => screen.getByRole('textbox', { name });
const change = (element: HTMLElement, value: string) =>
  fireEvent.change(element, { target: { value } });

async function fillRequired() {
  const dialog = await screen.findByRole('dialog', { name: 'New campaign' });
  change(textbox(/^Name/), 'Move to TLS 1.3');
  change(textbox(/^Owner/), 'group:default/platform');
  fireEvent.change(screen.getByLabelText(/^Start date/), {
    target: { value: '2026-02-01' },
  });
  await userEvent.click(screen.getByRole('button', { name: /^Rules/ }));
  await userEvent.click(
    await screen.findByRole('option', { name: /Security — Uses TLS 1.3/ }),
  );
  await userEvent.keyboard('{Escape}');
  return dialog;
}

/** Opens the edit dialog of the database campaign `tls-13`. */
async function openEditDialog(scorecardsApi: ReturnType<typeof api>) {
  await renderAt(
    '/scorecards/campaigns/tls-13',
    scorecardsApi,
    AuthorizeResult.ALLOW,
  );
  await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
  return screen.findByRole('dialog', { name: 'Edit Move to TLS 1.3' });
}

describe('Creating and editing campaigns', () => {
  it('hides "New campaign" without the create permission', async () => {
    await renderAt('/scorecards/campaigns', api(), AuthorizeResult.DENY);
    expect(await screen.findByText('No campaigns yet')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'New campaign' }),
    ).not.toBeInTheDocument();
  });

  it('suggests the catalog groups as owners, by name or ref', async () => {
    const catalogApi = catalogApiMock({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'platform-engineering', namespace: 'default' },
          spec: {
            type: 'team',
            profile: { displayName: 'Platform Engineering' },
          },
        },
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: {
            name: 'payments',
            namespace: 'default',
            title: 'Payments',
          },
          spec: { type: 'team' },
        },
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'platform-api', namespace: 'default' },
          spec: {},
        },
      ],
    });
    const scorecardsApi = api({
      createCampaign: jest.fn().mockResolvedValue(dbDetails),
    });
    await renderAt(
      '/scorecards/campaigns',
      scorecardsApi,
      AuthorizeResult.ALLOW,
      catalogApi,
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'New campaign' }),
    );
    await fillRequired();
    const owner = textbox(/^Owner/);
    await userEvent.clear(owner);
    await userEvent.type(owner, 'platf');
    // Groups only, matched by display name or ref.
    const option = await screen.findByRole('option', {
      name: /Platform Engineering/,
    });
    expect(option).toHaveTextContent('group:default/platform-engineering');
    expect(screen.getAllByRole('option')).toHaveLength(1);
    await userEvent.click(option);
    expect(owner).toHaveValue('group:default/platform-engineering');

    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() =>
      expect(scorecardsApi.createCampaign).toHaveBeenCalledWith(
        expect.objectContaining({
          owner: 'group:default/platform-engineering',
        }),
      ),
    );
  });

  it('creates a campaign with the right body and opens its page', async () => {
    const scorecardsApi = api({
      createCampaign: jest.fn().mockResolvedValue({
        ...dbDetails,
        key: 'move-to-tls-1-3',
      }),
    });
    await renderAt(
      '/scorecards/campaigns',
      scorecardsApi,
      AuthorizeResult.ALLOW,
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'New campaign' }),
    );
    await fillRequired();
    expect(textbox(/^Key/)).toHaveAttribute('placeholder', 'move-to-tls-1-3');
    fireEvent.change(screen.getByLabelText(/^End date/), {
      target: { value: '2026-03-31' },
    });
    change(textbox(/^Scope/), 'kind:component');
    change(
      textbox(/^Steps \(Security — Uses TLS 1.3\)/),
      'Upgrade the ingress\nRedeploy',
    );
    change(textbox(/^Documentation title/), 'TLS guide');
    change(textbox(/^Documentation URL/), 'https://example.com/tls');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));

    await waitFor(() =>
      expect(scorecardsApi.createCampaign).toHaveBeenCalledWith({
        name: 'Move to TLS 1.3',
        owner: 'group:default/platform',
        startDate: '2026-02-01',
        endDate: '2026-03-31',
        scope: 'kind:component',
        rules: [
          {
            rule: 'security/tls',
            guidance: {
              steps: ['Upgrade the ingress', 'Redeploy'],
              links: [{ title: 'TLS guide', url: 'https://example.com/tls' }],
            },
          },
        ],
      }),
    );
    // The new campaign's page.
    await waitFor(() =>
      expect(scorecardsApi.getCampaign).toHaveBeenCalledWith('move-to-tls-1-3'),
    );
  });

  it('shows validation problems before sending, next to the fields', async () => {
    const scorecardsApi = api({ createCampaign: jest.fn() });
    await renderAt(
      '/scorecards/campaigns',
      scorecardsApi,
      AuthorizeResult.ALLOW,
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'New campaign' }),
    );
    const dialog = await fillRequired();
    fireEvent.change(screen.getByLabelText(/^End date/), {
      target: { value: '2026-01-15' },
    });
    change(textbox(/^Template URL/), 'not a url');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));

    expect(
      within(dialog).getByText(
        'endDate 2026-01-15 is before startDate 2026-02-01',
      ),
    ).toBeInTheDocument();
    const ruleProblems = within(dialog).getByRole('list', {
      name: 'Problems with the rules',
    });
    expect(ruleProblems).toHaveTextContent(
      'rules[0].guidance.templateUrl: "not a url" is not an http(s) URL',
    );
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'Fix the problems above to save.',
    );
    expect(scorecardsApi.createCampaign).not.toHaveBeenCalled();
  });

  it("shows the backend's 400 message in the dialog", async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          name: 'InputError',
          message:
            'Invalid campaign:\n  - owner: the owner must be a group, such as "group:default/platform", got "user:jo"',
        },
        request: { method: 'POST', url: '/campaigns' },
        response: { statusCode: 400 },
      }),
      { status: 400, headers: { 'Content-Type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response);
    const scorecardsApi = api({
      createCampaign: jest.fn().mockRejectedValue(error),
    });
    await renderAt(
      '/scorecards/campaigns',
      scorecardsApi,
      AuthorizeResult.ALLOW,
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'New campaign' }),
    );
    const dialog = await fillRequired();
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      /Invalid campaign:\s+- owner: the owner must be a group/,
    );
    // Also next to the field.
    expect(textbox(/^Owner/)).toHaveAccessibleDescription(
      /the owner must be a group/,
    );
  });

  it('shows a read-only note and no buttons for a config campaign', async () => {
    await renderAt(
      '/scorecards/campaigns/tls-13',
      api({ getCampaign: jest.fn().mockResolvedValue(tlsDetails) }),
      AuthorizeResult.ALLOW,
    );
    expect(
      await screen.findByText('Defined in app-config.yaml (read-only)'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Edit' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Archive' }),
    ).not.toBeInTheDocument();
  });

  it('hides Edit and Archive without the permissions', async () => {
    await renderAt('/scorecards/campaigns/tls-13', api(), AuthorizeResult.DENY);
    await screen.findByRole('heading', { name: 'Move to TLS 1.3' });
    expect(
      screen.queryByRole('button', { name: 'Edit' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Archive' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByText('Defined in app-config.yaml (read-only)'),
    ).not.toBeInTheDocument();
  });

  it('edits a database campaign with the form pre-filled', async () => {
    const scorecardsApi = api({
      updateCampaign: jest.fn().mockResolvedValue(dbDetails),
    });
    const dialog = await openEditDialog(scorecardsApi);
    expect(textbox(/^Name/)).toHaveValue('Move to TLS 1.3');
    expect(textbox(/^Key/)).toHaveValue('tls-13');
    expect(textbox(/^Key/)).toBeDisabled();
    expect(textbox(/^Owner/)).toHaveValue('group:default/platform');
    expect(screen.getByLabelText(/^Start date/)).toHaveValue('2026-01-01');
    expect(screen.getByLabelText(/^End date/)).toHaveValue('2026-03-31');
    expect(textbox(/^Scope/)).toHaveValue(
      'kind:component AND spec.lifecycle:production',
    );
    expect(textbox(/^Steps \(Security — Uses TLS 1.3\)/)).toHaveValue(
      'Upgrade the **ingress**\nRedeploy',
    );
    expect(
      within(dialog).getByRole('button', { name: /^Rules/ }),
    ).toHaveTextContent('Security — Uses TLS 1.3, Security — Sends HSTS');

    change(textbox(/^Name/), 'TLS 1.3 everywhere');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(scorecardsApi.updateCampaign).toHaveBeenCalledWith('tls-13', {
        name: 'TLS 1.3 everywhere',
        description: 'Every **production** service on TLS 1.3.',
        owner: 'group:default/platform',
        startDate: '2026-01-01',
        endDate: '2026-03-31',
        scope: 'kind:component AND spec.lifecycle:production',
        ticketUrlTemplate: 'https://tracker.example.com/new?title={campaign}',
        rules: [
          {
            rule: 'security/tls',
            guidance: {
              steps: ['Upgrade the **ingress**', 'Redeploy'],
              links: [{ title: 'TLS guide', url: 'https://example.com/tls' }],
              templateUrl: 'https://example.com/create/tls',
            },
          },
          { rule: 'security/hsts' },
        ],
      }),
    );
    // Reloads the campaign after saving.
    await waitFor(() =>
      expect(scorecardsApi.getCampaign).toHaveBeenCalledTimes(2),
    );
  });

  it('keeps, adds and removes documentation links of a rule', async () => {
    const twoLinks: CampaignDetailsResponse = {
      ...dbDetails,
      byRule: dbDetails.byRule.map((rule, i) =>
        i === 0
          ? {
              ...rule,
              guidance: {
                links: [
                  { title: 'TLS guide', url: 'https://example.com/tls' },
                  { title: 'Ingress runbook', url: 'https://example.com/run' },
                ],
              },
            }
          : rule,
      ),
    };
    const scorecardsApi = api({
      getCampaign: jest.fn().mockResolvedValue(twoLinks),
      updateCampaign: jest.fn().mockResolvedValue(twoLinks),
    });
    const dialog = await openEditDialog(scorecardsApi);
    const rule = '(Security — Uses TLS 1.3)';
    // Every stored link is shown, not only the first.
    expect(textbox(/^Documentation title \(Security — Uses TLS/)).toHaveValue(
      'TLS guide',
    );
    expect(textbox(/^Documentation URL 2 \(Security — Uses TLS/)).toHaveValue(
      'https://example.com/run',
    );
    await userEvent.click(
      within(dialog).getByRole('button', {
        name: `Add a documentation link ${rule}`,
      }),
    );
    change(
      textbox(/^Documentation title 3 \(Security — Uses TLS/),
      'TLS checker',
    );
    change(
      textbox(/^Documentation URL 3 \(Security — Uses TLS/),
      'https://example.com/check',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: `Remove link ${rule}` }),
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(scorecardsApi.updateCampaign).toHaveBeenCalledWith(
        'tls-13',
        expect.objectContaining({
          rules: [
            {
              rule: 'security/tls',
              guidance: {
                links: [
                  { title: 'Ingress runbook', url: 'https://example.com/run' },
                  { title: 'TLS checker', url: 'https://example.com/check' },
                ],
              },
            },
            { rule: 'security/hsts' },
          ],
        }),
      ),
    );
  });

  it('archives after confirmation and returns to the list', async () => {
    const scorecardsApi = api({
      archiveCampaign: jest.fn().mockResolvedValue(undefined),
    });
    await renderAt(
      '/scorecards/campaigns/tls-13',
      scorecardsApi,
      AuthorizeResult.ALLOW,
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Archive' }),
    );
    const confirm = await screen.findByRole('dialog', {
      name: 'Archive Move to TLS 1.3?',
    });
    expect(scorecardsApi.archiveCampaign).not.toHaveBeenCalled();
    await userEvent.click(
      within(confirm).getByRole('button', { name: 'Archive campaign' }),
    );
    await waitFor(() =>
      expect(scorecardsApi.archiveCampaign).toHaveBeenCalledWith('tls-13'),
    );
    expect(await screen.findByText('No campaigns yet')).toBeInTheDocument();
  });
});
