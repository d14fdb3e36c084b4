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

/*
 * The JSON the scorecards backend answers with, and the parameters and
 * bodies it takes, are defined once in the common package (shared with the
 * backend) and re-exported here under the names this package has always
 * exported.
 */

export type {
  CampaignDefinitionResponse,
  CampaignDepartmentProgress,
  CampaignDepartmentsResponse,
  CampaignDetailsResponse,
  CampaignEntitiesQuery,
  CampaignEntitiesResponse,
  CampaignFailingEntity,
  CampaignInput,
  CampaignNotifyResponse,
  CampaignProgressSummary,
  CampaignRuleInfo,
  CampaignRuleProgress,
  CampaignsListResponse,
  CampaignsQuery,
  CampaignStatus,
  CampaignSummary,
  CampaignTrendResponse,
  CampaignTeamProgress,
  CampaignTrendPoint,
  DepartmentScore,
  EntityCampaign,
  EntityCampaignRule,
  EntityCampaignsResponse,
  EntityOutcomesResponse,
  EntityRuleResult,
  EntityScorecardResult,
  EntityScorecardsResponse,
  EvaluationRun,
  EvaluationSummary,
  LevelCount,
  OutcomeState,
  ReportChannelOutcome,
  ReportContent,
  ReportItem,
  ReportRanking,
  ReportSendResponse,
  ReportsListResponse,
  ReportStatus,
  ReportSummary,
  RuleGuidance,
  RulePassRate,
  RuleStatus,
  ScorecardDescription,
  ScorecardDepartmentsResponse,
  ScorecardDetailsResponse,
  ScorecardEntitiesQuery,
  ScorecardEntitiesResponse,
  ScorecardEntitiesSortField,
  ScorecardEntityRow,
  ScorecardFacets,
  ScorecardHistoryPoint,
  ScorecardHistoryQuery,
  ScorecardHistoryResponse,
  ScorecardLeaderboard,
  ScorecardNotifyResponse,
  ScorecardReportSection,
  ScorecardRuleSummary,
  ScorecardsListResponse,
  ScorecardStatistics,
  ScorecardSummary,
  StoredOutcome,
  TeamCampaign,
  TeamCampaignsResponse,
  TeamRelation,
  TeamRulePassRate,
  TeamScore,
  TeamScorecard,
  TeamScorecardsResponse,
  // The frontend's older names of the campaign rule types.
  CampaignRuleGuidance as CampaignGuidance,
  CampaignRuleDefinition as CampaignRuleInput,
} from '@openscorecards/plugin-scorecards-common';
