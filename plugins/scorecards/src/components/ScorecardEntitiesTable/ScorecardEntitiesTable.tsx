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
import { useSearchParams } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import DownloadIcon from '@material-ui/icons/GetApp';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import {
  ScorecardDetailsResponse,
  ScorecardEntitiesQuery,
  ScorecardEntitiesSortField,
  scorecardsApiRef,
} from '../../api';
import { LevelBadge } from '../LevelBadge';
import { RelativeTime } from '../RelativeTime';
import { downloadBlob } from './downloadBlob';
import {
  EntityFilters,
  EntityTableFilters,
  NO_FILTERS,
  NO_OWNER,
} from './EntityFilters';
import { ScorecardNotifyButton } from './ScorecardNotifyButton';
import { withNonDefaultParams } from '../urlParams';
import { DataTable, TableScroller } from '../DataTable';

const PAGE_SIZES = [10, 25, 50, 100];
const DEFAULT_PAGE_SIZE = 25;
const FILTER_DEBOUNCE_MS = 300;

const useStyles = makeStyles(theme => ({
  caption: {
    captionSide: 'top',
    padding: theme.spacing(0, 0, 1),
    color: theme.palette.text.secondary,
  },
  numeric: {
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
  },
  nowrap: { whiteSpace: 'nowrap' },
  failing: {
    minWidth: 200,
    maxWidth: 320,
  },
}));

interface Sort {
  field: ScorecardEntitiesSortField;
  order: 'asc' | 'desc';
}

interface Paging {
  page: number;
  /** The cursor of each page visited so far; the first page has none. */
  cursors: Array<string | undefined>;
}

const FIRST_PAGE: Paging = { page: 0, cursors: [undefined] };

/** The filters of one value each: all but the teams. */
const TEXT_FILTER_KEYS = (
  Object.keys(NO_FILTERS) as Array<keyof EntityTableFilters>
).filter(
  (key): key is Exclude<keyof EntityTableFilters, 'teams'> => key !== 'teams',
);

/** In the URL and the API's query, `team=` stands for "No owner". */
const teamParam = (team: string) => (team === NO_OWNER ? '' : team);

/** The filters given in the page's URL (`?team=...&failingRule=...`). */
function filtersFromParams(params: URLSearchParams): EntityTableFilters {
  const filters = { ...NO_FILTERS };
  for (const key of TEXT_FILTER_KEYS) {
    filters[key] = params.get(key) ?? '';
  }
  // The team may repeat; `team=`: the entities without an owner.
  filters.teams = [
    ...new Set(params.getAll('team').map(team => team || NO_OWNER)),
  ];
  return filters;
}

/** The URL's parameters with the filters in place of earlier ones. */
function withFilterParams(
  params: URLSearchParams,
  filters: EntityTableFilters,
): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('team');
  for (const team of filters.teams) {
    next.append('team', teamParam(team));
  }
  for (const key of TEXT_FILTER_KEYS) {
    // As typed, so that reading it back gives the same filters.
    const value = filters[key];
    if (value.trim()) {
      next.set(key, value);
    } else {
      next.delete(key);
    }
  }
  return next;
}

function toQuery(filters: EntityTableFilters, sort: Sort) {
  const query: ScorecardEntitiesQuery = {
    sort: sort.field,
    order: sort.order,
  };
  if (filters.teams.length > 0) {
    query.team = filters.teams.map(teamParam);
  }
  for (const key of TEXT_FILTER_KEYS) {
    const trimmed = filters[key].trim();
    if (trimmed) {
      query[key] = trimmed;
    }
  }
  return query;
}

const COLUMNS: Array<{
  label: string;
  sort?: ScorecardEntitiesSortField;
  numeric?: boolean;
}> = [
  { label: 'Entity', sort: 'name' },
  { label: 'Owner', sort: 'owner' },
  { label: 'Level', sort: 'level' },
  { label: 'Score', sort: 'score', numeric: true },
  { label: 'Rules passed', numeric: true },
  { label: 'Failing rules' },
  { label: 'Result changed', sort: 'updatedAt' },
];

const SORT_FIELDS = new Set(COLUMNS.flatMap(c => (c.sort ? [c.sort] : [])));
const DEFAULT_SORT: Sort = { field: 'score', order: 'asc' };

/**
 * The view given in the URL (`?sort=name&order=desc&pageSize=50`); what is
 * missing or not offered falls back to lowest scores first, 25 a page.
 */
function viewFromParams(params: URLSearchParams): {
  sort: Sort;
  pageSize: number;
} {
  const field = params.get('sort') as ScorecardEntitiesSortField | null;
  const order = params.get('order');
  const pageSize = Number(params.get('pageSize'));
  return {
    sort: {
      field: field && SORT_FIELDS.has(field) ? field : DEFAULT_SORT.field,
      order: order === 'asc' || order === 'desc' ? order : DEFAULT_SORT.order,
    },
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** The URL's parameters with this view; the defaults are left out. */
function withViewParams(
  params: URLSearchParams,
  view: { sort: Sort; pageSize: number },
): URLSearchParams {
  return withNonDefaultParams(
    params,
    {
      sort: view.sort.field,
      order: view.sort.order,
      pageSize: String(view.pageSize),
    },
    {
      sort: DEFAULT_SORT.field,
      order: DEFAULT_SORT.order,
      pageSize: String(DEFAULT_PAGE_SIZE),
    },
  );
}

/**
 * The entities a scorecard evaluated: filtered, sorted and paged on the
 * server, and exportable as CSV with the same filters.
 */
export function ScorecardEntitiesTable(props: {
  scorecard: ScorecardDetailsResponse;
}) {
  const { scorecard } = props;
  const classes = useStyles();
  const api = useApi(scorecardsApiRef);
  const alertApi = useApi(alertApiRef);

  // The filters, sort and page size live in the URL too, so that a filtered
  // table can be shared (and notifications link to a team's own entities).
  const [params, setParams] = useSearchParams();
  const { sort, pageSize } = viewFromParams(params);
  const [filters, setFilters] = useState<EntityTableFilters>(() =>
    filtersFromParams(params),
  );
  const [appliedFilters, setAppliedFilters] =
    useState<EntityTableFilters>(filters);
  const [paging, setPaging] = useState<Paging>(FIRST_PAGE);
  const [exporting, setExporting] = useState(false);

  useDebounce(
    () => {
      if (JSON.stringify(appliedFilters) !== JSON.stringify(filters)) {
        setAppliedFilters(filters);
        setPaging(FIRST_PAGE);
        setParams(current => withFilterParams(current, filters), {
          replace: true,
        });
      }
    },
    FILTER_DEBOUNCE_MS,
    [filters],
  );

  // A link on the page (a cell of the teams-by-rule grid) that changes the
  // filters in the URL: take them, and bring the table into view.
  const urlFilters = filtersFromParams(params);
  const urlKey = JSON.stringify(urlFilters);
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (urlKey !== JSON.stringify(appliedFilters)) {
      setFilters(urlFilters);
      setAppliedFilters(urlFilters);
      setPaging(FIRST_PAGE);
      rootRef.current?.scrollIntoView?.({ behavior: 'smooth' });
    }
    // Only a change of the URL's filters counts here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [urlKey]);

  // A sort or page size that changes in the URL (a link to this page)
  // starts over at the first page too.
  const viewKey = `${sort.field} ${sort.order} ${pageSize}`;
  useEffect(() => setPaging(FIRST_PAGE), [viewKey]);

  const query = toQuery(appliedFilters, sort);
  const cursor = paging.cursors[paging.page];
  const { value, loading, error } = useAsync(
    () =>
      api.getScorecardEntities(scorecard.id, {
        ...query,
        limit: pageSize,
        cursor,
      }),
    [api, scorecard.id, JSON.stringify(query), pageSize, cursor],
  );

  const changeView = (view: { sort: Sort; pageSize: number }) => {
    setParams(current => withViewParams(current, view), { replace: true });
    setPaging(FIRST_PAGE);
  };

  const changeSort = (field: ScorecardEntitiesSortField) =>
    changeView({
      pageSize,
      sort: {
        field,
        order: sort.field === field && sort.order === 'asc' ? 'desc' : 'asc',
      },
    });

  const changePage = (page: number) => {
    setPaging(p => {
      if (page > p.page) {
        if (!value?.nextCursor) {
          return p;
        }
        const cursors = p.cursors.slice(0, p.page + 1);
        cursors.push(value.nextCursor);
        return { ...p, page: p.page + 1, cursors };
      }
      return { ...p, page: Math.max(page, 0) };
    });
  };

  const exportCsv = async () => {
    setExporting(true);
    try {
      const blob = await api.exportScorecardEntities(scorecard.id, query);
      downloadBlob(blob, `${scorecard.id}-entities.csv`);
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

  const rulesById = new Map(scorecard.rules.map(r => [r.id, r.title]));

  return (
    <div ref={rootRef}>
      <EntityFilters
        scorecard={scorecard}
        value={filters}
        onChange={setFilters}
      />
      <Box display="flex" justifyContent="flex-end" mb={1} gridGap={8}>
        <ScorecardNotifyButton
          scorecardId={scorecard.id}
          scorecardTitle={scorecard.title}
          query={query}
          matching={loading ? undefined : value?.totalCount}
          filtered={
            JSON.stringify(appliedFilters) !== JSON.stringify(NO_FILTERS)
          }
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
            Entities evaluated by {scorecard.title}
            {value ? `: ${value.totalCount.toLocaleString('en-US')}` : ''}
          </caption>
          <TableHead>
            <TableRow>
              {COLUMNS.map(column => (
                <TableCell
                  key={column.label}
                  align={column.numeric ? 'right' : 'left'}
                  // A narrow column broke "Score" inside the word.
                  className={column.numeric ? classes.nowrap : undefined}
                  sortDirection={
                    column.sort && sort.field === column.sort
                      ? sort.order
                      : false
                  }
                >
                  {column.sort ? (
                    <TableSortLabel
                      active={sort.field === column.sort}
                      direction={
                        sort.field === column.sort ? sort.order : 'asc'
                      }
                      onClick={() => changeSort(column.sort!)}
                    >
                      {column.label}
                    </TableSortLabel>
                  ) : (
                    column.label
                  )}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {loading && (
              <TableRow>
                <TableCell colSpan={COLUMNS.length}>
                  <Progress />
                </TableCell>
              </TableRow>
            )}
            {!loading && value?.items.length === 0 && (
              <TableRow>
                <TableCell colSpan={COLUMNS.length}>
                  <Typography variant="body2" color="textSecondary">
                    No entities match these filters.
                  </Typography>
                </TableCell>
              </TableRow>
            )}
            {!loading &&
              value?.items.map(row => (
                <TableRow key={row.entityRef} hover>
                  <TableCell>
                    <EntityRefLink entityRef={row.entityRef} />
                  </TableCell>
                  <TableCell>
                    {row.entity.owner ? (
                      <EntityRefLink
                        entityRef={row.entity.owner}
                        defaultKind="group"
                      />
                    ) : (
                      '–'
                    )}
                  </TableCell>
                  <TableCell>
                    <LevelBadge
                      level={row.level}
                      levels={scorecard.levels}
                      size="small"
                    />
                  </TableCell>
                  <TableCell align="right" className={classes.numeric}>
                    {row.score}%
                  </TableCell>
                  <TableCell align="right" className={classes.numeric}>
                    {row.rulesPassed} / {row.rulesPassed + row.rulesFailed}
                  </TableCell>
                  <TableCell className={classes.failing}>
                    {row.failingRules.length === 0
                      ? '–'
                      : row.failingRules
                          .map(id => rulesById.get(id) ?? id)
                          .join(', ')}
                  </TableCell>
                  <TableCell className={classes.numeric}>
                    <RelativeTime value={row.updatedAt} />
                  </TableCell>
                </TableRow>
              ))}
          </TableBody>
        </DataTable>
      </TableScroller>
      <TablePagination
        component="div"
        count={value?.totalCount ?? 0}
        page={paging.page}
        rowsPerPage={pageSize}
        rowsPerPageOptions={PAGE_SIZES}
        onPageChange={(_event, page) => changePage(page)}
        onRowsPerPageChange={event =>
          changeView({ sort, pageSize: Number(event.target.value) })
        }
        nextIconButtonProps={{
          disabled: loading || !value?.nextCursor,
          'aria-label': 'Next page',
        }}
        backIconButtonProps={{
          disabled: loading || paging.page === 0,
          'aria-label': 'Previous page',
        }}
      />
    </div>
  );
}
