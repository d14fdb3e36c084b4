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
  CampaignSource,
  NormalisedCampaign,
} from '@openscorecards/plugin-scorecards-common';
import { CampaignStore } from './CampaignStore';

/** A campaign from config or from the database, with its bookkeeping. */
export interface CampaignEntry {
  campaign: NormalisedCampaign;
  source: CampaignSource;
  archived: boolean;
  createdBy?: string;
  createdAt?: Date;
  updatedAt?: Date;
}

/**
 * The campaigns of config (read-only) and of the database (created from the
 * UI), by key. A config campaign hides a stored one with the same key.
 */
export class CampaignRegistry {
  private readonly configByKey: Map<string, NormalisedCampaign>;

  constructor(
    private readonly configCampaigns: ReadonlyArray<NormalisedCampaign>,
    private readonly campaignStore: CampaignStore,
  ) {
    this.configByKey = new Map(configCampaigns.map(c => [c.key, c]));
  }

  isConfigCampaign(key: string): boolean {
    return this.configByKey.has(key);
  }

  /** Config campaigns first, in config order, then stored ones by key. */
  async list(
    options: { includeArchived?: boolean } = {},
  ): Promise<CampaignEntry[]> {
    const stored = await this.campaignStore.listCampaigns(options);
    return [
      ...this.configCampaigns.map(
        (campaign): CampaignEntry => ({
          campaign,
          source: 'config',
          archived: false,
        }),
      ),
      ...stored
        .filter(s => !this.configByKey.has(s.campaign.key))
        .map(
          (s): CampaignEntry => ({
            campaign: s.campaign,
            source: 'database',
            archived: s.archived,
            createdBy: s.createdBy,
            createdAt: s.createdAt,
            updatedAt: s.updatedAt,
          }),
        ),
    ];
  }

  async get(key: string): Promise<CampaignEntry | undefined> {
    const fromConfig = this.configByKey.get(key);
    if (fromConfig) {
      return { campaign: fromConfig, source: 'config', archived: false };
    }
    const stored = await this.campaignStore.getCampaign(key);
    return stored
      ? {
          campaign: stored.campaign,
          source: 'database',
          archived: stored.archived,
          createdBy: stored.createdBy,
          createdAt: stored.createdAt,
          updatedAt: stored.updatedAt,
        }
      : undefined;
  }
}
