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
import { usePermission } from '@backstage/plugin-permission-react';
import { scorecardsReportSendPermission } from '@openscorecards/plugin-scorecards-common';
import Button from '@material-ui/core/Button';
import SendIcon from '@material-ui/icons/Send';
import { ReportSummary, scorecardsApiRef } from '../../api';
import { ConfirmDialog } from '../ConfirmDialog';
import { errorText } from '../errorText';

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
      <ConfirmDialog
        open={open}
        id={`report-send-${report.id}`}
        title={<>Send “{report.title}” now?</>}
        description={
          <>
            The report will be sent as {channelsText(report)}, outside its
            schedule. Its changes will then be measured from this send.
          </>
        }
        confirmLabel="Send"
        busy={sending}
        error={error && `Could not send the report: ${error}`}
        onConfirm={send}
        onCancel={() => setOpen(false)}
      />
    </>
  );
}
