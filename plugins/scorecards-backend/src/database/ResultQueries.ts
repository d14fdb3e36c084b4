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

import { Knex } from 'knex';
import {
  LIKE_ESCAPE,
  failingRulePattern,
  fromFailingRules,
  likePattern,
} from './failingRules';
import {
  FacetRollup,
  ROLLUP_ORGANISATION,
  ResultEntity,
  RuleRollup,
  ScorecardRollup,
} from './ResultStore';
import { SqlDialect, fromDbTimestamp, toDbTimestamp } from './SqlDialect';
import {
  ENTITY_COLUMN_NAMES,
  fromResultSummaryColumns,
  ResultSummaryColumns,
} from './entityColumns';

const RESULTS = 'scorecards_results';
const HISTORY = 'scorecards_history';
const DAILY = 'scorecards_daily';
const DAILY_RULES = 'scorecards_daily_rules';
// Narrow, and holds everything the level and kind filters read.
const LEVEL_INDEX = 'scorecards_results_level_idx';

/** The current result of one scorecard for one entity, without rule details. */
export interface ScorecardEntity {
  scorecardId: string;
  entityRef: string;
  entity: ResultEntity;
  level: string;
  levelRank: number;
  score: number;
  rulesPassed: number;
  rulesFailed: number;
  failingRules: string[];
  updatedAt: Date;
  stateSince: Date;
}

/**
 * Narrows the entities of a scorecard. Every given list must match (values
 * within one list are alternatives); empty lists are ignored.
 */
export interface EntityFilter {
  /** Owner entity refs, as stored: in the catalog's lower-case form. */
  owners?: string[];
  /** Kinds match case-insensitively. */
  kinds?: string[];
  /** Types and lifecycles match exactly, so that indexes and statistics apply. */
  types?: string[];
  lifecycles?: string[];
  /** System entity refs, as stored: in the catalog's lower-case form. */
  systems?: string[];
  levelRanks?: number[];
  /** Entities failing any of these rules. */
  failingRules?: string[];
  /** A case-insensitive substring of the entity ref or title. */
  text?: string;
}

export const ENTITY_SORT_FIELDS = [
  'name',
  'score',
  'level',
  'owner',
  'updatedAt',
] as const;

export type EntitySortField = (typeof ENTITY_SORT_FIELDS)[number];

export interface EntitySort {
  field: EntitySortField;
  order: 'asc' | 'desc';
}

/**
 * Where an entity stands in a sort order: the values of the sort's columns,
 * ending with the entity ref. Pages continue after such a key.
 */
export type EntitySortKey = Array<string | number>;

/** The filter choices of a scorecard's entities, from a {@link FacetRollup}. */
export type StoredFacets = Omit<FacetRollup, 'scorecardId'>;

/** A stored {@link ScorecardRollup}, with its day. */
export interface StoredScorecardRollup extends ScorecardRollup {
  day: string;
  computedAt: Date;
  /**
   * Only on organisation-wide rollups, and not on days rolled up before
   * facets were collected.
   */
  facets?: StoredFacets;
}

/** A stored {@link RuleRollup}, with its day. */
export interface StoredRuleRollup extends RuleRollup {
  day: string;
}

/** A change of an entity's state in a scorecard, from the history. */
export interface HistoryEvent {
  at: Date;
  level: string;
  levelRank: number;
  score: number;
  failingRules: string[];
}

interface SortColumn {
  /**
   * A column of the results table, qualified: PostgreSQL and MySQL would
   * otherwise order by a selected expression of the same name (timestamps
   * are selected as text) instead of the indexed column.
   */
  sql: string;
  type: 'string' | 'number';
  of(row: ScorecardEntity): string | number;
}

const qualified = (name: string) => `${RESULTS}.${name}`;

const byEntityRef: SortColumn = {
  sql: qualified('entity_ref'),
  type: 'string',
  of: row => row.entityRef,
};
const byScore: SortColumn = {
  sql: qualified('score'),
  type: 'number',
  of: row => row.score,
};

// Each sort ends with the entity ref, which is unique within a scorecard, so
// that the order is total and key-set paging neither skips nor repeats rows.
// Each matches an index of the results table.
const SORT_COLUMNS: Record<EntitySortField, SortColumn[]> = {
  name: [
    {
      sql: qualified('entity_name'),
      type: 'string',
      of: row => row.entity.name,
    },
    byEntityRef,
  ],
  score: [byScore, byEntityRef],
  level: [
    { sql: qualified('level_rank'), type: 'number', of: row => row.levelRank },
    byScore,
    byEntityRef,
  ],
  // Entities without an owner are stored with '' and so come first.
  owner: [
    {
      sql: qualified('entity_owner'),
      type: 'string',
      of: row => row.entity.owner ?? '',
    },
    byEntityRef,
  ],
  updatedAt: [
    {
      sql: qualified('updated_at'),
      type: 'string',
      of: row => toDbTimestamp(row.updatedAt),
    },
    byEntityRef,
  ],
};

/** The key of `row` in the order of `field`. */
export function entitySortKey(
  row: ScorecardEntity,
  field: EntitySortField,
): EntitySortKey {
  return SORT_COLUMNS[field].map(column => column.of(row));
}

/** Whether `value` has the shape of a sort key of `field`. */
export function isEntitySortKey(
  value: unknown,
  field: EntitySortField,
): value is EntitySortKey {
  const columns = SORT_COLUMNS[field];
  return (
    Array.isArray(value) &&
    value.length === columns.length &&
    columns.every((column, i) =>
      column.type === 'number'
        ? typeof value[i] === 'number' && Number.isFinite(value[i])
        : typeof value[i] === 'string',
    )
  );
}

/**
 * `columns > values` in the sort order (or `<` when descending). PostgreSQL
 * and SQLite seek their indexes with a row-value comparison; MySQL does not,
 * so there it is spelled out with the leading column first:
 * `a >= x and (a > x or (a = x and b > y))`.
 */
function afterKey(
  columns: SortColumn[],
  values: EntitySortKey,
  options: { descending: boolean; rowValues: boolean },
): [string, Array<string | number>] {
  const op = options.descending ? '<' : '>';
  if (options.rowValues) {
    const list = (items: string[]) => `(${items.join(', ')})`;
    return [
      `${list(columns.map(c => c.sql))} ${op} ${list(columns.map(() => '?'))}`,
      values,
    ];
  }
  const strictly = (i: number): [string, Array<string | number>] => {
    const { sql } = columns[i];
    if (i === columns.length - 1) {
      return [`${sql} ${op} ?`, [values[i]]];
    }
    const [rest, restBindings] = strictly(i + 1);
    return [
      `(${sql} ${op} ? or (${sql} = ? and ${rest}))`,
      [values[i], values[i], ...restBindings],
    ];
  };
  const [condition, bindings] = strictly(0);
  return [
    `${columns[0].sql} ${op}= ? and ${condition}`,
    [values[0], ...bindings],
  ];
}

interface EntityRow extends ResultSummaryColumns {
  updated_at: string;
  state_since: string;
}

interface DailyRow {
  scorecard_id: string;
  day: string;
  owner: string;
  entities: number;
  score_sum: number;
  level_counts: string;
  facets: string | null;
  computed_at: string;
}

interface DailyRuleRow {
  scorecard_id: string;
  day: string;
  owner: string;
  rule_id: string;
  applicable: number;
  passed: number;
}

interface HistoryRow {
  at: string;
  level: string;
  level_rank: number;
  score: number;
  failing_rules: string;
}

function fromEntityRow(row: EntityRow): ScorecardEntity {
  return {
    ...fromResultSummaryColumns(row),
    updatedAt: fromDbTimestamp(row.updated_at),
    stateSince: fromDbTimestamp(row.state_since),
  };
}

function fromDailyRow(row: DailyRow): StoredScorecardRollup {
  return {
    scorecardId: row.scorecard_id,
    day: row.day,
    owner: row.owner,
    entities: Number(row.entities),
    scoreSum: Number(row.score_sum),
    levelCounts: JSON.parse(row.level_counts),
    computedAt: fromDbTimestamp(row.computed_at),
    ...(row.facets ? { facets: JSON.parse(row.facets) } : {}),
  };
}

function fromDailyRuleRow(row: DailyRuleRow): StoredRuleRollup {
  return {
    scorecardId: row.scorecard_id,
    day: row.day,
    owner: row.owner,
    ruleId: row.rule_id,
    applicable: Number(row.applicable),
    passed: Number(row.passed),
  };
}

function fromHistoryRow(row: HistoryRow): HistoryEvent {
  return {
    at: fromDbTimestamp(row.at),
    level: row.level,
    levelRank: Number(row.level_rank),
    score: Number(row.score),
    failingRules: fromFailingRules(row.failing_rules),
  };
}

const nonEmpty = (values?: string[]): values is string[] =>
  values !== undefined && values.length > 0;

/**
 * The queries behind the read API: entity tables over the current results,
 * summaries and series over the daily rollups, and an entity's history. They
 * never read the rule details of results, the bulk of the results table.
 */
export class ResultQueries {
  private readonly dialect: SqlDialect;

  constructor(private readonly db: Knex) {
    this.dialect = new SqlDialect(db);
  }

  /**
   * One page of a scorecard's current results, in the given order, after
   * `after` (a key from {@link entitySortKey} with the same sort field).
   */
  async listEntities(
    scorecardId: string,
    options: {
      filter?: EntityFilter;
      sort: EntitySort;
      after?: EntitySortKey;
      limit: number;
    },
  ): Promise<ScorecardEntity[]> {
    const { filter = {}, sort, after, limit } = options;
    const columns = SORT_COLUMNS[sort.field];
    const descending = sort.order === 'desc';
    const query = this.filteredResults(scorecardId, filter)
      .select(
        'scorecard_id',
        'entity_ref',
        ...ENTITY_COLUMN_NAMES,
        'level',
        'level_rank',
        'score',
        'rules_passed',
        'rules_failed',
        'failing_rules',
        this.dialect.selectTimestamp('updated_at'),
        this.dialect.selectTimestamp('state_since'),
      )
      .orderByRaw(
        columns.map(c => `${c.sql} ${descending ? 'desc' : 'asc'}`).join(', '),
      )
      .limit(limit);
    if (after) {
      if (!isEntitySortKey(after, sort.field)) {
        throw new TypeError(`Not a sort key of ${sort.field}`);
      }
      const [condition, bindings] = afterKey(columns, after, {
        descending,
        rowValues: this.dialect.engine !== 'mysql',
      });
      query.andWhereRaw(condition, bindings);
    }
    const rows: EntityRow[] = await query;
    return rows.map(fromEntityRow);
  }

  /** How many current results of the scorecard match the filter. */
  async countEntities(
    scorecardId: string,
    filter: EntityFilter = {},
  ): Promise<number> {
    // MySQL counts through the primary key, which is the table itself with
    // every result's rule details, unless told to use a narrow index.
    const narrow =
      this.dialect.engine === 'mysql' &&
      !nonEmpty(filter.owners) &&
      !nonEmpty(filter.systems) &&
      !nonEmpty(filter.types) &&
      !nonEmpty(filter.lifecycles) &&
      !nonEmpty(filter.failingRules) &&
      !filter.text;
    const [{ count }] = await this.filteredResults(scorecardId, filter, {
      forceIndex: narrow ? LEVEL_INDEX : undefined,
    }).count({ count: '*' });
    return Number(count);
  }

  /** The organisation-wide rollup of each scorecard's latest day. */
  async getLatestRollups(
    scorecardIds: string[],
  ): Promise<Map<string, StoredScorecardRollup>> {
    // One index seek per scorecard; a GROUP BY would read every day.
    const rows = await Promise.all(
      scorecardIds.map(scorecardId =>
        this.selectDaily()
          .where({ scorecard_id: scorecardId, owner: ROLLUP_ORGANISATION })
          .orderBy('day', 'desc')
          .first(),
      ),
    );
    return new Map(
      rows
        .filter((row): row is DailyRow => Boolean(row))
        .map(row => [row.scorecard_id, fromDailyRow(row)]),
    );
  }

  /**
   * A scorecard's rollups of one day: for every owner and the organisation,
   * the organisation-wide rollup of every rule (`rules`) and every owner's
   * rollup of every rule (`ownerRules`, by owner and rule). Two reads of a
   * prefix of the primary keys; the rule rows are owners × rules. With
   * `owners`, only those owners' rollups (and no organisation-wide ones).
   */
  async getRollupsOfDay(
    scorecardId: string,
    day: string,
    options: { owners?: string[] } = {},
  ): Promise<{
    scorecards: StoredScorecardRollup[];
    rules: StoredRuleRollup[];
    ownerRules: StoredRuleRollup[];
  }> {
    const { owners } = options;
    const key = { scorecard_id: scorecardId, day };
    const ofOwners = (query: Knex.QueryBuilder) => {
      if (owners !== undefined) {
        query.whereIn('owner', owners);
      }
    };
    const [scorecards, ruleRows] = await Promise.all([
      this.selectDaily()
        .where(key)
        .modify<DailyRow, DailyRow[]>(ofOwners)
        .orderBy('owner'),
      this.db<DailyRuleRow>(DAILY_RULES)
        .where(key)
        .modify<DailyRuleRow, DailyRuleRow[]>(ofOwners)
        .orderBy(['owner', 'rule_id']),
    ]);
    const rules = ruleRows.map(fromDailyRuleRow);
    return {
      scorecards: scorecards.map(fromDailyRow),
      rules: rules.filter(r => r.owner === ROLLUP_ORGANISATION),
      ownerRules: rules.filter(r => r.owner !== ROLLUP_ORGANISATION),
    };
  }

  /**
   * A scorecard's daily rollups of some owners, oldest first, each day's by
   * owner.
   */
  async getScorecardSeries(
    scorecardId: string,
    options: { owners: string[]; from: string; to: string },
  ): Promise<StoredScorecardRollup[]> {
    const rows: DailyRow[] = await this.selectDaily()
      .where({ scorecard_id: scorecardId })
      .whereIn('owner', options.owners)
      .whereBetween('day', [options.from, options.to])
      .orderBy(['day', 'owner']);
    return rows.map(fromDailyRow);
  }

  /** A rule's daily rollups of some owners, oldest first, each day's by owner. */
  async getRuleSeries(
    scorecardId: string,
    ruleId: string,
    options: { owners: string[]; from: string; to: string },
  ): Promise<StoredRuleRollup[]> {
    const rows = await this.db<DailyRuleRow>(DAILY_RULES)
      .where({ scorecard_id: scorecardId, rule_id: ruleId })
      .whereIn('owner', options.owners)
      .whereBetween('day', [options.from, options.to])
      .orderBy(['day', 'owner']);
    return rows.map(fromDailyRuleRow);
  }

  /**
   * The changes of an entity's state in a scorecard from `from` (inclusive)
   * to `to` (exclusive), oldest first, and the last change before `from`: the
   * state the range starts in.
   */
  async getEntityHistory(
    scorecardId: string,
    entityRef: string,
    options: { from: Date; to: Date },
  ): Promise<{ before?: HistoryEvent; events: HistoryEvent[] }> {
    const from = toDbTimestamp(options.from);
    const select = () =>
      this.db(HISTORY)
        .where({ scorecard_id: scorecardId, entity_ref: entityRef })
        .select(
          this.dialect.selectTimestamp('at'),
          'level',
          'level_rank',
          'score',
          'failing_rules',
        );
    const [before, events]: [HistoryRow | undefined, HistoryRow[]] =
      await Promise.all([
        select()
          .andWhere('at', '<', from)
          .orderBy([
            { column: 'at', order: 'desc' },
            { column: 'id', order: 'desc' },
          ])
          .first(),
        select()
          .andWhere('at', '>=', from)
          .andWhere('at', '<', toDbTimestamp(options.to))
          .orderBy(['at', 'id']),
      ]);
    return {
      before: before ? fromHistoryRow(before) : undefined,
      events: events.map(fromHistoryRow),
    };
  }

  private selectDaily(): Knex.QueryBuilder<DailyRow, DailyRow[]> {
    // Untyped: the timestamp is selected as an expression.
    return this.db(DAILY).select(
      'scorecard_id',
      'day',
      'owner',
      'entities',
      'score_sum',
      'level_counts',
      'facets',
      this.dialect.selectTimestamp('computed_at'),
    );
  }

  private filteredResults(
    scorecardId: string,
    filter: EntityFilter,
    options?: { forceIndex?: string },
  ) {
    const table = options?.forceIndex
      ? this.db.raw('?? force index (??)', [RESULTS, options.forceIndex])
      : RESULTS;
    const query = this.db.from(table).where({ scorecard_id: scorecardId });
    const like = `like ? escape '${LIKE_ESCAPE}'`;
    // Entity refs are stored in lower case (as the catalog writes them); the
    // title needs a case-insensitive LIKE, which is LIKE itself on SQLite
    // and MySQL.
    const likeIgnoringCase = this.dialect.engine === 'pg' ? `i${like}` : like;

    if (nonEmpty(filter.owners)) {
      query.whereIn('entity_owner', filter.owners);
    }
    if (nonEmpty(filter.systems)) {
      query.whereIn('entity_system', filter.systems);
    }
    const { kinds } = filter;
    if (nonEmpty(kinds)) {
      // The ref starts with the kind in lower case.
      query.andWhere(any => {
        for (const kind of kinds) {
          any.orWhereRaw(`entity_ref ${like}`, [
            likePattern('', `${kind.toLocaleLowerCase('en-US')}:`, '%'),
          ]);
        }
      });
    }
    if (nonEmpty(filter.types)) {
      query.whereIn('entity_type', filter.types);
    }
    if (nonEmpty(filter.lifecycles)) {
      query.whereIn('entity_lifecycle', filter.lifecycles);
    }
    if (filter.levelRanks && filter.levelRanks.length > 0) {
      query.whereIn('level_rank', filter.levelRanks);
    }
    const { failingRules } = filter;
    if (nonEmpty(failingRules)) {
      query.andWhere(any => {
        for (const ruleId of failingRules) {
          any.orWhereRaw(`failing_rules ${like}`, [failingRulePattern(ruleId)]);
        }
      });
    }
    const { text } = filter;
    if (text) {
      query.andWhere(any =>
        any
          .whereRaw(`entity_ref ${like}`, [
            likePattern('%', text.toLocaleLowerCase('en-US'), '%'),
          ])
          .orWhereRaw(`entity_title ${likeIgnoringCase}`, [
            likePattern('%', text, '%'),
          ]),
      );
    }
    return query;
  }
}
