import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { HttpError, useGetList, useNotify } from 'react-admin';
import { apiFieldErrors } from '../apiErrors';
import { useCan } from '../auth/useCan';
import { useSwitchboardDataProvider } from '../dataProvider';
import { duration, formOf, NOTIFY_ROLES, payloadOf, validateCrisis } from './crisisForm';
import type { CrisisForm } from './crisisForm';

const NUMBERS: [keyof CrisisForm, string, string, string][] = [
    // field, label, the API's path, help
    ['interval_seconds', 'Check every (s)', 'interval_seconds', 'how often the watch counts'],
    ['window_seconds', 'Window (s)', 'window_seconds', 'the stretch each check counts'],
    ['baseline_weeks', 'Baseline weeks', 'baseline_weeks', 'past weeks, same hour of the week'],
    ['ratio', 'Spike ratio', 'thresholds.ratio', '× the baseline, mentions'],
    ['min_mentions', 'At least (mentions)', 'thresholds.min_mentions', 'in the window'],
    ['negative_ratio', 'Negative ratio', 'thresholds.negative_ratio', '× the baseline, negative'],
    ['min_negative', 'At least (negative)', 'thresholds.min_negative', 'in the window'],
    ['negative_below', 'Negative at or below', 'thresholds.negative_below', 'sentiment, -1 to 0'],
    ['end_ratio', 'Calm at or below', 'thresholds.end_ratio', '× the baseline'],
    ['calm_checks', 'Calm checks to end', 'thresholds.calm_checks', 'in a row (automatic crises)'],
];

/** Crisis mode's settings: detection, thresholds, the crisis flow, the backup teams and who is told. */
export const CrisisSettingsForm = () => {
    const dataProvider = useSwitchboardDataProvider();
    const notify = useNotify();
    const canManage = useCan('crisis', 'manage');
    const [form, setForm] = useState<CrisisForm | null>(null);
    const [errors, setErrors] = useState<Record<string, string>>({});
    const [saving, setSaving] = useState(false);
    const { data: teams = [] } = useGetList('teams', { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' } });
    const { data: flows = [] } = useGetList('flows', { pagination: { page: 1, perPage: 100 }, sort: { field: 'published_at', order: 'DESC' } });
    useEffect(() => {
        dataProvider.getCrisisSettings().then(
            ({ data }) => setForm(formOf(data)),
            (error: unknown) => notify(error instanceof Error ? error.message : String(error), { type: 'error' }),
        );
    }, [dataProvider, notify]);
    if (!form) return null;
    const set = (change: Partial<CrisisForm>) => setForm({ ...form, ...change });
    const setRow = (n: number, change: Partial<CrisisForm['backup'][number]>) =>
        set({ backup: form.backup.map((row, i) => (i === n ? { ...row, ...change } : row)) });
    const save = async () => {
        const found = validateCrisis(form);
        setErrors(found);
        if (Object.keys(found).length) return;
        setSaving(true);
        try {
            const { data } = await dataProvider.saveCrisisSettings(payloadOf(form));
            setForm(formOf(data));
            notify('Crisis settings saved', { type: 'success' });
        } catch (error) {
            const fields = error instanceof HttpError ? apiFieldErrors(error.body) : [];
            setErrors(Object.fromEntries(fields.filter(f => f.path).map(f => [f.path, f.message])));
            notify(error instanceof Error ? error.message : String(error), { type: 'error' });
        } finally {
            setSaving(false);
        }
    };
    const disabled = !canManage || saving;
    return (
        <Card variant="outlined" data-testid="crisis-settings">
            <CardContent>
                <Typography variant="h6" gutterBottom>
                    Settings
                </Typography>
                <FormControlLabel
                    control={<Switch checked={form.enabled} onChange={e => set({ enabled: e.target.checked })} disabled={disabled} />}
                    label={`Detect spikes: every ${duration(Number(form.interval_seconds) || 0)}, compare the last ${duration(Number(form.window_seconds) || 0)} with the same hours of the past ${form.baseline_weeks || '?'} weeks`}
                    data-testid="crisis-enabled"
                />
                <Box sx={{ display: 'grid', gap: 2, mt: 2, gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(5, 1fr)' } }}>
                    {NUMBERS.map(([field, label, path, help]) => (
                        <TextField
                            key={field}
                            size="small"
                            type="number"
                            label={label}
                            value={form[field] as string}
                            onChange={e => set({ [field]: e.target.value })}
                            error={Boolean(errors[path])}
                            helperText={errors[path] ?? help}
                            disabled={disabled}
                            slotProps={{ htmlInput: { 'data-testid': `crisis-${field}` } }}
                        />
                    ))}
                </Box>
                <Box sx={{ display: 'grid', gap: 2, mt: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
                    <TextField
                        size="small"
                        label="Topics (tags, comma-separated; empty: every tag)"
                        value={form.topics}
                        onChange={e => set({ topics: e.target.value })}
                        disabled={disabled}
                    />
                    <TextField
                        select
                        size="small"
                        label="Crisis flow version"
                        value={form.crisis_flow}
                        onChange={e => set({ crisis_flow: e.target.value })}
                        error={Boolean(errors.crisis_flow)}
                        helperText={errors.crisis_flow ?? 'new cases start with it during a crisis'}
                        disabled={disabled}
                        slotProps={{ htmlInput: { 'data-testid': 'crisis-flow' } }}
                    >
                        <MenuItem value="">None: routing rules stay</MenuItem>
                        {flows.map(flow => (
                            <MenuItem key={flow.id} value={flow.id}>
                                {`${flow.name} · ${String(flow.id).slice(0, 10)}${flow.active ? ' (active)' : ''}`}
                            </MenuItem>
                        ))}
                    </TextField>
                </Box>
                <Typography variant="subtitle2" sx={{ mt: 2 }}>
                    Backup teams
                </Typography>
                <Stack spacing={1} sx={{ mt: 1 }}>
                    {form.backup.map((row, n) => (
                        <Box
                            key={n}
                            data-testid="crisis-backup-row"
                            sx={{ display: 'grid', gap: 1, alignItems: 'start', gridTemplateColumns: { xs: '1fr auto', sm: 'minmax(180px, 240px) 1fr auto' } }}
                        >
                            <TextField
                                select
                                size="small"
                                label="Team"
                                value={row.team_id}
                                onChange={e => setRow(n, { team_id: e.target.value })}
                                error={Boolean(errors[`backup.${n}.team_id`])}
                                helperText={errors[`backup.${n}.team_id`]}
                                disabled={disabled}
                            >
                                {teams.map(team => (
                                    <MenuItem key={team.id} value={team.id}>
                                        {team.name}
                                    </MenuItem>
                                ))}
                            </TextField>
                            <TextField
                                select
                                size="small"
                                label="Joins the queues of"
                                value={row.queues}
                                onChange={e => setRow(n, { queues: e.target.value as unknown as string[] })}
                                error={Boolean(errors[`backup.${n}.queues`])}
                                helperText={errors[`backup.${n}.queues`]}
                                disabled={disabled}
                                sx={{ minWidth: 0, gridColumn: { xs: '1 / 2', sm: 'auto' }, gridRow: { xs: 2, sm: 'auto' } }}
                                slotProps={{ select: { multiple: true } }}
                            >
                                {teams
                                    .filter(team => team.id !== row.team_id)
                                    .map(team => (
                                        <MenuItem key={team.id} value={team.id}>
                                            {team.name}
                                        </MenuItem>
                                    ))}
                            </TextField>
                            {canManage && (
                                <IconButton aria-label="Remove this backup team" onClick={() => set({ backup: form.backup.filter((_, i) => i !== n) })}>
                                    <DeleteIcon />
                                </IconButton>
                            )}
                        </Box>
                    ))}
                    {canManage && (
                        <Box>
                            <Button size="small" startIcon={<AddIcon />} onClick={() => set({ backup: [...form.backup, { team_id: '', queues: [] }] })} data-testid="crisis-backup-add">
                                Add a backup team
                            </Button>
                        </Box>
                    )}
                </Stack>
                <Typography variant="subtitle2" sx={{ mt: 2 }}>
                    Notified when a crisis starts or ends
                </Typography>
                <FormGroup row>
                    {NOTIFY_ROLES.map(role => (
                        <FormControlLabel
                            key={role}
                            label={role.replace('_', ' ')}
                            control={
                                <Checkbox
                                    checked={form.notify_roles.includes(role)}
                                    disabled={disabled}
                                    onChange={e =>
                                        set({ notify_roles: e.target.checked ? [...form.notify_roles, role] : form.notify_roles.filter(r => r !== role) })
                                    }
                                />
                            }
                        />
                    ))}
                </FormGroup>
                {errors[''] && <Alert severity="error">{errors['']}</Alert>}
                {canManage && (
                    <Button variant="contained" sx={{ mt: 2 }} onClick={() => void save()} disabled={saving} data-testid="crisis-save">
                        Save settings
                    </Button>
                )}
            </CardContent>
        </Card>
    );
};
