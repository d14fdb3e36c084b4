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

import { ReactNode } from 'react';
import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ScorecardDetailsResponse } from '../../api';
import { LevelBadge } from '../LevelBadge';

const useStyles = makeStyles(theme => ({
  list: {
    margin: theme.spacing(0, 0, 2),
    paddingLeft: theme.spacing(3),
  },
  item: {
    padding: theme.spacing(0.5, 0),
  },
  // In a narrow card, the value goes below a long name rather than out of
  // the card.
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: theme.spacing(0.5, 1),
  },
  value: {
    marginLeft: 'auto',
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    whiteSpace: 'nowrap',
    fontVariantNumeric: 'tabular-nums',
  },
}));

interface Ranked {
  key: string;
  name: ReactNode;
  value: ReactNode;
}

function RankedList(props: {
  label: string;
  items: Ranked[];
  emptyText: string;
}) {
  const classes = useStyles();
  return (
    <>
      <Typography variant="subtitle2" component="h4">
        {props.label}
      </Typography>
      {props.items.length === 0 ? (
        <Typography variant="body2" color="textSecondary" paragraph>
          {props.emptyText}
        </Typography>
      ) : (
        <ol className={classes.list} aria-label={props.label}>
          {props.items.map(item => (
            <li key={item.key} className={classes.item}>
              <div className={classes.row}>
                <Typography variant="body2" component="span">
                  {item.name}
                </Typography>
                <Typography
                  variant="body2"
                  component="span"
                  className={classes.value}
                >
                  {item.value}
                </Typography>
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/**
 * The highest and lowest scoring rules (by pass rate), entities (by score)
 * and teams (by average score) of one scorecard. With fewer than ten of a
 * kind, the backend lists the better half as the highest and the worse half
 * as the lowest, so that none is in both lists.
 */
export function ScorecardLeaderboards(props: {
  scorecard: ScorecardDetailsResponse;
}) {
  const { scorecard } = props;
  const { levels } = scorecard;

  const rules = (which: 'highest' | 'lowest'): Ranked[] =>
    scorecard[which].rules.map(rule => ({
      key: rule.id,
      name: rule.title,
      value: (
        <>
          <LevelBadge level={rule.level} levels={levels} size="small" />
          {rule.passRate === null ? '–' : `${rule.passRate}% pass`}
        </>
      ),
    }));
  const entities = (which: 'highest' | 'lowest'): Ranked[] =>
    scorecard[which].entities.map(row => ({
      key: row.entityRef,
      name: <EntityRefLink entityRef={row.entityRef} />,
      value: (
        <>
          <LevelBadge level={row.level} levels={levels} size="small" />
          {row.score}%
        </>
      ),
    }));
  const teams = (which: 'highest' | 'lowest'): Ranked[] =>
    scorecard[which].teams.map(team => ({
      key: team.owner,
      name: <EntityRefLink entityRef={team.owner} defaultKind="group" />,
      value: `${team.averageScore}% avg · ${team.entities}`,
    }));

  const boards = [
    { title: 'Rules', one: 'rule', subheader: 'By pass rate', ranked: rules },
    {
      title: 'Entities',
      one: 'entity',
      subheader: 'By score',
      ranked: entities,
    },
    {
      title: 'Teams',
      one: 'team',
      subheader: 'By average score; entities owned',
      ranked: teams,
    },
  ];

  return (
    <Grid container spacing={3}>
      {boards.map(board => (
        <Grid item xs={12} lg={4} key={board.title}>
          <InfoCard
            title={board.title}
            subheader={board.subheader}
            variant="gridItem"
          >
            <RankedList
              label={`Highest scoring ${board.title.toLocaleLowerCase(
                'en-US',
              )}`}
              items={board.ranked('highest')}
              emptyText="Nothing evaluated yet"
            />
            <RankedList
              label={`Lowest scoring ${board.title.toLocaleLowerCase('en-US')}`}
              items={board.ranked('lowest')}
              emptyText={
                // A single one is the highest alone.
                board.ranked('highest').length > 0
                  ? `Only one ${board.one}, listed above`
                  : 'Nothing evaluated yet'
              }
            />
          </InfoCard>
        </Grid>
      ))}
    </Grid>
  );
}
