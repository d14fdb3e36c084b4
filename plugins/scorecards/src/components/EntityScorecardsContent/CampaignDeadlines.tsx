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

import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { scorecardsApiRef } from '../../api';
import { daysLeftText, formatDay } from '../Campaigns';
import { useScorecardsRoot } from '../Campaigns/useScorecardsRoot';

/**
 * A one-line note of the campaigns the entity still fails, with deadlines;
 * nothing when there are none or they cannot be read.
 */
export function CampaignDeadlines(props: { entityRef: string }) {
  const api = useApi(scorecardsApiRef);
  const root = useScorecardsRoot();
  const { value } = useAsync(
    () => api.getEntityCampaigns(props.entityRef),
    [api, props.entityRef],
  );
  const open = (value?.items ?? []).filter(
    c => !c.passing && c.status !== 'ended' && c.status !== 'completed',
  );
  if (open.length === 0) {
    return null;
  }
  return (
    <Typography variant="body2" component="div" role="note">
      Campaigns:{' '}
      {open.map((campaign, index) => {
        const text = daysLeftText(campaign.daysLeft, campaign.status);
        // Within the sentence: "(due Mar 31, 2026, overdue by 3 days)".
        const left = text && text[0].toLocaleLowerCase('en-US') + text.slice(1);
        const deadline = campaign.endDate
          ? ` (due ${formatDay(campaign.endDate)}${left ? `, ${left}` : ''})`
          : '';
        return (
          <span key={campaign.key}>
            {index > 0 && '; '}
            {root !== undefined ? (
              <Link
                to={`${root}/campaigns/${encodeURIComponent(campaign.key)}`}
              >
                {campaign.name}
              </Link>
            ) : (
              campaign.name
            )}
            {deadline}
          </span>
        );
      })}
    </Typography>
  );
}
