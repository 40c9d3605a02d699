import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Loading } from 'react-admin';
import type { FlowField } from '../rules/builder/fields';
import { roundTrip } from '../rules/builder/jsonLogicQuery';

// react-querybuilder and its stylesheet load only when a rule is shown in the builder.
const RuleBuilder = lazy(() => import('../rules/builder/RuleBuilder'));

interface RuleEditorProps {
    label: string;
    path: string;
    rule: unknown;
    fields: FlowField[];
    errors: string[];
    onChange: (rule: unknown) => void;
}

/** One rule: a Builder tab (when the builder can hold the rule unchanged, else why not) and a raw JSON tab. */
export const RuleEditor = ({ label, path, rule, fields, errors, onChange }: RuleEditorProps) => {
    // Decided when the rule is opened (and again on each switch to the builder), from the rule as it then is.
    const [trip, setTrip] = useState(() => roundTrip(rule));
    const [mode, setMode] = useState<'builder' | 'json'>(trip.ok ? 'builder' : 'json');
    return (
        <Paper
            variant="outlined"
            sx={{ p: 1.5, borderColor: errors.length ? 'error.main' : undefined }}
            data-testid="rule-editor"
            data-path={path}
            data-invalid={errors.length ? 'true' : 'false'}
        >
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                <Typography variant="subtitle2" sx={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
                    {label}
                </Typography>
                <Tabs
                    value={mode}
                    onChange={(_, value: 'builder' | 'json') => {
                        if (value === 'builder') setTrip(roundTrip(rule));
                        setMode(value);
                    }}
                    sx={{ minHeight: 32, '& .MuiTab-root': { minHeight: 32, py: 0.5 } }}
                >
                    <Tab value="builder" label="Builder" data-testid="rule-tab-builder" />
                    <Tab value="json" label="JSON" data-testid="rule-tab-json" />
                </Tabs>
            </Box>
            {errors.length > 0 && (
                <Alert severity="error" sx={{ my: 1 }} data-testid="rule-errors">
                    {errors.map((message, index) => (
                        <div key={index}>{message}</div>
                    ))}
                </Alert>
            )}
            <Box sx={{ mt: 1 }}>
                {mode === 'json' ? (
                    <>
                        {!trip.ok && (
                            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="rule-json-only">
                                JSON only: {trip.reason}.
                            </Typography>
                        )}
                        <RuleJson rule={rule} onChange={onChange} />
                    </>
                ) : trip.ok ? (
                    <Suspense fallback={<Loading />}>
                        <RuleBuilder query={trip.query} fields={fields} onChange={onChange} />
                    </Suspense>
                ) : (
                    <Alert severity="info" data-testid="rule-builder-unavailable">
                        The builder cannot show this rule without changing it: {trip.reason}. Edit it in the JSON tab.
                    </Alert>
                )}
            </Box>
        </Paper>
    );
};

const RuleJson = ({ rule, onChange }: { rule: unknown; onChange: (rule: unknown) => void }) => {
    const initial = useMemo(() => JSON.stringify(rule, null, 2), []); // eslint-disable-line react-hooks/exhaustive-deps
    const [text, setText] = useState(initial);
    const [error, setError] = useState<string | null>(null);
    return (
        <TextField
            multiline
            fullWidth
            minRows={3}
            maxRows={16}
            value={text}
            error={Boolean(error)}
            helperText={error ?? 'JSON Logic'}
            onChange={event => {
                setText(event.target.value);
                try {
                    const parsed = JSON.parse(event.target.value);
                    setError(null);
                    onChange(parsed);
                } catch (problem) {
                    setError(problem instanceof Error ? problem.message : String(problem));
                }
            }}
            slotProps={{
                htmlInput: {
                    'data-testid': 'rule-json',
                    spellCheck: false,
                    style: { fontFamily: 'monospace', fontSize: 13, lineHeight: 1.5 },
                },
            }}
        />
    );
};

export default RuleEditor;
