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
import { scorecardsScorecardNotifyPermission } from '@openscorecards/plugin-scorecards-common';
import Button from '@material-ui/core/Button';
import NotificationsIcon from '@material-ui/icons/NotificationsActive';
import { scorecardsApiRef, ScorecardEntitiesQuery } from '../../api';
import { ConfirmDialog, useConfirmedAction } from '../ConfirmDialog';
import { notifiedAlert, plural } from '../notifyOwnersResult';

/**
 * "Notify owners" above the entity table: after a confirmation, sends a
 * Backstage notification to each group owning entities that match the
 * table's filters and fail rules of the scorecard. Shown only with the
 * `scorecards.scorecard.notify` permission.
 */
export function ScorecardNotifyButton(props: {
  scorecardId: string;
  scorecardTitle: string;
  /** The table's filters, as applied. */
  query: ScorecardEntitiesQuery;
  /** How many entities the filters select; undefined while loading. */
  matching: number | undefined;
  filtered: boolean;
}) {
  const { scorecardId, scorecardTitle, query, matching, filtered } = props;
  const api = useApi(scorecardsApiRef);
  const alertApi = useApi(alertApiRef);
  const notify = useConfirmedAction(
    { permission: scorecardsScorecardNotifyPermission },
    async () => {
      const result = await api.notifyScorecardOwners(scorecardId, query);
      alertApi.post({ ...notifiedAlert(result), display: 'transient' });
    },
  );
  if (!notify.allowed) {
    return null;
  }

  // The team filter's "No owner" (`team=`) alone: nobody to notify.
  const teams = query.team === undefined ? [] : [query.team].flat();
  const onlyUnowned = teams.length > 0 && teams.every(team => team === '');
  let disabledReason: string | undefined;
  if (onlyUnowned) {
    disabledReason = 'Entities without an owner have nobody to notify';
  } else if (matching === 0) {
    disabledReason = 'No entity matches the filters';
  }

  const selection = filtered
    ? `the ${plural(
        matching ?? 0,
        'entity that matches',
        'entities that match',
      )} the filters`
    : `the ${plural(matching ?? 0, 'entity', 'entities')} of ${scorecardTitle}`;

  return (
    <>
      <Button
        variant="outlined"
        size="small"
        startIcon={<NotificationsIcon />}
        disabled={!matching || onlyUnowned}
        title={disabledReason}
        onClick={notify.show}
      >
        Notify owners
      </Button>
      <ConfirmDialog
        open={notify.open}
        id="scorecard-notify"
        title="Notify owners?"
        description={
          <>
            Among {selection}, the teams that own failing ones each get one
            notification listing their entities and the rules they fail.
            Entities without an owner are left out.
          </>
        }
        confirmLabel="Notify owners"
        busy={notify.busy}
        error={notify.error && `Could not notify the owners: ${notify.error}`}
        onConfirm={notify.confirm}
        onCancel={notify.cancel}
      />
    </>
  );
}
