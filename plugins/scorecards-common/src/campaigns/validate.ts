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

import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { DateTime } from 'luxon';
import { parseScope, ScopeSyntaxError } from '../rules/scope';
import { quoteList, suggest } from '../rules/suggest';
import {
  QueryInput,
  ScorecardDefinition,
  ValidationProblem,
} from '../rules/types';
import { validateScorecardsConfig } from '../rules/validate';
import { formatValue, isObjectValue } from '../rules/values';
import { ticketUrlTemplateProblems } from './ticketUrl';
import { CampaignRuleGuidance, NormalisedCampaign } from './types';

/**
 * The properties a campaign scope may use. Campaign progress is computed
 * from stored results, which keep only these facts of each entity (the owner
 * and the system as full entity refs, such as `group:default/team-a`).
 *
 * @public
 */
export const CAMPAIGN_SCOPE_PROPERTIES: ReadonlyArray<string> = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.type',
  'spec.lifecycle',
  'spec.owner',
  'spec.system',
  '$ref',
  '$kind',
  '$namespace',
  '$name',
  '$title',
  '$owner',
  '$team',
  '$system',
  '$lifecycle',
  '$type',
];

/** @public */
export interface ValidateCampaignOptions {
  /** The key path of the value, used in problems; default `campaign`. */
  path?: string;
  /** The configured scorecards, whose rules campaigns may track. */
  scorecards: ReadonlyArray<ScorecardDefinition>;
}

/** @public */
export interface ValidateCampaignResult {
  problems: ValidationProblem[];
  /** Set only when there are no problems. */
  campaign?: NormalisedCampaign;
}

/** @public */
export interface ValidateCampaignsConfigResult {
  /** Every problem found, in config order; empty when the config is valid. */
  problems: ValidationProblem[];
  /** Set only when there are no problems; empty without campaigns. */
  campaigns?: NormalisedCampaign[];
}

const CAMPAIGN_KEYS = [
  'key',
  'name',
  'description',
  'owner',
  'startDate',
  'endDate',
  'scope',
  'rules',
  'ticketUrlTemplate',
];
const CAMPAIGN_KEY_ALIASES = {
  id: 'key',
  title: 'name',
  start: 'startDate',
  end: 'endDate',
  deadline: 'endDate',
  dueDate: 'endDate',
  filter: 'scope',
  query: 'scope',
};
const RULE_KEYS = ['rule', 'guidance'];
const RULE_KEY_ALIASES = { id: 'rule', ruleId: 'rule' };
const GUIDANCE_KEYS = ['links', 'steps', 'templateUrl'];
const GUIDANCE_KEY_ALIASES = {
  url: 'templateUrl',
  template: 'templateUrl',
  workflowUrl: 'templateUrl',
  workflow: 'templateUrl',
  docs: 'links',
  text: 'steps',
};
const LINK_KEYS = ['title', 'url'];

const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_KEY_LENGTH = 100;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
const isAbsent = (value: unknown) => value === undefined || value === null;

/**
 * The key generated from a campaign's name: lowercase letters and digits
 * joined by dashes, at most 100 characters (`Adopt TechDocs` gives
 * `adopt-techdocs`). Empty when the name has no letters or digits.
 *
 * @public
 */
export function campaignKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_KEY_LENGTH)
    .replace(/-+$/, '');
}

class Problems {
  readonly list: ValidationProblem[] = [];

  add(path: string, message: string) {
    if (!this.list.some(p => p.path === path && p.message === message)) {
      this.list.push({ path, message });
    }
  }
}

function checkUnknownKeys(
  object: Record<string, unknown>,
  known: ReadonlyArray<string>,
  path: string,
  out: Problems,
  aliases?: Record<string, string>,
) {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) {
      const hint = suggest(key, known, aliases);
      out.add(
        join(path, key),
        hint
          ? `unknown key "${key}"; did you mean "${hint}"?`
          : `unknown key "${key}"; valid keys are ${known.join(', ')}`,
      );
    }
  }
}

function checkString(
  value: unknown,
  path: string,
  what: string,
  out: Problems,
  required: boolean,
): string | undefined {
  if (isAbsent(value)) {
    if (required) {
      out.add(path, `a campaign needs ${what}`);
    }
    return undefined;
  }
  if (typeof value !== 'string') {
    out.add(path, `must be a string, got ${formatValue(value)}`);
    return undefined;
  }
  if (required && value.trim() === '') {
    out.add(path, 'must not be empty');
    return undefined;
  }
  return value;
}

function checkUrl(value: unknown, path: string, out: Problems) {
  if (typeof value !== 'string') {
    out.add(path, `must be a URL string, got ${formatValue(value)}`);
    return;
  }
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    out.add(
      path,
      `"${value}" is not an http(s) URL, such as "https://example.com/docs"`,
    );
  }
}

/** A `YYYY-MM-DD` date, from a string or a date YAML may have parsed. */
function checkDate(
  value: unknown,
  path: string,
  what: string,
  out: Problems,
  required: boolean,
): string | undefined {
  if (isAbsent(value)) {
    if (required) {
      out.add(path, `a campaign needs ${what}, such as "2026-12-01"`);
    }
    return undefined;
  }
  let text: string;
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    text = value.toISOString().slice(0, 10);
  } else if (typeof value === 'string') {
    text = value;
  } else {
    out.add(
      path,
      `must be a date written YYYY-MM-DD, got ${formatValue(value)}`,
    );
    return undefined;
  }
  if (
    !DATE_PATTERN.test(text) ||
    !DateTime.fromISO(text, { zone: 'utc' }).isValid
  ) {
    out.add(path, `"${text}" is not a date written YYYY-MM-DD`);
    return undefined;
  }
  return text;
}

function checkOwner(value: unknown, path: string, out: Problems) {
  const owner = checkString(
    value,
    path,
    'an owner: a group such as "group:default/platform"',
    out,
    true,
  );
  if (owner === undefined) {
    return undefined;
  }
  try {
    const ref = parseEntityRef(owner, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    if (ref.kind.toLowerCase() !== 'group') {
      out.add(
        path,
        `the owner must be a group, such as "group:default/platform", got "${owner}"`,
      );
      return undefined;
    }
    return stringifyEntityRef(ref);
  } catch (error) {
    out.add(
      path,
      `"${owner}" is not an entity ref: ${(error as Error).message}`,
    );
    return undefined;
  }
}

/** Every property a query uses, with the key path to report it at. */
function scopeProperties(
  scope: QueryInput,
  path: string,
): Array<{ property: string; path: string }> {
  const out: Array<{ property: string; path: string }> = [];
  const isString = typeof scope === 'string';
  let root: unknown;
  try {
    root = isString ? parseScope(scope) : scope;
  } catch (error) {
    if (error instanceof ScopeSyntaxError) {
      return out;
    }
    throw error;
  }
  const walk = (node: unknown, at: string) => {
    if (!isObjectValue(node)) {
      return;
    }
    if (typeof node.property === 'string') {
      // Inside a scope string, problems are reported at the string itself.
      out.push({
        property: node.property,
        path: isString ? path : join(at, 'property'),
      });
    }
    if (Array.isArray(node.conditions)) {
      node.conditions.forEach((c, i) => walk(c, `${at}.conditions[${i}]`));
    }
  };
  walk(root, path);
  return out;
}

function checkScope(scope: unknown, path: string, out: Problems) {
  // The scorecard validator checks queries; run it on a scorecard whose
  // filter is the scope and report its problems at the scope's path.
  const probe = '$probe';
  const filterPath = `${probe}.definitions[0].filter`;
  const { problems } = validateScorecardsConfig(
    {
      definitions: [
        {
          id: 'probe',
          title: 'probe',
          filter: scope,
          rules: [
            { id: 'probe', title: 'probe', level: 'Bronze', query: 'kind:x' },
          ],
        },
      ],
    },
    { path: probe },
  );
  for (const problem of problems) {
    if (problem.path.startsWith(filterPath)) {
      out.add(path + problem.path.slice(filterPath.length), problem.message);
    } else {
      out.add(path, problem.message);
    }
  }
  if (problems.length > 0) {
    return;
  }
  for (const { property, path: at } of scopeProperties(
    scope as QueryInput,
    path,
  )) {
    if (!CAMPAIGN_SCOPE_PROPERTIES.includes(property)) {
      const hint = suggest(property, CAMPAIGN_SCOPE_PROPERTIES);
      out.add(
        at,
        `a campaign scope cannot use "${property}"${
          hint ? ` (did you mean "${hint}"?)` : ''
        }: campaign progress is read from stored results, which keep only ${CAMPAIGN_SCOPE_PROPERTIES.join(
          ', ',
        )}`,
      );
    }
  }
}

function checkGuidance(
  value: unknown,
  path: string,
  out: Problems,
): CampaignRuleGuidance | undefined {
  if (!isObjectValue(value)) {
    out.add(
      path,
      `guidance must be an object with links, steps and/or templateUrl, got ${formatValue(
        value,
      )}`,
    );
    return undefined;
  }
  checkUnknownKeys(value, GUIDANCE_KEYS, path, out, GUIDANCE_KEY_ALIASES);
  const guidance: CampaignRuleGuidance = {};
  const { links, steps, templateUrl } = value;
  if (!isAbsent(links)) {
    const linksPath = join(path, 'links');
    if (!Array.isArray(links)) {
      out.add(
        linksPath,
        `links must be a list of {title, url}, got ${formatValue(links)}`,
      );
    } else {
      links.forEach((link, i) => {
        const linkPath = `${linksPath}[${i}]`;
        if (!isObjectValue(link)) {
          out.add(
            linkPath,
            `a link must be an object with title and url, got ${formatValue(
              link,
            )}`,
          );
          return;
        }
        checkUnknownKeys(link, LINK_KEYS, linkPath, out, {
          name: 'title',
          href: 'url',
        });
        checkString(link.title, join(linkPath, 'title'), 'a title', out, true);
        if (isAbsent(link.url)) {
          out.add(join(linkPath, 'url'), 'a link needs a url');
        } else {
          checkUrl(link.url, join(linkPath, 'url'), out);
        }
      });
      guidance.links = links as CampaignRuleGuidance['links'];
    }
  }
  if (!isAbsent(steps)) {
    const stepsPath = join(path, 'steps');
    if (!Array.isArray(steps)) {
      out.add(
        stepsPath,
        `steps must be a list of markdown strings, got ${formatValue(steps)}`,
      );
    } else {
      steps.forEach((step, i) => {
        if (typeof step !== 'string' || step.trim() === '') {
          out.add(
            `${stepsPath}[${i}]`,
            `a step must be a non-empty string, got ${formatValue(step)}`,
          );
        }
      });
      guidance.steps = steps as string[];
    }
  }
  if (!isAbsent(templateUrl)) {
    checkUrl(templateUrl, join(path, 'templateUrl'), out);
    guidance.templateUrl = templateUrl as string;
  }
  return guidance;
}

function checkRules(
  rules: unknown,
  path: string,
  scorecards: ReadonlyArray<ScorecardDefinition>,
  out: Problems,
): NormalisedCampaign['rules'] {
  const result: NormalisedCampaign['rules'] = [];
  if (isAbsent(rules) || (Array.isArray(rules) && rules.length === 0)) {
    out.add(
      path,
      'a campaign needs at least one rule, such as { rule: "<scorecardId>/<ruleId>" }',
    );
    return result;
  }
  if (!Array.isArray(rules)) {
    out.add(path, `rules must be a list, got ${formatValue(rules)}`);
    return result;
  }
  const known = scorecards.flatMap(s => s.rules.map(r => `${s.id}/${r.id}`));
  const seen = new Map<string, number>();
  rules.forEach((entry, i) => {
    const entryPath = `${path}[${i}]`;
    // A bare string is short for { rule }.
    const object = typeof entry === 'string' ? { rule: entry } : entry;
    if (!isObjectValue(object)) {
      out.add(
        entryPath,
        `a campaign rule must be an object such as { rule: "<scorecardId>/<ruleId>" }, got ${formatValue(
          entry,
        )}`,
      );
      return;
    }
    checkUnknownKeys(object, RULE_KEYS, entryPath, out, RULE_KEY_ALIASES);
    const rulePath = join(entryPath, 'rule');
    const ref = object.rule;
    let guidance: CampaignRuleGuidance | undefined;
    if (!isAbsent(object.guidance)) {
      guidance = checkGuidance(
        object.guidance,
        join(entryPath, 'guidance'),
        out,
      );
    }
    if (isAbsent(ref)) {
      out.add(
        rulePath,
        'a campaign rule needs a rule: "<scorecardId>/<ruleId>"',
      );
      return;
    }
    if (typeof ref !== 'string') {
      out.add(
        rulePath,
        `must be a string "<scorecardId>/<ruleId>", got ${formatValue(ref)}`,
      );
      return;
    }
    if (!known.includes(ref)) {
      const hint = suggest(ref, known);
      let message = `no rule "${ref}"`;
      if (hint) {
        message += `; did you mean "${hint}"?`;
      } else if (!ref.includes('/')) {
        message += '; write rules as "<scorecardId>/<ruleId>"';
      } else if (known.length > 0) {
        message += `; rules are ${quoteList(known.slice(0, 20))}${
          known.length > 20 ? ', ...' : ''
        }`;
      } else {
        message += '; no scorecards are configured';
      }
      out.add(rulePath, message);
      return;
    }
    const first = seen.get(ref);
    if (first !== undefined) {
      out.add(
        rulePath,
        `duplicate rule "${ref}"; rules[${first}] already has it`,
      );
      return;
    }
    seen.set(ref, i);
    const slash = ref.indexOf('/');
    const normalised: NormalisedCampaign['rules'][number] = {
      rule: ref,
      scorecardId: ref.slice(0, slash),
      ruleId: ref.slice(slash + 1),
    };
    if (guidance) {
      normalised.guidance = guidance;
    }
    result.push(normalised);
  });
  return result;
}

/**
 * Validates one campaign (from config or from the UI) and reports every
 * problem at once, each with its key path.
 *
 * @public
 */
export function validateCampaign(
  raw: unknown,
  options: ValidateCampaignOptions,
): ValidateCampaignResult {
  const path = options.path ?? 'campaign';
  const out = new Problems();
  if (!isObjectValue(raw)) {
    out.add(
      path,
      `a campaign must be an object with name, owner, startDate and rules, got ${formatValue(
        raw,
      )}`,
    );
    return { problems: out.list };
  }
  checkUnknownKeys(raw, CAMPAIGN_KEYS, path, out, CAMPAIGN_KEY_ALIASES);
  const name = checkString(raw.name, join(path, 'name'), 'a name', out, true);
  let key: string | undefined;
  const keyPath = join(path, 'key');
  if (!isAbsent(raw.key)) {
    if (typeof raw.key !== 'string') {
      out.add(keyPath, `must be a string, got ${formatValue(raw.key)}`);
    } else if (raw.key.length > MAX_KEY_LENGTH) {
      out.add(
        keyPath,
        `key is ${raw.key.length} characters long; the limit is ${MAX_KEY_LENGTH}`,
      );
    } else if (!KEY_PATTERN.test(raw.key)) {
      out.add(
        keyPath,
        `key "${
          raw.key
        }" may contain only lowercase letters, digits and dashes, such as "${
          campaignKey(raw.key) || 'adopt-techdocs'
        }"`,
      );
    } else {
      key = raw.key;
    }
  } else if (name !== undefined) {
    key = campaignKey(name);
    if (key === '') {
      out.add(
        keyPath,
        `the name "${name}" has no letters or digits to make a key from; set a key such as "adopt-techdocs"`,
      );
      key = undefined;
    }
  }
  const description = checkString(
    raw.description,
    join(path, 'description'),
    'a description',
    out,
    false,
  );
  const owner = checkOwner(raw.owner, join(path, 'owner'), out);
  const startDate = checkDate(
    raw.startDate,
    join(path, 'startDate'),
    'a startDate',
    out,
    true,
  );
  const endDate = checkDate(
    raw.endDate,
    join(path, 'endDate'),
    'an endDate',
    out,
    false,
  );
  if (startDate && endDate && endDate < startDate) {
    out.add(
      join(path, 'endDate'),
      `endDate ${endDate} is before startDate ${startDate}`,
    );
  }
  if (!isAbsent(raw.scope)) {
    checkScope(raw.scope, join(path, 'scope'), out);
  }
  const rules = checkRules(
    raw.rules,
    join(path, 'rules'),
    options.scorecards,
    out,
  );
  const ticketUrlTemplate = checkString(
    raw.ticketUrlTemplate,
    join(path, 'ticketUrlTemplate'),
    'a ticketUrlTemplate',
    out,
    false,
  );
  if (ticketUrlTemplate !== undefined) {
    for (const problem of ticketUrlTemplateProblems(ticketUrlTemplate)) {
      out.add(join(path, 'ticketUrlTemplate'), problem);
    }
  }
  if (out.list.length > 0) {
    return { problems: out.list };
  }
  const campaign: NormalisedCampaign = {
    key: key!,
    name: name!,
    owner: owner!,
    startDate: startDate!,
    rules,
  };
  if (description !== undefined) {
    campaign.description = description;
  }
  if (endDate !== undefined) {
    campaign.endDate = endDate;
  }
  if (!isAbsent(raw.scope)) {
    campaign.scope = raw.scope as QueryInput;
  }
  if (ticketUrlTemplate !== undefined) {
    campaign.ticketUrlTemplate = ticketUrlTemplate;
  }
  return { problems: [], campaign };
}

/**
 * Validates the `scorecards.campaigns` list against the configured
 * scorecards and reports every problem at once, each with its key path (such
 * as `scorecards.campaigns[1].rules[0].rule`). A missing list is valid and
 * gives no campaigns.
 *
 * @public
 */
export function validateCampaignsConfig(
  raw: unknown,
  options: ValidateCampaignOptions,
): ValidateCampaignsConfigResult {
  const path = options.path ?? 'scorecards.campaigns';
  if (isAbsent(raw)) {
    return { problems: [], campaigns: [] };
  }
  if (!Array.isArray(raw)) {
    return {
      problems: [
        { path, message: `campaigns must be a list, got ${formatValue(raw)}` },
      ],
    };
  }
  const problems: ValidationProblem[] = [];
  const campaigns: NormalisedCampaign[] = [];
  const seen = new Map<string, number>();
  raw.forEach((entry, i) => {
    const entryPath = `${path}[${i}]`;
    const result = validateCampaign(entry, {
      path: entryPath,
      scorecards: options.scorecards,
    });
    problems.push(...result.problems);
    const key =
      result.campaign?.key ??
      (isObjectValue(entry) && typeof entry.key === 'string'
        ? entry.key
        : undefined);
    if (!key) {
      return;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      const generated = isObjectValue(entry) && isAbsent(entry.key);
      problems.push({
        path: `${entryPath}.key`,
        message: `duplicate key "${key}"${
          generated ? ' (generated from the name; set a key)' : ''
        }; campaigns[${first}] already uses it`,
      });
      return;
    }
    seen.set(key, i);
    if (result.campaign) {
      campaigns.push(result.campaign);
    }
  });
  return problems.length > 0 ? { problems } : { problems: [], campaigns };
}
