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

import { useState } from 'react';
import { usePermission } from '@backstage/plugin-permission-react';
import { errorText } from '../errorText';

/**
 * The state of a button that runs an action behind a permission (`access`,
 * as `usePermission` takes it), after a
 * confirmation in a {@link ConfirmDialog}. `action` resolves to nothing on
 * success (the dialog closes), or to a problem to show in the dialog; a
 * thrown error is shown too.
 */
export function useConfirmedAction(
  access: Parameters<typeof usePermission>[0],
  action: () => Promise<string | void>,
) {
  const { allowed } = usePermission(access);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  return {
    allowed,
    open,
    busy,
    error,
    show: () => {
      setError(undefined);
      setOpen(true);
    },
    cancel: () => setOpen(false),
    confirm: async () => {
      setBusy(true);
      setError(undefined);
      try {
        const problem = await action();
        if (problem) {
          setError(problem);
        } else {
          setOpen(false);
        }
      } catch (e) {
        setError(errorText(e));
      } finally {
        setBusy(false);
      }
    },
  };
}
