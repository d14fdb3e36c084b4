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

import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  CampaignDefinitionResponse,
  CampaignDepartmentsResponse,
  CampaignTrendResponse,
  CampaignDetailsResponse,
  CampaignEntitiesQuery,
  CampaignInput,
  CampaignEntitiesResponse,
  CampaignNotifyResponse,
  CampaignsListResponse,
  CampaignsQuery,
  EntityCampaignsResponse,
  EntityOutcomesResponse,
  EntityScorecardsResponse,
  EvaluationSummary,
  ReportContent,
  ReportSendResponse,
  ReportsListResponse,
  ScorecardDepartmentsResponse,
  ScorecardDetailsResponse,
  ScorecardEntitiesQuery,
  ScorecardEntitiesResponse,
  ScorecardHistoryQuery,
  ScorecardHistoryResponse,
  ScorecardNotifyResponse,
  ScorecardsListResponse,
  TeamRelation,
  TeamCampaignsResponse,
  TeamScorecardsResponse,
} from './types';

/**
 * Reads scorecards, results and history from the scorecards backend, and
 * asks it to re-evaluate an entity.
 *
 * @public
 */
export interface ScorecardsApi {
  /** Every scorecard with its org-wide figures. */
  getScorecards(): Promise<ScorecardsListResponse>;
  /** One scorecard with rule pass rates, teams and leaderboards. */
  getScorecard(id: string): Promise<ScorecardDetailsResponse>;
  /**
   * A scorecard's scores by department: each group above its teams, with
   * the entities of all the group's teams.
   */
  getScorecardDepartments(id: string): Promise<ScorecardDepartmentsResponse>;
  /** A page of the entities a scorecard evaluated, filtered and sorted. */
  getScorecardEntities(
    id: string,
    query?: ScorecardEntitiesQuery,
  ): Promise<ScorecardEntitiesResponse>;
  /** The entity table as CSV, with the same filters (paging is ignored). */
  exportScorecardEntities(
    id: string,
    query?: ScorecardEntitiesQuery,
  ): Promise<Blob>;
  /** The results of every scorecard that applies to an entity. */
  getEntityScorecards(
    entityRef: string | CompoundEntityRef,
  ): Promise<EntityScorecardsResponse>;
  /**
   * How a team's (any owner's) entities do on every scorecard, from each
   * scorecard's latest complete run: those it owns itself (`direct`, the
   * default), or with those of its descendant groups, or of a user's groups
   * (`aggregated`).
   */
  getTeamScorecards(
    teamRef: string | CompoundEntityRef,
    options?: { relation?: TeamRelation },
  ): Promise<TeamScorecardsResponse>;
  /**
   * The outcomes that external systems reported for an entity's checks,
   * with who reported them and when.
   */
  getEntityOutcomes(
    entityRef: string | CompoundEntityRef,
  ): Promise<EntityOutcomesResponse>;
  /**
   * Evaluates every scorecard against one entity now. Needs the
   * `scorecards.evaluation.run` permission.
   */
  evaluateEntity(
    entityRef: string | CompoundEntityRef,
  ): Promise<EvaluationSummary>;
  /** Score over time of a scorecard, optionally of one rule, team or entity. */
  getHistory(query: ScorecardHistoryQuery): Promise<ScorecardHistoryResponse>;
  /** Campaigns with their progress, optionally by status or owner. */
  getCampaigns(query?: CampaignsQuery): Promise<CampaignsListResponse>;
  /** One campaign with progress by team and rule, and its trend. */
  getCampaign(key: string): Promise<CampaignDetailsResponse>;
  /**
   * A campaign's progress by department: each group above its teams, with
   * the entities of all the group's teams.
   */
  getCampaignDepartments(key: string): Promise<CampaignDepartmentsResponse>;
  /**
   * A campaign's completion per day: the organisation's, or with `team` a
   * team's, and with `relation: 'aggregated'` a department's (the group
   * with the groups below it).
   */
  getCampaignTrend(
    key: string,
    query?: { team?: string; relation?: TeamRelation },
  ): Promise<CampaignTrendResponse>;
  /**
   * Creates a campaign (stored in the database). Needs the
   * `scorecards.campaign.create` permission.
   */
  createCampaign(body: CampaignInput): Promise<CampaignDefinitionResponse>;
  /**
   * Replaces a database campaign; config campaigns cannot be edited (409).
   * Needs the `scorecards.campaign.update` permission.
   */
  updateCampaign(
    key: string,
    body: CampaignInput,
  ): Promise<CampaignDefinitionResponse>;
  /**
   * Archives a database campaign. Needs the `scorecards.campaign.delete`
   * permission.
   */
  archiveCampaign(key: string): Promise<void>;
  /** A page of the entities failing a campaign, by team or rule. */
  getCampaignEntities(
    key: string,
    query?: CampaignEntitiesQuery,
  ): Promise<CampaignEntitiesResponse>;
  /** The failing entities as CSV, with the same filters (no paging). */
  exportCampaignEntities(
    key: string,
    query?: CampaignEntitiesQuery,
  ): Promise<Blob>;
  /**
   * Sends a Backstage notification to each group owning entities that still
   * fail the campaign, of the failing entities' filters if given (teams and
   * rule; paging is ignored). Needs the `scorecards.campaign.notify`
   * permission.
   */
  notifyCampaignOwners(
    key: string,
    query?: CampaignEntitiesQuery,
  ): Promise<CampaignNotifyResponse>;
  /**
   * Sends a notification to each group owning entities that match the
   * entity table's filters and fail rules of the scorecard. Needs the
   * `scorecards.scorecard.notify` permission.
   */
  notifyScorecardOwners(
    id: string,
    query?: ScorecardEntitiesQuery,
  ): Promise<ScorecardNotifyResponse>;
  /**
   * The campaigns (not archived) with entities of a team in scope, with the
   * team's progress in each, most urgent first: of the entities it owns
   * itself (`direct`, the default), or with those of its descendant groups,
   * or of a user's groups (`aggregated`).
   */
  getTeamCampaigns(
    teamRef: string | CompoundEntityRef,
    options?: { relation?: TeamRelation },
  ): Promise<TeamCampaignsResponse>;
  /** The campaigns an entity is in, with its status per campaign rule. */
  getEntityCampaigns(
    entityRef: string | CompoundEntityRef,
  ): Promise<EntityCampaignsResponse>;
  /** The configured reports with their last result. */
  getReports(): Promise<ReportsListResponse>;
  /** The content a report would have if it were sent now. */
  previewReport(id: string): Promise<ReportContent>;
  /**
   * Sends a report now to its channels. Needs the `scorecards.report.send`
   * permission.
   */
  sendReport(id: string): Promise<ReportSendResponse>;
}

/** @public */
export const scorecardsApiRef = createApiRef<ScorecardsApi>({
  id: 'plugin.scorecards.service',
});
