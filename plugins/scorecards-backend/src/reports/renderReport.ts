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

import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  formatChange as changeText,
  ReportContent,
  ReportItem,
  ReportRanking,
  ScorecardReportSection,
} from '@openscorecards/plugin-scorecards-common';

/** The payload of a Backstage notification. */
export type NotificationPayload = Parameters<
  NotificationService['send']
>[0]['payload'];

const itemText = (item: ReportItem, unit: string) => {
  const change = changeText(item.change);
  return `${item.title}: ${item.score}${unit}${change ? ` (${change})` : ''}`;
};

function rankingLines(
  label: string,
  ranking: ReportRanking,
  unit: string,
): string[] {
  if (ranking.highest.length === 0) {
    return [];
  }
  const lines = [
    `${label} – highest: ${ranking.highest
      .map(i => itemText(i, unit))
      .join('; ')}`,
  ];
  if (ranking.lowest.length > 0) {
    lines.push(
      `${label} – lowest: ${ranking.lowest
        .map(i => itemText(i, unit))
        .join('; ')}`,
    );
  }
  return lines;
}

function sectionHeadline(section: ScorecardReportSection): string {
  if (section.score === undefined) {
    return `${section.title}: no results yet`;
  }
  const change = changeText(section.change);
  return `${section.title}: average ${section.score} points${
    change ? ` (${change})` : ''
  } over ${section.entities} entities`;
}

function audienceText(content: ReportContent): string {
  return content.audience.group
    ? `${content.audience.group} and its sub-groups`
    : 'the whole organisation';
}

/**
 * The Backstage notification of a report: a plain-text description with a
 * section per scorecard, readable on the notifications page.
 */
export function renderNotification(
  content: ReportContent,
): NotificationPayload {
  const lines: string[] = [
    `Scorecards for ${audienceText(content)}${
      content.since ? `, changes since ${content.since.slice(0, 10)}` : ''
    }.`,
  ];
  for (const section of content.scorecards) {
    lines.push('', sectionHeadline(section));
    lines.push(...rankingLines('Rules', section.rules, '% pass'));
    lines.push(...rankingLines('Services', section.services, ''));
    lines.push(...rankingLines('Teams', section.teams, ''));
    lines.push(`Details: ${section.link}`);
  }
  return {
    title: `Scorecards report: ${content.title}`,
    description: lines.join('\n'),
    link: '/scorecards',
    severity: 'normal',
    topic: `scorecards-report-${content.reportId}`,
  };
}

const escapeMrkdwn = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const mrkdwnItem = (item: ReportItem, unit: string) => {
  const title = item.link
    ? `<${item.link}|${escapeMrkdwn(item.title)}>`
    : escapeMrkdwn(item.title);
  const change = changeText(item.change);
  return `• ${title}: *${item.score}${unit}*${change ? ` (${change})` : ''}`;
};

function mrkdwnRanking(label: string, ranking: ReportRanking, unit: string) {
  const parts: string[] = [];
  if (ranking.highest.length > 0) {
    parts.push(
      `*${label} – highest*`,
      ...ranking.highest.map(i => mrkdwnItem(i, unit)),
    );
  }
  if (ranking.lowest.length > 0) {
    parts.push(
      `*${label} – lowest*`,
      ...ranking.lowest.map(i => mrkdwnItem(i, unit)),
    );
  }
  return parts.join('\n');
}

/** Slack limits a section's text to 3000 characters. */
const SLACK_TEXT_LIMIT = 3000;
const clip = (text: string) =>
  text.length > SLACK_TEXT_LIMIT
    ? `${text.slice(0, SLACK_TEXT_LIMIT - 1)}…`
    : text;

/** A Slack incoming-webhook message with Block Kit formatting. */
export interface SlackMessage {
  text: string;
  blocks: Array<Record<string, unknown>>;
}

/**
 * The Slack message of a report: a header, a section per scorecard (its
 * average and mrkdwn lists of rules, services and teams), a context line
 * with the date and audience, and a button to the Scorecards page.
 */
export function renderSlack(content: ReportContent): SlackMessage {
  const title = `Scorecards report: ${content.title}`;
  const blocks: Array<Record<string, unknown>> = [
    { type: 'header', text: { type: 'plain_text', text: title.slice(0, 150) } },
  ];
  for (const section of content.scorecards) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: clip(
          [
            `*<${section.link}|${escapeMrkdwn(section.title)}>*`,
            escapeMrkdwn(
              sectionHeadline(section).slice(section.title.length + 2),
            ),
            mrkdwnRanking('Rules', section.rules, '%'),
            mrkdwnRanking('Services', section.services, ''),
            mrkdwnRanking('Teams', section.teams, ''),
          ]
            .filter(Boolean)
            .join('\n'),
        ),
      },
    });
  }
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: `${content.generatedAt.slice(0, 10)} · ${escapeMrkdwn(
          audienceText(content),
        )}${
          content.since ? ` · changes since ${content.since.slice(0, 10)}` : ''
        }`,
      },
    ],
  });
  // Slack buttons need an absolute URL: without app.baseUrl there is none.
  if (/^https?:\/\//.test(content.link)) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Open Scorecards' },
          url: content.link,
          action_id: 'open-scorecards',
        },
      ],
    });
  }
  return { text: title, blocks };
}
