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

import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

/** A query: an object of nested conditions, or a scope string such as `kind:component AND spec.lifecycle:production`. */
type ScorecardsQuery =
  | string
  | {
      combinator: 'and' | 'or';
      /** Conditions (`{ property, operator, value }`) or nested groups. */
      conditions: object[];
      not?: boolean;
    };

export interface Config {
  /** Configuration for the Scorecards & Campaigns plugin. */
  scorecards?: {
    /**
     * The level ladder, lowest first. Entities start at `Basic`.
     * @default ["Bronze", "Silver", "Gold"]
     */
    levels?: string[];
    /** The scorecards to evaluate. */
    definitions?: Array<{
      /** Unique, URL-safe id, e.g. `production-readiness`. */
      id: string;
      title: string;
      /** Markdown. */
      description?: string;
      /** Which entities this scorecard evaluates; all when left out. */
      filter?: ScorecardsQuery;
      rules: Array<{
        /** Unique within the scorecard. */
        id: string;
        title: string;
        /** Markdown. */
        description?: string;
        /** One of the ladder's levels. */
        level: string;
        /** What the entity must satisfy. A rule has a query or an outcome. */
        query?: ScorecardsQuery;
        /**
         * The rule takes its status from outcomes that external systems
         * report through `POST /outcomes` for this check: the check's id
         * (lowercase letters, digits and dashes), or the check and what an
         * entity with no outcome reported counts as. A rule has a query or
         * an outcome.
         */
        outcome?:
          | string
          | {
              check: string;
              /** @default fail */
              whenMissing?: 'fail' | 'skip';
              /**
               * How recent an outcome must be to count, as an ISO 8601
               * duration such as P7D; an older one counts as missing.
               */
              maxAge?: string;
            };
        /** Relative weight in the score. @default 1 */
        weight?: number;
        /** The rule applies only to entities this selects. */
        filter?: ScorecardsQuery;
        guidance?: {
          /** Markdown: how to pass the rule. */
          text?: string;
          url?: string;
        };
      }>;
    }>;
    /**
     * When the catalog is evaluated. Runs once across all replicas.
     * @default { frequency: { minutes: 30 }, timeout: { minutes: 10 }, initialDelay: { seconds: 15 } }
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /**
     * Whether a run keeps the stored result of an entity whose catalog
     * fields, facts and scorecard did not change since (and whose
     * clock-dependent rules cannot have changed), instead of evaluating it
     * again. Set to false to evaluate every entity on every run.
     * @default true
     */
    reuseUnchangedResults?: boolean;
    /**
     * Campaigns: time-bound initiatives that track existing scorecard rules.
     * Read-only in the UI; campaigns created from the UI are stored in the
     * database.
     */
    campaigns?: Array<{
      /** Unique, URL-safe; generated from the name when left out (`Adopt TechDocs` gives `adopt-techdocs`). */
      key?: string;
      name: string;
      /** Markdown. */
      description?: string;
      /** The group driving the campaign, e.g. `group:default/platform` or `platform`. */
      owner: string;
      /** `YYYY-MM-DD` (UTC). */
      startDate: string;
      /** `YYYY-MM-DD` (UTC): the deadline; the day itself is still in time. */
      endDate?: string;
      /**
       * Which entities the campaign applies to, among those with results of
       * its rules' scorecards. May use only kind, metadata.name,
       * metadata.namespace, metadata.title, spec.type, spec.lifecycle,
       * spec.owner, spec.system and the matching meta-properties ($ref,
       * $kind, $namespace, $name, $title, $owner, $team, $system,
       * $lifecycle, $type); owners and systems are full entity refs.
       */
      scope?: ScorecardsQuery;
      rules: Array<{
        /** `<scorecardId>/<ruleId>` of a configured rule. */
        rule: string;
        guidance?: {
          links?: Array<{ title: string; url: string }>;
          /** Markdown, one step each. */
          steps?: string[];
          /** A workflow or software template that fixes the rule. */
          templateUrl?: string;
        };
      }>;
      /**
       * A link template for follow-up tickets (such as a new-issue URL in
       * the team's tracker); overrides `campaignTicketUrlTemplate`. See
       * there for the placeholders.
       */
      ticketUrlTemplate?: string;
    }>;
    /**
     * The default link template for follow-up tickets of campaigns without
     * their own `ticketUrlTemplate`: an http(s) URL such as
     * `https://github.com/acme/backlog/issues/new?title={campaign}&body={entities}`.
     * The campaign page offers a "Create ticket" link per team filled with
     * `{campaign}` (name), `{campaignKey}`, `{team}` (group ref),
     * `{entities}` and `{rules}` (comma lists of the team's failing entities
     * and the rules they fail), `{deadline}` (YYYY-MM-DD) and `{url}` (the
     * campaign page); each value is URL-encoded. Other placeholders are
     * rejected at start-up.
     */
    campaignTicketUrlTemplate?: string;
    /**
     * Scheduled reports: overviews of the scorecards sent to Backstage
     * notifications and/or Slack.
     */
    reports?: Array<{
      /** Unique, URL-safe; the task is `scorecards-report-<id>`. */
      id: string;
      title?: string;
      /**
       * `{ cron: '0 9 * * 1', timezone: 'Europe/Paris' }`, or
       * `{ frequency: { days: 7 } }`, or `{ frequency: { trigger: manual } }`
       * (sent by hand only); timeout defaults to five minutes.
       */
      schedule: Partial<SchedulerServiceTaskScheduleDefinitionConfig> & {
        cron?: string;
        /**
         * IANA time zone of a cron schedule, daylight saving included; the
         * backend's own time zone when left out.
         */
        timezone?: string;
      };
      /** The whole organisation when left out; a group includes its descendants. */
      audience?: { group?: string };
      /** Scorecard ids; all when left out. */
      scorecards?: string[];
      channels: {
        notifications?: {
          /** Group or user entity refs. */
          recipients: string[];
        };
        slack?: {
          /**
           * A Slack incoming-webhook URL.
           * @visibility secret
           */
          webhookUrl: string;
        };
      };
    }>;
    history?: {
      /**
       * How long score and level history is kept: an ISO 8601 duration such
       * as `P365D`, or a duration object such as `{ days: 365 }`.
       * @default P365D
       */
      retention?: string | HumanDuration;
    };
  };
}
