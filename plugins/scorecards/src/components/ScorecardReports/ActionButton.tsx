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

import { ReactElement } from 'react';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';

/**
 * A report's action: an outlined button with its icon and label, or, when
 * `compact`, the icon alone with the label in its tooltip.
 */
export function ActionButton(props: {
  label: string;
  /** The accessible name, naming the report. */
  ariaLabel: string;
  icon: ReactElement;
  compact: boolean;
  onClick: () => void;
}) {
  const { label, ariaLabel, icon, compact, onClick } = props;
  if (compact) {
    return (
      <Tooltip title={label}>
        <IconButton size="small" aria-label={ariaLabel} onClick={onClick}>
          {icon}
        </IconButton>
      </Tooltip>
    );
  }
  return (
    <Button
      variant="outlined"
      size="small"
      startIcon={icon}
      aria-label={ariaLabel}
      onClick={onClick}
    >
      {label}
    </Button>
  );
}
