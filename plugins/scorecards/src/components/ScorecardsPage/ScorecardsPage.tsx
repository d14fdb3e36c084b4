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

import { Content, Header, Page } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { Route, Routes } from 'react-router-dom';
import { rootRouteRef } from '../../routes';
import { BackLink, NoSuchPage } from '../NotFound';
import { ReadableText } from '../ReadableText';
import { CampaignPage, CampaignsList } from '../Campaigns';
import { ReportsList } from '../ScorecardReports';
import { ScorecardDetail } from '../ScorecardDetail';
import { ScorecardsHistory } from '../ScorecardsHistory';
import { ScorecardsOverview } from '../ScorecardsOverview';
import { ScorecardsTabs } from './ScorecardsTabs';

/**
 * The Scorecards page without a header: the overview at its root, history
 * at `history` and a scorecard's details at `:scorecardId`; any other
 * address says that no page is there. The new frontend
 * system renders it below the plugin's own page header.
 */
export function ScorecardsPageContent() {
  return (
    <Content>
      <ReadableText>
        <Routes>
          <Route
            path="/"
            element={
              <>
                <ScorecardsTabs selected="overview" />
                <ScorecardsOverview />
              </>
            }
          />
          <Route
            path="/history"
            element={
              <>
                <ScorecardsTabs selected="history" />
                <ScorecardsHistory />
              </>
            }
          />
          <Route path="/campaigns" element={<CampaignsTab />} />
          <Route path="/campaigns/:campaignKey" element={<CampaignPage />} />
          <Route path="/campaigns/*" element={<NoSuchCampaignsPage />} />
          <Route
            path="/reports"
            element={
              <>
                <ScorecardsTabs selected="reports" />
                <ReportsList />
              </>
            }
          />
          <Route path="/:scorecardId" element={<ScorecardDetail />} />
          <Route path="*" element={<NoSuchScorecardsPage />} />
        </Routes>
      </ReadableText>
    </Content>
  );
}

function NoSuchScorecardsPage() {
  const root = useRouteRef(rootRouteRef)();
  return <NoSuchPage back={<BackLink to={root}>All scorecards</BackLink>} />;
}

function NoSuchCampaignsPage() {
  const root = useRouteRef(rootRouteRef)();
  return (
    <NoSuchPage
      back={<BackLink to={`${root}/campaigns`}>All campaigns</BackLink>}
    />
  );
}

function CampaignsTab() {
  return (
    <>
      <ScorecardsTabs selected="campaigns" />
      <CampaignsList />
    </>
  );
}

/**
 * The Campaigns tab of the Scorecards page and the campaign pages under it,
 * mounted at `/scorecards/campaigns` on its own so that it can have its own
 * nav entry in the new frontend system.
 */
export function CampaignsPageContent() {
  return (
    <Content>
      <ReadableText>
        <Routes>
          <Route path="/" element={<CampaignsTab />} />
          <Route path="/:campaignKey" element={<CampaignPage />} />
          <Route path="*" element={<NoSuchCampaignsPage />} />
        </Routes>
      </ReadableText>
    </Content>
  );
}

/**
 * The standalone Scorecards page, with its header, for apps on the legacy
 * frontend system.
 *
 * @public
 */
export function ScorecardsPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Scorecards"
        subtitle="How software across the organisation does against each scorecard"
      />
      <ScorecardsPageContent />
    </Page>
  );
}
