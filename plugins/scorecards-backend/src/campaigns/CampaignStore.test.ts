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
import { CampaignStore } from './CampaignStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});

const campaign = (key: string, name = key): NormalisedCampaign => ({
  key,
  name,
  owner: 'group:default/platform',
  startDate: '2026-11-01',
  endDate: '2026-12-31',
  scope: 'kind:component',
  rules: [
    {
      rule: 'docs/techdocs',
      scorecardId: 'docs',
      ruleId: 'techdocs',
      guidance: { steps: ['Add `mkdocs.yml`'] },
    },
  ],
});

describe.each(databases.eachSupportedId())('CampaignStore on %p', id => {
  let knex: Knex;
  let store: CampaignStore;

  beforeAll(async () => {
    knex = await databases.init(id);
    store = await CampaignStore.create({
      database: mockServices.database({ knex }),
    });
  });

  beforeEach(async () => {
    await knex('scorecards_campaigns').delete();
    await knex('scorecards_campaign_daily').delete();
  });

  it('creates, reads, updates and archives campaigns', async () => {
    const created = await store.createCampaign(campaign('b-campaign'), {
      createdBy: 'user:default/jane',
      now: new Date('2026-11-20T10:00:00.123Z'),
    });
    expect(created).toEqual({
      campaign: campaign('b-campaign'),
      archived: false,
      createdBy: 'user:default/jane',
      createdAt: new Date('2026-11-20T10:00:00.123Z'),
      updatedAt: new Date('2026-11-20T10:00:00.123Z'),
    });
    await store.createCampaign(campaign('a-campaign'), {
      createdBy: 'user:default/joe',
    });
    await expect(
      store.createCampaign(campaign('a-campaign'), { createdBy: 'x' }),
    ).rejects.toMatchObject({ name: 'ConflictError' });

    expect((await store.listCampaigns()).map(c => c.campaign.key)).toEqual([
      'a-campaign',
      'b-campaign',
    ]);

    const updated = await store.updateCampaign(
      'b-campaign',
      { ...campaign('ignored'), name: 'Renamed' },
      { now: new Date('2026-11-21T10:00:00.000Z') },
    );
    expect(updated.campaign.key).toBe('b-campaign');
    expect(updated.campaign.name).toBe('Renamed');
    expect(updated.updatedAt).toEqual(new Date('2026-11-21T10:00:00.000Z'));
    expect(updated.createdAt).toEqual(new Date('2026-11-20T10:00:00.123Z'));

    await store.archiveCampaign('b-campaign');
    expect((await store.listCampaigns()).map(c => c.campaign.key)).toEqual([
      'a-campaign',
    ]);
    const all = await store.listCampaigns({ includeArchived: true });
    expect(all.map(c => [c.campaign.key, c.archived])).toEqual([
      ['a-campaign', false],
      ['b-campaign', true],
    ]);
    expect((await store.getCampaign('b-campaign'))?.archived).toBe(true);
    await expect(store.getCampaign('nope')).resolves.toBeUndefined();
    await expect(
      store.updateCampaign('nope', campaign('nope')),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(store.archiveCampaign('nope')).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });

  it('writes daily rows, replacing a day per campaign, and reads the trend', async () => {
    await store.writeDaily('2026-11-20', [
      { campaignKey: 'a', owner: '*', inScope: 10, passing: 2 },
      { campaignKey: 'a', owner: 'group:default/x', inScope: 4, passing: 1 },
      { campaignKey: 'a', owner: 'group:default/y', inScope: 3, passing: 2 },
      { campaignKey: 'b', owner: '*', inScope: 5, passing: 5 },
    ]);
    await store.writeDaily('2026-11-21', [
      { campaignKey: 'a', owner: '*', inScope: 10, passing: 3 },
    ]);
    // A second run the same day replaces the day of the campaigns it has.
    await store.writeDaily('2026-11-21', [
      { campaignKey: 'a', owner: '*', inScope: 10, passing: 4 },
      { campaignKey: 'a', owner: 'group:default/y', inScope: 3, passing: 3 },
    ]);
    await store.writeDaily('2026-11-22', []);

    await expect(store.getTrend('a')).resolves.toEqual([
      { day: '2026-11-20', inScope: 10, passing: 2 },
      { day: '2026-11-21', inScope: 10, passing: 4 },
    ]);
    await expect(
      store.getTrend('a', { owners: ['group:default/x'] }),
    ).resolves.toEqual([{ day: '2026-11-20', inScope: 4, passing: 1 }]);
    // Several owners: added up per day.
    await expect(
      store.getTrend('a', {
        owners: ['group:default/x', 'group:default/y', 'group:default/z'],
      }),
    ).resolves.toEqual([
      { day: '2026-11-20', inScope: 7, passing: 3 },
      { day: '2026-11-21', inScope: 3, passing: 3 },
    ]);
    await expect(store.getTrend('a', { since: '2026-11-21' })).resolves.toEqual(
      [{ day: '2026-11-21', inScope: 10, passing: 4 }],
    );
    await expect(store.getTrend('b')).resolves.toEqual([
      { day: '2026-11-20', inScope: 5, passing: 5 },
    ]);
    await expect(store.pruneDaily('2026-11-21')).resolves.toBe(4);
    await expect(store.getTrend('b')).resolves.toEqual([]);
  });
});
