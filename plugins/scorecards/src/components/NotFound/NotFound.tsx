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

import { EmptyState, ResponseErrorPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import { errorText } from '../errorText';

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
