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

import { useEffect, useMemo, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  campaignKey,
  ScorecardDefinition,
  validateCampaign,
  ValidationProblem,
} from '@openscorecards/plugin-scorecards-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import IconButton from '@material-ui/core/IconButton';
import InputLabel from '@material-ui/core/InputLabel';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import RemoveIcon from '@material-ui/icons/Close';
import useAsync from 'react-use/esm/useAsync';
import {
  CampaignDefinitionResponse,
  CampaignDetailsResponse,
  CampaignInput,
  CampaignRuleInput,
  scorecardsApiRef,
} from '../../api';
import { OwnerField } from './OwnerField';

interface LinkState {
  title: string;
  url: string;
}

interface GuidanceState {
  steps: string;
  /** Documentation links; the form shows one empty row when there are none. */
  links: LinkState[];
  templateUrl: string;
}

/** What the form edits, every field as text. */
export interface CampaignFormState {
  name: string;
  key: string;
  description: string;
  owner: string;
  startDate: string;
  endDate: string;
  scope: string;
  rules: string[];
  guidance: Record<string, GuidanceState>;
  ticketUrlTemplate: string;
}

const EMPTY_GUIDANCE: GuidanceState = {
  steps: '',
  links: [],
  templateUrl: '',
};

const EMPTY_FORM: CampaignFormState = {
  name: '',
  key: '',
  description: '',
  owner: '',
  startDate: '',
  endDate: '',
  scope: '',
  rules: [],
  guidance: {},
  ticketUrlTemplate: '',
};

/** The form's fields for an existing campaign. */
export function campaignFormState(
  campaign: CampaignDetailsResponse,
): CampaignFormState {
  const guidance: Record<string, GuidanceState> = {};
  for (const rule of campaign.byRule) {
    const g = rule.guidance;
    if (g) {
      guidance[rule.rule] = {
        steps: (g.steps ?? []).join('\n'),
        links: (g.links ?? []).map(link => ({
          title: link.title ?? '',
          url: link.url ?? '',
        })),
        templateUrl: g.templateUrl ?? '',
      };
    }
  }
  let scope = '';
  if (typeof campaign.scope === 'string') {
    scope = campaign.scope;
  } else if (campaign.scope !== undefined && campaign.scope !== null) {
    scope = JSON.stringify(campaign.scope);
  }
  return {
    name: campaign.name,
    key: campaign.key,
    description: campaign.description ?? '',
    owner: campaign.owner,
    startDate: campaign.startDate,
    endDate: campaign.endDate ?? '',
    scope,
    rules: campaign.byRule.map(r => r.rule),
    guidance,
    ticketUrlTemplate: campaign.ticketUrlTemplate ?? '',
  };
}

/** A scope written as JSON is a query object; anything else a scope string. */
function parseScopeField(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed);
    } catch {
      return trimmed;
    }
  }
  return trimmed;
}

/** The request body for the form's fields; empty optional fields left out. */
export function campaignInput(
  state: CampaignFormState,
  options: { editing: boolean },
): CampaignInput {
  const text = (value: string) => (value.trim() ? value.trim() : undefined);
  const rules: CampaignRuleInput[] = state.rules.map(rule => {
    const g = state.guidance[rule] ?? EMPTY_GUIDANCE;
    const steps = g.steps
      .split('\n')
      .map(s => s.trim())
      .filter(Boolean);
    const guidance: CampaignRuleInput['guidance'] = {};
    if (steps.length > 0) {
      guidance.steps = steps;
    }
    const links = g.links
      .filter(link => link.title.trim() || link.url.trim())
      .map(link => ({ title: link.title.trim(), url: link.url.trim() }));
    if (links.length > 0) {
      guidance.links = links;
    }
    if (g.templateUrl.trim()) {
      guidance.templateUrl = g.templateUrl.trim();
    }
    return Object.keys(guidance).length > 0 ? { rule, guidance } : { rule };
  });
  const body: CampaignInput = {
    name: state.name.trim(),
    owner: state.owner.trim(),
    startDate: state.startDate,
    rules,
  };
  const key = text(state.key);
  if (key && !options.editing) {
    body.key = key;
  }
  const description = text(state.description);
  if (description) {
    body.description = state.description;
  }
  if (state.endDate) {
    body.endDate = state.endDate;
  }
  if (text(state.scope)) {
    body.scope = parseScopeField(state.scope);
  }
  const ticket = text(state.ticketUrlTemplate);
  if (ticket) {
    body.ticketUrlTemplate = ticket;
  }
  return body;
}

/** `Invalid campaign:\n  - path: message` lines from the backend. */
export function parseServerProblems(message: string): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const line of message.split('\n')) {
    const match = /^\s*- ([^:\s]*): (.*)$/.exec(line);
    if (match) {
      problems.push({ path: match[1], message: match[2] });
    }
  }
  return problems;
}

function serverMessage(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message ?? error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The top-level field a problem belongs to (`rules[0].rule` gives `rules`). */
const fieldOf = (path: string) => path.split(/[.[]/)[0];

export interface CampaignFormProps {
  open: boolean;
  onClose: () => void;
  /** The campaign to edit; without it the form creates one. */
  campaign?: CampaignDetailsResponse;
  onSaved: (campaign: CampaignDefinitionResponse) => void;
}

/**
 * A dialog that creates a campaign or edits a database one. Checks the
 * fields with the same validator as the backend before sending them, and
 * shows the backend's problems when it still refuses them.
 */
export function CampaignForm(props: CampaignFormProps) {
  const { open, onClose, campaign, onSaved } = props;
  const editing = Boolean(campaign);
  const api = useApi(scorecardsApiRef);
  const [state, setState] = useState<CampaignFormState>(() =>
    campaign ? campaignFormState(campaign) : EMPTY_FORM,
  );
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | undefined>();

  useEffect(() => {
    if (open) {
      setState(campaign ? campaignFormState(campaign) : EMPTY_FORM);
      setSubmitted(false);
      setServerError(undefined);
    }
  }, [open, campaign]);

  const scorecards = useAsync(
    async () => (open ? api.getScorecards() : undefined),
    [api, open],
  );

  const ruleOptions = useMemo(() => {
    const options = new Map<string, string>();
    for (const scorecard of scorecards.value?.items ?? []) {
      for (const rule of scorecard.rules) {
        options.set(
          `${scorecard.id}/${rule.id}`,
          `${scorecard.title} — ${rule.title}`,
        );
      }
    }
    // Keep rules the campaign already has, even if no longer listed.
    for (const rule of campaign?.byRule ?? []) {
      if (!options.has(rule.rule)) {
        options.set(
          rule.rule,
          rule.scorecardTitle
            ? `${rule.scorecardTitle} — ${rule.title}`
            : rule.rule,
        );
      }
    }
    return options;
  }, [scorecards.value, campaign]);

  const body = useMemo(
    () => campaignInput(state, { editing }),
    [state, editing],
  );

  const problems = useMemo(() => {
    // Without the scorecards (still loading or failed), the backend checks
    // that the rules exist.
    const definitions: ScorecardDefinition[] = scorecards.value
      ? scorecards.value.items.map(s => ({
          id: s.id,
          title: s.title,
          rules: s.rules.map(r => ({
            id: r.id,
            title: r.title,
            level: r.level,
            query: 'kind:x',
          })),
        }))
      : state.rules.map(rule => {
          const slash = rule.indexOf('/');
          return {
            id: rule.slice(0, slash),
            title: rule,
            rules: [
              {
                id: rule.slice(slash + 1),
                title: rule,
                level: 'Bronze',
                query: 'kind:x',
              },
            ],
          };
        });
    const raw = editing ? { ...body, key: campaign!.key } : body;
    return validateCampaign(raw, { path: '', scorecards: definitions })
      .problems;
  }, [body, editing, campaign, scorecards.value, state.rules]);

  const serverProblems = useMemo(
    () => (serverError ? parseServerProblems(serverError) : []),
    [serverError],
  );
  const shown = submitted ? [...problems, ...serverProblems] : serverProblems;
  const fieldError = (field: string) =>
    shown
      .filter(p => fieldOf(p.path) === field)
      .map(p => p.message)
      .join('; ') || undefined;
  const ruleProblems = shown.filter(p => fieldOf(p.path) === 'rules');

  const set = <K extends keyof CampaignFormState>(
    field: K,
    value: CampaignFormState[K],
  ) => setState(current => ({ ...current, [field]: value }));

  const setGuidance = (rule: string, change: Partial<GuidanceState>) =>
    setState(current => ({
      ...current,
      guidance: {
        ...current.guidance,
        [rule]: {
          ...(current.guidance[rule] ?? EMPTY_GUIDANCE),
          ...change,
        },
      },
    }));

  const save = async () => {
    setSubmitted(true);
    setServerError(undefined);
    if (problems.length > 0) {
      return;
    }
    setSaving(true);
    try {
      const saved = campaign
        ? await api.updateCampaign(campaign.key, body)
        : await api.createCampaign(body);
      onSaved(saved);
    } catch (error) {
      setServerError(serverMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const field = (
    name: keyof CampaignFormState,
    label: string,
    extra: Partial<React.ComponentProps<typeof TextField>> = {},
  ) => {
    const error = fieldError(name);
    return (
      <TextField
        id={`campaign-form-${name}`}
        label={label}
        value={state[name] as string}
        onChange={e => set(name, e.target.value)}
        variant="outlined"
        margin="dense"
        fullWidth
        error={Boolean(error)}
        {...extra}
        helperText={error ?? extra.helperText}
      />
    );
  };

  const ruleLabel = (rule: string) => ruleOptions.get(rule) ?? rule;

  return (
    <Dialog
      open={open}
      onClose={saving ? undefined : onClose}
      aria-labelledby="campaign-form-title"
      maxWidth="md"
      fullWidth
    >
      <DialogTitle id="campaign-form-title">
        {editing ? `Edit ${campaign!.name}` : 'New campaign'}
      </DialogTitle>
      <DialogContent>
        {field('name', 'Name', { required: true, autoFocus: true })}
        {field('key', 'Key', {
          disabled: editing,
          placeholder: editing ? undefined : campaignKey(state.name),
          InputLabelProps: { shrink: true },
          helperText: editing
            ? 'The key cannot be changed'
            : 'Optional: lowercase letters, digits and dashes; generated from the name when left empty',
        })}
        {field('description', 'Description', {
          multiline: true,
          minRows: 3,
          helperText: 'Markdown',
        })}
        <OwnerField
          value={state.owner}
          onChange={value => set('owner', value)}
          error={fieldError('owner')}
        />
        <Box display="flex" gridGap={16}>
          {field('startDate', 'Start date', {
            type: 'date',
            required: true,
            InputLabelProps: { shrink: true },
          })}
          {field('endDate', 'End date', {
            type: 'date',
            InputLabelProps: { shrink: true },
            helperText: 'Optional: the deadline',
          })}
        </Box>
        {field('scope', 'Scope', {
          helperText:
            'Optional, e.g. kind:component AND spec.lifecycle:production',
        })}
        <FormControl
          variant="outlined"
          margin="dense"
          fullWidth
          required
          error={ruleProblems.length > 0}
        >
          <InputLabel id="campaign-form-rules-label">Rules</InputLabel>
          <Select
            labelId="campaign-form-rules-label"
            id="campaign-form-rules"
            label="Rules"
            multiple
            value={state.rules}
            onChange={e => set('rules', e.target.value as string[])}
            renderValue={selected =>
              (selected as string[]).map(ruleLabel).join(', ')
            }
          >
            {[...ruleOptions].map(([value, label]) => (
              <MenuItem key={value} value={value}>
                <Checkbox
                  checked={state.rules.includes(value)}
                  inputProps={{ 'aria-hidden': true }}
                />
                <ListItemText primary={label} secondary={value} />
              </MenuItem>
            ))}
          </Select>
          <FormHelperText>
            {scorecards.error
              ? `Could not load the scorecards: ${scorecards.error.message}`
              : 'The scorecard rules the campaign tracks'}
          </FormHelperText>
        </FormControl>
        {ruleProblems.length > 0 && (
          <Box component="ul" m={0} pl={3} aria-label="Problems with the rules">
            {ruleProblems.map(p => (
              <Typography
                key={`${p.path}:${p.message}`}
                component="li"
                variant="body2"
                color="error"
              >
                {p.path}: {p.message}
              </Typography>
            ))}
          </Box>
        )}
        {state.rules.map(rule => {
          const g = state.guidance[rule] ?? EMPTY_GUIDANCE;
          const id = `campaign-form-guidance-${rule.replace(/[^\w-]/g, '_')}`;
          const input = (
            name: 'steps' | 'templateUrl',
            label: string,
            extra: Partial<React.ComponentProps<typeof TextField>> = {},
          ) => (
            <TextField
              id={`${id}-${name}`}
              // The legend names the rule; the accessible name says it too.
              label={label}
              inputProps={{ 'aria-label': `${label} (${ruleLabel(rule)})` }}
              value={g[name]}
              onChange={e => setGuidance(rule, { [name]: e.target.value })}
              variant="outlined"
              margin="dense"
              fullWidth
              {...extra}
            />
          );
          // At least one row, so that a first link can be typed in.
          const links: LinkState[] =
            g.links.length > 0 ? g.links : [{ title: '', url: '' }];
          const setLink = (index: number, change: Partial<LinkState>) =>
            setGuidance(rule, {
              links: links.map((link, i) =>
                i === index ? { ...link, ...change } : link,
              ),
            });
          const shortLabel = (label: string, index: number) =>
            `${label}${index > 0 ? ` ${index + 1}` : ''}`;
          const linkLabel = (label: string, index: number) =>
            `${shortLabel(label, index)} (${ruleLabel(rule)})`;
          return (
            <Box
              key={rule}
              component="fieldset"
              mt={2}
              p={1}
              border={0}
              aria-labelledby={`${id}-legend`}
            >
              <Typography
                id={`${id}-legend`}
                component="legend"
                variant="subtitle2"
              >
                Guidance for {ruleLabel(rule)} (optional)
              </Typography>
              {input('steps', 'Steps', {
                multiline: true,
                minRows: 2,
                helperText: 'One markdown step per line',
              })}
              {links.map((link, index) => (
                <Box
                  // Rows have no identity but their place.
                  // eslint-disable-next-line react/no-array-index-key
                  key={index}
                  display="flex"
                  gridGap={16}
                  alignItems="center"
                >
                  <TextField
                    id={`${id}-link-${index}-title`}
                    label={shortLabel('Documentation title', index)}
                    inputProps={{
                      'aria-label': linkLabel('Documentation title', index),
                    }}
                    value={link.title}
                    onChange={e => setLink(index, { title: e.target.value })}
                    variant="outlined"
                    margin="dense"
                    fullWidth
                  />
                  <TextField
                    id={`${id}-link-${index}-url`}
                    label={shortLabel('Documentation URL', index)}
                    inputProps={{
                      'aria-label': linkLabel('Documentation URL', index),
                    }}
                    value={link.url}
                    onChange={e => setLink(index, { url: e.target.value })}
                    variant="outlined"
                    margin="dense"
                    fullWidth
                  />
                  {links.length > 1 && (
                    <IconButton
                      size="small"
                      aria-label={`Remove ${linkLabel('link', index)}`}
                      onClick={() =>
                        setGuidance(rule, {
                          links: links.filter((_, i) => i !== index),
                        })
                      }
                    >
                      <RemoveIcon fontSize="small" />
                    </IconButton>
                  )}
                </Box>
              ))}
              <Button
                size="small"
                startIcon={<AddIcon />}
                aria-label={`Add a documentation link (${ruleLabel(rule)})`}
                onClick={() =>
                  setGuidance(rule, {
                    links: [...links, { title: '', url: '' }],
                  })
                }
              >
                Add a link
              </Button>
              {input('templateUrl', 'Template URL', {
                helperText: 'A workflow or software template that fixes it',
              })}
            </Box>
          );
        })}
        {field('ticketUrlTemplate', 'Ticket URL template', {
          helperText:
            'Optional: a new-ticket link with {campaign}, {team} and {entities} placeholders',
        })}
        {serverError && (
          <Typography
            role="alert"
            color="error"
            variant="body2"
            style={{ whiteSpace: 'pre-wrap' }}
          >
            {serverError}
          </Typography>
        )}
        {submitted && problems.length > 0 && (
          <Typography role="alert" color="error" variant="body2">
            Fix {problems.length === 1 ? 'the problem' : 'the problems'} above
            to save.
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={saving}>
          Cancel
        </Button>
        <Button
          color="primary"
          variant="contained"
          onClick={save}
          disabled={saving}
        >
          {editing ? 'Save' : 'Create'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
