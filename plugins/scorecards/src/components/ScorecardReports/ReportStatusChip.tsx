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
import SentIcon from '@material-ui/icons/CheckCircle';
import PartialIcon from '@material-ui/icons/ReportProblemOutlined';
import FailedIcon from '@material-ui/icons/ErrorOutline';
import { ReportStatus } from '../../api';

const ICONS = { sent: SentIcon, partial: PartialIcon, failed: FailedIcon };
const LABELS = { sent: 'Sent', partial: 'Partly sent', failed: 'Failed' };

const useStyles = makeStyles(theme => ({
  sent: {
    borderColor: theme.palette.success.main,
    '& svg': { color: theme.palette.success.main },
  },
  partial: {
    borderColor: theme.palette.warning.main,
    '& svg': { color: theme.palette.warning.main },
  },
  failed: {
    borderColor: theme.palette.error.main,
    '& svg': { color: theme.palette.error.main },
  },
}));

/** A report send's status as text and icon; colour only adds to both. */
export function ReportStatusChip(props: { status: ReportStatus }) {
  const { status } = props;
  const classes = useStyles();
  const Icon = ICONS[status] ?? FailedIcon;
  return (
    <Chip
      size="small"
      variant="outlined"
      className={classes[status]}
      icon={<Icon aria-hidden />}
      label={LABELS[status] ?? status}
    />
  );
}
