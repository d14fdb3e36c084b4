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
import { useApiHolder } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import ListItemText from '@material-ui/core/ListItemText';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import useAsync from 'react-use/esm/useAsync';

/** A group the owner field suggests. */
export interface GroupOption {
  ref: string;
  name: string;
}

export interface OwnerFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

const HELP = 'A group, e.g. group:default/platform';

/**
 * The campaign owner: a group ref, typed or picked from the catalog's
 * groups (by display name or ref). Without a catalog API in the app, or
 * while the catalog cannot answer, it is a plain text field.
 */
export function OwnerField(props: OwnerFieldProps) {
  const { value, onChange, error } = props;
  const catalogApi = useApiHolder().get(catalogApiRef);
  const groups = useAsync(async (): Promise<GroupOption[]> => {
    if (!catalogApi) {
      return [];
    }
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Group' },
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        'metadata.title',
        'spec.profile.displayName',
      ],
    });
    return items
      .map(entity => {
        const profile = (
          entity.spec as { profile?: { displayName?: unknown } } | undefined
        )?.profile;
        return {
          ref: stringifyEntityRef(entity),
          name:
            (typeof profile?.displayName === 'string' && profile.displayName) ||
            entity.metadata.title ||
            entity.metadata.name,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [catalogApi]);

  const helperText =
    error ??
    (groups.error
      ? `${HELP}. Could not load the catalog's groups: ${groups.error.message}`
      : HELP);

  return (
    <Autocomplete<GroupOption, false, false, true>
      id="campaign-form-owner"
      freeSolo
      options={groups.value ?? []}
      loading={groups.loading}
      getOptionLabel={option =>
        typeof option === 'string' ? option : option.ref
      }
      // By the field's text: the Autocomplete passes '' while its text
      // equals its value, which here it always does.
      filterOptions={options => {
        const needle = value.trim().toLocaleLowerCase('en-US');
        return options.filter(
          option =>
            !needle ||
            option.ref.toLocaleLowerCase('en-US').includes(needle) ||
            option.name.toLocaleLowerCase('en-US').includes(needle),
        );
      }}
      renderOption={option => (
        <ListItemText primary={option.name} secondary={option.ref} />
      )}
      // The field's value is its text: a picked group becomes its ref.
      value={value}
      inputValue={value}
      onChange={(_event, next) =>
        onChange(typeof next === 'string' ? next : next?.ref ?? '')
      }
      onInputChange={(_event, next) => onChange(next)}
      renderInput={params => (
        <TextField
          {...params}
          label="Owner"
          required
          variant="outlined"
          margin="dense"
          fullWidth
          error={Boolean(error)}
          helperText={helperText}
        />
      )}
    />
  );
}
