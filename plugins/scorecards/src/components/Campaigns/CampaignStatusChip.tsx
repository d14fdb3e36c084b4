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

import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import ActiveIcon from '@material-ui/icons/PlayCircleOutline';
import CompletedIcon from '@material-ui/icons/CheckCircle';
import EndedIcon from '@material-ui/icons/StopOutlined';
import OverdueIcon from '@material-ui/icons/ReportProblemOutlined';
import UpcomingIcon from '@material-ui/icons/Schedule';
import { CampaignStatus } from '../../api';
import { CAMPAIGN_STATUS_LABELS } from './campaignFormat';

const ICONS = {
  upcoming: UpcomingIcon,
  active: ActiveIcon,
  overdue: OverdueIcon,
  completed: CompletedIcon,
  ended: EndedIcon,
};

const useStyles = makeStyles(theme => ({
  upcoming: { borderColor: theme.palette.info.main },
  active: { borderColor: theme.palette.primary.main },
  overdue: {
    borderColor: theme.palette.error.main,
    '& svg': { color: theme.palette.error.main },
  },
  completed: {
    borderColor: theme.palette.success.main,
    '& svg': { color: theme.palette.success.main },
  },
  ended: { borderColor: theme.palette.text.disabled },
}));

/** A campaign's status as text and icon; colour only adds to both. */
export function CampaignStatusChip(props: { status: CampaignStatus }) {
  const { status } = props;
  const classes = useStyles();
  const Icon = ICONS[status];
  return (
    <Chip
      size="small"
      variant="outlined"
      className={classes[status]}
      icon={<Icon aria-hidden />}
      label={CAMPAIGN_STATUS_LABELS[status]}
    />
  );
}
