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
 * The JSON the scorecards backend answers with. Optional fields are ones the
 * backend leaves out when it has nothing to say (no run yet, no history).
 */

/** @public */
export type RuleStatus = 'pass' | 'fail' | 'skip';

/** @public */
export interface RuleGuidance {
  /** Markdown: what to do to pass the rule. */
  text?: string;
  /** A link to documentation or a template that fixes it. */
  url?: string;
}

/** A rule as configured. @public */
export interface ScorecardRuleSummary {
  id: string;
  title: string;
  /** Markdown. */
  description?: string;
  level: string;
  weight: number;
  guidance?: RuleGuidance;
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
  /** ISO timestamp of the evaluation. */
  updatedAt: string;
  rules: EntityRuleResult[];
}

/** `GET /entities/:kind/:namespace/:name`. @public */
export interface EntityScorecardsResponse {
  entityRef: string;
  /** The level ladder, lowest (the base level, `Basic`) first. */
  levels: string[];
  /** ISO timestamp of the last successful evaluation run. */
  lastRunAt?: string;
  scorecards: EntityScorecardResult[];
}

/** `POST /evaluations` for one entity. @public */
export interface EvaluationSummary {
  runId: number;
  entitiesEvaluated: number;
  resultsWritten: number;
  resultsDeleted: number;
}

/** An evaluation run, as the backend records it. @public */
export interface EvaluationRun {
  id: number;
  trigger: 'schedule' | 'manual' | 'catalog-change';
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
   * null (or absent, from older backends) when none has collected them.
   */
  facets?: ScorecardFacets | null;
  highest: ScorecardLeaderboard;
  lowest: ScorecardLeaderboard;
}

/** Filters, sort and page of `GET /scorecards/:id/entities`. @public */
export interface ScorecardEntitiesQuery {
  /** Owner entity ref. */
  team?: string;
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

/** @public */
export type ScorecardEntitiesSortField =
  | 'name'
  | 'score'
  | 'level'
  | 'owner'
  | 'updatedAt';

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
    owner?: string;
    system?: string;
  };
  level: string;
  levelRank: number;
  score: number;
  rulesPassed: number;
  rulesFailed: number;
  failingRules: string[];
  updatedAt: string;
  stateSince: string;
}

/** `GET /scorecards/:id/entities`. @public */
export interface ScorecardEntitiesResponse {
  items: ScorecardEntityRow[];
  totalCount: number;
  /** Present when there is a next page. */
  nextCursor?: string;
}

/** `GET /history` parameters. @public */
export interface ScorecardHistoryQuery {
  scorecardId: string;
  ruleId?: string;
  team?: string;
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
  from: string;
  to: string;
  points: ScorecardHistoryPoint[];
}

/** The status of a campaign. @public */
export type CampaignStatus =
  | 'upcoming'
  | 'active'
  | 'overdue'
  | 'completed'
  | 'ended';

/** How to pass one campaign rule. @public */
export interface CampaignGuidance {
  links?: Array<{ title: string; url: string }>;
  /** Markdown, one step each. */
  steps?: string[];
  /** A workflow or software template that fixes the rule. */
  templateUrl?: string;
}

/** Entities in scope and how many pass every campaign rule. @public */
export interface CampaignProgressSummary {
  inScope: number;
  passing: number;
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
  source: 'config' | 'database';
  archived: boolean;
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

/** One rule of a campaign sent to `POST` or `PUT /campaigns`. @public */
export interface CampaignRuleInput {
  /** `<scorecardId>/<ruleId>`. */
  rule: string;
  guidance?: CampaignGuidance;
}

/**
 * The body of `POST /campaigns` and `PUT /campaigns/:key`: a campaign
 * created or edited in the UI.
 *
 * @public
 */
export interface CampaignInput {
  /** Generated from the name when left out; cannot change on update. */
  key?: string;
  name: string;
  /** Markdown. */
  description?: string;
  /** Group entity ref. */
  owner: string;
  /** `YYYY-MM-DD`. */
  startDate: string;
  /** `YYYY-MM-DD`: the deadline. */
  endDate?: string;
  /** A scope string or query object. */
  scope?: unknown;
  rules: CampaignRuleInput[];
  ticketUrlTemplate?: string;
}

/** A campaign as stored, returned by create and update. @public */
export interface CampaignDefinitionResponse extends CampaignInput {
  key: string;
  rules: Array<CampaignRuleInput & { scorecardId: string; ruleId: string }>;
  source: 'config' | 'database';
  archived: boolean;
  editable: boolean;
  createdBy?: string;
  createdAt?: string;
  updatedAt?: string;
}

/** A team's progress in a campaign. @public */
export interface CampaignTeamProgress {
  /** Group entity ref; '' for entities without an owner. */
  owner: string;
  inScope: number;
  passing: number;
  completion: number;
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
  guidance?: CampaignGuidance;
}

/** A rule's progress in a campaign. @public */
export interface CampaignRuleProgress extends CampaignRuleInfo {
  applicable: number;
  passing: number;
  failing: number;
  completion: number;
}

/** One day of a campaign's progress. @public */
export interface CampaignTrendPoint {
  /** `YYYY-MM-DD`. */
  day: string;
  inScope: number;
  passing: number;
  completion: number;
}

/** `GET /campaigns/:key`. @public */
export interface CampaignDetailsResponse extends CampaignSummary {
  scope?: unknown;
  ticketUrlTemplate?: string;
  createdBy?: string;
  createdAt?: string;
  updatedAt?: string;
  /** ISO timestamp of the progress figures. */
  computedAt: string;
  byTeam: CampaignTeamProgress[];
  byRule: CampaignRuleProgress[];
  trend: {
    startDate: string;
    endDate?: string;
    points: CampaignTrendPoint[];
  };
}

/** Filters and page of `GET /campaigns/:key/entities`. @public */
export interface CampaignEntitiesQuery {
  /** Owner group ref; '' for entities without an owner. */
  team?: string;
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
  /** `<scorecardId>/<ruleId>` of the failing rules. */
  failingRules: string[];
}

/** `GET /campaigns/:key/entities`. @public */
export interface CampaignEntitiesResponse {
  items: CampaignFailingEntity[];
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

/** `POST /campaigns/:key/notify`. @public */
export interface CampaignNotifyResponse {
  /** Owning groups sent a notification. */
  teamsNotified: number;
  /** Failing entities with an owner, across the notified teams. */
  entitiesIncluded: number;
  /** Failing entities without an owner: nobody was notified about them. */
  unowned: number;
  /** Owners whose notification could not be sent. */
  failedTeams?: string[];
}

/** `GET /entities/:kind/:namespace/:name/campaigns`. @public */
export interface EntityCampaignsResponse {
  entityRef: string;
  items: EntityCampaign[];
}

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
  lastResult?: {
    status?: ReportStatus;
    error?: string;
    attemptedAt?: string;
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

/** The top and bottom of a ranking. @public */
export interface ReportRanking {
  highest: ReportItem[];
  lowest: ReportItem[];
}

/** A scorecard's part of a report. @public */
export interface ScorecardReportSection {
  scorecardId: string;
  title: string;
  link: string;
  day?: string;
  previousDay?: string;
  /** The audience's average score, with its change. */
  score?: number;
  change?: number;
  entities: number;
  rules: ReportRanking;
  services: ReportRanking;
  teams: ReportRanking;
}

/** `GET /reports/:id/preview`: what a send would say now. @public */
export interface ReportContent {
  reportId: string;
  title: string;
  generatedAt: string;
  /** The previous report's send time: the baseline of the changes. */
  since?: string;
  audience: { group?: string };
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

/** `POST /reports/:id/send`. @public */
export interface ReportSendResponse {
  status: ReportStatus;
  channels: ReportChannelOutcome[];
  /** The errors of the failed channels, one line each. */
  error?: string;
}
