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

import {
  coreExtensionData,
  createRouteRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import AssessmentIcon from '@material-ui/icons/Assessment';
import FlagIcon from '@material-ui/icons/Flag';
import { rootRouteRef } from '../routes';

/** The campaigns list, `/scorecards/campaigns` by default. */
export const campaignsRouteRef = createRouteRef();

/** The Scorecards page; its title and icon make the nav entry. */
export const scorecardsPage = PageBlueprint.make({
  params: {
    path: '/scorecards',
    routeRef: rootRouteRef,
    title: 'Scorecards',
    icon: <AssessmentIcon fontSize="inherit" />,
    loader: () =>
      import('../components/ScorecardsPage').then(m => (
        <m.ScorecardsPageContent />
      )),
  },
});

/**
 * The Campaigns tab of the Scorecards page, mounted on its own at
 * `/scorecards/campaigns` so that it gets its own nav entry ("Campaigns", with
 * a flag). The app's router prefers this more specific path over the
 * Scorecards page's `/scorecards/*`, so the page looks the same as before:
 * same header, same Overview / History / Campaigns tabs, and it also serves
 * the campaign pages under it. Disable it and the Scorecards page serves
 * `/scorecards/campaigns` again, without the nav entry.
 *
 * The nav item takes its title and icon from the page's outputs, while the
 * page's header takes them from the params; so the header keeps the plugin's
 * title and icon, and only the outputs say "Campaigns".
 */
export const campaignsPage = PageBlueprint.makeWithOverrides({
  name: 'campaigns',
  *factory(originalFactory) {
    const page = originalFactory({
      path: '/scorecards/campaigns',
      routeRef: campaignsRouteRef,
      loader: () =>
        import('../components/ScorecardsPage').then(m => (
          <m.CampaignsPageContent />
        )),
    });
    yield coreExtensionData.routePath(page.get(coreExtensionData.routePath));
    yield coreExtensionData.reactElement(
      page.get(coreExtensionData.reactElement),
    );
    yield coreExtensionData.routeRef(campaignsRouteRef);
    yield coreExtensionData.title('Campaigns');
    yield coreExtensionData.icon(<FlagIcon fontSize="inherit" />);
  },
});
