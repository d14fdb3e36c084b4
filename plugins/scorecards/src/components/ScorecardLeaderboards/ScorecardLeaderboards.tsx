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

import { createContext, ReactNode, useContext } from 'react';
import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { highestAndLowest } from '@openscorecards/plugin-scorecards-common';
import { ScorecardDetailsResponse, TeamScore } from '../../api';
import { ByDepartmentCard, DepartmentTeams } from '../ByDepartment';
import { LevelBadge } from '../LevelBadge';
import {
  DepartmentsContent,
  ScorecardDepartments,
} from '../ScorecardDetail/scorecardDepartments';

/** Items at each end of a list, as the backend's leaderboards have them. */
const LEADERBOARD_SIZE = 5;

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

/** The lists' heading level: one below the section the boards are in. */
type ListHeading = 'h3' | 'h4';

const ListHeadingContext = createContext<ListHeading>('h4');

function RankedList(props: {
  label: string;
  items: Ranked[];
  emptyText: string;
}) {
  const classes = useStyles();
  const heading = useContext(ListHeadingContext);
  return (
    <>
      <Typography variant="subtitle2" component={heading}>
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

/** A board's two lists: the highest, then the lowest of its items. */
function HighestAndLowest(props: {
  /** What the board ranks, in the plural: "rules". */
  kind: string;
  /** One of them: "rule". */
  one: string;
  ranked: (which: 'highest' | 'lowest') => Ranked[];
}) {
  const { kind, one, ranked } = props;
  return (
    <>
      <RankedList
        label={`Highest scoring ${kind}`}
        items={ranked('highest')}
        emptyText="Nothing evaluated yet"
      />
      <RankedList
        label={`Lowest scoring ${kind}`}
        items={ranked('lowest')}
        emptyText={
          // A single one is the highest alone.
          ranked('highest').length > 0
            ? `Only one ${one}, listed above`
            : 'Nothing evaluated yet'
        }
      />
    </>
  );
}

/** An owner's average score and how many entities it counts. */
const ownerScore = (score: TeamScore) =>
  `${score.averageScore}% avg · ${score.entities}`;

/**
 * The highest and lowest departments by average score (each counting all
 * its teams), ranked here from the scorecard's departments as the backend
 * ranks teams.
 */
function DepartmentBoards(props: { departments: ScorecardDepartments }) {
  return (
    <DepartmentsContent departments={props.departments}>
      {value => {
        const ranked = highestAndLowest(value.items, {
          value: item => item.averageScore,
          name: item => item.owner,
          count: LEADERBOARD_SIZE,
        });
        return (
          <HighestAndLowest
            kind="departments"
            one="department"
            ranked={which =>
              ranked[which].map(item => ({
                key: item.owner,
                name: (
                  <>
                    <EntityRefLink entityRef={item.owner} defaultKind="group" />
                    <DepartmentTeams group={item.owner} owners={item.owners} />
                  </>
                ),
                value: ownerScore(item),
              }))
            }
          />
        );
      }}
    </DepartmentsContent>
  );
}

/**
 * The highest and lowest scoring rules (by pass rate), entities (by score)
 * and teams (by average score) of one scorecard. With fewer than ten of a
 * kind, the backend lists the better half as the highest and the worse half
 * as the lowest, so that none is in both lists. The teams' card has the
 * **By department** switch: the highest and lowest departments, each
 * counting all its teams, from `departments` (read by the page while the
 * switch is on).
 */
export function ScorecardLeaderboards(props: {
  scorecard: ScorecardDetailsResponse;
  departments: ScorecardDepartments;
  /**
   * The lists' headings ("Highest scoring rules"): `h3` under an `h2`
   * section (the overview), `h4` (the default) under an `h3` (a
   * scorecard's page).
   */
  listHeading?: ListHeading;
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
      value: ownerScore(team),
    }));

  return (
    <ListHeadingContext.Provider value={props.listHeading ?? 'h4'}>
      <Grid container spacing={3}>
        <Grid item xs={12} lg={4}>
          <InfoCard title="Rules" subheader="By pass rate" variant="gridItem">
            <HighestAndLowest kind="rules" one="rule" ranked={rules} />
          </InfoCard>
        </Grid>
        <Grid item xs={12} lg={4}>
          <InfoCard title="Entities" subheader="By score" variant="gridItem">
            <HighestAndLowest kind="entities" one="entity" ranked={entities} />
          </InfoCard>
        </Grid>
        <Grid item xs={12} lg={4}>
          <ByDepartmentCard
            variant="gridItem"
            title={{ teams: 'Teams', departments: 'Departments' }}
            subheader={{
              teams: 'By average score; entities owned',
              departments: 'By average score; entities of all their teams',
            }}
            teams={<HighestAndLowest kind="teams" one="team" ranked={teams} />}
            departments={<DepartmentBoards departments={props.departments} />}
          />
        </Grid>
      </Grid>
    </ListHeadingContext.Provider>
  );
}
