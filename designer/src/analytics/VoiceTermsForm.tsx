import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ShareOfVoiceTerms } from '../types';
import { ApiFailure } from './analyticsApi';
import type { AnalyticsApi } from './analyticsApi';
import { MAX_COMPETITORS, fieldOfPath, formOf, validateVoice, voicePayload } from './voiceTerms';
import type { VoiceErrors, VoiceForm, VoiceRow } from './voiceTerms';

interface Props {
    api: AnalyticsApi;
    terms: ShareOfVoiceTerms | null;
    onSaved: (terms: ShareOfVoiceTerms) => void;
    onCancel: () => void;
}

const RowFields = ({ where, row, errors, label, onChange }: { where: string; row: VoiceRow; errors: VoiceErrors; label: string; onChange: (row: VoiceRow) => void }) => (
    <Box sx={{ display: 'grid', gap: 1, gridTemplateColumns: { xs: '1fr', sm: 'minmax(8rem, 1fr) minmax(12rem, 2fr)' }, flex: 1, minWidth: 0 }}>
        <TextField
            size="small"
            label={label}
            value={row.name}
            onChange={event => onChange({ ...row, name: event.target.value })}
            error={Boolean(errors[`${where}.name`])}
            helperText={errors[`${where}.name`]}
            slotProps={{ htmlInput: { 'data-testid': `${where}.name` } }}
        />
        <TextField
            size="small"
            label="Terms"
            value={row.terms}
            onChange={event => onChange({ ...row, terms: event.target.value })}
            error={Boolean(errors[`${where}.terms`])}
            helperText={errors[`${where}.terms`] ?? 'Separated by commas, e.g. acme, @acmehelp'}
            slotProps={{ htmlInput: { 'data-testid': `${where}.terms` } }}
        />
    </Box>
);

/** The brand and its competitors, each with the terms that name it; saved for everyone's share of voice. */
export const VoiceTermsForm = ({ api, terms, onSaved, onCancel }: Props) => {
    const [form, setForm] = useState<VoiceForm>(() => formOf(terms));
    const [errors, setErrors] = useState<VoiceErrors>({});
    const [failure, setFailure] = useState<string | null>(null);
    const [saving, setSaving] = useState(false);

    const change = (next: VoiceForm) => {
        setForm(next);
        setErrors({});
    };
    const setCompetitor = (n: number, row: VoiceRow) => change({ ...form, competitors: form.competitors.map((c, i) => (i === n ? row : c)) });

    const save = async () => {
        const found = validateVoice(form);
        setErrors(found);
        setFailure(null);
        if (Object.keys(found).length) return;
        setSaving(true);
        try {
            onSaved(await api.saveVoiceTerms(voicePayload(form)));
        } catch (error) {
            if (error instanceof ApiFailure && error.status === 422 && error.path) setErrors({ [fieldOfPath(form, error.path)]: error.message });
            else setFailure(error instanceof Error ? error.message : String(error));
        } finally {
            setSaving(false);
        }
    };

    return (
        <Box
            component="form"
            aria-label="Share of voice terms"
            data-testid="voice-terms-form"
            onSubmit={event => {
                event.preventDefault();
                void save();
            }}
            sx={{ display: 'grid', gap: 1.5, mt: 1 }}
        >
            <RowFields where="brand" row={form.brand} errors={errors} label="Brand" onChange={row => change({ ...form, brand: row })} />
            <Typography variant="subtitle2">Competitors</Typography>
            {form.competitors.map((row, n) => (
                <Box key={n} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
                    <RowFields where={`competitors.${n}`} row={row} errors={errors} label={`Competitor ${n + 1}`} onChange={next => setCompetitor(n, next)} />
                    <IconButton
                        aria-label={`Remove competitor ${n + 1}`}
                        onClick={() => change({ ...form, competitors: form.competitors.filter((_, i) => i !== n) })}
                    >
                        <DeleteIcon />
                    </IconButton>
                </Box>
            ))}
            {errors.competitors && (
                <Typography color="error" variant="caption" role="alert">
                    {errors.competitors}
                </Typography>
            )}
            {failure && <Alert severity="error">{failure}</Alert>}
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                <Button
                    startIcon={<AddIcon />}
                    disabled={form.competitors.length >= MAX_COMPETITORS}
                    onClick={() => change({ ...form, competitors: [...form.competitors, { name: '', terms: '' }] })}
                >
                    Add competitor
                </Button>
                <Box sx={{ flex: 1 }} />
                <Button onClick={onCancel}>Cancel</Button>
                <Button type="submit" variant="contained" disabled={saving} data-testid="voice-terms-save">
                    Save terms
                </Button>
            </Box>
        </Box>
    );
};
