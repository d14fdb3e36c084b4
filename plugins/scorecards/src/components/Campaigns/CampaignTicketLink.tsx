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

import { useApi } from '@backstage/core-plugin-api';
import { fillTicketUrlTemplate } from '@openscorecards/plugin-scorecards-common';
import Button from '@material-ui/core/Button';
import OpenInNewIcon from '@material-ui/icons/OpenInNew';
import useAsync from 'react-use/esm/useAsync';
import { CampaignDetailsResponse, scorecardsApiRef } from '../../api';
import { useTeamName } from '../EntityName';

/** Failing entities put in a ticket link; URLs get too long beyond. */
const TICKET_ENTITIES = 50;

/** The campaign page URL, without query or fragment. */
function pageUrl(): string {
  return window.location.href.replace(/[?#].*$/, '');
}

/**
 * "Create ticket": a link to a new ticket for one team, from the campaign's
 * ticket link template (or the global one), filled with the team's failing
 * entities (up to 50) and the rules they fail. Renders nothing without a
 * template.
 */
export function CampaignTicketLink(props: {
  campaign: CampaignDetailsResponse;
  /** Group ref. */
  team: string;
  /** Limits the ticket to one campaign rule. */
  rule?: string;
}) {
  const { campaign, team, rule } = props;
  const api = useApi(scorecardsApiRef);
  const template = campaign.ticketUrlTemplate;
  const teamTitle = useTeamName(team);
  const { value } = useAsync(async () => {
    if (!template) {
      return undefined;
    }
    const page = await api.getCampaignEntities(campaign.key, {
      team,
      ...(rule ? { rule } : {}),
      limit: TICKET_ENTITIES,
    });
    const titles = new Map(campaign.byRule.map(r => [r.rule, r.title]));
    const rules = campaign.byRule
      .map(r => r.rule)
      .filter(r => page.items.some(e => e.failingRules.includes(r)));
    const entities = page.items.map(e => e.entityRef);
    if (page.nextCursor) {
      entities.push('…');
    }
    return fillTicketUrlTemplate(template, {
      campaign: campaign.name,
      campaignKey: campaign.key,
      team,
      entities: entities.join(', '),
      rules: rules.map(r => titles.get(r) ?? r).join(', '),
      deadline: campaign.endDate ?? '',
      url: pageUrl(),
    });
  }, [api, campaign, team, rule, template]);

  if (!template || !value) {
    return null;
  }
  return (
    <Button
      variant="outlined"
      size="small"
      component="a"
      href={value}
      target="_blank"
      rel="noopener noreferrer"
      startIcon={<OpenInNewIcon />}
      aria-label={`Create ticket for ${teamTitle}`}
    >
      Create ticket
    </Button>
  );
}
