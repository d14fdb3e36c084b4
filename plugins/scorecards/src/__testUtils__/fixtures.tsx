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

import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { PropsWithChildren } from 'react';
import { SWRConfig } from 'swr';
import { ScorecardsApi } from '../api/ScorecardsApi';
import {
  EntityScorecardsResponse,
  ScorecardDetailsResponse,
  ScorecardEntityRow,
  ScorecardsListResponse,
} from '../api/types';

/** Test data shared by the component tests; not part of the package API. */

export const LEVELS = ['Basic', 'Bronze', 'Silver', 'Gold'];

export const paymentsEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
};

/** A department: owns nothing itself, has two child teams. */
export const departmentGroup: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { namespace: 'default', name: 'engineering' },
  spec: {
    type: 'department',
    children: ['group:default/payments', 'group:default/identity'],
  },
  relations: [
    { type: 'parentOf', targetRef: 'group:default/payments' },
    { type: 'parentOf', targetRef: 'group:default/identity' },
    { type: 'childOf', targetRef: 'group:default/acme' },
  ],
};

export const paymentsScorecards: EntityScorecardsResponse = {
  entityRef: 'component:default/payments',
  levels: LEVELS,
  lastRunAt: '2026-01-10T10:00:00.000Z',
  scorecards: [
    {
      id: 'production-readiness',
      title: 'Production Readiness',
      description: 'Services that are **safe** to run in production.',
      level: 'Bronze',
      score: 66.7,
      stateSince: '2026-01-01T10:00:00.000Z',
      updatedAt: '2026-01-10T10:00:00.000Z',
      rules: [
        {
          id: 'has-owner',
          title: 'Has an owner',
          level: 'Bronze',
          weight: 1,
          status: 'pass',
          value: 'group:default/team-a',
          message: 'spec.owner is group:default/team-a',
          guidance: { text: 'Set spec.owner' },
        },
        {
          id: 'on-call',
          title: 'Has on-call and few open incidents',
          level: 'Silver',
          weight: 1,
          status: 'fail',
          value: 7,
          message: 'spec.openIncidents is 7; must be < 5',
          guidance: {
            text: 'Close incidents in **PagerDuty**',
            url: 'https://example.com/on-call',
          },
        },
        {
          id: 'has-runbook',
          title: 'Has a runbook',
          level: 'Gold',
          weight: 1,
          status: 'skip',
          message: 'Not applicable to libraries',
        },
      ],
    },
  ],
};

export const scorecardsList: ScorecardsListResponse = {
  levels: LEVELS,
  lastRun: {
    id: 12,
    trigger: 'schedule',
    scope: {},
    status: 'succeeded',
    startedAt: '2026-01-10T09:59:00.000Z',
    finishedAt: '2026-01-10T10:00:00.000Z',
    entitiesEvaluated: 40,
    resultsWritten: 3,
    resultsDeleted: 0,
  },
  items: [
    {
      id: 'production-readiness',
      title: 'Production Readiness',
      description: 'Services that are safe to run in production.',
      rules: [
        { id: 'has-owner', title: 'Has an owner', level: 'Bronze', weight: 1 },
        { id: 'on-call', title: 'Has on-call', level: 'Silver', weight: 1 },
      ],
      summary: {
        entities: 40,
        averageScore: 72.5,
        distribution: [
          { level: 'Basic', count: 10 },
          { level: 'Bronze', count: 20 },
          { level: 'Silver', count: 6 },
          { level: 'Gold', count: 4 },
        ],
        asOf: '2026-01-10T10:00:00.000Z',
      },
    },
    {
      id: 'documentation',
      title: 'Documentation & Ownership',
      rules: [],
      summary: {
        entities: 0,
        averageScore: null,
        distribution: LEVELS.map(level => ({ level, count: 0 })),
        asOf: null,
      },
    },
  ],
};

export function entityRow(
  name: string,
  overrides: Partial<ScorecardEntityRow> = {},
): ScorecardEntityRow {
  return {
    entityRef: `component:default/${name}`,
    entity: {
      kind: 'Component',
      namespace: 'default',
      name,
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/team-a',
    },
    level: 'Bronze',
    levelRank: 1,
    score: 50,
    rulesPassed: 1,
    rulesFailed: 1,
    failingRules: ['on-call'],
    updatedAt: '2026-01-10T10:00:00.000Z',
    stateSince: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}

export const productionReadinessDetails: ScorecardDetailsResponse = {
  levels: LEVELS,
  lastRun: scorecardsList.lastRun,
  id: 'production-readiness',
  title: 'Production Readiness',
  description: 'Services that are safe to run in production.',
  rules: [
    {
      id: 'has-owner',
      title: 'Has an owner',
      level: 'Bronze',
      weight: 1,
      applicable: 40,
      passed: 30,
      passRate: 75,
    },
    {
      id: 'on-call',
      title: 'Has on-call',
      level: 'Silver',
      weight: 1,
      applicable: 30,
      passed: 10,
      passRate: 33.3,
    },
  ],
  summary: scorecardsList.items[0].summary,
  teams: [
    {
      owner: 'group:default/team-a',
      entities: 25,
      averageScore: 80,
      distribution: [
        { level: 'Basic', count: 5 },
        { level: 'Bronze', count: 12 },
        { level: 'Silver', count: 5 },
        { level: 'Gold', count: 3 },
      ],
      rules: [
        { ruleId: 'has-owner', applicable: 25, passed: 25, passRate: 100 },
        { ruleId: 'on-call', applicable: 20, passed: 8, passRate: 40 },
      ],
    },
    {
      owner: null,
      entities: 15,
      averageScore: 60,
      distribution: [
        { level: 'Basic', count: 5 },
        { level: 'Bronze', count: 8 },
        { level: 'Silver', count: 1 },
        { level: 'Gold', count: 1 },
      ],
      rules: [
        { ruleId: 'has-owner', applicable: 15, passed: 5, passRate: 33.3 },
        { ruleId: 'on-call', applicable: 0, passed: 0, passRate: null },
      ],
    },
  ],
  facets: {
    kinds: ['API', 'Component'],
    types: ['service', 'website'],
    lifecycles: ['experimental', 'production'],
    systems: ['system:default/payments'],
  },
  highest: {
    rules: [
      {
        id: 'has-owner',
        title: 'Has an owner',
        level: 'Bronze',
        applicable: 40,
        passed: 30,
        passRate: 75,
      },
    ],
    entities: [entityRow('checkout', { level: 'Gold', score: 100 })],
    teams: [
      {
        owner: 'group:default/team-a',
        entities: 25,
        averageScore: 80,
        distribution: [],
        rules: [],
      },
    ],
  },
  lowest: {
    rules: [
      {
        id: 'on-call',
        title: 'Has on-call',
        level: 'Silver',
        applicable: 30,
        passed: 10,
        passRate: 33.3,
      },
    ],
    entities: [entityRow('legacy-billing', { level: 'Basic', score: 0 })],
    teams: [
      {
        owner: 'group:default/team-b',
        entities: 3,
        averageScore: 20,
        distribution: [],
        rules: [],
      },
    ],
  },
};

/**
 * Gives each test its own cache of permission decisions: `usePermission`
 * caches them across renders, which would leak one test's answer into the next.
 */
export function FreshPermissionCache(props: PropsWithChildren<{}>) {
  return (
    <SWRConfig value={{ provider: () => new Map() }}>
      {props.children}
    </SWRConfig>
  );
}

/** A ScorecardsApi whose methods are jest mocks that reject unless set. */
export function mockScorecardsApi(
  overrides: Partial<jest.Mocked<ScorecardsApi>> = {},
): jest.Mocked<ScorecardsApi> {
  const notMocked = (name: string) =>
    jest.fn(() => Promise.reject(new Error(`${name} not mocked`)));
  return {
    getScorecards: notMocked('getScorecards'),
    getScorecard: notMocked('getScorecard'),
    getScorecardDepartments: notMocked('getScorecardDepartments'),
    getScorecardEntities: notMocked('getScorecardEntities'),
    exportScorecardEntities: notMocked('exportScorecardEntities'),
    getEntityScorecards: notMocked('getEntityScorecards'),
    getEntityOutcomes: notMocked('getEntityOutcomes'),
    getTeamScorecards: notMocked('getTeamScorecards'),
    getTeamCampaigns: notMocked('getTeamCampaigns'),
    evaluateEntity: notMocked('evaluateEntity'),
    getHistory: notMocked('getHistory'),
    getCampaigns: notMocked('getCampaigns'),
    getCampaign: notMocked('getCampaign'),
    getCampaignDepartments: notMocked('getCampaignDepartments'),
    getCampaignTrend: notMocked('getCampaignTrend'),
    createCampaign: notMocked('createCampaign'),
    updateCampaign: notMocked('updateCampaign'),
    archiveCampaign: notMocked('archiveCampaign'),
    getCampaignEntities: notMocked('getCampaignEntities'),
    exportCampaignEntities: notMocked('exportCampaignEntities'),
    notifyCampaignOwners: notMocked('notifyCampaignOwners'),
    notifyScorecardOwners: notMocked('notifyScorecardOwners'),
    getEntityCampaigns: notMocked('getEntityCampaigns'),
    getReports: notMocked('getReports'),
    previewReport: notMocked('previewReport'),
    sendReport: notMocked('sendReport'),
    ...overrides,
  } as jest.Mocked<ScorecardsApi>;
}

/** The error the client throws for a failed request, as the backend answers. */
export async function responseError(
  status: number,
  name: string,
  message: string,
): Promise<ResponseError> {
  const response = new Response(
    JSON.stringify({
      error: { name, message },
      request: { method: 'GET', url: '/' },
      response: { statusCode: status },
    }),
    { status, headers: { 'Content-Type': 'application/json' } },
  );
  return ResponseError.fromResponse(response as any);
}
