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

import { parseEntityRef } from '@backstage/catalog-model';
import {
  ReportContent,
  ReportItem,
  ReportRanking,
  ScorecardReportSection,
  ScorecardsDefinitionsConfig,
  splitRanked,
} from '@openscorecards/plugin-scorecards-common';
import { ResultQueries } from '../database/ResultQueries';
import {
  ROLLUP_ORGANISATION,
  ROLLUP_UNOWNED,
  ScorecardRollup,
  RuleRollup,
} from '../database/ResultStore';
import { rollupDay } from '../evaluation/RollupAccumulator';
import { ReportDefinition } from './readReportsConfig';
import { ReportStore } from './ReportStore';

/** Items listed at each end of a ranking. */
export const REPORT_RANKING_SIZE = 5;

export interface ComputeReportOptions {
  report: ReportDefinition;
  definitions: ScorecardsDefinitionsConfig;
  queries: ResultQueries;
  store: ReportStore;
  /**
   * The owners in the audience (the group and its descendants); undefined
   * for the whole organisation.
   */
  audienceOwners?: string[];
  /** The baseline of the changes: the previous report's send time. */
  since?: Date;
  appBaseUrl?: string;
  now?: Date;
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * The highest and the lowest items: up to five each, and with fewer than
 * ten items, the better half and the worse half.
 */
function rank(items: ReportItem[]): ReportRanking {
  const byScore = [...items].sort(
    (a, b) => b.score - a.score || a.title.localeCompare(b.title),
  );
  return splitRanked(byScore, REPORT_RANKING_SIZE);
}

function withChange(score: number, previous: number | undefined) {
  return {
    score: round(score),
    ...(previous === undefined ? {} : { change: round(score - previous) }),
  };
}

/** Sums rule rollups per rule, over the owners `inAudience` accepts. */
function ruleRates(
  rules: RuleRollup[],
  inAudience: (owner: string) => boolean,
): Map<string, number> {
  const sums = new Map<string, { applicable: number; passed: number }>();
  for (const rule of rules) {
    if (!inAudience(rule.owner)) {
      continue;
    }
    const sum = sums.get(rule.ruleId) ?? { applicable: 0, passed: 0 };
    sum.applicable += rule.applicable;
    sum.passed += rule.passed;
    sums.set(rule.ruleId, sum);
  }
  const rates = new Map<string, number>();
  for (const [ruleId, sum] of sums) {
    if (sum.applicable > 0) {
      rates.set(ruleId, (sum.passed / sum.applicable) * 100);
    }
  }
  return rates;
}

function teamScores(
  rollups: ScorecardRollup[],
  inAudience: (owner: string) => boolean,
): Map<string, { score: number; entities: number; scoreSum: number }> {
  const teams = new Map<
    string,
    { score: number; entities: number; scoreSum: number }
  >();
  for (const rollup of rollups) {
    if (
      rollup.owner === ROLLUP_ORGANISATION ||
      rollup.owner === ROLLUP_UNOWNED ||
      rollup.entities === 0 ||
      !inAudience(rollup.owner)
    ) {
      continue;
    }
    teams.set(rollup.owner, {
      score: rollup.scoreSum / rollup.entities,
      entities: rollup.entities,
      scoreSum: rollup.scoreSum,
    });
  }
  return teams;
}

function entityPath(ref: string): string {
  const { kind, namespace, name } = parseEntityRef(ref);
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}`;
}

/**
 * Computes a report from stored data only: per scorecard, the latest daily
 * rollups against those of the last day at or before the previous report
 * (rules and teams), and the five highest and lowest scoring entities of
 * the audience's owners with their score at the previous report (from the
 * history). Reads are index seeks: two days of rollups, two pages of five
 * entities and at most ten history lookups per scorecard.
 */
export async function computeReport(
  options: ComputeReportOptions,
): Promise<ReportContent> {
  const { report, definitions, queries, store, since } = options;
  const now = options.now ?? new Date();
  const base = options.appBaseUrl?.replace(/\/+$/, '') ?? '';
  const owners = options.audienceOwners
    ? new Set(options.audienceOwners)
    : undefined;
  const organisation = owners === undefined;
  const inAudience = (owner: string) => !owners || owners.has(owner);
  const inAudienceRules = (owner: string) =>
    organisation ? owner === ROLLUP_ORGANISATION : owners!.has(owner);

  const byId = new Map(definitions.definitions.map(d => [d.id, d]));
  const latest = await queries.getLatestRollups(report.scorecards);

  const sections = await Promise.all(
    report.scorecards.map(
      async (scorecardId): Promise<ScorecardReportSection> => {
        const definition = byId.get(scorecardId);
        const ruleTitles = new Map(
          (definition?.rules ?? []).map(r => [r.id, r.title ?? r.id]),
        );
        const link = `${base}/scorecards/${encodeURIComponent(scorecardId)}`;
        const empty: ScorecardReportSection = {
          scorecardId,
          title: definition?.title ?? scorecardId,
          link,
          entities: 0,
          rules: { highest: [], lowest: [] },
          services: { highest: [], lowest: [] },
          teams: { highest: [], lowest: [] },
        };
        const day = latest.get(scorecardId)?.day;
        if (!day) {
          return empty;
        }
        const previousDay = since
          ? await store.rollupDayAtOrBefore(
              scorecardId,
              rollupDay(since),
              ROLLUP_ORGANISATION,
            )
          : undefined;
        const [current, previous] = await Promise.all([
          queries.getRollupsOfDay(scorecardId, day),
          previousDay
            ? queries.getRollupsOfDay(scorecardId, previousDay)
            : undefined,
        ]);
        const allRules = (r: typeof current) =>
          organisation ? r.rules : r.ownerRules;

        // Rules, by pass rate.
        const rates = ruleRates(allRules(current), inAudienceRules);
        const previousRates = previous
          ? ruleRates(allRules(previous), inAudienceRules)
          : undefined;
        const rules = rank(
          [...rates].map(([ruleId, rate]) => ({
            id: ruleId,
            title: ruleTitles.get(ruleId) ?? ruleId,
            ...withChange(rate, previousRates?.get(ruleId)),
            link,
          })),
        );

        // Teams, by average score.
        const teams = teamScores(current.scorecards, inAudience);
        const previousTeams = previous
          ? teamScores(previous.scorecards, inAudience)
          : undefined;
        const teamRanking = rank(
          [...teams].map(([owner, team]) => ({
            id: owner,
            title: owner,
            ...withChange(team.score, previousTeams?.get(owner)?.score),
            link: `${base}/scorecards/${encodeURIComponent(
              scorecardId,
            )}?owner=${encodeURIComponent(owner)}`,
          })),
        );

        // The audience's average.
        const average = (
          rollups: ScorecardRollup[],
          teamMap: ReturnType<typeof teamScores>,
        ) => {
          if (organisation) {
            const org = rollups.find(r => r.owner === ROLLUP_ORGANISATION);
            return org && org.entities > 0
              ? { score: org.scoreSum / org.entities, entities: org.entities }
              : undefined;
          }
          let entities = 0;
          let scoreSum = 0;
          for (const team of teamMap.values()) {
            entities += team.entities;
            scoreSum += team.scoreSum;
          }
          return entities > 0
            ? { score: scoreSum / entities, entities }
            : undefined;
        };
        const overall = average(current.scorecards, teams);
        const previousOverall =
          previous && previousTeams
            ? average(previous.scorecards, previousTeams)
            : undefined;

        // Services: the current results of the audience's entities.
        const filter = owners ? { owners: [...owners] } : {};
        const [top, bottom] = await Promise.all(
          (['desc', 'asc'] as const).map(order =>
            owners && owners.size === 0
              ? Promise.resolve([])
              : queries.listEntities(scorecardId, {
                  filter,
                  sort: { field: 'score', order },
                  limit: REPORT_RANKING_SIZE,
                }),
          ),
        );
        const entities = [
          ...top,
          ...bottom.filter(b => !top.some(t => t.entityRef === b.entityRef)),
        ];
        const previousScores = new Map<string, number>();
        if (since) {
          await Promise.all(
            entities.map(async entity => {
              const { before } = await queries.getEntityHistory(
                scorecardId,
                entity.entityRef,
                { from: since, to: since },
              );
              if (before) {
                previousScores.set(entity.entityRef, before.score);
              }
            }),
          );
        }
        const services = rank(
          entities.map(entity => ({
            id: entity.entityRef,
            title: entity.entity.title ?? entity.entity.name,
            ...withChange(entity.score, previousScores.get(entity.entityRef)),
            link: `${base}${entityPath(entity.entityRef)}`,
          })),
        );

        return {
          ...empty,
          day,
          ...(previousDay ? { previousDay } : {}),
          ...(overall ? withChange(overall.score, previousOverall?.score) : {}),
          entities: overall?.entities ?? 0,
          rules,
          services,
          teams: teamRanking,
        };
      },
    ),
  );

  return {
    reportId: report.id,
    title: report.title,
    generatedAt: now.toISOString(),
    ...(since ? { since: since.toISOString() } : {}),
    audience: report.audience,
    link: `${base}/scorecards`,
    scorecards: sections,
  };
}
