import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { HttpError, useGetList } from 'react-admin';
import { RuleTraces } from '../cases/explain/RuleTraces';
import { useSwitchboardDataProvider } from '../dataProvider';
import type { FlowDocument } from '../types';
import { pastedRequest, STAGE_LABELS, stageRules } from './flowTest';
import type { FlowTestRequest, FlowTestResult } from './flowTest';

interface FlowTestPanelProps {
    resource: 'flow_drafts' | 'flows';
    id: string;
    document: FlowDocument;
    /** Before a draft is tried: save it (the API tries the draft as saved); false stops the run. */
    beforeRun?: () => Promise<boolean>;
}

type Source = 'mention' | 'case' | 'paste';
type Pick = { id: string; label: string };

const describeError = (error: unknown): string => {
    if (error instanceof HttpError) {
        const detail = (error.body as { detail?: { message?: string } } | undefined)?.detail;
        return detail?.message ?? error.message;
    }
    return error instanceof Error ? error.message : String(error);
};

/** Try the flow on a recent mention or case, or a pasted one: what it decides, and every rule's trace. */
export const FlowTestPanel = ({ resource, id, document, beforeRun }: FlowTestPanelProps) => {
    const dataProvider = useSwitchboardDataProvider();
    const [source, setSource] = useState<Source>('mention');
    const [picked, setPicked] = useState<Pick | null>(null);
    const [search, setSearch] = useState('');
    const [pasted, setPasted] = useState('');
    const [seniority, setSeniority] = useState<'junior' | 'senior'>('senior');
    const [running, setRunning] = useState(false);
    const [error, setError] = useState<string | null>(null);
    const [result, setResult] = useState<FlowTestResult | null>(null);

    const filter = search ? { q: search } : {};
    const mentions = useGetList(
        'mentions',
        { filter: { ...filter, direction: 'inbound' }, sort: { field: 'received_at', order: 'DESC' }, pagination: { page: 1, perPage: 10 } },
        { enabled: source === 'mention' },
    );
    const cases = useGetList(
        'cases',
        { filter, sort: { field: 'opened_at', order: 'DESC' }, pagination: { page: 1, perPage: 10 } },
        { enabled: source === 'case' },
    );
    const options: Pick[] =
        source === 'mention'
            ? (mentions.data ?? []).map(m => ({ id: String(m.id), label: `${m.author}: ${String(m.text).slice(0, 90)}` }))
            : (cases.data ?? []).map(c => ({ id: String(c.id), label: `${String(c.id).slice(0, 8)} ${c.author}: ${String(c.subject ?? '').slice(0, 80)}` }));

    const request = (): FlowTestRequest | string => {
        if (source === 'paste') {
            const parsed = pastedRequest(pasted);
            return parsed.ok ? parsed.request : parsed.error;
        }
        if (!picked) return `Pick a ${source} first`;
        return source === 'mention' ? { mention_id: picked.id } : { case_id: picked.id };
    };

    const run = async () => {
        const body = request();
        if (typeof body === 'string') {
            setError(body);
            return;
        }
        setRunning(true);
        setError(null);
        try {
            if (beforeRun && !(await beforeRun())) {
                setError('The draft did not save: fix it first (see the errors above)');
                return;
            }
            const { data } = await dataProvider.testFlow(resource, id, { ...body, agent_seniority: seniority });
            setResult(data as FlowTestResult);
        } catch (thrown) {
            setError(describeError(thrown));
        } finally {
            setRunning(false);
        }
    };

    return (
        <Box sx={{ display: 'grid', gap: 1.5, minWidth: 0 }} data-testid="flow-test-panel">
            <Tabs
                value={source}
                onChange={(_, value: Source) => {
                    setSource(value);
                    setPicked(null);
                    setSearch('');
                }}
            >
                <Tab value="mention" label="Mention" data-testid="flow-test-source-mention" />
                <Tab value="case" label="Case" data-testid="flow-test-source-case" />
                <Tab value="paste" label="Paste" data-testid="flow-test-source-paste" />
            </Tabs>
            {source === 'paste' ? (
                <TextField
                    multiline
                    minRows={3}
                    label="Mention JSON, or just its text"
                    value={pasted}
                    onChange={event => setPasted(event.target.value)}
                    slotProps={{ htmlInput: { 'data-testid': 'flow-test-paste', spellCheck: false } }}
                />
            ) : (
                <Autocomplete<Pick>
                    options={options}
                    value={picked}
                    onChange={(_, value) => setPicked(value)}
                    inputValue={search}
                    onInputChange={(_, value, reason) => reason !== 'reset' && setSearch(value)}
                    filterOptions={items => items}
                    isOptionEqualToValue={(a, b) => a.id === b.id}
                    loading={source === 'mention' ? mentions.isPending : cases.isPending}
                    renderInput={params => (
                        <TextField
                            {...params}
                            label={source === 'mention' ? 'Recent mention (type to search)' : 'Recent case (type to search)'}
                            inputProps={{ ...params.inputProps, 'data-testid': 'flow-test-pick' }}
                        />
                    )}
                />
            )}
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                <TextField
                    select
                    size="small"
                    label="Replying agent"
                    value={seniority}
                    onChange={event => setSeniority(event.target.value as 'junior' | 'senior')}
                    sx={{ minWidth: 160 }}
                >
                    <MenuItem value="senior">senior</MenuItem>
                    <MenuItem value="junior">junior</MenuItem>
                </TextField>
                <Button variant="contained" onClick={run} disabled={running} data-testid="flow-test-run">
                    {running ? 'Running…' : 'Run test'}
                </Button>
            </Box>
            {error && (
                <Alert severity="error" data-testid="flow-test-error">
                    {error}
                </Alert>
            )}
            {result && <FlowTestResultView result={result} document={document} />}
        </Box>
    );
};

const Decision = ({ label, value, testId }: { label: string; value: string; testId: string }) => (
    <Box>
        <Typography variant="caption" color="text.secondary" component="div">
            {label}
        </Typography>
        <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid={testId}>
            {value}
        </Typography>
    </Box>
);

export const FlowTestResultView = ({ result, document }: { result: FlowTestResult; document: FlowDocument }) => (
    <Box sx={{ display: 'grid', gap: 1.5, minWidth: 0 }} data-testid="flow-test-result">
        <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
            {result.mention.author} on {result.mention.source}: “{result.mention.text}”
        </Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(120px, 1fr))', gap: 1.5 }}>
            <Decision label="Needs a response" value={result.needs_response ? 'yes: opens a case' : 'no'} testId="flow-test-needs-response" />
            <Decision label="Queue" value={result.queue} testId="flow-test-queue" />
            <Decision label="Priority" value={result.priority} testId="flow-test-priority" />
            <Decision label="SLA policy" value={result.sla_policy ?? 'none'} testId="flow-test-sla" />
            <Decision label="Reply approval" value={result.requires_approval ? 'required' : 'not needed'} testId="flow-test-approval" />
        </Box>
        <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }} data-testid="flow-test-tags">
            {result.tags.length ? result.tags.map(tag => <Chip key={tag} size="small" label={tag} />) : (
                <Typography variant="body2" color="text.secondary">no tags</Typography>
            )}
            <Chip size="small" variant="outlined" label={`sentiment ${result.sentiment.toFixed(2)}`} />
        </Box>
        {result.stages.map(stage => (
            <Paper key={stage.stage} variant="outlined" sx={{ p: 1.5, minWidth: 0, overflowWrap: 'anywhere' }} data-testid="flow-test-stage" data-stage={stage.stage}>
                <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
                    {STAGE_LABELS[stage.stage] ?? stage.stage}
                </Typography>
                <RuleTraces rules={stageRules(stage)} flow={document} />
            </Paper>
        ))}
    </Box>
);

export default FlowTestPanel;
