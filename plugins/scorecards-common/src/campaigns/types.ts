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

import { QueryInput, RuleStatus } from '../rules/types';

/**
 * How to pass one campaign rule: documentation links, remediation steps and
 * a workflow or software-template link.
 *
 * @public
 */
export interface CampaignRuleGuidance {
  links?: Array<{ title: string; url: string }>;
  /** Markdown, one step each. */
  steps?: string[];
  /** A workflow or software template that fixes the rule. */
  templateUrl?: string;
}

/**
 * One scorecard rule tracked by a campaign.
 *
 * @public
 */
export interface CampaignRuleDefinition {
  /** `<scorecardId>/<ruleId>` of an existing scorecard rule. */
  rule: string;
  guidance?: CampaignRuleGuidance;
}

/**
 * A campaign as written in config (`scorecards.campaigns`) or sent by the UI.
 *
 * @public
 */
export interface CampaignDefinition {
  /** Unique, URL-safe; generated from the name when left out. */
  key?: string;
  name: string;
  /** Markdown. */
  description?: string;
  /** The group driving the campaign, e.g. `group:default/platform`. */
  owner: string;
  /** `YYYY-MM-DD` (UTC): the campaign starts at the beginning of the day. */
  startDate: string;
  /** `YYYY-MM-DD` (UTC): the deadline; the day itself is still in time. */
  endDate?: string;
  /**
   * Which entities the campaign applies to, among those with a result of the
   * campaign rules' scorecards. May use only {@link CAMPAIGN_SCOPE_PROPERTIES}.
   */
  scope?: QueryInput;
  rules: CampaignRuleDefinition[];
  /**
   * A link template for follow-up tickets, with `{campaign}`, `{team}` and
   * `{entities}` placeholders (used by a later step).
   */
  ticketUrlTemplate?: string;
}

/**
 * A validated campaign: the key is set, the owner is a full group ref, and
 * each rule is split into its scorecard and rule ids.
 *
 * @public
 */
export interface NormalisedCampaign extends CampaignDefinition {
  key: string;
  rules: Array<
    CampaignRuleDefinition & {
      scorecardId: string;
      ruleId: string;
    }
  >;
}

/**
 * Where a campaign comes from: app-config (read-only in the UI) or the
 * database (created in the UI).
 *
 * @public
 */
export type CampaignSource = 'config' | 'database';

/**
 * The status of a campaign; see `campaignStatus` for the rules.
 *
 * @public
 */
export type CampaignStatus =
  | 'upcoming'
  | 'active'
  | 'overdue'
  | 'completed'
  | 'ended';

/** @public */
export const CAMPAIGN_STATUSES: ReadonlyArray<CampaignStatus> = [
  'upcoming',
  'active',
  'overdue',
  'completed',
  'ended',
];

/**
 * Entities in a campaign's scope, and how many of them pass every campaign
 * rule that applies to them.
 *
 * @public
 */
export interface CampaignProgressCounts {
  inScope: number;
  passing: number;
}

/** The status of one campaign rule for one entity. @public */
export type CampaignRuleStatus = Exclude<RuleStatus, 'skip'>;
