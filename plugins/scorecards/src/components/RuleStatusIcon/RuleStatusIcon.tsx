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

import { makeStyles } from '@material-ui/core/styles';
import PassIcon from '@material-ui/icons/CheckCircle';
import FailIcon from '@material-ui/icons/Cancel';
import SkipIcon from '@material-ui/icons/RemoveCircleOutline';
import { RuleStatus } from '../../api';

const useStyles = makeStyles(theme => ({
  pass: { color: theme.palette.success.main },
  fail: { color: theme.palette.error.main },
  skip: { color: theme.palette.text.secondary },
}));

const STATUS_ICONS = { pass: PassIcon, fail: FailIcon, skip: SkipIcon };

/** What a status is called, for labels and tooltips. */
export const RULE_STATUS_LABELS: Record<RuleStatus, string> = {
  pass: 'Passed',
  fail: 'Failed',
  skip: 'Skipped',
};

/**
 * A rule's outcome as an icon whose shape differs per status (tick, cross,
 * dash), labelled for screen readers.
 */
export function RuleStatusIcon(props: {
  status: RuleStatus;
  fontSize?: 'small' | 'default' | 'inherit';
}) {
  const { status, fontSize = 'small' } = props;
  const classes = useStyles();
  const Icon = STATUS_ICONS[status];
  return (
    <Icon
      className={classes[status]}
      fontSize={fontSize}
      titleAccess={RULE_STATUS_LABELS[status]}
    />
  );
}
