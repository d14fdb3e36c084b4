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

import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Allows running an evaluation on demand (all scorecards, one scorecard, or
 * one entity).
 *
 * @public
 */
export const scorecardsEvaluationRunPermission = createPermission({
  name: 'scorecards.evaluation.run',
  attributes: { action: 'update' },
});

/**
 * Allows creating campaigns from the UI (stored in the database).
 *
 * @public
 */
export const scorecardsCampaignCreatePermission = createPermission({
  name: 'scorecards.campaign.create',
  attributes: { action: 'create' },
});

/**
 * Allows editing campaigns created from the UI; config campaigns stay
 * read-only.
 *
 * @public
 */
export const scorecardsCampaignUpdatePermission = createPermission({
  name: 'scorecards.campaign.update',
  attributes: { action: 'update' },
});

/**
 * Allows archiving campaigns created from the UI.
 *
 * @public
 */
export const scorecardsCampaignDeletePermission = createPermission({
  name: 'scorecards.campaign.delete',
  attributes: { action: 'delete' },
});

/**
 * Allows notifying the owning teams of the entities still failing a
 * campaign (through the Backstage notifications plugin).
 *
 * @public
 */
export const scorecardsCampaignNotifyPermission = createPermission({
  name: 'scorecards.campaign.notify',
  attributes: {},
});

/**
 * Allows sending a configured scorecard report now, outside its schedule.
 *
 * @public
 */
/**
 * Sending a notification to the owners of a scorecard's failing entities,
 * from the scorecard's page (`POST /scorecards/:id/notify`).
 *
 * @public
 */
export const scorecardsScorecardNotifyPermission = createPermission({
  name: 'scorecards.scorecard.notify',
  attributes: {},
});

export const scorecardsReportSendPermission = createPermission({
  name: 'scorecards.report.send',
  attributes: {},
});

/**
 * Allows reporting outcomes of checks for entities (`POST /outcomes`), as
 * CI or a security scanner does. Only service principals may report.
 *
 * @public
 */
export const scorecardsOutcomeReportPermission = createPermission({
  name: 'scorecards.outcome.report',
  attributes: { action: 'create' },
});

/**
 * Every permission of the scorecards plugin.
 *
 * @public
 */
export const scorecardsPermissions = [
  scorecardsEvaluationRunPermission,
  scorecardsCampaignCreatePermission,
  scorecardsCampaignUpdatePermission,
  scorecardsCampaignDeletePermission,
  scorecardsCampaignNotifyPermission,
  scorecardsScorecardNotifyPermission,
  scorecardsReportSendPermission,
  scorecardsOutcomeReportPermission,
];
