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

import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { NormalisedCampaign } from '@openscorecards/plugin-scorecards-common';
import { Knex } from 'knex';
import { EntityResultRow } from '../database/ResultStore';
import { insertResults } from './__testUtils__/insertResults';
import {
  CampaignProgressCache,
  computeCampaignsProgress,
  entityCampaignRules,
  factsEntity,
} from './campaignProgress';
import { CampaignStore } from './CampaignStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});

const docsCampaign: NormalisedCampaign = {
  key: 'docs-and-oncall',
  name: 'Docs and on-call',
  owner: 'group:default/platform',
  startDate: '2026-11-01',
  scope: 'kind:component',
  rules: [
    { rule: 'docs/techdocs', scorecardId: 'docs', ruleId: 'techdocs' },
    { rule: 'ops/oncall', scorecardId: 'ops', ruleId: 'oncall' },
  ],
};

const teamACampaign: NormalisedCampaign = {
  key: 'team-a-docs',
  name: 'Team A docs',
  owner: 'group:default/team-a',
  startDate: '2026-11-01',
  scope: '$owner:"group:default/team-a"',
  rules: [{ rule: 'docs/techdocs', scorecardId: 'docs', ruleId: 'techdocs' }],
};

const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';

async function seed(knex: Knex) {
  await insertResults(knex, [
    {
      scorecardId: 'docs',
      name: 'a',
      owner: TEAM_A,
      rules: { techdocs: 'pass' },
    },
    { scorecardId: 'ops', name: 'a', owner: TEAM_A, rules: { oncall: 'pass' } },
    {
      scorecardId: 'docs',
      name: 'b',
      owner: TEAM_A,
      rules: { techdocs: 'fail' },
    },
    { scorecardId: 'ops', name: 'b', owner: TEAM_A, rules: { oncall: 'pass' } },
    {
      scorecardId: 'docs',
      name: 'c',
      owner: TEAM_B,
      rules: { techdocs: 'skip' },
    },
    {
      scorecardId: 'docs',
      name: 'd',
      owner: TEAM_B,
      rules: { techdocs: 'pass' },
    },
    { scorecardId: 'ops', name: 'd', owner: TEAM_B, rules: { oncall: 'fail' } },
    {
      scorecardId: 'docs',
      name: 'e',
      rules: { techdocs: 'fail', readme: 'fail' },
    },
    {
      scorecardId: 'docs',
      name: 'x',
      kind: 'API',
      owner: TEAM_A,
      rules: { techdocs: 'fail' },
    },
    { scorecardId: 'ops', name: 'f', owner: TEAM_B, rules: { oncall: 'pass' } },
  ]);
}

describe.each(databases.eachSupportedId())('campaign progress on %p', id => {
  let knex: Knex;

  beforeAll(async () => {
    knex = await databases.init(id);
    await CampaignStore.create({ database: mockServices.database({ knex }) });
    await seed(knex);
  });

  it('computes completion, by team, by rule and failing entities in one pass', async () => {
    const now = new Date('2026-11-25T00:00:00Z');
    const progress = await computeCampaignsProgress(
      knex,
      [docsCampaign, teamACampaign],
      { now, pageSize: 2 },
    );
    expect(progress.get('docs-and-oncall')).toEqual({
      inScope: 5,
      passing: 2,
      byTeam: [
        { owner: '', inScope: 1, passing: 0 },
        { owner: TEAM_A, inScope: 2, passing: 1 },
        { owner: TEAM_B, inScope: 2, passing: 1 },
      ],
      byRule: [
        { rule: 'docs/techdocs', applicable: 4, passing: 2 },
        { rule: 'ops/oncall', applicable: 4, passing: 3 },
      ],
      failing: [
        {
          entityRef: 'component:default/b',
          kind: 'Component',
          namespace: 'default',
          name: 'b',
          title: undefined,
          owner: TEAM_A,
          failingRules: ['docs/techdocs'],
        },
        expect.objectContaining({
          entityRef: 'component:default/d',
          owner: TEAM_B,
          failingRules: ['ops/oncall'],
        }),
        expect.objectContaining({
          entityRef: 'component:default/e',
          owner: '',
          failingRules: ['docs/techdocs'],
        }),
      ],
      computedAt: now,
    });
    expect(progress.get('team-a-docs')).toMatchObject({
      inScope: 3,
      passing: 1,
      failing: [
        expect.objectContaining({ entityRef: 'api:default/x' }),
        expect.objectContaining({ entityRef: 'component:default/b' }),
      ],
    });
  });

  it('caches progress until the TTL passes, the definition changes or it is invalidated', async () => {
    let time = 0;
    const cache = new CampaignProgressCache(knex, {
      ttlMs: 1000,
      clock: () => time,
    });
    const first = await cache.getOne(docsCampaign);
    expect(await cache.getOne(docsCampaign)).toBe(first);
    time = 999;
    expect(await cache.getOne(docsCampaign)).toBe(first);
    time = 1000;
    const second = await cache.getOne(docsCampaign);
    expect(second).not.toBe(first);
    expect(second).toEqual({ ...first, computedAt: expect.any(Date) });
    const changed = await cache.getOne({ ...docsCampaign, scope: undefined });
    expect(changed).not.toBe(second);
    expect(changed.inScope).toBe(6); // the API counts without the scope
    cache.invalidate();
    expect(await cache.getOne(docsCampaign)).not.toBe(second);
  });
});

describe('entityCampaignRules', () => {
  const row = (
    scorecardId: string,
    rules: EntityResultRow['rules'],
  ): EntityResultRow => ({
    scorecardId,
    entityRef: 'component:default/a',
    entity: {
      kind: 'Component',
      namespace: 'default',
      name: 'a',
      owner: TEAM_A,
    },
    level: 'Bronze',
    levelRank: 1,
    score: 50,
    rulesPassed: 1,
    rulesFailed: 1,
    failingRules: [],
    rules,
    resultHash: 'h',
    updatedAt: new Date(),
  });

  it('gives the applicable campaign rules with their status', () => {
    expect(
      entityCampaignRules(docsCampaign, [
        row('docs', [
          { ruleId: 'techdocs', status: 'fail', message: 'no docs' },
        ]),
        row('ops', [{ ruleId: 'oncall', status: 'skip', message: 'n/a' }]),
      ]),
    ).toEqual([
      {
        rule: 'docs/techdocs',
        scorecardId: 'docs',
        ruleId: 'techdocs',
        status: 'fail',
        message: 'no docs',
      },
    ]);
  });

  it('is undefined out of scope or without an applicable rule', () => {
    const rows = [
      row('docs', [{ ruleId: 'techdocs', status: 'skip', message: 'n/a' }]),
    ];
    expect(entityCampaignRules(docsCampaign, rows)).toBeUndefined();
    expect(entityCampaignRules(docsCampaign, [])).toBeUndefined();
    expect(
      entityCampaignRules(
        { ...teamACampaign, scope: '$owner:"group:default/b"' },
        [row('docs', [{ ruleId: 'techdocs', status: 'pass', message: 'ok' }])],
      ),
    ).toBeUndefined();
  });
});

describe('factsEntity', () => {
  it('builds the entity a scope sees from the stored facts', () => {
    expect(
      factsEntity({
        kind: 'Component',
        namespace: 'default',
        name: 'a',
        title: 'A',
        type: 'service',
        owner: TEAM_A,
      }),
    ).toEqual({
      entity: {
        kind: 'Component',
        metadata: { name: 'a', namespace: 'default', title: 'A' },
        spec: { type: 'service', owner: TEAM_A },
      },
    });
  });
});
