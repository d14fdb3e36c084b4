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

import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { CampaignDetailsResponse } from '../../api';
import { ByDepartmentCard } from '../ByDepartment';
import { CampaignDepartments } from './campaignDepartments';
import { CampaignTeamsTable } from './CampaignTeamsTable';

/** Progress by department: loading, an error, none, or the table. */
function DepartmentsTable(props: {
  campaign: CampaignDetailsResponse;
  departments: CampaignDepartments;
}) {
  const { campaign } = props;
  const { value, loading, error } = props.departments;
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value || value.items.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No team in this campaign has a parent group in the catalog.
      </Typography>
    );
  }
  return (
    <CampaignTeamsTable
      campaignKey={campaign.key}
      campaignName={campaign.name}
      by="department"
      teams={value.items.map(item => ({ ...item, owner: item.group }))}
    />
  );
}

/**
 * A campaign's adoption compared across teams, or, switched on, across
 * departments: the groups above the teams, each counting all its teams.
 * The choice is kept in the URL (`?teamsView=departments`).
 */
export function CampaignProgressByTeam(props: {
  campaign: CampaignDetailsResponse;
  /** The campaign's departments, read once for the page. */
  departments: CampaignDepartments;
}) {
  const { campaign } = props;
  return (
    <ByDepartmentCard
      title={{
        teams: 'Progress by team',
        departments: 'Progress by department',
      }}
      subheader={{
        teams: 'Compare adoption',
        departments: 'Each department counts the entities of all its teams',
      }}
      teams={
        <CampaignTeamsTable
          campaignKey={campaign.key}
          campaignName={campaign.name}
          teams={campaign.byTeam}
        />
      }
      departments={
        <DepartmentsTable campaign={campaign} departments={props.departments} />
      }
    />
  );
}
