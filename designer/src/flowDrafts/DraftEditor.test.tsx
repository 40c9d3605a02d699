import '../test/reactFlow';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, HttpError, Notification, RecordContextProvider, ResourceContextProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { fakeDataProvider } from '../test/fakeDataProvider';
import type { BacktestReport, FlowDraft } from '../types';
import { DraftEditor } from './DraftEditor';
import { draftDocument } from './testDocument';

const draft: FlowDraft = { id: 'd1', name: 'Support v2', document: draftDocument(), based_on: 'f1', updated_at: '2026-01-01T00:00:00Z', updated_by: 'olivia' };

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

const REPORT: BacktestReport = {
    flow_version: 'f-draft',
    since: '2026-11-27T10:00:00Z',
    until: '2026-12-04T10:00:00Z',
    seconds: 1.2,
    totals: {
        mentions: 1200, tags_changed: 40, needs_response_changed: 1, live_cases: 800, draft_cases: 801, changed: 2,
        would_open: 1, would_not_open: 0, by_field: { queue: 1, priority: 1, sla_policy: 1 },
        moves: [
            { field: 'queue', live: 'support', draft: 'escalations', cases: 1 },
            { field: 'priority', live: 'normal', draft: 'high', cases: 1 },
        ],
        live_flow_versions: { f1: 800 },
    },
    sample: [{
        kind: 'changed', case_id: 'c-billing', mention_id: 'twitter:2', conversation_id: 'v2',
        received_at: '2026-11-30T09:00:00Z', source: 'twitter', changed: ['priority', 'sla_policy'],
        live_queue: 'support', draft_queue: 'support', live_priority: 'normal', draft_priority: 'high',
        live_sla_policy: 'normal', draft_sla_policy: 'high', live_flow_version: 'f1', tags_added: [], tags_removed: [],
    }],
};

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
        // ... and on the rule it concerns, in the node's Rules tab.
        const rules = await screen.findAllByTestId('rule-editor');
        const needs = rules.find(rule => rule.getAttribute('data-path') === '/content/needs_response')!;
        expect(needs).toHaveAttribute('data-invalid', 'true');
        expect(needs).toHaveTextContent('Unknown operator "nope"');
        expect(rules.find(rule => rule.getAttribute('data-path') === '/content/priority')).toHaveAttribute('data-invalid', 'false');
        consoleError.mockRestore();
    });

    it('edits node content as JSON, blocks saving on parse errors, then saves', async () => {
        const { dataProvider, user } = setup();
        await waitFor(() => canvasNode('tag'));
        fireEvent.click(canvasNode('tag'));
        fireEvent.click(await screen.findByTestId('node-tab-json'));
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

    it('saves, shows what the draft would change over the last 7 days, and publishes once confirmed', async () => {
        const { dataProvider, user } = setup();
        dataProvider.backtestFlowDraft.mockResolvedValueOnce({ data: REPORT });
        await user.click(screen.getByTestId('flow-publish'));
        await waitFor(() => expect(dataProvider.update).toHaveBeenCalledTimes(1));
        const summary = await screen.findByTestId('backtest-summary');
        const [draftId, period] = dataProvider.backtestFlowDraft.mock.calls[0];
        expect(draftId).toBe('d1');
        expect(Date.parse(period.until) - Date.parse(period.since)).toBe(7 * 24 * 3_600_000);
        expect(summary).toHaveTextContent(
            '1,200 mentions, 800 cases opened: the draft would decide 2 of them otherwise (Queue 1, Priority 1, ' +
                'SLA policy 1), open 1 more and not open 0.',
        );
        expect(screen.getByTestId('backtest-moves')).toHaveTextContent('Queue: support → escalations: 1 case');
        expect(screen.getByTestId('backtest-sample')).toHaveTextContent('Priority: normal → high; SLA policy: normal → high');
        expect(screen.getByTestId('backtest-csv')).toHaveAttribute('href', expect.stringMatching(/^\/api\/flow_drafts\/d1\/backtest\.csv\?since=/));
        expect(dataProvider.publishFlowDraft).not.toHaveBeenCalled();

        await user.click(screen.getByTestId('publish-confirm'));
        await waitFor(() => expect(dataProvider.publishFlowDraft).toHaveBeenCalledWith('d1'));
        expect(await screen.findByText('Published version f-new')).toBeInTheDocument();
    });

    it('reruns the backtest for another period, and lets the ops lead publish when it cannot run', async () => {
        // react-admin's data provider logs a refused call
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const { dataProvider, user } = setup();
        dataProvider.backtestFlowDraft.mockRejectedValueOnce(new HttpError('You may not: flows:backtest', 403, {}));
        await user.click(screen.getByTestId('flow-publish'));
        expect(await screen.findByTestId('backtest-failed')).toHaveTextContent(
            'The backtest could not run: You may not: flows:backtest. You can still publish.',
        );
        fireEvent.change(screen.getByTestId('backtest-period'), { target: { value: '30d' } });
        expect(await screen.findByTestId('backtest-summary')).toHaveTextContent('No mentions arrived in this period');
        const [, period] = dataProvider.backtestFlowDraft.mock.calls[1];
        expect(Date.parse(period.until) - Date.parse(period.since)).toBe(30 * 24 * 3_600_000);
        await user.click(screen.getByText('Cancel'));
        await waitFor(() => expect(screen.queryByTestId('publish-dialog')).toBeNull());
        expect(dataProvider.publishFlowDraft).not.toHaveBeenCalled();
        consoleError.mockRestore();
    });

    it('does not open the publish dialog when the draft does not save', async () => {
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const { dataProvider, user } = setup();
        dataProvider.update.mockRejectedValueOnce(invalidFlow);
        await user.click(screen.getByTestId('flow-publish'));
        expect(await screen.findByTestId('flow-save-error')).toHaveTextContent('The flow has 2 errors');
        expect(screen.queryByTestId('publish-dialog')).toBeNull();
        expect(dataProvider.backtestFlowDraft).not.toHaveBeenCalled();
        consoleError.mockRestore();
    });
});
