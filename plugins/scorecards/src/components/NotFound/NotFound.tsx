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
import {
  EmptyState,
  Link,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import Box from '@material-ui/core/Box';
import ArrowBackIcon from '@material-ui/icons/ArrowBack';
import { useLocation } from 'react-router-dom';
import { errorText } from '../errorText';

/** A link back to a list ("All scorecards"), above a page's title. */
export function BackLink(props: { to: string; children: ReactNode }) {
  return (
    <Link to={props.to}>
      <Box display="inline-flex" alignItems="center" gridGap={4}>
        <ArrowBackIcon fontSize="small" />
        {props.children}
      </Box>
    </Link>
  );
}

/**
 * A page's failed read: for a 404 (a scorecard or campaign that was renamed
 * or removed, from an old link), what the backend says is missing
 * and why that may be; any other error as an error panel.
 */
export function NotFoundOrError(props: { error: Error }) {
  const { error } = props;
  if (error instanceof ResponseError && error.response.status === 404) {
    return (
      <EmptyState
        missing="content"
        title={errorText(error)}
        description="It may have been renamed or removed, or the link that led here may be mistyped."
      />
    );
  }
  return <ResponseErrorPanel error={error} />;
}

/**
 * An address under the plugin's pages that none of them answers (a
 * mistyped or truncated link), instead of a blank page.
 */
export function NoSuchPage(props: { back: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <>
      <Box mb={2}>{props.back}</Box>
      <EmptyState
        missing="info"
        title="No page at this address"
        description={
          <>
            Nothing is shown at <code>{pathname}</code>. The link that led here
            may be mistyped or cut short.
          </>
        }
      />
    </>
  );
}
