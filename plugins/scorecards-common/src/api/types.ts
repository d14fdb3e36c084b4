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
 * The HTTP API of the scorecards backend: the JSON it answers with and the
 * parameters and bodies it takes. The backend builds its answers with these
 * types and the frontend client reads them, so both change together.
 *
 * Timestamps are ISO 8601 strings and days are `YYYY-MM-DD` (UTC). Optional
 * fields are ones the backend leaves out when it has nothing to say (no run
 * yet, no history).
 */

import {
  CampaignDefinition,
  CampaignProgressCounts,
  CampaignRuleGuidance,
  CampaignSource,
  CampaignStatus,
  NormalisedCampaign,
} from '../campaigns/types';
import { QueryInput, RuleGuidance, RuleStatus } from '../rules/types';

// Scorecards and results

/** A rule as configured. @public */
export interface ScorecardRuleSummary {
  id: string;
  title: string;
  /** Markdown. */
  description?: string;
  level: string;
  weight: number;
  guidance?: RuleGuidance;
  /**
   * Set for a rule that takes its status from outcomes external systems
   * report: the check they report.
   */
  check?: string;
}

/** A rule's outcome for one entity. @public */
export interface EntityRuleResult extends ScorecardRuleSummary {
  status: RuleStatus;
  /** The value found at the property that decided the outcome. */
  value?: unknown;
  /** A human sentence, e.g. `spec.openIncidents is 7; must be < 5`. */
  message: string;
}

/** One scorecard's result for one entity. @public */
export interface EntityScorecardResult {
  id: string;
  title: string;
  /** Markdown. */
  description?: string;
  level: string;
  /** 0 to 100. */
  score: number;
  /** ISO timestamp: since when level, score and failing rules are unchanged. */
  stateSince?: string;
  /**
   * ISO timestamp: when the stored result last changed (in level, score or
   * any rule's status, value or message).
   */
  updatedAt: string;
  /**
   * ISO timestamp: when the entity was last evaluated against the scorecard.
   * A run that finds the same result keeps the stored one, so this is often
   * later than `updatedAt`.
   */
  evaluatedAt?: string;
  rules: EntityRuleResult[];
}

/** `GET /entities/:kind/:namespace/:name`. @public */
export interface EntityScorecardsResponse {
  entityRef: string;
  /** The level ladder, lowest (the base level, `Basic`) first. */
  levels: string[];
  /**
   * ISO timestamp: when the last successful run that evaluated this entity
   * finished (a run over the catalog or over this entity).
   */
  lastRunAt?: string;
  scorecards: EntityScorecardResult[];
}

// Evaluation runs

/**
 * The body of `POST /evaluations`: what to evaluate; both left out means
 * every scorecard against the whole catalog.
 *
 * @public
 */
export interface EvaluationRunRequest {
  scorecardId?: string;
  entityRef?: string;
}

/** `POST /evaluations` for one entity: the finished run. @public */
export interface EvaluationSummary {
  runId: number;
  entitiesEvaluated: number;
  /**
   * Stored results kept without evaluating, because neither the entity,
   * its facts nor the scorecard changed since they were computed.
   */
  resultsReused: number;
  resultsWritten: number;
  resultsDeleted: number;
}

/**
 * `POST /evaluations` without an entity (status 202): the run goes on in
 * the background; follow it in `GET /runs`.
 *
 * @public
 */
export interface EvaluationRunStarted {
  status: 'started';
}

/** An evaluation run, as the backend records it. @public */
export interface EvaluationRun {
  id: number;
  /** `outcome`: an entity evaluated again after outcomes were reported for it. */
  trigger: 'schedule' | 'manual' | 'catalog-change' | 'outcome';
  scope: { scorecardId?: string; entityRef?: string };
  status: 'running' | 'succeeded' | 'failed' | 'aborted';
  /** ISO timestamp. */
  startedAt: string;
  /** ISO timestamp. */
  finishedAt?: string;
  entitiesEvaluated: number;
  resultsWritten: number;
  resultsDeleted: number;
  error?: string;
}

// Reported outcomes

/**
 * One outcome an external system reports: the state of a check for an
 * entity. Rules read it through `outcome: <check>` or
 * `$facts.outcomes.<check>`.
 *
 * @public
 */
export interface ReportedOutcome {
  /** e.g. `component:default/payments`; kind and namespace may be left out for Components in `default`. */
  entityRef: string;
  /** A check that a scorecard rule reads. */
  check: string;
  state: 'pass' | 'fail' | 'skip';
  /** Shown as the rule's message; at most 2,000 characters. */
  remarks?: string;
}

/** `POST /outcomes` body: 1 to 500 outcomes. @public */
export interface ReportOutcomesRequest {
  outcomes: ReportedOutcome[];
}

/** `POST /outcomes` answer. @public */
export interface ReportOutcomesResponse {
  /** Outcomes stored (new or replacing an earlier one). */
  stored: number;
  /** Entities, by ref, whose scorecards were evaluated again at once. */
  evaluated: string[];
  /**
   * Entities whose scorecards pick up the outcomes at the next scheduled
   * run: a request with more entities than are evaluated at once.
   */
  deferred: number;
}

/** A stored outcome, as `GET /outcomes` lists them. @public */
export interface StoredOutcome extends ReportedOutcome {
  /** The service that reported it, e.g. `external:ci`. */
  reportedBy: string;
  /** ISO timestamp. */
  reportedAt: string;
}

/** `GET /outcomes?entityRef=...`: an entity's reported outcomes, by check. @public */
export interface EntityOutcomesResponse {
  entityRef: string;
  items: StoredOutcome[];
}

/** `GET /runs` parameters. @public */
export interface EvaluationRunsQuery {
  /** 1 to 200. */
  limit?: number;
}

/** `GET /runs`: the latest runs, newest first. @public */
export interface EvaluationRunsResponse {
  items: EvaluationRun[];
}

// Scorecard summaries and details

/** How many entities are at a level. @public */
export interface LevelCount {
  level: string;
  count: number;
}

/** Org-wide figures of one scorecard, from the latest complete run. @public */
export interface ScorecardStatistics {
  /** How many entities have a result. */
  entities: number;
  /** Mean score (0 to 100); null when no entity has a result. */
  averageScore: number | null;
  /** Entities per level, every level of the ladder in order. */
  distribution: LevelCount[];
  /** ISO timestamp of the figures; null before the first run. */
  asOf: string | null;
}

/** A scorecard as configured. @public */
export interface ScorecardDescription {
  id: string;
  title: string;
  /** Markdown. */
  description?: string;
  /** Which entities the scorecard evaluates; all of them when absent. */
  filter?: QueryInput;
  rules: ScorecardRuleSummary[];
}

/** A scorecard with its org-wide figures. @public */
export interface ScorecardSummary extends ScorecardDescription {
  summary: ScorecardStatistics;
}

/** `GET /scorecards`. @public */
export interface ScorecardsListResponse {
  /** The level ladder, lowest (the base level) first. */
  levels: string[];
  /** The latest evaluation run of any status; null before the first. */
  lastRun: EvaluationRun | null;
  items: ScorecardSummary[];
}

/** How many entities pass a rule. @public */
export interface RulePassRate {
  id: string;
  title: string;
  level: string;
  /** Entities the rule applies to. */
  applicable: number;
  passed: number;
  /** Percentage (0 to 100); null when the rule applies to no entity. */
  passRate: number | null;
}

/** How many of a team's entities pass one rule. @public */
export interface TeamRulePassRate {
  ruleId: string;
  /** The team's entities the rule applies to. */
  applicable: number;
  passed: number;
  /** Percentage (0 to 100); null when the rule applies to none of them. */
  passRate: number | null;
}

/** A team (an owner of entities) in one scorecard. @public */
export interface TeamScore {
  /** The owner's entity ref; null for entities without an owner. */
  owner: string | null;
  entities: number;
  averageScore: number;
  distribution: LevelCount[];
  /** Every rule of the scorecard, in the scorecard's order. */
  rules: TeamRulePassRate[];
}

/**
 * A department's score on a scorecard: a group with child groups, counting
 * the entities of the group and of all its descendant groups.
 *
 * @public
 */
export interface DepartmentScore extends TeamScore {
  /** The department's group entity ref. */
  owner: string;
  /**
   * Whose entities count: the groups of the department (itself and its
   * descendants) with entities the scorecard evaluates, the department
   * first if it has any itself.
   */
  owners: string[];
}

/** `GET /scorecards/:id/departments`. @public */
export interface ScorecardDepartmentsResponse {
  /** The level ladder, lowest (the base level) first. */
  levels: string[];
  /** By group ref. */
  items: DepartmentScore[];
}

/** How one team does on one scorecard. @public */
export interface TeamScorecard extends ScorecardDescription {
  /**
   * The score of the team's entities, with each rule's pass rate among them;
   * null when the scorecard evaluated none of the team's entities.
   */
  score: TeamScore | null;
}

/**
 * Which entities count as a team's (`?relation=` of
 * `GET /teams/:kind/:namespace/:name`), as the catalog's Ownership card
 * has it:
 *
 * - `direct`: those the team (a group or a user) owns itself;
 * - `aggregated`: also those its descendant groups own (for a group), or
 *   the groups the user is a member of own (for a user).
 *
 * @public
 */
export type TeamRelation = 'direct' | 'aggregated';

/**
 * `GET /teams/:kind/:namespace/:name`: how a team's (any owner's) entities
 * do on every scorecard, as of each scorecard's latest complete run. @public
 */
export interface TeamScorecardsResponse {
  /** The team's entity ref. */
  team: string;
  relation: TeamRelation;
  /**
   * The owners whose entities count, the team first: the team alone, or
   * with the groups `aggregated` adds that the caller may see.
   */
  owners: string[];
  /** The level ladder, lowest (the base level) first. */
  levels: string[];
  /** The latest run over the catalog; null before the first. */
  lastRun: EvaluationRun | null;
  /** Every scorecard, in the configured order. */
  items: TeamScorecard[];
}

/**
 * The distinct values of a scorecard's entities, sorted: the choices of the
 * entity table's filters. @public
 */
export interface ScorecardFacets {
  kinds: string[];
  types: string[];
  lifecycles: string[];
  /** System entity refs. */
  systems: string[];
}

/** The highest or lowest scoring rules, entities and teams. @public */
export interface ScorecardLeaderboard {
  rules: RulePassRate[];
  entities: ScorecardEntityRow[];
  teams: Array<TeamScore & { owner: string }>;
}

/** `GET /scorecards/:id`. @public */
export interface ScorecardDetailsResponse extends ScorecardDescription {
  levels: string[];
  lastRun: EvaluationRun | null;
  rules: Array<
    ScorecardRuleSummary &
      Pick<RulePassRate, 'applicable' | 'passed' | 'passRate'>
  >;
  summary: ScorecardStatistics;
  teams: TeamScore[];
  /**
   * The filter choices of the entity table, as of the latest complete run;
   * null when none has collected them (older backends left the field out).
   */
  facets: ScorecardFacets | null;
  highest: ScorecardLeaderboard;
  lowest: ScorecardLeaderboard;
}

// Entity tables

/** @public */
export type ScorecardEntitiesSortField =
  | 'name'
  | 'score'
  | 'level'
  | 'owner'
  | 'updatedAt';

/**
 * Filters, sort and page of `GET /scorecards/:id/entities` (and, without
 * the page, of `GET /scorecards/:id/export.csv`).
 *
 * @public
 */
export interface ScorecardEntitiesQuery {
  /**
   * Owner entity refs: entities any of them owns; an empty string stands
   * for the entities without an owner.
   */
  team?: string | string[];
  kind?: string;
  type?: string;
  lifecycle?: string;
  /** System entity ref. */
  system?: string;
  level?: string;
  /** Only entities failing this rule id. */
  failingRule?: string;
  /** A case-insensitive part of the entity ref or title. */
  text?: string;
  sort?: ScorecardEntitiesSortField;
  order?: 'asc' | 'desc';
  limit?: number;
  cursor?: string;
}

/** An entity's row in a scorecard's entity table. @public */
export interface ScorecardEntityRow {
  entityRef: string;
  entity: {
    kind: string;
    namespace: string;
    name: string;
    title?: string;
    type?: string;
    lifecycle?: string;
    /** Full entity ref of the owner. */
    owner?: string;
    /** Full entity ref of the system. */
    system?: string;
  };
  level: string;
  /** 0 is the base level; higher is better. */
  levelRank: number;
  score: number;
  rulesPassed: number;
  rulesFailed: number;
  failingRules: string[];
  /** ISO timestamp. */
  updatedAt: string;
  /** ISO timestamp: since when level, score and failing rules are unchanged. */
  stateSince: string;
}

/** `GET /scorecards/:id/entities`. @public */
export interface ScorecardEntitiesResponse {
  items: ScorecardEntityRow[];
  /** Entities matching the filters, including ones the caller cannot see. */
  totalCount: number;
  /** Present when there is a next page. */
  nextCursor?: string;
}

// History

/** `GET /history` parameters. @public */
export interface ScorecardHistoryQuery {
  scorecardId: string;
  ruleId?: string;
  team?: string;
  /**
   * With `team`: `aggregated` adds up the groups below the team (its
   * descendant groups, those the caller may see), a department's history;
   * `direct` (the default) is the team alone.
   */
  relation?: TeamRelation;
  entityRef?: string;
  /** `YYYY-MM-DD`; 90 days before `to` when left out. */
  from?: string;
  /** `YYYY-MM-DD`; today when left out. */
  to?: string;
  interval?: 'day' | 'week';
}

/**
 * One point of a history series. Which fields it has depends on the series:
 * a scorecard's or team's (`entities`, `averageScore`, `levels`), a rule's
 * (`applicable`, `passed`, `passRate`) or an entity's (`score`, `level`).
 *
 * @public
 */
export interface ScorecardHistoryPoint {
  /** `YYYY-MM-DD` (UTC). */
  date: string;
  entities?: number;
  averageScore?: number | null;
  levels?: Record<string, number>;
  applicable?: number;
  passed?: number;
  passRate?: number | null;
  score?: number;
  level?: string;
}

/** `GET /history`. @public */
export interface ScorecardHistoryResponse {
  interval: 'day' | 'week';
  /** `YYYY-MM-DD`. */
  from: string;
  /** `YYYY-MM-DD`. */
  to: string;
  /**
   * With a team: the owners whose entities count, the team first (more
   * than one with `relation: 'aggregated'`).
   */
  owners?: string[];
  points: ScorecardHistoryPoint[];
}

// Campaigns

/** Entities in scope and how many pass every campaign rule. @public */
export interface CampaignProgressSummary extends CampaignProgressCounts {
  /** Percentage (0 to 100), one decimal. */
  completion: number;
}

/** A campaign in the list. @public */
export interface CampaignSummary {
  key: string;
  name: string;
  /** Markdown. */
  description?: string;
  /** Group entity ref. */
  owner: string;
  /** `YYYY-MM-DD`. */
  startDate: string;
  /** `YYYY-MM-DD`: the deadline. */
  endDate?: string;
  source: CampaignSource;
  archived: boolean;
  /** Whether the UI may edit it: a database campaign, not archived. */
  editable: boolean;
  status: CampaignStatus;
  /** Days until the end date (negative when past); null without one. */
  daysLeft: number | null;
  ruleCount: number;
  progress: CampaignProgressSummary;
}

/** `GET /campaigns` parameters. @public */
export interface CampaignsQuery {
  status?: CampaignStatus;
  /** Group entity ref. */
  owner?: string;
}

/** `GET /campaigns`. @public */
export interface CampaignsListResponse {
  items: CampaignSummary[];
}

/**
 * The body of `POST /campaigns` and `PUT /campaigns/:key`: a campaign
 * created or edited in the UI. The key is generated from the name when left
 * out, and cannot change on update. The backend validates the body (see
 * `validateCampaign`), the scope included.
 *
 * @public
 */
export interface CampaignInput extends Omit<CampaignDefinition, 'scope'> {
  /** A scope string or query object. */
  scope?: unknown;
}

/**
 * A campaign as stored, with its bookkeeping: the answer of create and
 * update.
 *
 * @public
 */
export interface CampaignDefinitionResponse extends NormalisedCampaign {
  source: CampaignSource;
  archived: boolean;
  /** Whether the UI may edit it: a database campaign, not archived. */
  editable: boolean;
  /** Who created a database campaign. */
  createdBy?: string;
  /** ISO timestamp. */
  createdAt?: string;
  /** ISO timestamp. */
  updatedAt?: string;
}

/** A team's progress in a campaign. @public */
export interface CampaignTeamProgress extends CampaignProgressSummary {
  /** Group entity ref; '' for entities without an owner. */
  owner: string;
}

/**
 * A department's progress in a campaign: a group with child groups, counting
 * the entities of the group and of all its descendant groups.
 *
 * @public
 */
export interface CampaignDepartmentProgress extends CampaignProgressSummary {
  /** The department's group entity ref. */
  group: string;
  /**
   * Whose entities count: the groups of the department (itself and its
   * descendants) that own entities in scope, the department first if it
   * owns any itself.
   */
  owners: string[];
}

/** `GET /campaigns/:key/departments`. @public */
export interface CampaignDepartmentsResponse {
  /** Least complete first; then by group ref. */
  items: CampaignDepartmentProgress[];
}

/** What describes a campaign rule. @public */
export interface CampaignRuleInfo {
  /** `<scorecardId>/<ruleId>`. */
  rule: string;
  scorecardId: string;
  ruleId: string;
  scorecardTitle?: string;
  title: string;
  /** Markdown. */
  ruleDescription?: string;
  /** The scorecard rule's own guidance. */
  ruleGuidance?: RuleGuidance;
  /** The campaign's guidance for the rule. */
  guidance?: CampaignRuleGuidance;
}

/** A rule's progress in a campaign. @public */
export interface CampaignRuleProgress extends CampaignRuleInfo {
  /** Entities in scope the rule passed or failed for. */
  applicable: number;
  passing: number;
  failing: number;
  completion: number;
}

/** One day of a campaign's progress. @public */
export interface CampaignTrendPoint extends CampaignProgressSummary {
  /** `YYYY-MM-DD`. */
  day: string;
}

/** `GET /campaigns/:key`. @public */
export interface CampaignDetailsResponse extends CampaignSummary {
  scope?: QueryInput;
  /** The campaign's own template, else the configured default. */
  ticketUrlTemplate?: string;
  createdBy?: string;
  /** ISO timestamp. */
  createdAt?: string;
  /** ISO timestamp. */
  updatedAt?: string;
  /** ISO timestamp of the progress figures. */
  computedAt: string;
  byTeam: CampaignTeamProgress[];
  /** In campaign order. */
  byRule: CampaignRuleProgress[];
  trend: {
    startDate: string;
    endDate?: string;
    points: CampaignTrendPoint[];
  };
}

/**
 * `GET /campaigns/:key/trend`: a campaign's completion per day, of the whole
 * organisation or, with `team`, of a team's entities in scope (with
 * `relation: 'aggregated'`, a department's: the group's and its descendant
 * groups' entities added up). @public
 */
export interface CampaignTrendResponse {
  /** With a team: the team's entity ref. */
  team?: string;
  relation?: TeamRelation;
  /** With a team: the owners whose entities count, the team first. */
  owners?: string[];
  startDate: string;
  endDate?: string;
  points: CampaignTrendPoint[];
}

/**
 * Filters and page of `GET /campaigns/:key/entities` (and, without the
 * page, of `GET /campaigns/:key/export.csv`).
 *
 * @public
 */
export interface CampaignEntitiesQuery {
  /** Owner group ref(s), any of them; '' for entities without an owner. */
  team?: string | string[];
  /** `<scorecardId>/<ruleId>`. */
  rule?: string;
  limit?: number;
  cursor?: string;
}

/** An entity failing at least one campaign rule. @public */
export interface CampaignFailingEntity {
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  /** Group ref; '' without an owner. */
  owner: string;
  /** `<scorecardId>/<ruleId>` of the failing rules, in campaign order. */
  failingRules: string[];
}

/** `GET /campaigns/:key/entities`: sorted by entity ref. @public */
export interface CampaignEntitiesResponse {
  items: CampaignFailingEntity[];
  /** Present when there is a next page. */
  nextCursor?: string;
}

/** One campaign rule's outcome for one entity. @public */
export interface EntityCampaignRule extends CampaignRuleInfo {
  status: 'pass' | 'fail';
  message: string;
}

/** A campaign an entity is in. @public */
export interface EntityCampaign extends CampaignSummary {
  /** Whether the entity passes every campaign rule. */
  passing: boolean;
  rules: EntityCampaignRule[];
}

/** `GET /entities/:kind/:namespace/:name/campaigns`. @public */
export interface EntityCampaignsResponse {
  entityRef: string;
  items: EntityCampaign[];
}

/** A campaign with entities of a team in its scope. @public */
export interface TeamCampaign extends CampaignSummary {
  /**
   * The team's entities in the campaign's scope (those of every owner the
   * response lists), and how many pass every campaign rule.
   */
  teamProgress: CampaignProgressSummary;
}

/**
 * `GET /teams/:kind/:namespace/:name/campaigns`: how a team's (any owner's)
 * entities do in the campaigns that are not archived. @public
 */
export interface TeamCampaignsResponse {
  /** The team's entity ref. */
  team: string;
  relation: TeamRelation;
  /**
   * The owners whose entities count, the team first: the team alone, or
   * with the groups `aggregated` adds that the caller may see.
   */
  owners: string[];
  /**
   * The campaigns with some of the owners' entities in scope, most urgent
   * first: overdue, active, upcoming, then completed; within each, the
   * earliest deadline first (none last), then by name.
   */
  items: TeamCampaign[];
}

/** `POST /campaigns/:key/notify`. @public */
export interface CampaignNotifyResponse {
  /** Owning groups sent a notification. */
  teamsNotified: number;
  /** Failing entities with an owner, across the notified teams. */
  entitiesIncluded: number;
  /** Failing entities without an owner: nobody was notified about them. */
  unowned: number;
  /** Owners whose notification could not be sent (see the backend logs). */
  failedTeams: string[];
}

/**
 * `POST /scorecards/:id/notify` (with the entity table's filters): the same
 * counts, of the entities that fail rules of the scorecard.
 *
 * @public
 */
export type ScorecardNotifyResponse = CampaignNotifyResponse;

// Reports

/** Whether a report's last send reached every channel, some or none. @public */
export type ReportStatus = 'sent' | 'partial' | 'failed';

/** A configured report, as `GET /reports` lists it (no webhook URLs). @public */
export interface ReportSummary {
  id: string;
  title: string;
  /**
   * The task schedule: `frequency` is `{ cron }`, a duration such as
   * `{ days: 7 }` or `{ trigger: 'manual' }`.
   */
  schedule: {
    frequency?:
      | { cron: string }
      | { trigger: 'manual' }
      | Record<string, number>
      | string;
    [key: string]: unknown;
  };
  /** The IANA time zone of a cron schedule. */
  timezone?: string;
  /** A group and its descendants, or the whole organisation without one. */
  audience: { group?: string };
  scorecards: string[];
  channels: { notifications?: { recipients: string[] }; slack?: boolean };
  /** Whether the task is scheduled on the replica that answered. */
  scheduled?: boolean;
  /**
   * When the report is next due (ISO 8601); in the past while a missed
   * send waits for the next check (within a minute). Absent for reports
   * sent only by hand.
   */
  nextRunAt?: string;
  /** Absent before the first send. */
  lastResult?: {
    status?: ReportStatus;
    error?: string;
    /** ISO timestamp of the last attempt to send. */
    attemptedAt?: string;
    /** ISO timestamp of the last send that reached a channel. */
    sentAt?: string;
  };
}

/** `GET /reports`. @public */
export interface ReportsListResponse {
  items: ReportSummary[];
}

/** A rule, service or team in a report, scored in points (0–100). @public */
export interface ReportItem {
  /** A rule id or an entity ref. */
  id: string;
  title: string;
  score: number;
  /** Points since the previous report; absent without a baseline. */
  change?: number;
  link?: string;
}

/** The top and bottom of a ranking; the two never share an item. @public */
export interface ReportRanking {
  highest: ReportItem[];
  lowest: ReportItem[];
}

/** A scorecard's part of a report. @public */
export interface ScorecardReportSection {
  scorecardId: string;
  title: string;
  link: string;
  /** The day (UTC) of the rollups reported; absent before the first run. */
  day?: string;
  /** The day of the baseline rollups, when there were any. */
  previousDay?: string;
  /** The audience's average score, with its change. */
  score?: number;
  change?: number;
  entities: number;
  /** By pass rate. */
  rules: ReportRanking;
  /** By score. */
  services: ReportRanking;
  /** Owners, by average score. */
  teams: ReportRanking;
}

/**
 * What a report says: the content of a send, and what
 * `GET /reports/:id/preview` answers.
 *
 * @public
 */
export interface ReportContent {
  reportId: string;
  title: string;
  /** ISO timestamp. */
  generatedAt: string;
  /** The previous report's send time: the baseline of the changes. */
  since?: string;
  audience: { group?: string };
  /** The Scorecards page. */
  link: string;
  scorecards: ScorecardReportSection[];
}

/** One channel's outcome of a send. @public */
export interface ReportChannelOutcome {
  channel: 'notifications' | 'slack';
  ok: boolean;
  attempts: number;
  error?: string;
}

/** `POST /reports/:id/send`: how the send went. @public */
export interface ReportSendResponse {
  status: ReportStatus;
  channels: ReportChannelOutcome[];
  /** The errors of the failed channels, one line each; never a URL. */
  error?: string;
}
