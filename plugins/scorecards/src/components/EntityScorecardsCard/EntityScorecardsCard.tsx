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

import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import { scorecardsApiRef } from '../../api';
import { LevelBadge } from '../LevelBadge';
import { scorecardAnchor } from '../EntityScorecardsContent';

const useStyles = makeStyles(theme => ({
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    '& th, & td': {
      padding: theme.spacing(0.75, 0),
      borderBottom: `1px solid ${theme.palette.divider}`,
      textAlign: 'left',
      fontWeight: 'normal',
    },
    '& tr:last-child th, & tr:last-child td': {
      borderBottom: 'none',
    },
  },
  score: {
    textAlign: 'right !important' as 'right',
    whiteSpace: 'nowrap',
    fontVariantNumeric: 'tabular-nums',
  },
}));

/**
 * The entity's level and score in each scorecard at a glance, for the
 * entity's overview page. Links to the Scorecards tab, each scorecard to
 * its card there.
 *
 * @public
 */
export function EntityScorecardsCard(props: {
  /** The path of the Scorecards tab below the entity page; `scorecards`. */
  tabPath?: string;
}) {
  const { tabPath = 'scorecards' } = props;
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(scorecardsApiRef);
  const entityRoute = useRouteRef(entityRouteRef);
  const classes = useStyles();
  const { value, loading, error } = useAsync(
    () => api.getEntityScorecards(entityRef),
    [api, entityRef],
  );

  const tabLink = `${entityRoute(entityRouteParams(entity))}/${tabPath}`;
  const deepLink =
    value && value.scorecards.length > 0
      ? { title: 'View scorecards', link: tabLink }
      : undefined;

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (!value || value.scorecards.length === 0) {
    content = (
      <Typography variant="body2" color="textSecondary">
        No scorecards apply to this entity.
      </Typography>
    );
  } else {
    content = (
      <table className={classes.table}>
        <caption style={{ captionSide: 'bottom', textAlign: 'left' }}>
          <Typography variant="caption" color="textSecondary">
            Level and score of this entity in each scorecard
          </Typography>
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <Typography variant="caption" color="textSecondary">
                Scorecard
              </Typography>
            </th>
            <th scope="col">
              <Typography variant="caption" color="textSecondary">
                Level
              </Typography>
            </th>
            <th scope="col" className={classes.score}>
              <Typography variant="caption" color="textSecondary">
                Score
              </Typography>
            </th>
          </tr>
        </thead>
        <tbody>
          {value.scorecards.map(scorecard => (
            <tr key={scorecard.id}>
              <th scope="row">
                <Typography variant="body2">
                  <Link to={`${tabLink}#${scorecardAnchor(scorecard.id)}`}>
                    {scorecard.title}
                  </Link>
                </Typography>
              </th>
              <td>
                <LevelBadge
                  level={scorecard.level}
                  levels={value.levels}
                  size="small"
                />
              </td>
              <td className={classes.score}>
                <Typography variant="body2">{scorecard.score}%</Typography>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }

  return (
    <InfoCard title="Scorecards" deepLink={deepLink} variant="gridItem">
      {content}
    </InfoCard>
  );
}
