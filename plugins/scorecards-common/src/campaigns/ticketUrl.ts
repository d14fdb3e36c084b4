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
 * The placeholders a campaign ticket link template may use.
 *
 * @public
 */
export const TICKET_URL_PLACEHOLDERS = [
  'campaign',
  'campaignKey',
  'team',
  'entities',
  'rules',
  'deadline',
  'url',
] as const;

/** @public */
export type TicketUrlPlaceholder = (typeof TICKET_URL_PLACEHOLDERS)[number];

/**
 * The values of a ticket link template: the campaign name and key, the team
 * (a group ref), the failing entities and rules (comma lists), the deadline
 * (`YYYY-MM-DD`) and the campaign page URL.
 *
 * @public
 */
export type TicketUrlValues = Partial<Record<TicketUrlPlaceholder, string>>;

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

const isPlaceholder = (name: string): name is TicketUrlPlaceholder =>
  (TICKET_URL_PLACEHOLDERS as ReadonlyArray<string>).includes(name);

/**
 * Fills a ticket link template (such as
 * `https://github.com/acme/{team}/issues/new?title={campaign}`): each known
 * placeholder is replaced by its URL-encoded value, or by nothing without a
 * value. Unknown placeholders are left as they are; templates are checked
 * with {@link ticketUrlTemplateProblems} when campaigns are validated.
 *
 * @public
 */
export function fillTicketUrlTemplate(
  template: string,
  values: TicketUrlValues,
): string {
  return template.replace(PLACEHOLDER, (match, name: string) =>
    isPlaceholder(name) ? encodeURIComponent(values[name] ?? '') : match,
  );
}

/**
 * What is wrong with a ticket link template: it must be an http(s) URL and
 * use only {@link TICKET_URL_PLACEHOLDERS}. Empty when it is valid.
 *
 * @public
 */
export function ticketUrlTemplateProblems(template: string): string[] {
  const problems: string[] = [];
  if (!/^https?:\/\/[^/\s{}]/i.test(template)) {
    problems.push(
      `"${template}" must be an http(s) URL starting with https:// or http:// and a host`,
    );
  }
  const unknown = new Set<string>();
  for (const [, name] of template.matchAll(PLACEHOLDER)) {
    if (!isPlaceholder(name)) {
      unknown.add(name);
    }
  }
  for (const name of unknown) {
    problems.push(
      `unknown placeholder {${name}}; use one of ${TICKET_URL_PLACEHOLDERS.map(
        p => `{${p}}`,
      ).join(', ')}`,
    );
  }
  return problems;
}
