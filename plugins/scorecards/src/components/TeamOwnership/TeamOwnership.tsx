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
  Entity,
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { ReactNode, useState } from 'react';
import { TeamRelation } from '../../api';
import { HeaderSwitch } from '../HeaderSwitch';

/** The config of a team card: which ownership it counts, as the catalog's Ownership card. */
export interface TeamOwnershipProps {
  /**
   * Whether the card starts with indirect ownership (`aggregated`) or not
   * (`direct`); by default on for users, off for groups.
   */
  relationAggregation?: TeamRelation;
  /** Hides the switch between the two. */
  hideRelationsToggle?: boolean;
}

/**
 * How many child groups a group has, from its relations (or, without them,
 * its `spec.children`).
 */
function childGroupCount(entity: Entity): number {
  const relations = entity.relations?.filter(
    r => r.type === RELATION_PARENT_OF,
  );
  if (relations && relations.length > 0) {
    return new Set(relations.map(r => r.targetRef)).size;
  }
  const children = (entity.spec as { children?: unknown } | undefined)
    ?.children;
  return Array.isArray(children) ? children.length : 0;
}

/**
 * The team of a team card's entity page (a group or a user) and which
 * ownership the card counts: it starts on for users and off for groups,
 * unless `initial` says otherwise.
 */
export function useTeamOwnership(entity: Entity, initial?: TeamRelation) {
  const team = stringifyEntityRef(entity);
  const isUser = entity.kind.toLocaleLowerCase('en-US') === 'user';
  const childGroups = isUser ? 0 : childGroupCount(entity);
  const [relation, setRelation] = useState<TeamRelation>(
    initial ?? (isUser ? 'aggregated' : 'direct'),
  );
  return { team, isUser, childGroups, relation, setRelation };
}

/** What `useTeamOwnership` returns. */
export type TeamOwnership = ReturnType<typeof useTeamOwnership>;

/**
 * A team card: its title, a subheader saying whose entities count (of the
 * response, once it is of the card's relation), and the switch.
 */
export function TeamOwnershipCard(props: {
  title: string;
  ownership: TeamOwnership;
  /** The answer, with whose entities it counted. */
  response?: { relation: TeamRelation; owners: string[] };
  hideRelationsToggle?: boolean;
  children: ReactNode;
}) {
  const { title, ownership, response } = props;
  const { isUser, relation, setRelation } = ownership;
  return (
    <InfoCard
      title={title}
      subheader={ownersText(
        isUser,
        relation,
        response?.relation === relation ? response.owners : undefined,
      )}
      variant="gridItem"
      action={
        props.hideRelationsToggle ? undefined : (
          <TeamOwnershipSwitch
            relation={relation}
            onChange={setRelation}
            cardTitle={title}
          />
        )
      }
    >
      {props.children}
    </InfoCard>
  );
}

/**
 * A team card's empty state: what it found none of (`children`). A group
 * with child groups, counted without them, gets a button that counts them:
 * a department often owns nothing itself.
 */
export function NothingOwned(props: {
  ownership: TeamOwnership;
  hideRelationsToggle?: boolean;
  children: ReactNode;
}) {
  const { childGroups, relation, setRelation } = props.ownership;
  const offer =
    relation === 'direct' && childGroups > 0 && !props.hideRelationsToggle;
  return (
    <>
      <Typography variant="body2" color="textSecondary">
        {props.children}
      </Typography>
      {offer && (
        <Box mt={1.5}>
          <Button
            variant="outlined"
            color="primary"
            size="small"
            onClick={() => setRelation('aggregated')}
          >
            {childGroups === 1
              ? 'Include its child team'
              : `Include its ${childGroups} child teams`}
          </Button>
        </Box>
      )}
    </>
  );
}

/**
 * The switch in a team card's header: "Include indirect ownership". Its
 * accessible name adds the card's title ("... in Campaigns"), as a team's
 * page may have several such cards.
 */
export function TeamOwnershipSwitch(props: {
  relation: TeamRelation;
  onChange: (relation: TeamRelation) => void;
  cardTitle: string;
}) {
  return (
    <HeaderSwitch
      label="Include indirect ownership"
      ariaLabel={`Include indirect ownership in ${props.cardTitle}`}
      checked={props.relation === 'aggregated'}
      onChange={checked => props.onChange(checked ? 'aggregated' : 'direct')}
    />
  );
}

/**
 * Whose entities a team card counts, in its subheader: "The entities this
 * team and its 3 child teams own". `owners` are the response's, if it is
 * of this relation.
 */
export function ownersText(
  isUser: boolean,
  relation: TeamRelation,
  owners: string[] | undefined,
): string {
  const who = isUser ? 'this user' : 'this team';
  if (relation === 'direct') {
    return `The entities ${who} owns`;
  }
  if (!owners) {
    return isUser
      ? 'The entities this user and their teams own'
      : 'The entities this team and its child teams own';
  }
  const others = owners.length - 1;
  if (others === 0) {
    return isUser
      ? 'The entities this user owns (they are in no team)'
      : 'The entities this team owns (it has no child teams)';
  }
  if (others === 1) {
    return isUser
      ? 'The entities this user and their team own'
      : 'The entities this team and its child team own';
  }
  return isUser
    ? `The entities this user and their ${others} teams own`
    : `The entities this team and its ${others} child teams own`;
}

/**
 * Who owns the entities a team card counts, for its empty state: "this
 * team owns", "this user or their teams own".
 */
export function ownsText(isUser: boolean, relation: TeamRelation): string {
  const owner = isUser ? 'this user' : 'this team';
  return relation === 'direct'
    ? `${owner} owns`
    : `${owner} or ${isUser ? 'their teams' : 'its child teams'} own`;
}

/**
 * What a team card counts, as a chart's choice of owner (the History tab's,
 * a campaign's trend): the team alone, or, with indirect ownership, the
 * team with the groups below it (a department), or a user with their teams.
 */
export function chartOwnerOf(ownership: {
  team: string;
  relation: TeamRelation;
}): { team?: string; department?: string } {
  const { team, relation } = ownership;
  return relation === 'direct' ? { team } : { department: team };
}

/** The owners as `team` parameters of a link (one each). */
export function teamParams(
  owners: string[],
  filters: Record<string, string> = {},
): URLSearchParams {
  const params = new URLSearchParams();
  owners.forEach(owner => params.append('team', owner));
  Object.entries(filters).forEach(([key, value]) => params.set(key, value));
  return params;
}
