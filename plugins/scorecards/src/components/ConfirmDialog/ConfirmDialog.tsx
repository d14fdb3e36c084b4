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

import { ReactNode } from 'react';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';

export interface ConfirmDialogProps {
  open: boolean;
  /** Unique on the page: the title's and the description's ids derive from it. */
  id: string;
  title: ReactNode;
  /** What confirming will do. */
  description: ReactNode;
  confirmLabel: ReactNode;
  /** `secondary` for destructive actions. */
  confirmColor?: 'primary' | 'secondary';
  /** While the action runs: the buttons are disabled and the dialog stays open. */
  busy: boolean;
  /** Why the action failed, shown as an alert above the buttons. */
  error?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before an action with consequences (notify, send, archive): says
 * what will happen, shows progress while it runs and its error if it failed,
 * and cannot be dismissed while it runs.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, id, busy, error, onConfirm, onCancel } = props;
  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onCancel}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-description`}
    >
      <DialogTitle id={`${id}-title`}>{props.title}</DialogTitle>
      <DialogContent>
        <DialogContentText id={`${id}-description`}>
          {props.description}
        </DialogContentText>
        {error && (
          <Typography role="alert" color="error" variant="body2">
            {error}
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button
          color={props.confirmColor ?? 'primary'}
          variant="contained"
          onClick={onConfirm}
          disabled={busy}
          startIcon={busy ? <CircularProgress size={16} /> : undefined}
        >
          {props.confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
