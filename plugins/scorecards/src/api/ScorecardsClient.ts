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
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { ScorecardsApi } from './ScorecardsApi';
import {
  CampaignDefinitionResponse,
  CampaignDepartmentsResponse,
  CampaignTrendResponse,
  CampaignDetailsResponse,
  CampaignEntitiesQuery,
  CampaignInput,
  CampaignEntitiesResponse,
  CampaignNotifyResponse,
  CampaignsListResponse,
  CampaignsQuery,
  EntityCampaignsResponse,
  EntityOutcomesResponse,
  EntityScorecardsResponse,
  EvaluationSummary,
  ReportContent,
  ReportSendResponse,
  ReportsListResponse,
  ScorecardDepartmentsResponse,
  ScorecardDetailsResponse,
  ScorecardEntitiesQuery,
  ScorecardEntitiesResponse,
  ScorecardHistoryQuery,
  ScorecardHistoryResponse,
  ScorecardNotifyResponse,
  ScorecardsListResponse,
  TeamRelation,
  TeamCampaignsResponse,
  TeamScorecardsResponse,
} from './types';

type QueryParams = Record<string, string | number | undefined>;

function toQueryString(params: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') {
      search.append(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

// Unlike the other filters, the team may repeat, and an empty team is sent:
// it selects the entities without an owner.
function queryStringWithTeam(
  query: { team?: string | string[] } & Record<
    string,
    string | string[] | number | undefined
  >,
): string {
  const { team, ...rest } = query;
  const text = toQueryString(rest as QueryParams).slice(1);
  const teams = team === undefined ? [] : [team].flat();
  const teamParam = teams.map(t => `team=${encodeURIComponent(t)}`).join('&');
  const all = [teamParam, text].filter(Boolean).join('&');
  return all ? `?${all}` : '';
}

function canonicalRef(entityRef: string | CompoundEntityRef): string {
  return stringifyEntityRef(
    typeof entityRef === 'string' ? parseEntityRef(entityRef) : entityRef,
  );
}

function entityPath(entityRef: string | CompoundEntityRef): string {
  const { kind, namespace, name } =
    typeof entityRef === 'string' ? parseEntityRef(entityRef) : entityRef;
  return [kind, namespace, name].map(encodeURIComponent).join('/');
}

/**
 * Talks to the scorecards backend over HTTP, with the user's Backstage
 * token (through the fetch API).
 *
 * @public
 */
export class ScorecardsClient implements ScorecardsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getScorecards(): Promise<ScorecardsListResponse> {
    return this.getJson('/scorecards');
  }

  async getScorecard(id: string): Promise<ScorecardDetailsResponse> {
    return this.getJson(`/scorecards/${encodeURIComponent(id)}`);
  }

  async getScorecardDepartments(
    id: string,
  ): Promise<ScorecardDepartmentsResponse> {
    return this.getJson(`/scorecards/${encodeURIComponent(id)}/departments`);
  }

  async getScorecardEntities(
    id: string,
    query: ScorecardEntitiesQuery = {},
  ): Promise<ScorecardEntitiesResponse> {
    return this.getJson(
      `/scorecards/${encodeURIComponent(id)}/entities${queryStringWithTeam({
        ...query,
      })}`,
    );
  }

  async exportScorecardEntities(
    id: string,
    query: ScorecardEntitiesQuery = {},
  ): Promise<Blob> {
    const { limit: _limit, cursor: _cursor, ...filters } = query;
    const response = await this.request(
      `/scorecards/${encodeURIComponent(id)}/export.csv${queryStringWithTeam({
        ...filters,
      })}`,
    );
    return response.blob();
  }

  async getEntityScorecards(
    entityRef: string | CompoundEntityRef,
  ): Promise<EntityScorecardsResponse> {
    return this.getJson(`/entities/${entityPath(entityRef)}`);
  }

  async getTeamScorecards(
    teamRef: string | CompoundEntityRef,
    options: { relation?: TeamRelation } = {},
  ): Promise<TeamScorecardsResponse> {
    return this.getJson(
      `/teams/${entityPath(teamRef)}${toQueryString({
        relation: options.relation,
      })}`,
    );
  }

  async getEntityOutcomes(
    entityRef: string | CompoundEntityRef,
  ): Promise<EntityOutcomesResponse> {
    return this.getJson(
      `/outcomes${toQueryString({ entityRef: canonicalRef(entityRef) })}`,
    );
  }

  async evaluateEntity(
    entityRef: string | CompoundEntityRef,
  ): Promise<EvaluationSummary> {
    const response = await this.request('/evaluations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ entityRef: canonicalRef(entityRef) }),
    });
    return (await response.json()) as EvaluationSummary;
  }

  async getHistory(
    query: ScorecardHistoryQuery,
  ): Promise<ScorecardHistoryResponse> {
    return this.getJson(`/history${toQueryString({ ...query })}`);
  }

  async getCampaigns(
    query: CampaignsQuery = {},
  ): Promise<CampaignsListResponse> {
    return this.getJson(`/campaigns${toQueryString({ ...query })}`);
  }

  async getCampaign(key: string): Promise<CampaignDetailsResponse> {
    return this.getJson(`/campaigns/${encodeURIComponent(key)}`);
  }

  async getCampaignDepartments(
    key: string,
  ): Promise<CampaignDepartmentsResponse> {
    return this.getJson(`/campaigns/${encodeURIComponent(key)}/departments`);
  }

  async getCampaignTrend(
    key: string,
    query: { team?: string; relation?: TeamRelation } = {},
  ): Promise<CampaignTrendResponse> {
    return this.getJson(
      `/campaigns/${encodeURIComponent(key)}/trend${toQueryString({
        ...query,
      })}`,
    );
  }

  async createCampaign(
    body: CampaignInput,
  ): Promise<CampaignDefinitionResponse> {
    const response = await this.request('/campaigns', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as CampaignDefinitionResponse;
  }

  async updateCampaign(
    key: string,
    body: CampaignInput,
  ): Promise<CampaignDefinitionResponse> {
    const response = await this.request(
      `/campaigns/${encodeURIComponent(key)}`,
      {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      },
    );
    return (await response.json()) as CampaignDefinitionResponse;
  }

  async archiveCampaign(key: string): Promise<void> {
    await this.request(`/campaigns/${encodeURIComponent(key)}`, {
      method: 'DELETE',
    });
  }

  async getCampaignEntities(
    key: string,
    query: CampaignEntitiesQuery = {},
  ): Promise<CampaignEntitiesResponse> {
    return this.getJson(
      `/campaigns/${encodeURIComponent(key)}/entities${queryStringWithTeam({
        ...query,
      })}`,
    );
  }

  async exportCampaignEntities(
    key: string,
    query: CampaignEntitiesQuery = {},
  ): Promise<Blob> {
    const { limit: _limit, cursor: _cursor, ...filters } = query;
    const response = await this.request(
      `/campaigns/${encodeURIComponent(key)}/export.csv${queryStringWithTeam(
        filters,
      )}`,
    );
    return response.blob();
  }

  async notifyCampaignOwners(
    key: string,
    query: CampaignEntitiesQuery = {},
  ): Promise<CampaignNotifyResponse> {
    const { limit: _limit, cursor: _cursor, ...filters } = query;
    const response = await this.request(
      `/campaigns/${encodeURIComponent(key)}/notify${queryStringWithTeam(
        filters,
      )}`,
      { method: 'POST' },
    );
    return (await response.json()) as CampaignNotifyResponse;
  }

  async notifyScorecardOwners(
    id: string,
    query: ScorecardEntitiesQuery = {},
  ): Promise<ScorecardNotifyResponse> {
    const { limit: _limit, cursor: _cursor, ...filters } = query;
    const response = await this.request(
      `/scorecards/${encodeURIComponent(id)}/notify${queryStringWithTeam({
        ...filters,
      })}`,
      { method: 'POST' },
    );
    return (await response.json()) as ScorecardNotifyResponse;
  }

  async getTeamCampaigns(
    teamRef: string | CompoundEntityRef,
    options: { relation?: TeamRelation } = {},
  ): Promise<TeamCampaignsResponse> {
    return this.getJson(
      `/teams/${entityPath(teamRef)}/campaigns${toQueryString({
        relation: options.relation,
      })}`,
    );
  }

  async getEntityCampaigns(
    entityRef: string | CompoundEntityRef,
  ): Promise<EntityCampaignsResponse> {
    return this.getJson(`/entities/${entityPath(entityRef)}/campaigns`);
  }

  async getReports(): Promise<ReportsListResponse> {
    return this.getJson('/reports');
  }

  async previewReport(id: string): Promise<ReportContent> {
    return this.getJson(`/reports/${encodeURIComponent(id)}/preview`);
  }

  async sendReport(id: string): Promise<ReportSendResponse> {
    const response = await this.request(
      `/reports/${encodeURIComponent(id)}/send`,
      { method: 'POST' },
    );
    return (await response.json()) as ReportSendResponse;
  }

  private async getJson<T>(path: string): Promise<T> {
    const response = await this.request(path);
    return (await response.json()) as T;
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('scorecards');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
