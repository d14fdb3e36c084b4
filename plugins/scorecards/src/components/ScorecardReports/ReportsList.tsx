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
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useMediaQuery from '@material-ui/core/useMediaQuery';
import { makeStyles, Theme } from '@material-ui/core/styles';
import PreviewIcon from '@material-ui/icons/Visibility';
import { DateTime } from 'luxon';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ReportSummary, scorecardsApiRef } from '../../api';
import { RelativeTime } from '../RelativeTime';
import { VisuallyHidden } from '../VisuallyHidden';
import { ReportPreviewDialog } from './ReportPreviewDialog';
import { ReportSendButton } from './ReportSendButton';
import { ReportStatusChip } from './ReportStatusChip';
import { ActionButton } from './ActionButton';
import { scheduleCron, scheduleText } from './reportFormat';
import { DataTable } from '../DataTable';

const useStyles = makeStyles(theme => ({
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    '& button': { whiteSpace: 'nowrap' },
  },
  // The actions stay in view when a narrow window scrolls the table.
  actionsCell: {
    position: 'sticky',
    right: 0,
    // The row's own (striped) background.
    backgroundColor: 'inherit',
  },
  error: { whiteSpace: 'pre-line' },
}));

function Channels(props: { report: ReportSummary }) {
  const { notifications, slack } = props.report.channels;
  return (
    <>
      {notifications && (
        <div>
          Notifications →{' '}
          {notifications.recipients.map((recipient, i) => (
            <span key={recipient}>
              {i > 0 && ', '}
              <EntityRefLink entityRef={recipient} defaultKind="group" />
            </span>
          ))}
        </div>
      )}
      {slack && <div>Slack</div>}
      {!notifications && !slack && (
        <Typography variant="body2" color="textSecondary">
          None
        </Typography>
      )}
    </>
  );
}

function LastResult(props: { report: ReportSummary }) {
  const classes = useStyles();
  const result = props.report.lastResult;
  if (!result?.status) {
    return (
      <Typography variant="body2" color="textSecondary">
        Not sent yet
      </Typography>
    );
  }
  const time = result.attemptedAt ?? result.sentAt;
  return (
    <>
      <ReportStatusChip status={result.status} />
      {time && (
        <Typography variant="caption" component="div" color="textSecondary">
          <RelativeTime value={time} />
        </Typography>
      )}
      {result.status !== 'sent' && result.error && (
        <Typography
          variant="caption"
          component="div"
          color="error"
          className={classes.error}
        >
          {result.error}
        </Typography>
      )}
      {result.status === 'failed' && result.sentAt && (
        <Typography variant="caption" component="div" color="textSecondary">
          Last sent <RelativeTime value={result.sentAt} />
        </Typography>
      )}
    </>
  );
}

/**
 * When the report is next sent: in the report's own time zone when it has
 * one, as the schedule above it is written (which names the zone), with the
 * reader's time in the tooltip; otherwise in the reader's time zone.
 */
function NextRun(props: { report: ReportSummary }) {
  const { nextRunAt, timezone } = props.report;
  if (!nextRunAt) {
    return null;
  }
  const at = DateTime.fromISO(nextRunAt);
  if (!at.isValid) {
    return null;
  }
  if (at <= DateTime.now()) {
    return (
      <Typography variant="caption" color="textSecondary" component="div">
        Due now: sent within a minute
      </Typography>
    );
  }
  const own = timezone ? at.setZone(timezone) : undefined;
  const local = at.toLocaleString(DateTime.DATETIME_MED_WITH_WEEKDAY);
  return (
    <Typography variant="caption" color="textSecondary" component="div">
      Next run{' '}
      {own?.isValid ? (
        <time
          dateTime={own.toISO() ?? nextRunAt}
          title={`${local} in your time zone`}
        >
          {own.toLocaleString(DateTime.DATETIME_MED_WITH_WEEKDAY)}
        </time>
      ) : (
        <time dateTime={at.toISO() ?? nextRunAt}>{local}</time>
      )}
      , {at.toRelative()}
    </Typography>
  );
}

function ReportRow(props: {
  report: ReportSummary;
  onSent: () => void;
  compact: boolean;
}) {
  const { report, onSent, compact } = props;
  const classes = useStyles();
  const [previewOpen, setPreviewOpen] = useState(false);
  const cron = scheduleCron(report);
  return (
    <TableRow>
      <TableCell>
        {report.title}
        <Typography variant="caption" color="textSecondary" component="div">
          {report.scorecards.length === 1
            ? '1 scorecard'
            : `${report.scorecards.length} scorecards`}
        </Typography>
      </TableCell>
      <TableCell>
        {report.audience.group ? (
          <>
            <EntityRefLink
              entityRef={report.audience.group}
              defaultKind="group"
            />{' '}
            and its sub-groups
          </>
        ) : (
          'The whole organisation'
        )}
      </TableCell>
      <TableCell>
        {scheduleText(report)}
        {cron !== undefined && (
          <Typography variant="caption" color="textSecondary" component="div">
            <code>{cron}</code>
          </Typography>
        )}
        <NextRun report={report} />
        {report.scheduled === false && (
          <Typography variant="caption" color="textSecondary" component="div">
            Not scheduled on this instance
          </Typography>
        )}
      </TableCell>
      <TableCell>
        <Channels report={report} />
      </TableCell>
      <TableCell>
        <LastResult report={report} />
      </TableCell>
      <TableCell className={classes.actionsCell}>
        <Box className={classes.actions}>
          <ActionButton
            label="Preview"
            ariaLabel={`Preview ${report.title}`}
            icon={<PreviewIcon />}
            compact={compact}
            onClick={() => setPreviewOpen(true)}
          />
          <ReportSendButton report={report} onSent={onSent} compact={compact} />
        </Box>
        <ReportPreviewDialog
          report={report}
          open={previewOpen}
          onClose={() => setPreviewOpen(false)}
        />
      </TableCell>
    </TableRow>
  );
}

/**
 * The Reports tab: the reports configured under `scorecards.reports`, with
 * their schedule, channels and last result, a preview of their content and
 * "Send now" for users with the `scorecards.report.send` permission.
 */
export function ReportsList() {
  const classes = useStyles();
  const api = useApi(scorecardsApiRef);
  // Below 1,280 px the actions are icons (named in their tooltips), so that
  // the table fits beside the sidebar without scrolling.
  const compact = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getReports(),
    [api],
  );

  if (loading && !value) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value || value.items.length === 0) {
    return (
      <EmptyState
        missing="content"
        title="No reports configured"
        description={
          <>
            Add them under <code>scorecards.reports</code> in{' '}
            <code>app-config.yaml</code>: each report is sent on its schedule to
            Backstage notifications and/or Slack.
          </>
        }
      />
    );
  }
  return (
    <TableContainer>
      <DataTable aria-label="Scorecard reports">
        <TableHead>
          <TableRow>
            <TableCell>Report</TableCell>
            <TableCell>Audience</TableCell>
            <TableCell>Schedule</TableCell>
            <TableCell>Channels</TableCell>
            <TableCell>Last result</TableCell>
            <TableCell className={classes.actionsCell}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {value.items.map(report => (
            <ReportRow
              key={report.id}
              report={report}
              onSent={retry}
              compact={compact}
            />
          ))}
        </TableBody>
      </DataTable>
    </TableContainer>
  );
}
