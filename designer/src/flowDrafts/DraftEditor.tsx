import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useCallback, useMemo, useState } from 'react';
import { DeleteButton, useRecordContext } from 'react-admin';
import type { FlowDocument, FlowDraft } from '../types';
import { toFlowGraph } from '../flows/flowGraph';
import { formatContent, parseContent } from './contentJson';
import { updateNode } from './documentChanges';
import { EditableFlowCanvas } from './EditableFlowCanvas';
import { EMPTY_ERRORS, errorsAt } from './flowErrors';
import { FlowErrorList } from './FlowErrorList';
import { NodeEditorPanel } from './NodeEditorPanel';
import { PublishDialog } from './PublishDialog';
import { useDraftActions } from './useDraftActions';

const EMPTY_DOCUMENT: FlowDocument = { nodes: [], edges: [] };

/** The draft editor: name, canvas, node panel, Save / Publish (after a backtest, see PublishDialog) / Delete. */
export const DraftEditor = () => {
    const record = useRecordContext<FlowDraft>();
    if (!record) return null;
    return <DraftEditorForm key={record.id} draft={record} />;
};

const DraftEditorForm = ({ draft }: { draft: FlowDraft }) => {
    const [name, setName] = useState(draft.name);
    const [document, setDocument] = useState<FlowDocument>(draft.document ?? EMPTY_DOCUMENT);
    const [selectedId, setSelectedId] = useState<string | null>(null);
    const [texts, setTexts] = useState<Record<string, string>>({});
    const [parseErrors, setParseErrors] = useState<Record<string, string>>({});
    const { busy, problem, save, publish } = useDraftActions(draft);
    const [publishing, setPublishing] = useState(false);
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

    return (
        <Box sx={{ p: 2, display: 'grid', gap: 2 }}>
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
            {publishing && (
                <PublishDialog
                    open
                    draftId={String(draft.id)}
                    draftName={name}
                    busy={busy}
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
            <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '2fr 1fr' }, gap: 2 }}>
                <EditableFlowCanvas
                    document={document}
                    errors={errors}
                    selectedId={selectedId}
                    onSelect={setSelectedId}
                    onChange={setDocument}
                />
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
            </Box>
        </Box>
    );
};

export default DraftEditor;
