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
import { scorecardsEvaluationRunPermission } from '@openscorecards/plugin-scorecards-common';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import RefreshIcon from '@material-ui/icons/Refresh';
import { scorecardsApiRef } from '../../api';

/**
 * Re-evaluates every scorecard against one entity. Shown only to users with
 * the `scorecards.evaluation.run` permission.
 */
export function ReevaluateButton(props: {
  entityRef: string;
  onEvaluated: () => void;
}) {
  const { entityRef, onEvaluated } = props;
  const api = useApi(scorecardsApiRef);
  const alertApi = useApi(alertApiRef);
  const { allowed } = usePermission({
    permission: scorecardsEvaluationRunPermission,
  });
  const [running, setRunning] = useState(false);

  if (!allowed) {
    return null;
  }

  const evaluate = async () => {
    setRunning(true);
    try {
      await api.evaluateEntity(entityRef);
      alertApi.post({
        message: 'Scorecards re-evaluated',
        severity: 'success',
        display: 'transient',
      });
      onEvaluated();
    } catch (error) {
      alertApi.post({
        message: `Could not re-evaluate scorecards: ${
          error instanceof Error ? error.message : String(error)
        }`,
        severity: 'error',
      });
    } finally {
      setRunning(false);
    }
  };

  return (
    <Button
      variant="outlined"
      color="primary"
      size="small"
      onClick={evaluate}
      disabled={running}
      aria-busy={running}
      startIcon={
        running ? (
          <CircularProgress size={16} aria-label="Re-evaluating" />
        ) : (
          <RefreshIcon />
        )
      }
    >
      {running ? 'Re-evaluating…' : 'Re-evaluate'}
    </Button>
  );
}
