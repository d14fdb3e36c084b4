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

import { LoggerService } from '@backstage/backend-plugin-api';
import { NormalisedCampaign } from '@openscorecards/plugin-scorecards-common';
import { DateTime } from 'luxon';
import { CampaignProgressCache } from './campaignProgress';
import { CampaignRegistry } from './CampaignRegistry';
import {
  CAMPAIGN_ORGANISATION,
  CampaignDailyRow,
  CampaignStore,
} from './CampaignStore';

export interface RecordCampaignDailyOptions {
  /** The config campaigns; stored ones are read from the store. */
  campaigns: ReadonlyArray<NormalisedCampaign>;
  campaignStore: CampaignStore;
  progress: CampaignProgressCache;
  logger?: LoggerService;
}

/**
 * Makes the function to call after each complete evaluation run: it drops
 * the cached progress (the results changed), computes the progress of every
 * campaign that is not archived and has started by `day`, in one pass, and
 * replaces their rows of `day` (`YYYY-MM-DD`, UTC; today by default) in
 * `scorecards_campaign_daily`: one for the organisation ('*') and one per
 * owner ('' for entities without one). Running it again on the same day
 * replaces the day, so a day holds its last complete run.
 */
export function createCampaignDailyRecorder(
  options: RecordCampaignDailyOptions,
): (day?: string) => Promise<{ campaigns: number; rows: number }> {
  const { campaignStore, progress, logger } = options;
  const registry = new CampaignRegistry(options.campaigns, campaignStore);
  return async day => {
    const today = day ?? DateTime.utc().toISODate()!;
    progress.invalidate();
    const campaigns = (await registry.list())
      .map(e => e.campaign)
      .filter(c => c.startDate <= today);
    const all = await progress.getProgress(campaigns);
    const rows: CampaignDailyRow[] = [];
    for (const campaign of campaigns) {
      const p = all.get(campaign.key)!;
      rows.push({
        campaignKey: campaign.key,
        owner: CAMPAIGN_ORGANISATION,
        inScope: p.inScope,
        passing: p.passing,
      });
      for (const team of p.byTeam) {
        rows.push({
          campaignKey: campaign.key,
          owner: team.owner,
          inScope: team.inScope,
          passing: team.passing,
        });
      }
    }
    await campaignStore.writeDaily(today, rows);
    logger?.info(
      `Recorded the progress of ${campaigns.length} campaign(s) for ${today}`,
    );
    return { campaigns: campaigns.length, rows: rows.length };
  };
}
