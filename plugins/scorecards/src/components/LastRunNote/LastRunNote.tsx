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

import Typography from '@material-ui/core/Typography';
import { EvaluationRun } from '../../api';
import { RelativeTime } from '../RelativeTime';

/** One line about the latest evaluation run. */
export function LastRunNote(props: { run: EvaluationRun | null }) {
  const { run } = props;
  let text;
  if (!run) {
    text = 'No evaluation run yet';
  } else if (run.status === 'running') {
    text = (
      <>
        Evaluation running since <RelativeTime value={run.startedAt} />
      </>
    );
  } else {
    text = (
      <>
        Last evaluation run {run.status}{' '}
        <RelativeTime value={run.finishedAt ?? run.startedAt} />
        {run.status === 'succeeded' &&
          ` · ${run.entitiesEvaluated.toLocaleString(
            'en-US',
          )} entities evaluated`}
        {run.error && ` · ${run.error}`}
      </>
    );
  }
  return (
    <Typography variant="body2" color="textSecondary" data-testid="last-run">
      {text}
    </Typography>
  );
}
