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

import { useRouteRef } from '@backstage/core-plugin-api';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { makeStyles } from '@material-ui/core/styles';
import { Link as RouterLink } from 'react-router-dom';
import { rootRouteRef } from '../../routes';

const useStyles = makeStyles(theme => ({
  tabs: {
    marginBottom: theme.spacing(3),
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
}));

/** Overview, History and Campaigns, as links styled as tabs. */
export function ScorecardsTabs(props: {
  selected: 'overview' | 'history' | 'campaigns' | 'reports';
}) {
  const classes = useStyles();
  const rootLink = useRouteRef(rootRouteRef);
  const root = rootLink();
  return (
    <Tabs
      value={props.selected}
      className={classes.tabs}
      indicatorColor="primary"
      textColor="primary"
      aria-label="Scorecards views"
    >
      <Tab value="overview" label="Overview" component={RouterLink} to={root} />
      <Tab
        value="history"
        label="History"
        component={RouterLink}
        to={`${root}/history`}
      />
      <Tab
        value="campaigns"
        label="Campaigns"
        component={RouterLink}
        to={`${root}/campaigns`}
      />
      <Tab
        value="reports"
        label="Reports"
        component={RouterLink}
        to={`${root}/reports`}
      />
    </Tabs>
  );
}
