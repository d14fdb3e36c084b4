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

import { Config } from '@backstage/config';
import {
  formatValidationProblems,
  NormalisedCampaign,
  ScorecardsDefinitionsConfig,
  ticketUrlTemplateProblems,
  validateCampaignsConfig,
} from '@openscorecards/plugin-scorecards-common';

/**
 * Reads and validates `scorecards.campaigns` against the configured
 * scorecards. Every problem is reported at once, each with its key path
 * (such as `scorecards.campaigns[1].rules[0].rule`), and start-up fails.
 */
export function readCampaignsConfig(
  config: Config,
  definitions: ScorecardsDefinitionsConfig,
): NormalisedCampaign[] {
  const raw = config.getOptional('scorecards.campaigns');
  const { problems, campaigns } = validateCampaignsConfig(raw, {
    path: 'scorecards.campaigns',
    scorecards: definitions.definitions,
  });
  if (!campaigns) {
    throw new Error(
      `Invalid scorecards campaigns configuration (${problems.length} problem${
        problems.length === 1 ? '' : 's'
      }):\n${formatValidationProblems(problems)}`,
    );
  }
  return campaigns;
}

/**
 * Reads and checks `scorecards.campaignTicketUrlTemplate`, the ticket link
 * template of campaigns without their own; start-up fails when it is not an
 * http(s) URL or uses an unknown placeholder.
 */
export function readCampaignTicketUrlTemplate(
  config: Config,
): string | undefined {
  const key = 'scorecards.campaignTicketUrlTemplate';
  const template = config.getOptionalString(key);
  if (template === undefined) {
    return undefined;
  }
  const problems = ticketUrlTemplateProblems(template);
  if (problems.length > 0) {
    throw new Error(
      `Invalid ${key}:\n${problems.map(p => `  - ${p}`).join('\n')}`,
    );
  }
  return template;
}
