import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import { useCallback, useMemo, useState } from 'react';
import { DeleteButton, useRecordContext } from 'react-admin';
import type { FlowDocument, FlowDraft, FlowNodeType } from '../types';
import { toFlowGraph } from '../flows/flowGraph';
import { formatContent, parseContent } from './contentJson';
import { updateNode } from './documentChanges';
import { EditableFlowCanvas } from './EditableFlowCanvas';
import { EMPTY_ERRORS, errorsAt } from './flowErrors';
import { FlowErrorList } from './FlowErrorList';
import { FlowTestPanel } from './FlowTestPanel';
import { NodePalette } from './NodePalette';
import { addNode, tidyLayout } from './nodePalette';
import { NodeEditorPanel } from './NodeEditorPanel';
import { PublishDialog } from './PublishDialog';
import { SlaSettingsTab } from './settings';
import { useDraftActions } from './useDraftActions';

const EMPTY_DOCUMENT: FlowDocument = { nodes: [], edges: [] };

/** The draft editor: name, canvas, node panel, Save / Publish (after a backtest, see PublishDialog) / Delete. */
export const DraftEditor = () => {
    const record = useRecordContext<FlowDraft>();
    if (!record) return null;
    return <DraftEditorForm key={record.id} draft={record} />;
};

/** A draft as the API lists it: with the version it is published as, if its document is one. */
type ListedDraft = FlowDraft & { published_version?: string | null; published_active?: boolean };

const DraftEditorForm = ({ draft }: { draft: ListedDraft }) => {
    const [name, setName] = useState(draft.name);
    const [document, setDocument] = useState<FlowDocument>(draft.document ?? EMPTY_DOCUMENT);
    const [selectedId, setSelectedId] = useState<string | null>(null);
    const [texts, setTexts] = useState<Record<string, string>>({});
    const [parseErrors, setParseErrors] = useState<Record<string, string>>({});
    const { busy, problem, save, publish } = useDraftActions(draft);
    const [publishing, setPublishing] = useState(false);
    const [side, setSide] = useState<'node' | 'test' | 'sla'>('node');
    const errors = problem?.errors ?? EMPTY_ERRORS;
    const localProblems = useMemo(() => toFlowGraph(document).problems, [document]);

    const selected = document.nodes.find(node => node.id === selectedId);
    const unparsed = Object.keys(parseErrors);

    const onTextChange = useCallback((id: string, text: string) => {
        setTexts(current => ({ ...current, [id]: text }));
        const parsed = parseContent(text);
        setParseErrors(({ [id]: _previous, ...rest }) => (parsed.ok ? rest : { ...rest, [id]: parsed.error }));
        if (parsed.ok) setDocument(current => updateNode(current, id, { content: parsed.value }));
    }, []);

    const onContentChange = useCallback((id: string, content: Record<string, unknown>) => {
        setTexts(({ [id]: _previous, ...rest }) => rest);
        setParseErrors(({ [id]: _previous, ...rest }) => rest);
        setDocument(current => updateNode(current, id, { content }));
    }, []);

    const onAdd = (type: FlowNodeType) => {
        const added = addNode(document, type, selectedId);
        setDocument(added.document);
        setSelectedId(added.id);
        setSide('node');
    };

    return (
        <Box sx={{ p: { xs: 1, sm: 2 }, display: 'grid', gap: 1.5, minWidth: 0 }}>
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                <TextField
                    label="Draft name"
                    size="small"
                    value={name}
                    onChange={event => setName(event.target.value)}
                    sx={{ minWidth: 280 }}
                    slotProps={{ htmlInput: { 'data-testid': 'flow-draft-name' } }}
                />
                <Button
                    variant="contained"
                    data-testid="flow-save"
                    disabled={busy || unparsed.length > 0}
                    onClick={() => save(name, document)}
                >
                    Save
                </Button>
                <Button
                    variant="outlined"
                    data-testid="flow-publish"
                    disabled={busy || unparsed.length > 0}
                    onClick={async () => setPublishing(await save(name, document, true))}
                >
                    Publish
                </Button>
                <Box sx={{ flex: 1 }} />
                <DeleteButton mutationMode="pessimistic" redirect="list" label="Delete draft" data-testid="flow-draft-delete" />
            </Box>
            {draft.published_version && (
                <Alert severity="success" data-testid="flow-draft-published">
                    Published as version{' '}
                    <Link href={`#/flows/${encodeURIComponent(draft.published_version)}/show`}>{draft.published_version.slice(0, 8)}</Link>
                    {draft.published_active ? ' (the active flow)' : ''}. Changes you save here make it a new draft of a
                    new version; the published one stays as it is.
                </Alert>
            )}
            {publishing && (
                <PublishDialog
                    open
                    draftId={String(draft.id)}
                    draftName={name}
                    busy={busy}
                    document={document}
                    onCancel={() => setPublishing(false)}
                    onConfirm={() => publish(document)}
                />
            )}
            {unparsed.length > 0 && (
                <Alert severity="warning">
                    Fix the content JSON of {unparsed.join(', ')} before saving.
                </Alert>
            )}
            {localProblems.map(item => (
                <Alert key={item.path} severity="warning">
                    {item.message} ({item.path})
                </Alert>
            ))}
            {problem && <FlowErrorList message={problem.message} errors={errors} document={document} />}
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                <NodePalette document={document} onAdd={onAdd} />
                <Button size="small" onClick={() => setDocument(current => tidyLayout(current))} data-testid="flow-tidy">
                    Tidy layout
                </Button>
            </Box>
            <EditableFlowCanvas
                document={document}
                errors={errors}
                selectedId={selectedId}
                onSelect={id => {
                    setSelectedId(id);
                    if (id) setSide('node');
                }}
                onChange={setDocument}
            />
            <Paper variant="outlined" sx={{ p: { xs: 1, sm: 2 }, minWidth: 0 }}>
                <Tabs value={side} onChange={(_, value: 'node' | 'test' | 'sla') => setSide(value)} sx={{ mb: 1.5 }}>
                    <Tab value="node" label={selected ? `Node: ${selected.name || selected.id}` : 'Node'} data-testid="draft-tab-node" />
                    <Tab value="test" label="Test" data-testid="draft-tab-test" />
                    <Tab value="sla" label="SLA & hours" data-testid="draft-tab-sla" />
                </Tabs>
                {side === 'node' ? (
                    <NodeEditorPanel
                        key={selected?.id}
                        node={selected}
                        text={selected ? texts[selected.id] ?? formatContent(selected.content) : ''}
                        parseError={selected ? parseErrors[selected.id] : undefined}
                        errors={selected ? errors.nodes[selected.id] ?? [] : []}
                        onNameChange={value => selected && setDocument(current => updateNode(current, selected.id, { name: value }))}
                        onTextChange={text => selected && onTextChange(selected.id, text)}
                        errorsAt={path => (selected ? errorsAt(errors, selected.id, path) : [])}
                        onContentChange={content => selected && onContentChange(selected.id, content)}
                    />
                ) : side === 'sla' ? (
                    <SlaSettingsTab document={document} onChange={setDocument} errors={problem?.raw ?? []} />
                ) : (
                    <FlowTestPanel
                        resource="flow_drafts"
                        id={String(draft.id)}
                        document={document}
                        beforeRun={() => (unparsed.length ? Promise.resolve(false) : save(name, document, true))}
                    />
                )}
            </Paper>
        </Box>
    );
};

export default DraftEditor;
