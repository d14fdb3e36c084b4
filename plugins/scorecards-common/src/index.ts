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

/**
 * Shared types, permissions, the HTTP API's request and response types and
 * the rule language of the Scorecards & Campaigns plugins for Backstage.
 *
 * @packageDocumentation
 */

export * from './permissions';
export * from './api';
export * from './rules/types';
export {
  compileScorecard,
  computeLevel,
  computeScore,
} from './rules/scorecard';
export { compileQuery, compileExplainedQuery } from './rules/query';
export { parseScope, ScopeSyntaxError } from './rules/scope';
export {
  validateScorecardsConfig,
  formatValidationProblems,
} from './rules/validate';
export type {
  ValidateScorecardsConfigOptions,
  ValidateScorecardsConfigResult,
} from './rules/validate';
export { requiredEntityFields, ALWAYS_REQUIRED_FIELDS } from './rules/fields';
export {
  OUTCOME_STATES,
  OUTCOMES_FACT,
  CHECK_ID_PATTERN,
  MAX_CHECK_ID_LENGTH,
  MAX_OUTCOME_REMARKS_LENGTH,
  reportedOutcomeChecks,
  ruleCheck,
} from './rules/outcomes';
export type { OutcomeState, ReportedOutcomeFact } from './rules/outcomes';
export { META_PROPERTIES, PropertyPathError } from './rules/paths';
export { customOperatorProblems } from './rules/customOperators';
export { suggest } from './rules/suggest';
export { highestAndLowest, splitRanked } from './ranking';
export { csvCell, csvLine } from './csv';
export { NEGATIVE_OPERATORS, MAX_MATCHED_LENGTH } from './rules/operators';
export { MAX_PATTERN_LENGTH } from './rules/regexSafety';
export { isEmptyValue, formatValue } from './rules/values';
export * from './campaigns/types';
export {
  validateCampaign,
  validateCampaignsConfig,
  campaignKey,
  CAMPAIGN_SCOPE_PROPERTIES,
} from './campaigns/validate';
export type {
  ValidateCampaignOptions,
  ValidateCampaignResult,
  ValidateCampaignsConfigResult,
} from './campaigns/validate';
export {
  campaignStatus,
  campaignDaysLeft,
  campaignCompletion,
} from './campaigns/status';
export type { CampaignTimeline } from './campaigns/status';
export {
  fillTicketUrlTemplate,
  ticketUrlTemplateProblems,
  TICKET_URL_PLACEHOLDERS,
} from './campaigns/ticketUrl';
export type {
  TicketUrlPlaceholder,
  TicketUrlValues,
} from './campaigns/ticketUrl';
