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
import { CampaignDetailsResponse, scorecardsApiRef } from '../../api';
import { ConfirmDialog, useConfirmedAction } from '../ConfirmDialog';
import { notifiedAlert, plural } from '../notifyOwnersResult';

/**
 * "Notify owners": sends a Backstage notification to each group owning
 * entities that still fail the campaign, after a confirmation. Shown only
 * with the `scorecards.campaign.notify` permission.
 */
export function CampaignNotifyButton(props: {
  campaign: CampaignDetailsResponse;
}) {
  const { campaign } = props;
  const api = useApi(scorecardsApiRef);
  const alertApi = useApi(alertApiRef);
  const notify = useConfirmedAction(
    { permission: scorecardsCampaignNotifyPermission },
    async () => {
      const result = await api.notifyCampaignOwners(campaign.key);
      alertApi.post({ ...notifiedAlert(result), display: 'transient' });
    },
  );
  if (!notify.allowed) {
    return null;
  }
  const failingTeams = campaign.byTeam.filter(
    t => t.owner && t.inScope > t.passing,
  );
  const unowned = campaign.byTeam
    .filter(t => !t.owner)
    .reduce((n, t) => n + t.inScope - t.passing, 0);

  return (
    <>
      <Button
        variant="outlined"
        size="small"
        startIcon={<NotificationsIcon />}
        disabled={failingTeams.length === 0}
        title={
          failingTeams.length === 0
            ? 'No team owns an entity that still fails'
            : undefined
        }
        onClick={notify.show}
      >
        Notify owners
      </Button>
      <ConfirmDialog
        open={notify.open}
        id="campaign-notify"
        title="Notify owners?"
        description={
          <>
            {plural(failingTeams.length, 'team', 'teams')} will get a
            notification listing their entities that still fail {campaign.name},
            the rules they fail and the deadline.
            {unowned > 0 &&
              ` ${plural(
                unowned,
                'failing entity has',
                'failing entities have',
              )} no owner and will not be included.`}
          </>
        }
        confirmLabel={`Notify ${plural(failingTeams.length, 'team', 'teams')}`}
        busy={notify.busy}
        error={notify.error && `Could not notify the owners: ${notify.error}`}
        onConfirm={notify.confirm}
        onCancel={notify.cancel}
      />
    </>
  );
}
