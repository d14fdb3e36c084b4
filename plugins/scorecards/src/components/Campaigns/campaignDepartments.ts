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

import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import {
  CampaignDepartmentsResponse,
  CampaignDetailsResponse,
  scorecardsApiRef,
} from '../../api';

/** A campaign's progress by department, as read (or still being read). */
export type CampaignDepartments = {
  loading: boolean;
  error?: Error;
  value?: CampaignDepartmentsResponse;
};

/**
 * A campaign's progress by department, read once for the page's cards: the
 * trend's select offers the departments, the progress card compares them.
 */
export function useCampaignDepartments(
  /** The campaign, once it is read. */
  campaign: CampaignDetailsResponse | undefined,
): CampaignDepartments {
  const api = useApi(scorecardsApiRef);
  return useAsync(
    async () =>
      campaign ? api.getCampaignDepartments(campaign.key) : undefined,
    [api, campaign?.key, campaign?.computedAt],
  );
}
