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
import { RuleResultList } from './RuleResultList';

describe('RuleResultList', () => {
  it('names the reported check of an outcome rule instead of the value found', async () => {
    await renderInTestApp(
      <RuleResultList
        aria-label="Gold rules"
        rules={[
          {
            id: 'no-critical-vulnerabilities',
            title: 'No critical vulnerabilities',
            level: 'Gold',
            weight: 1,
            check: 'security-scan',
            guidance: { text: 'Fix the findings and run the pipeline again.' },
            status: 'fail',
            value: 'fail',
            message: '2 critical findings in build 418',
          },
          {
            id: 'on-call',
            title: 'Has on-call',
            level: 'Gold',
            weight: 1,
            status: 'fail',
            value: 7,
            message: 'spec.openIncidents is 7; must be < 5',
          },
        ]}
      />,
    );

    const reported = screen.getByTestId('rule-no-critical-vulnerabilities');
    expect(
      within(reported).getByText('2 critical findings in build 418'),
    ).toBeInTheDocument();
    expect(reported).toHaveTextContent(
      'Reported by an external system as check security-scan',
    );
    expect(within(reported).queryByText(/Found:/)).toBeNull();
    expect(
      within(reported).getByText(
        'Fix the findings and run the pipeline again.',
      ),
    ).toBeInTheDocument();

    const queried = screen.getByTestId('rule-on-call');
    expect(queried).toHaveTextContent('Found: 7');
    expect(queried).not.toHaveTextContent('Reported by');
  });
});
