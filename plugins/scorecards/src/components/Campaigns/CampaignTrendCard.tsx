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

import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { CampaignDetailsResponse, scorecardsApiRef } from '../../api';
import {
  OwnerCaption,
  ownerChoiceFromParams,
  ownerFileNamePart,
  ownerQuery,
  OwnerSelect,
} from '../TeamSelect';
import { csvFileName } from '../CsvDownload';
import { withNonDefaultParams } from '../urlParams';
import { CampaignDepartments } from './campaignDepartments';
import { CampaignTrendChart } from './CampaignTrendChart';

/** The campaign page's parameters for the trend's team and department. */
export const TREND_OWNER_PARAMS = {
  team: 'trendTeam',
  department: 'trendDepartment',
};

/**
 * A campaign's completion over time: the organisation's, or a team's or a
 * department's (a group with the teams below it), chosen in the card's
 * header and kept in the URL (`?trendTeam=` or `?trendDepartment=`).
 */
export function CampaignTrendCard(props: {
  campaign: CampaignDetailsResponse;
  /** The campaign's departments (for the select), read once for the page. */
  departments: CampaignDepartments;
}) {
  const { campaign } = props;
  const api = useApi(scorecardsApiRef);
  const [params, setParams] = useSearchParams();
  const owner = ownerChoiceFromParams(params, TREND_OWNER_PARAMS);
  const chosen = Boolean(owner.team || owner.department);

  const { departments } = props;
  const trend = useAsync(
    async () =>
      chosen
        ? api.getCampaignTrend(campaign.key, ownerQuery(owner))
        : undefined,
    [api, campaign.key, campaign.computedAt, owner.team, owner.department],
  );

  const fileName = csvFileName([
    campaign.key,
    ownerFileNamePart(owner),
    'completion',
  ]);
  let content;
  if (!chosen) {
    content = <CampaignTrendChart trend={campaign.trend} fileName={fileName} />;
  } else if (trend.loading) {
    content = <Progress />;
  } else if (trend.error) {
    content = <ResponseErrorPanel error={trend.error} />;
  } else if (trend.value) {
    content = <CampaignTrendChart trend={trend.value} fileName={fileName} />;
  }

  return (
    <InfoCard
      title="Completion over time"
      action={
        <OwnerSelect
          id="campaign-trend-team"
          // Not "Team": the failing entities' filter on the same page is.
          label="Completion of"
          value={owner}
          onChange={value =>
            setParams(
              withNonDefaultParams(
                params,
                {
                  [TREND_OWNER_PARAMS.team]: value.team ?? '',
                  [TREND_OWNER_PARAMS.department]: value.department ?? '',
                },
                {
                  [TREND_OWNER_PARAMS.team]: '',
                  [TREND_OWNER_PARAMS.department]: '',
                },
              ),
              { replace: true },
            )
          }
          teams={campaign.byTeam
            .map(team => team.owner)
            .filter(ref => ref !== '')}
          departments={(departments.value?.items ?? []).map(d => d.group)}
          departmentsError={departments.error}
        />
      }
    >
      <OwnerCaption value={owner} />
      {content}
    </InfoCard>
  );
}
