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

import { useState } from 'react';
import { alertApiRef, useApi, useRouteRef } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  scorecardsCampaignDeletePermission,
  scorecardsCampaignUpdatePermission,
} from '@openscorecards/plugin-scorecards-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import ArchiveIcon from '@material-ui/icons/Archive';
import EditIcon from '@material-ui/icons/Edit';
import LockIcon from '@material-ui/icons/Lock';
import { useNavigate } from 'react-router-dom';
import { CampaignDetailsResponse, scorecardsApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { CampaignForm } from './CampaignForm';
import { ConfirmDialog } from '../ConfirmDialog';
import { errorText } from '../errorText';

/**
 * Edit and Archive for a campaign created in the UI, each behind its
 * permission; a read-only note for one defined in app-config.
 */
export function CampaignEditActions(props: {
  campaign: CampaignDetailsResponse;
  onChanged: () => void;
}) {
  const { campaign } = props;
  if (campaign.source === 'config') {
    return (
      <Box display="inline-flex" alignItems="center" gridGap={4}>
        <LockIcon fontSize="small" color="disabled" />
        <Typography variant="caption" color="textSecondary">
          Defined in app-config.yaml (read-only)
        </Typography>
      </Box>
    );
  }
  if (campaign.archived) {
    return (
      <Typography variant="caption" color="textSecondary">
        Archived (read-only)
      </Typography>
    );
  }
  if (!campaign.editable) {
    return null;
  }
  return <DatabaseCampaignActions {...props} />;
}

function DatabaseCampaignActions(props: {
  campaign: CampaignDetailsResponse;
  onChanged: () => void;
}) {
  const { campaign, onChanged } = props;
  const api = useApi(scorecardsApiRef);
  const alertApi = useApi(alertApiRef);
  const navigate = useNavigate();
  const root = useRouteRef(rootRouteRef)();
  const update = usePermission({
    permission: scorecardsCampaignUpdatePermission,
  });
  const remove = usePermission({
    permission: scorecardsCampaignDeletePermission,
  });
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const [archiveError, setArchiveError] = useState<string | undefined>();

  const archive = async () => {
    setArchiving(true);
    setArchiveError(undefined);
    try {
      await api.archiveCampaign(campaign.key);
      alertApi.post({
        message: `Archived ${campaign.name}`,
        severity: 'success',
        display: 'transient',
      });
      navigate(`${root}/campaigns`);
    } catch (error) {
      setArchiveError(errorText(error));
      setArchiving(false);
    }
  };

  return (
    <Box display="inline-flex" gridGap={8}>
      {update.allowed && (
        <Button
          variant="outlined"
          size="small"
          startIcon={<EditIcon />}
          onClick={() => setEditing(true)}
        >
          Edit
        </Button>
      )}
      {remove.allowed && (
        <Button
          variant="outlined"
          size="small"
          startIcon={<ArchiveIcon />}
          onClick={() => {
            setArchiveError(undefined);
            setConfirming(true);
          }}
        >
          Archive
        </Button>
      )}
      {update.allowed && (
        <CampaignForm
          open={editing}
          campaign={campaign}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            alertApi.post({
              message: `Saved ${campaign.name}`,
              severity: 'success',
              display: 'transient',
            });
            onChanged();
          }}
        />
      )}
      <ConfirmDialog
        open={confirming}
        id="campaign-archive"
        title={<>Archive {campaign.name}?</>}
        description="An archived campaign can no longer be edited. This cannot be undone from the UI."
        confirmLabel="Archive campaign"
        confirmColor="secondary"
        busy={archiving}
        error={archiveError}
        onConfirm={archive}
        onCancel={() => setConfirming(false)}
      />
    </Box>
  );
}
