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
import { scorecardsReportSendPermission } from '@openscorecards/plugin-scorecards-common';
import SendIcon from '@material-ui/icons/Send';
import { ReportSummary, scorecardsApiRef } from '../../api';
import { ConfirmDialog, useConfirmedAction } from '../ConfirmDialog';
import { ActionButton } from './ActionButton';

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
  /** An icon button, named in its tooltip. */
  compact?: boolean;
}) {
  const { report, onSent, compact = false } = props;
  const api = useApi(scorecardsApiRef);
  const alertApi = useApi(alertApiRef);
  const sendNow = useConfirmedAction(
    { permission: scorecardsReportSendPermission },
    async () => {
      const result = await api.sendReport(report.id);
      onSent?.();
      if (result.status === 'failed') {
        return result.error ?? 'No channel could be reached';
      }
      alertApi.post({
        message:
          result.status === 'sent'
            ? `Sent "${report.title}"`
            : `Sent "${report.title}" in part: ${result.error ?? ''}`.trim(),
        severity: result.status === 'sent' ? 'success' : 'warning',
        display: 'transient',
      });
      return undefined;
    },
  );
  if (!sendNow.allowed) {
    return null;
  }

  return (
    <>
      <ActionButton
        label="Send now"
        ariaLabel={`Send now: ${report.title}`}
        icon={<SendIcon />}
        compact={compact}
        onClick={sendNow.show}
      />
      <ConfirmDialog
        open={sendNow.open}
        id={`report-send-${report.id}`}
        title={<>Send “{report.title}” now?</>}
        description={
          <>
            The report will be sent as {channelsText(report)}, outside its
            schedule. Its changes will then be measured from this send.
          </>
        }
        confirmLabel="Send"
        busy={sendNow.busy}
        error={sendNow.error && `Could not send the report: ${sendNow.error}`}
        onConfirm={sendNow.confirm}
        onCancel={sendNow.cancel}
      />
    </>
  );
}
