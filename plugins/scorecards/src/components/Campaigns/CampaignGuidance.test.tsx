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

import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { CampaignGuidance } from './CampaignGuidance';

const ruleGuidance = {
  text: 'Add a `runbook` link.',
  url: 'https://docs.example.com/runbooks',
};

describe('CampaignGuidance', () => {
  it("heads the rule's own guidance under the campaign's", async () => {
    await renderInTestApp(
      <CampaignGuidance
        ruleTitle="Links a runbook"
        guidance={{
          steps: ['Write the runbook in TechDocs.'],
          links: [{ title: 'Runbook template', url: 'https://t.example.com' }],
        }}
        ruleGuidance={ruleGuidance}
      />,
    );
    const group = screen.getByRole('group', {
      name: 'How to pass Links a runbook',
    });
    const headings = ['Steps', 'Documentation', 'From the scorecard rule'];
    const texts = within(group)
      .getAllByText(/./, { selector: 'p' })
      .map(p => p.textContent);
    expect(texts.filter(text => headings.includes(text!))).toEqual(headings);
    expect(within(group).getByText('runbook')).toBeInTheDocument();
    expect(
      within(group).getByRole('link', { name: /^More about Links a runbook/ }),
    ).toHaveAttribute('href', 'https://docs.example.com/runbooks');
  });

  it("shows the rule's guidance without a heading when the campaign has none", async () => {
    await renderInTestApp(
      <CampaignGuidance
        ruleTitle="Links a runbook"
        ruleGuidance={ruleGuidance}
      />,
    );
    expect(screen.getByText('runbook')).toBeInTheDocument();
    expect(screen.queryByText('From the scorecard rule')).toBeNull();
    expect(screen.queryByText('Steps')).toBeNull();
  });

  it('shows no heading when the rule has no guidance of its own', async () => {
    await renderInTestApp(
      <CampaignGuidance
        ruleTitle="Links a runbook"
        guidance={{ steps: ['Write the runbook in TechDocs.'] }}
      />,
    );
    expect(
      screen.getByText('Write the runbook in TechDocs.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('From the scorecard rule')).toBeNull();
  });

  it('renders nothing without guidance', async () => {
    await renderInTestApp(
      <div data-testid="host">
        <CampaignGuidance ruleTitle="Links a runbook" guidance={{}} />
      </div>,
    );
    expect(screen.getByTestId('host')).toBeEmptyDOMElement();
  });
});
