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

import { ReactNode, useEffect, useState } from 'react';
import {
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { scorecardsCampaignCreatePermission } from '@openscorecards/plugin-scorecards-common';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import OutlinedInput from '@material-ui/core/OutlinedInput';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import AddIcon from '@material-ui/icons/Add';
import { useNavigate, useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { CampaignStatus, CampaignSummary, scorecardsApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { EntityName } from '../EntityName';
import {
  CAMPAIGN_STATUS_LABELS,
  CAMPAIGN_STATUS_ORDER,
  daysLeftText,
  formatDay,
} from './campaignFormat';
import { CampaignForm } from './CampaignForm';
import { CampaignStatusChip } from './CampaignStatusChip';
import { CompletionBar } from './CompletionBar';
import { DataTable } from '../DataTable';

const PAST: CampaignStatus[] = ['completed', 'ended'];

const useStyles = makeStyles(theme => ({
  controls: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(3),
  },
  select: { minWidth: 200 },
  section: { marginBottom: theme.spacing(4) },
  completion: { minWidth: 200 },
  nowrap: { whiteSpace: 'nowrap' },
  newButton: { marginLeft: 'auto', alignSelf: 'center' },
}));

function CampaignsTable(props: {
  title: string;
  id: string;
  campaigns: CampaignSummary[];
}) {
  const { title, id, campaigns } = props;
  const classes = useStyles();
  const root = useRouteRef(rootRouteRef)();
  return (
    <section className={classes.section} aria-labelledby={id}>
      <Typography variant="h5" component="h2" id={id} gutterBottom>
        {title}
      </Typography>
      <TableContainer>
        <DataTable aria-labelledby={id}>
          <TableHead>
            <TableRow>
              <TableCell>Campaign</TableCell>
              <TableCell>Owner</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Deadline</TableCell>
              <TableCell>Completion</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {campaigns.map(campaign => {
              const left = daysLeftText(campaign.daysLeft, campaign.status);
              return (
                <TableRow key={campaign.key}>
                  <TableCell>
                    <Link
                      to={`${root}/campaigns/${encodeURIComponent(
                        campaign.key,
                      )}`}
                    >
                      {campaign.name}
                    </Link>
                    <Typography
                      variant="caption"
                      color="textSecondary"
                      component="div"
                    >
                      {campaign.ruleCount === 1
                        ? '1 rule'
                        : `${campaign.ruleCount} rules`}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <EntityRefLink
                      entityRef={campaign.owner}
                      defaultKind="group"
                    />
                  </TableCell>
                  <TableCell>
                    <CampaignStatusChip status={campaign.status} />
                  </TableCell>
                  <TableCell className={classes.nowrap}>
                    {campaign.endDate ? formatDay(campaign.endDate) : 'None'}
                    {left && (
                      <Typography
                        variant="caption"
                        color={
                          campaign.status === 'overdue'
                            ? 'error'
                            : 'textSecondary'
                        }
                        component="div"
                      >
                        {left}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell className={classes.completion}>
                    <CompletionBar
                      completion={campaign.progress.completion}
                      passing={campaign.progress.passing}
                      total={campaign.progress.inScope}
                      label={`Completion of ${campaign.name}`}
                    />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </DataTable>
      </TableContainer>
    </section>
  );
}

function FilterSelect(props: {
  id: string;
  label: string;
  value: string;
  options: Array<{ value: string; label: ReactNode }>;
  onChange: (value: string) => void;
}) {
  const classes = useStyles();
  return (
    <FormControl variant="outlined" size="small" className={classes.select}>
      <InputLabel shrink id={`${props.id}-label`}>
        {props.label}
      </InputLabel>
      <Select
        labelId={`${props.id}-label`}
        id={props.id}
        label={props.label}
        value={props.value}
        displayEmpty
        input={<OutlinedInput notched label={props.label} />}
        onChange={e => props.onChange(e.target.value as string)}
      >
        <MenuItem value="">All</MenuItem>
        {props.options.map(option => (
          <MenuItem key={option.value} value={option.value}>
            {option.label}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/**
 * The Campaigns tab: current and past campaigns with their progress,
 * filtered by status and owner (kept in the URL, `?status=&owner=`).
 */
/** "New campaign", shown with the `scorecards.campaign.create` permission. */
function NewCampaignButton() {
  const classes = useStyles();
  const navigate = useNavigate();
  const root = useRouteRef(rootRouteRef)();
  const { allowed } = usePermission({
    permission: scorecardsCampaignCreatePermission,
  });
  const [open, setOpen] = useState(false);
  if (!allowed) {
    return null;
  }
  return (
    <>
      <Button
        className={classes.newButton}
        variant="contained"
        color="primary"
        startIcon={<AddIcon />}
        onClick={() => setOpen(true)}
      >
        New campaign
      </Button>
      <CampaignForm
        open={open}
        onClose={() => setOpen(false)}
        onSaved={created => {
          setOpen(false);
          navigate(`${root}/campaigns/${encodeURIComponent(created.key)}`);
        }}
      />
    </>
  );
}

export function CampaignsList() {
  const api = useApi(scorecardsApiRef);
  const classes = useStyles();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') || '') as CampaignStatus | '';
  const owner = params.get('owner') || '';
  const { value, loading, error } = useAsync(
    () =>
      api.getCampaigns({
        status: status || undefined,
        owner: owner || undefined,
      }),
    [api, status, owner],
  );

  // The owner choices: every owner seen so far, so that filtering by one
  // does not take the others away.
  const [owners, setOwners] = useState<string[]>([]);
  useEffect(() => {
    if (value) {
      setOwners(current => {
        const all = new Set([...current, ...value.items.map(c => c.owner)]);
        return all.size === current.length ? current : [...all].sort();
      });
    }
  }, [value]);

  const update = (key: string, next: string) => {
    const search = new URLSearchParams(params);
    if (next) {
      search.set(key, next);
    } else {
      search.delete(key);
    }
    setParams(search, { replace: true });
  };

  const filtered = Boolean(status || owner);
  const items = value?.items ?? [];
  const current = items.filter(c => !PAST.includes(c.status));
  const past = items.filter(c => PAST.includes(c.status));

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (items.length === 0 && filtered) {
    body = (
      <EmptyState
        missing="data"
        title="No campaigns match these filters"
        description="Choose another status or owner, or clear the filters."
      />
    );
  } else if (items.length === 0) {
    body = (
      <EmptyState
        missing="content"
        title="No campaigns yet"
        description={
          <>
            No campaigns yet — define them under{' '}
            <code>scorecards.campaigns</code> in <code>app-config.yaml</code>.
          </>
        }
      />
    );
  } else {
    body = (
      <>
        {current.length > 0 && (
          <CampaignsTable
            id="campaigns-current"
            title="Active campaigns"
            campaigns={current}
          />
        )}
        {past.length > 0 && (
          <CampaignsTable
            id="campaigns-past"
            title="Past campaigns"
            campaigns={past}
          />
        )}
      </>
    );
  }

  const ownerOptions = (
    owner && !owners.includes(owner) ? [owner, ...owners] : owners
  ).map(ref => ({
    value: ref,
    label: <EntityName entityRef={ref} defaultKind="group" />,
  }));

  return (
    <div>
      <Box className={classes.controls}>
        <FilterSelect
          id="campaigns-status"
          label="Status"
          value={status}
          options={CAMPAIGN_STATUS_ORDER.map(s => ({
            value: s,
            label: CAMPAIGN_STATUS_LABELS[s],
          }))}
          onChange={next => update('status', next)}
        />
        <FilterSelect
          id="campaigns-owner"
          label="Owner"
          value={owner}
          options={ownerOptions}
          onChange={next => update('owner', next)}
        />
        <NewCampaignButton />
      </Box>
      {body}
    </div>
  );
}
