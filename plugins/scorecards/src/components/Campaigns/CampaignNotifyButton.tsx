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

import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { scorecardsCampaignNotifyPermission } from '@openscorecards/plugin-scorecards-common';
import Button from '@material-ui/core/Button';
import NotificationsIcon from '@material-ui/icons/NotificationsActive';
import {
  CampaignDetailsResponse,
  CampaignEntitiesQuery,
  scorecardsApiRef,
} from '../../api';
import { ConfirmDialog, useConfirmedAction } from '../ConfirmDialog';
import { notifiedAlert, plural } from '../notifyOwnersResult';

/**
 * "Notify owners" above a campaign's failing entities: after a
 * confirmation, sends a Backstage notification to each group owning
 * entities that still fail the campaign, of the table's filters (teams and
 * rule). Shown only with the `scorecards.campaign.notify` permission.
 */
export function CampaignNotifyButton(props: {
  campaign: CampaignDetailsResponse;
  /** The table's teams (group refs; '' for no owner); none is all. */
  teams?: string[];
  /** The table's rule (`<scorecardId>/<ruleId>`), if one is chosen. */
  rule?: string;
}) {
  const { campaign, rule } = props;
  const teams = props.teams ?? [];
  const api = useApi(scorecardsApiRef);
  const alertApi = useApi(alertApiRef);
  const notify = useConfirmedAction(
    { permission: scorecardsCampaignNotifyPermission },
    async () => {
      const query: CampaignEntitiesQuery = {};
      if (teams.length > 0) {
        query.team = teams;
      }
      if (rule) {
        query.rule = rule;
      }
      const result = await api.notifyCampaignOwners(campaign.key, query);
      alertApi.post({ ...notifiedAlert(result), display: 'transient' });
    },
  );
  if (!notify.allowed) {
    return null;
  }
  // The teams (and the entities without an owner) the filter selects.
  const chosen = campaign.byTeam.filter(
    t => teams.length === 0 || teams.includes(t.owner),
  );
  const failingTeams = chosen.filter(t => t.owner && t.inScope > t.passing);
  const unowned = chosen
    .filter(t => !t.owner)
    .reduce((n, t) => n + t.inScope - t.passing, 0);
  const onlyUnowned = teams.length > 0 && teams.every(team => team === '');

  let disabledReason: string | undefined;
  if (onlyUnowned) {
    disabledReason = 'Entities without an owner have nobody to notify';
  } else if (failingTeams.length === 0) {
    disabledReason =
      teams.length > 0
        ? 'No team chosen owns an entity that still fails'
        : 'No team owns an entity that still fails';
  }
  const ruleTitle =
    rule && (campaign.byRule.find(r => r.rule === rule)?.title ?? rule);
  const unownedText =
    unowned > 0
      ? ` ${plural(
          unowned,
          'failing entity has',
          'failing entities have',
        )} no owner and will not be included.`
      : '';

  return (
    <>
      <Button
        variant="outlined"
        size="small"
        startIcon={<NotificationsIcon />}
        disabled={disabledReason !== undefined}
        title={disabledReason}
        onClick={notify.show}
      >
        Notify owners
      </Button>
      <ConfirmDialog
        open={notify.open}
        id="campaign-notify"
        title="Notify owners?"
        description={
          ruleTitle ? (
            <>
              Of {teams.length > 0 ? 'the chosen teams' : 'all teams'}, those
              that own entities failing {ruleTitle} each get a notification
              listing them, the rules they fail and the deadline of{' '}
              {campaign.name}. Entities without an owner are left out.
            </>
          ) : (
            <>
              {plural(failingTeams.length, 'team', 'teams')} will get a
              notification listing their entities that still fail{' '}
              {campaign.name}, the rules they fail and the deadline.
              {unownedText}
            </>
          )
        }
        confirmLabel={
          ruleTitle
            ? 'Notify owners'
            : `Notify ${plural(failingTeams.length, 'team', 'teams')}`
        }
        busy={notify.busy}
        error={notify.error && `Could not notify the owners: ${notify.error}`}
        onConfirm={notify.confirm}
        onCancel={notify.cancel}
      />
    </>
  );
}
