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

import { useEffect, useRef, useState } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import FormControl from '@material-ui/core/FormControl';
import IconButton from '@material-ui/core/IconButton';
import InputLabel from '@material-ui/core/InputLabel';
import OutlinedInput from '@material-ui/core/OutlinedInput';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import DownloadIcon from '@material-ui/icons/GetApp';
import NextIcon from '@material-ui/icons/ChevronRight';
import PreviousIcon from '@material-ui/icons/ChevronLeft';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import {
  CampaignDetailsResponse,
  CampaignEntitiesQuery,
  scorecardsApiRef,
} from '../../api';
import { downloadBlob } from '../ScorecardEntitiesTable/downloadBlob';
import { NO_OWNER, teamOption, TeamSelect } from '../TeamSelect';
import { CampaignNotifyButton } from './CampaignNotifyButton';
import { CampaignTicketLink } from './CampaignTicketLink';
import { DataTable, TableScroller } from '../DataTable';

const PAGE_SIZE = 25;

/**
 * The filters in the page's URL: `?team=<group ref>`, which may repeat
 * (`team=` for entities without an owner), and `?rule=<scorecard>/<rule>`.
 */
function filtersFromParams(params: URLSearchParams) {
  return {
    teams: params.getAll('team').map(team => team || NO_OWNER),
    rule: params.get('rule') ?? '',
  };
}

/**
 * A link to this campaign's entities failing, of some teams or one rule.
 * `view` keeps progress by department on, for a link from it.
 */
export function campaignFailingLink(filter: {
  team?: string | string[];
  rule?: string;
  view?: 'departments';
}): string {
  const params = new URLSearchParams();
  for (const team of [filter.team ?? []].flat()) {
    params.append('team', team);
  }
  if (filter.rule !== undefined) {
    params.set('rule', filter.rule);
  }
  if (filter.view) {
    params.set('teamsView', filter.view);
  }
  return `?${params}`;
}

const useStyles = makeStyles(theme => ({
  controls: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  select: { minWidth: 200 },
  caption: {
    captionSide: 'top',
    padding: theme.spacing(0, 0, 1),
    color: theme.palette.text.secondary,
  },
}));

/**
 * The entities still failing a campaign, by team and rule, a page at a time,
 * and exportable as CSV with the same filters.
 */
export function CampaignEntitiesTable(props: {
  campaign: CampaignDetailsResponse;
}) {
  const { campaign } = props;
  const classes = useStyles();
  const api = useApi(scorecardsApiRef);
  const alertApi = useApi(alertApiRef);
  // The filters live in the URL, so that a filtered table can be shared,
  // linked to from the teams and rules above, and from notifications.
  const [params, setParams] = useSearchParams();
  const { teams, rule } = filtersFromParams(params);
  // The pages visited, of these filters: other filters start at page one.
  const filterKey = `${teams.join(' ')}\n${rule}`;
  const [paging, setPaging] = useState<{
    filterKey: string;
    cursors: Array<string | undefined>;
  }>({ filterKey, cursors: [undefined] });
  const cursors = paging.filterKey === filterKey ? paging.cursors : [undefined];
  const setCursors = (next: Array<string | undefined>) =>
    setPaging({ filterKey, cursors: next });
  const [exporting, setExporting] = useState(false);
  const page = cursors.length - 1;
  const cursor = cursors[page];

  // Filters changed by a link (not by the choices here) bring the table
  // into view.
  const rootRef = useRef<HTMLDivElement>(null);
  const choosing = useRef(false);
  const mounted = useRef(false);
  useEffect(() => {
    if (mounted.current && !choosing.current) {
      rootRef.current?.scrollIntoView?.({ behavior: 'smooth' });
    }
    mounted.current = true;
    choosing.current = false;
  }, [filterKey]);

  const choose = (change: (next: URLSearchParams) => void) => {
    choosing.current = true;
    setParams(
      current => {
        const next = new URLSearchParams(current);
        change(next);
        return next;
      },
      { replace: true },
    );
  };
  const setTeams = (value: string[]) =>
    choose(next => {
      next.delete('team');
      value.forEach(team => next.append('team', team === NO_OWNER ? '' : team));
    });
  const setRule = (value: string) => {
    if (value !== rule) {
      choose(next => (value ? next.set('rule', value) : next.delete('rule')));
    }
  };

  const filters: CampaignEntitiesQuery = {};
  const teamValues = teams.map(team => (team === NO_OWNER ? '' : team));
  if (teamValues.length > 0) {
    filters.team = teamValues.length === 1 ? teamValues[0] : teamValues;
  }
  if (rule) {
    filters.rule = rule;
  }
  const { value, loading, error } = useAsync(
    () =>
      api.getCampaignEntities(campaign.key, {
        ...filters,
        limit: PAGE_SIZE,
        cursor,
      }),
    // The filters, by value (filterKey), not the query object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, campaign.key, filterKey, cursor],
  );

  const titles = new Map(campaign.byRule.map(r => [r.rule, r.title]));
  const teamOptions = campaign.byTeam.map(t => teamOption(t.owner || NO_OWNER));
  // A team or rule from the URL that the campaign no longer has is still
  // shown as chosen.
  for (const team of teams) {
    if (!teamOptions.some(option => option.value === team)) {
      teamOptions.push(teamOption(team));
    }
  }
  // A ticket is for one team.
  const ticketTeam =
    teams.length === 1 && teams[0] !== NO_OWNER ? teams[0] : undefined;

  const exportCsv = async () => {
    setExporting(true);
    try {
      const blob = await api.exportCampaignEntities(campaign.key, filters);
      downloadBlob(blob, `${campaign.key}-failing-entities.csv`);
    } catch (e) {
      alertApi.post({
        message: `Could not export entities: ${
          e instanceof Error ? e.message : String(e)
        }`,
        severity: 'error',
      });
    } finally {
      setExporting(false);
    }
  };

  return (
    <div ref={rootRef}>
      <Box className={classes.controls}>
        <TeamSelect
          id="campaign-team"
          value={teams}
          options={teamOptions}
          onChange={setTeams}
          allLabel="All teams"
        />
        <FormControl variant="outlined" size="small" className={classes.select}>
          <InputLabel shrink id="campaign-rule-label">
            Rule
          </InputLabel>
          <Select
            labelId="campaign-rule-label"
            id="campaign-rule"
            label="Rule"
            value={rule}
            displayEmpty
            input={<OutlinedInput notched label="Rule" />}
            onChange={e => setRule(e.target.value as string)}
          >
            <MenuItem value="">All rules</MenuItem>
            {campaign.byRule.map(r => (
              <MenuItem key={r.rule} value={r.rule}>
                {r.title}
              </MenuItem>
            ))}
            {rule && !titles.has(rule) && (
              <MenuItem value={rule}>{rule}</MenuItem>
            )}
          </Select>
        </FormControl>
        <Box flex={1} />
        {ticketTeam && (
          <CampaignTicketLink
            campaign={campaign}
            team={ticketTeam}
            rule={rule || undefined}
          />
        )}
        {!ticketTeam && campaign.ticketUrlTemplate && (
          <Typography variant="caption" color="textSecondary">
            {teams.length > 1
              ? 'Choose one team to create a ticket'
              : 'Choose a team to create a ticket'}
          </Typography>
        )}
        <CampaignNotifyButton
          campaign={campaign}
          teams={teamValues}
          rule={rule || undefined}
        />
        <Button
          variant="outlined"
          size="small"
          onClick={exportCsv}
          disabled={exporting}
          startIcon={
            exporting ? <CircularProgress size={16} /> : <DownloadIcon />
          }
        >
          Export CSV
        </Button>
      </Box>
      {error && <ResponseErrorPanel error={error} />}
      <TableScroller>
        <DataTable aria-busy={loading}>
          <caption className={classes.caption}>
            Entities failing {campaign.name}
          </caption>
          <TableHead>
            <TableRow>
              <TableCell>Entity</TableCell>
              <TableCell>Owner</TableCell>
              <TableCell>Failing rules</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {loading && (
              <TableRow>
                <TableCell colSpan={3}>
                  <Progress />
                </TableCell>
              </TableRow>
            )}
            {!loading && value?.items.length === 0 && (
              <TableRow>
                <TableCell colSpan={3}>
                  <Typography variant="body2" color="textSecondary">
                    {teams.length > 0 || rule
                      ? 'No failing entities match these filters.'
                      : 'No entity is failing this campaign.'}
                  </Typography>
                </TableCell>
              </TableRow>
            )}
            {!loading &&
              value?.items.map(row => (
                <TableRow key={row.entityRef} hover>
                  <TableCell>
                    <EntityRefLink
                      entityRef={row.entityRef}
                      title={row.title}
                    />
                  </TableCell>
                  <TableCell>
                    {row.owner ? (
                      <EntityRefLink
                        entityRef={row.owner}
                        defaultKind="group"
                      />
                    ) : (
                      'No owner'
                    )}
                  </TableCell>
                  <TableCell>
                    {row.failingRules.map(r => titles.get(r) ?? r).join(', ')}
                  </TableCell>
                </TableRow>
              ))}
          </TableBody>
        </DataTable>
      </TableScroller>
      <Box display="flex" justifyContent="flex-end" alignItems="center" mt={1}>
        <Typography variant="body2" color="textSecondary">
          Page {page + 1}
        </Typography>
        <IconButton
          aria-label="Previous page"
          disabled={loading || page === 0}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          <PreviousIcon />
        </IconButton>
        <IconButton
          aria-label="Next page"
          disabled={loading || !value?.nextCursor}
          onClick={() =>
            value?.nextCursor && setCursors([...cursors, value.nextCursor])
          }
        >
          <NextIcon />
        </IconButton>
      </Box>
    </div>
  );
}
