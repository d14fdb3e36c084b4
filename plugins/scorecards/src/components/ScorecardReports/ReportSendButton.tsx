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
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { usePermission } from '@backstage/plugin-permission-react';
import { scorecardsReportSendPermission } from '@openscorecards/plugin-scorecards-common';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import SendIcon from '@material-ui/icons/Send';
import { ReportSummary, scorecardsApiRef } from '../../api';

function errorText(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message ?? error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

function channelsText(report: ReportSummary): string {
  const parts: string[] = [];
  const recipients = report.channels.notifications?.recipients ?? [];
  if (recipients.length > 0) {
    parts.push(`a Backstage notification to ${recipients.join(', ')}`);
  }
  if (report.channels.slack) {
    parts.push('a Slack message');
  }
  return parts.length > 0 ? parts.join(' and ') : 'no channel';
}

/**
 * "Send now": sends a report to its channels after a confirmation. Shown
 * only with the `scorecards.report.send` permission.
 */
export function ReportSendButton(props: {
  report: ReportSummary;
  onSent?: () => void;
}) {
  const { report, onSent } = props;
  const api = useApi(scorecardsApiRef);
  const alertApi = useApi(alertApiRef);
  const { allowed } = usePermission({
    permission: scorecardsReportSendPermission,
  });
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | undefined>();

  if (!allowed) {
    return null;
  }

  const send = async () => {
    setSending(true);
    setError(undefined);
    try {
      const result = await api.sendReport(report.id);
      if (result.status === 'failed') {
        setError(result.error ?? 'No channel could be reached');
        onSent?.();
        return;
      }
      alertApi.post({
        message:
          result.status === 'sent'
            ? `Sent "${report.title}"`
            : `Sent "${report.title}" in part: ${result.error ?? ''}`.trim(),
        severity: result.status === 'sent' ? 'success' : 'warning',
        display: 'transient',
      });
      setOpen(false);
      onSent?.();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSending(false);
    }
  };

  const titleId = `report-send-title-${report.id}`;
  return (
    <>
      <Button
        variant="outlined"
        size="small"
        startIcon={<SendIcon />}
        aria-label={`Send ${report.title} now`}
        onClick={() => {
          setError(undefined);
          setOpen(true);
        }}
      >
        Send now
      </Button>
      <Dialog
        open={open}
        onClose={() => !sending && setOpen(false)}
        aria-labelledby={titleId}
      >
        <DialogTitle id={titleId}>Send “{report.title}” now?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            The report will be sent as {channelsText(report)}, outside its
            schedule. Its changes will then be measured from this send.
          </DialogContentText>
          {error && (
            <Typography color="error" role="alert">
              Could not send the report: {error}
            </Typography>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={sending}>
            Cancel
          </Button>
          <Button
            color="primary"
            variant="contained"
            onClick={send}
            disabled={sending}
            startIcon={sending ? <CircularProgress size={16} /> : undefined}
          >
            Send
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
