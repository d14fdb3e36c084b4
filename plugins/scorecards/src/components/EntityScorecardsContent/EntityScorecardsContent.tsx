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

import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ReadableText } from '../ReadableText';
import { scorecardsApiRef } from '../../api';
import { ReevaluateButton } from '../ReevaluateButton';
import { RelativeTime } from '../RelativeTime';
import { CampaignDeadlines } from './CampaignDeadlines';
import { EntityOutcomesContext, outcomesByCheck } from './reportedOutcomes';
import { ScorecardResultCard } from './ScorecardResultCard';

function EntityScorecardsContentBody() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(scorecardsApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getEntityScorecards(entityRef),
    [api, entityRef],
  );
  const hasChecks =
    value?.scorecards.some(s => s.rules.some(r => r.check !== undefined)) ??
    false;
  // Who reported a rule's check and when: read again with the results, and
  // left out (the rule still names its check) when it cannot be read.
  const { value: outcomes } = useAsync(
    async () =>
      hasChecks
        ? outcomesByCheck(await api.getEntityOutcomes(entityRef))
        : undefined,
    [api, entityRef, hasChecks, value],
  );
  // A link to one scorecard's card (`#scorecard-<id>`, from the overview
  // card) scrolls to it once the cards are there.
  const { hash } = useLocation();
  const shown = (value?.scorecards.length ?? 0) > 0;
  useEffect(() => {
    if (shown && hash.length > 1) {
      document
        .getElementById(decodeURIComponent(hash.slice(1)))
        ?.scrollIntoView({ block: 'start' });
    }
  }, [shown, hash]);

  if (loading && !value) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value) {
    return null;
  }

  const reevaluate = (
    <ReevaluateButton entityRef={entityRef} onEvaluated={retry} />
  );

  if (value.scorecards.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No scorecards apply to this entity"
        description={
          <>
            Scorecards choose the entities they evaluate with the{' '}
            <code>filter</code> of each definition under{' '}
            <code>scorecards.definitions</code> in <code>app-config.yaml</code>.
            If one should apply here, check its filter against this entity; new
            and changed entities are picked up by the next evaluation run.
          </>
        }
        action={reevaluate}
      />
    );
  }

  return (
    <EntityOutcomesContext.Provider value={outcomes}>
      <Grid container spacing={3} alignItems="stretch">
        <Grid item xs={12}>
          <Box
            display="flex"
            alignItems="center"
            justifyContent="space-between"
            flexWrap="wrap"
            gridGap={8}
          >
            <Typography variant="body2" color="textSecondary">
              {value.lastRunAt ? (
                <>
                  Last evaluated <RelativeTime value={value.lastRunAt} />
                </>
              ) : (
                'Not evaluated by a run yet'
              )}
            </Typography>
            {reevaluate}
          </Box>
          <CampaignDeadlines entityRef={entityRef} />
        </Grid>
        {value.scorecards.map(scorecard => (
          <Grid item xs={12} lg={6} key={scorecard.id}>
            <ScorecardResultCard
              scorecard={scorecard}
              levels={value.levels}
              entityRef={entityRef}
            />
          </Grid>
        ))}
      </Grid>
    </EntityOutcomesContext.Provider>
  );
}

/**
 * The entity's Scorecards tab: one card per scorecard that applies to it.
 *
 * @public
 */
export function EntityScorecardsContent() {
  return (
    <ReadableText>
      <EntityScorecardsContentBody />
    </ReadableText>
  );
}
