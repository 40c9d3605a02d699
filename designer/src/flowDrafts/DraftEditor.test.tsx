import '../test/reactFlow';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, HttpError, Notification, RecordContextProvider, ResourceContextProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { fakeDataProvider } from '../test/fakeDataProvider';
import type { FlowDraft } from '../types';
import { DraftEditor } from './DraftEditor';
import { draftDocument } from './testDocument';

const draft: FlowDraft = { id: 'd1', name: 'Support v2', document: draftDocument(), based_on: 'f1', updated_at: '2026-01-01T00:00:00Z' };

const invalidFlow = new HttpError('The flow has 2 errors', 422, {
    detail: {
        code: 'invalid_flow',
        path: 'document',
        message: 'The flow has 2 errors',
        errors: [
            { code: 'unknown_operator', message: 'Unknown operator "nope"', path: '/nodes/2/content/needs_response/or/1' },
            { code: 'no_close', message: 'The flow has no close node', path: '/nodes' },
        ],
    },
});

const setup = () => {
    const dataProvider = fakeDataProvider({ flow_drafts: [draft] });
    const user = userEvent.setup();
    render(
        <AdminContext dataProvider={dataProvider}>
            <ResourceContextProvider value="flow_drafts">
                <RecordContextProvider value={draft}>
                    <DraftEditor />
                </RecordContextProvider>
            </ResourceContextProvider>
            <Notification />
        </AdminContext>,
    );
    return { dataProvider, user };
};

const canvasNode = (id: string) => {
    const node = document.querySelector<HTMLElement>(`[data-testid="flow-editor-node"][data-node-id="${id}"]`);
    if (!node) throw new Error(`no canvas node ${id}`);
    return node;
};

describe('DraftEditor', () => {
    it('marks the node a 422 points at, and lists graph errors above the canvas', async () => {
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const { dataProvider, user } = setup();
        dataProvider.update.mockRejectedValueOnce(invalidFlow);
        await waitFor(() => expect(canvasNode('triage')).toHaveAttribute('data-invalid', 'false'));

        await user.click(screen.getByTestId('flow-save'));

        await waitFor(() => expect(canvasNode('triage')).toHaveAttribute('data-invalid', 'true'));
        expect(dataProvider.update).toHaveBeenCalledWith(
            'flow_drafts',
            expect.objectContaining({ id: 'd1', data: { name: 'Support v2', document: draftDocument() } }),
        );
        expect(canvasNode('tag')).toHaveAttribute('data-invalid', 'false');
        expect(canvasNode('triage')).toHaveAttribute('title', 'Unknown operator "nope"');
        expect(screen.getByTestId('flow-errors')).toHaveTextContent('The flow has no close node (/nodes)');
        expect(screen.getByTestId('flow-save-error')).toHaveTextContent('The flow has 2 errors');

        // A plain click: d3-drag's mousedown handler wants a window on the event, which user-event leaves out.
        fireEvent.click(canvasNode('triage'));
        expect(await screen.findByTestId('flow-node-errors')).toHaveTextContent('Unknown operator "nope"');
        consoleError.mockRestore();
    });

    it('edits node content as JSON, blocks saving on parse errors, then saves', async () => {
        const { dataProvider, user } = setup();
        await waitFor(() => canvasNode('tag'));
        fireEvent.click(canvasNode('tag'));
        const editor = await screen.findByTestId('flow-node-editor');
        expect(editor).toHaveValue('{\n  "keywords": {\n    "billing": [\n      "refund"\n    ]\n  }\n}');

        await user.clear(editor);
        await user.type(editor, '{{"keywords": ');
        expect(screen.getByTestId('flow-save')).toBeDisabled();
        expect(screen.getByTestId('flow-publish')).toBeDisabled();

        await user.type(editor, '{{}}');
        expect(screen.getByTestId('flow-save')).toBeEnabled();
        await user.click(screen.getByTestId('flow-save'));
        await waitFor(() => expect(dataProvider.update).toHaveBeenCalled());
        const saved = dataProvider.update.mock.calls[0][1].data.document as ReturnType<typeof draftDocument>;
        expect(saved.nodes[1].content).toEqual({ keywords: {} });
        expect(await screen.findByText('Draft saved')).toBeInTheDocument();
    });

    it('publishes after saving and announces the version', async () => {
        const { dataProvider, user } = setup();
        await user.click(screen.getByTestId('flow-publish'));
        await waitFor(() => expect(dataProvider.publishFlowDraft).toHaveBeenCalledWith('d1'));
        expect(dataProvider.update).toHaveBeenCalledTimes(1);
        expect(await screen.findByText('Published version f-new')).toBeInTheDocument();
    });
});
