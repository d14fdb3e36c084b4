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

import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import {
  ReportItem,
  ReportRanking,
  ReportSummary,
  ScorecardReportSection,
  scorecardsApiRef,
} from '../../api';
import { RelativeTime } from '../RelativeTime';
import { changeText } from './reportFormat';

const useStyles = makeStyles(theme => ({
  section: { marginBottom: theme.spacing(3) },
  list: { margin: 0, paddingLeft: theme.spacing(2.5) },
  up: { color: theme.palette.success.main },
  down: { color: theme.palette.error.main },
}));

function Change(props: { change?: number }) {
  const classes = useStyles();
  const text = changeText(props.change);
  if (!text) {
    return null;
  }
  let className: string | undefined;
  if (props.change! > 0) {
    className = classes.up;
  } else if (props.change! < 0) {
    className = classes.down;
  }
  return (
    <span className={className}>
      {' '}
      ({text}
      {props.change! > 0 && ' improved'}
      {props.change! < 0 && ' regressed'})
    </span>
  );
}

function ItemList(props: { label: string; items: ReportItem[]; unit: string }) {
  const classes = useStyles();
  if (props.items.length === 0) {
    return null;
  }
  return (
    <Box mb={1}>
      <Typography variant="subtitle2" component="h4">
        {props.label}
      </Typography>
      <ul className={classes.list}>
        {props.items.map(item => (
          <li key={item.id}>
            {item.link ? <Link to={item.link}>{item.title}</Link> : item.title}:{' '}
            <strong>{`${item.score}${props.unit}`}</strong>
            <Change change={item.change} />
          </li>
        ))}
      </ul>
    </Box>
  );
}

function Ranking(props: {
  label: string;
  ranking: ReportRanking;
  unit: string;
}) {
  const { label, ranking, unit } = props;
  if (ranking.highest.length === 0 && ranking.lowest.length === 0) {
    return null;
  }
  return (
    <Grid item xs={12} md={4}>
      <ItemList
        label={`${label} – highest`}
        items={ranking.highest}
        unit={unit}
      />
      <ItemList
        label={`${label} – lowest`}
        items={ranking.lowest}
        unit={unit}
      />
    </Grid>
  );
}

function SectionPreview(props: { section: ScorecardReportSection }) {
  const { section } = props;
  const classes = useStyles();
  const headingId = `report-preview-${section.scorecardId}`;
  return (
    <section className={classes.section} aria-labelledby={headingId}>
      <Typography variant="h6" component="h3" id={headingId}>
        <Link to={section.link}>{section.title}</Link>
      </Typography>
      {section.score === undefined ? (
        <Typography color="textSecondary">No results yet</Typography>
      ) : (
        <>
          <Typography gutterBottom>
            Average {section.score} points over {section.entities}{' '}
            {section.entities === 1 ? 'entity' : 'entities'}
            <Change change={section.change} />
          </Typography>
          <Grid container spacing={2}>
            <Ranking label="Rules" ranking={section.rules} unit="% pass" />
            <Ranking label="Services" ranking={section.services} unit="" />
            <Ranking label="Teams" ranking={section.teams} unit="" />
          </Grid>
        </>
      )}
    </section>
  );
}

function PreviewContent(props: { reportId: string }) {
  const api = useApi(scorecardsApiRef);
  const { value, loading, error } = useAsync(
    () => api.previewReport(props.reportId),
    [api, props.reportId],
  );
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value) {
    return null;
  }
  return (
    <>
      <Typography color="textSecondary" paragraph>
        Scorecards for{' '}
        {value.audience.group
          ? `${value.audience.group} and its sub-groups`
          : 'the whole organisation'}
        {value.since && (
          <>
            , changes since <RelativeTime value={value.since} />
          </>
        )}
        .
      </Typography>
      {value.scorecards.length === 0 && (
        <Typography>This report covers no scorecards.</Typography>
      )}
      {value.scorecards.map(section => (
        <SectionPreview key={section.scorecardId} section={section} />
      ))}
    </>
  );
}

/** The content a report would send now, fetched when the dialog opens. */
export function ReportPreviewDialog(props: {
  report: ReportSummary;
  open: boolean;
  onClose: () => void;
}) {
  const { report, open, onClose } = props;
  const titleId = `report-preview-title-${report.id}`;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby={titleId}
    >
      <DialogTitle id={titleId}>Preview: {report.title}</DialogTitle>
      <DialogContent dividers>
        {open && <PreviewContent reportId={report.id} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
