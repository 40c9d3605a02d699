import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { ACTION_LABELS, TARGET_FIELDS } from './model';
import type { EditorProps, EscalationAction, EscalationActionType, EscalationLevel, SettingsErrors, SlaPolicyDoc } from './model';
import { SecondsInput } from './SecondsInput';

export interface SlaPoliciesEditorProps extends EditorProps<SlaPolicyDoc[]> {
    /** Names of the node's calendars a policy may keep time by. */
    calendars?: string[];
}

const NO_CALENDAR = '';

/** Paths a policy card shows on a field; anything else under it is said at the card's top. */
const fieldPaths = (policy: SlaPolicyDoc, at: string): string[] => [
    `${at}/id`,
    `${at}/calendar`,
    ...TARGET_FIELDS.map(([field]) => `${at}/${field}`),
    `${at}/warn_before_seconds`,
    ...(policy.escalation ?? []).flatMap((level, index) => [
        `${at}/escalation/${index}/after_seconds`,
        ...level.actions.map((_action, actionIndex) => `${at}/escalation/${index}/actions/${actionIndex}/to`),
    ]),
];

const otherMessages = (errors: SettingsErrors, at: string, shown: string[]) =>
    Object.entries(errors)
        .filter(([key]) => (key === at || key.startsWith(`${at}/`)) && !shown.includes(key))
        .map(([key, message]) => (key === at ? message : `${key.slice(at.length + 1).replace(/\//g, ' › ')}: ${message}`));

const ActionRow = ({
    action,
    onChange,
    onRemove,
    error,
}: {
    action: EscalationAction;
    onChange: (action: EscalationAction) => void;
    onRemove: () => void;
    error?: string;
}) => {
    const needsTo = action.type === 'notify' || action.type === 'move_queue';
    return (
        <Stack direction="row" gap={1} alignItems="flex-start" flexWrap="wrap" data-testid="escalation-action">
            <TextField
                select
                size="small"
                label="Action"
                value={action.type}
                onChange={event => {
                    const type = event.target.value as EscalationActionType;
                    const keepsTo = type === 'notify' || type === 'move_queue';
                    onChange(keepsTo ? { type, to: action.to ?? (type === 'notify' ? 'supervisor' : '') } : { type });
                }}
                sx={{ width: 170 }}
            >
                {Object.entries(ACTION_LABELS).map(([type, label]) => (
                    <MenuItem key={type} value={type}>
                        {label}
                    </MenuItem>
                ))}
            </TextField>
            {needsTo && (
                <TextField
                    size="small"
                    label={action.type === 'notify' ? 'Who' : 'Queue (team id)'}
                    value={action.to ?? ''}
                    onChange={event => onChange({ ...action, to: event.target.value })}
                    error={Boolean(error)}
                    helperText={error ?? (action.type === 'notify' ? 'A role (supervisor) or a user id' : ' ')}
                    sx={{ width: 200 }}
                />
            )}
            <Tooltip title="Remove this action">
                <IconButton aria-label="Remove action" onClick={onRemove} size="small" sx={{ mt: 0.5 }}>
                    <DeleteIcon fontSize="small" />
                </IconButton>
            </Tooltip>
        </Stack>
    );
};

const LevelRow = ({
    level,
    index,
    at,
    errors,
    onChange,
    onRemove,
}: {
    level: EscalationLevel;
    index: number;
    at: string;
    errors: SettingsErrors;
    onChange: (level: EscalationLevel) => void;
    onRemove: () => void;
}) => (
    <Box sx={{ borderLeft: 3, borderColor: 'divider', pl: 1.5, py: 0.5 }} data-testid="escalation-level">
        <Stack direction="row" gap={1} alignItems="flex-start" flexWrap="wrap">
            <Typography variant="subtitle2" sx={{ mt: 1, minWidth: 60 }}>
                Level {index + 1}
            </Typography>
            <SecondsInput
                label="After the breach"
                value={level.after_seconds}
                optional={false}
                onChange={seconds => onChange({ ...level, after_seconds: seconds ?? 0 })}
                error={errors[`${at}/after_seconds`]}
            />
            <Tooltip title="Remove this level">
                <IconButton aria-label={`Remove level ${index + 1}`} onClick={onRemove} size="small" sx={{ mt: 0.5 }}>
                    <DeleteIcon fontSize="small" />
                </IconButton>
            </Tooltip>
        </Stack>
        <Stack gap={1} sx={{ mt: 1 }}>
            {level.actions.map((action, actionIndex) => (
                <ActionRow
                    key={actionIndex}
                    action={action}
                    error={errors[`${at}/actions/${actionIndex}/to`]}
                    onChange={next => onChange({ ...level, actions: level.actions.map((a, i) => (i === actionIndex ? next : a)) })}
                    onRemove={() => onChange({ ...level, actions: level.actions.filter((_a, i) => i !== actionIndex) })}
                />
            ))}
            {errors[`${at}/actions`] && <Typography color="error" variant="caption">{errors[`${at}/actions`]}</Typography>}
            <Box>
                <Button size="small" startIcon={<AddIcon />} onClick={() => onChange({ ...level, actions: [...level.actions, { type: 'notify', to: 'supervisor' }] })}>
                    Action
                </Button>
            </Box>
        </Stack>
    </Box>
);

const PolicyCard = ({
    policy,
    index,
    errors,
    calendars,
    onChange,
    onRemove,
}: {
    policy: SlaPolicyDoc;
    index: number;
    errors: SettingsErrors;
    calendars: string[];
    onChange: (policy: SlaPolicyDoc) => void;
    onRemove: () => void;
}) => {
    const at = `/${index}`;
    const others = otherMessages(errors, at, fieldPaths(policy, at));
    const levels = policy.escalation ?? [];
    const calendarChoices = policy.calendar && !calendars.includes(policy.calendar) ? [...calendars, policy.calendar] : calendars;
    return (
        <Card variant="outlined" data-testid="sla-policy" data-policy={policy.id}>
            <CardContent>
                <Stack gap={2}>
                    {others.length > 0 && <Alert severity="error">{others.join('; ')}</Alert>}
                    <Stack direction="row" gap={1} alignItems="flex-start" flexWrap="wrap">
                        <TextField
                            size="small"
                            label="Policy"
                            value={policy.id}
                            onChange={event => onChange({ ...policy, id: event.target.value })}
                            error={Boolean(errors[`${at}/id`])}
                            helperText={errors[`${at}/id`] ?? 'The select rules name it'}
                            sx={{ width: 180 }}
                            slotProps={{ htmlInput: { 'data-testid': 'sla-policy-id' } }}
                        />
                        <TextField
                            select
                            size="small"
                            label="Business hours"
                            value={policy.calendar ?? NO_CALENDAR}
                            onChange={event => onChange({ ...policy, calendar: event.target.value || null })}
                            error={Boolean(errors[`${at}/calendar`])}
                            helperText={errors[`${at}/calendar`] ?? 'Clocks run only while open'}
                            sx={{ width: 220 }}
                            slotProps={{ htmlInput: { 'data-testid': 'sla-policy-calendar' } }}
                        >
                            <MenuItem value={NO_CALENDAR}>24/7 (no calendar)</MenuItem>
                            {calendarChoices.map(name => (
                                <MenuItem key={name} value={name}>
                                    {name}
                                </MenuItem>
                            ))}
                        </TextField>
                        <Box sx={{ flex: 1 }} />
                        <Tooltip title="Remove this policy">
                            <IconButton aria-label={`Remove policy ${policy.id}`} onClick={onRemove}>
                                <DeleteIcon />
                            </IconButton>
                        </Tooltip>
                    </Stack>
                    <Stack direction="row" gap={1} flexWrap="wrap">
                        {TARGET_FIELDS.map(([field, label]) => (
                            <SecondsInput
                                key={field}
                                label={label}
                                value={policy[field]}
                                onChange={seconds => onChange({ ...policy, [field]: seconds })}
                                error={errors[`${at}/${field}`]}
                                testId={`sla-${field}`}
                            />
                        ))}
                        <SecondsInput
                            label="Warn before"
                            value={policy.warn_before_seconds}
                            onChange={seconds => onChange({ ...policy, warn_before_seconds: seconds })}
                            error={errors[`${at}/warn_before_seconds`]}
                            testId="sla-warn_before_seconds"
                        />
                    </Stack>
                    <Stack gap={1}>
                        <Typography variant="subtitle2">Escalation after a breach</Typography>
                        {levels.length === 0 && (
                            <Typography variant="body2" color="text.secondary">
                                No escalation: a breach is only marked.
                            </Typography>
                        )}
                        {levels.map((level, levelIndex) => (
                            <LevelRow
                                key={levelIndex}
                                level={level}
                                index={levelIndex}
                                at={`${at}/escalation/${levelIndex}`}
                                errors={errors}
                                onChange={next => onChange({ ...policy, escalation: levels.map((l, i) => (i === levelIndex ? next : l)) })}
                                onRemove={() => onChange({ ...policy, escalation: levels.filter((_l, i) => i !== levelIndex) })}
                            />
                        ))}
                        <Box>
                            <Button
                                size="small"
                                startIcon={<AddIcon />}
                                onClick={() => {
                                    const after = levels.length ? levels[levels.length - 1].after_seconds + 900 : 0;
                                    onChange({ ...policy, escalation: [...levels, { after_seconds: after, actions: [{ type: 'notify', to: 'supervisor' }] }] });
                                }}
                            >
                                Escalation level
                            </Button>
                        </Box>
                    </Stack>
                </Stack>
            </CardContent>
        </Card>
    );
};

/** A target or calendar left empty is left out of the document (none: no such target; 24/7). */
const withoutNulls = (policy: SlaPolicyDoc): SlaPolicyDoc =>
    Object.fromEntries(Object.entries(policy).filter(([, v]) => v !== null && v !== undefined)) as unknown as SlaPolicyDoc;

const newPolicyId = (policies: SlaPolicyDoc[]) => {
    let n = policies.length + 1;
    while (policies.some(policy => policy.id === `policy-${n}`)) n += 1;
    return `policy-${n}`;
};

/**
 * The SLA node's `policies`: per policy its targets (typed in minutes, kept in business seconds), the warning lead,
 * the calendar its clocks keep and the escalation ladder. Controlled: `value` in, every change out by `onChange`;
 * `errors` (JSON pointers under `policies`, e.g. `/0/first_response_seconds`) land on their fields.
 */
export const SlaPoliciesEditor = ({ value, onChange, errors = {}, calendars = [] }: SlaPoliciesEditorProps) => {
    const policies = value ?? [];
    const unplaced = errors['/'] ?? errors[''];
    return (
        <Stack gap={2} data-testid="sla-policies-editor">
            {unplaced && <Alert severity="error">{unplaced}</Alert>}
            {policies.map((policy, index) => (
                <PolicyCard
                    key={index}
                    policy={policy}
                    index={index}
                    errors={errors}
                    calendars={calendars}
                    onChange={next => onChange(policies.map((p, i) => (i === index ? withoutNulls(next) : p)))}
                    onRemove={() => onChange(policies.filter((_p, i) => i !== index))}
                />
            ))}
            <Box>
                <Button
                    variant="outlined"
                    startIcon={<AddIcon />}
                    data-testid="sla-policy-add"
                    onClick={() => onChange([...policies, { id: newPolicyId(policies), first_response_seconds: 3600, escalation: [] }])}
                >
                    SLA policy
                </Button>
            </Box>
        </Stack>
    );
};

export default SlaPoliciesEditor;
