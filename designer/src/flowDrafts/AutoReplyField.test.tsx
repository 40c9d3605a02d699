import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import demoFlow from '../../../api/demo/flow.json';
import { ruleSlots } from '../rules/builder/ruleSlots';
import { fakeDataProvider } from '../test/fakeDataProvider';
import type { FlowDocument, FlowNode } from '../types';
import { NodeRules } from './NodeRules';

const REPLIES = [
    { id: 'billing-received', title: 'Billing question received', text: 'Hi {{customer.name}}', team_id: null, channels: [] },
    { id: 'outage-known', title: 'Known outage', text: 'We are on it', team_id: null, channels: [] },
];
const fields = [
    { name: 'tags', type: 'list' as const, values: ['billing', 'outage', 'question', 'help', 'urgent', 'press', 'safety', 'legal'] },
    { name: 'sentiment', type: 'number' as const },
];

const triage = (extra: Record<string, unknown> = {}): FlowNode => {
    const node = structuredClone((demoFlow as unknown as FlowDocument).nodes.find(n => n.type === 'triage')!);
    return { ...node, content: { ...node.content, ...extra } };
};

const renderRules = (node: FlowNode, errorsAt: (path: string) => string[] = () => []) => {
    const onContentChange = vi.fn();
    render(
        <AdminContext dataProvider={fakeDataProvider({ canned_replies: REPLIES })}>
            <NodeRules node={node} fields={fields} errorsAt={errorsAt} onContentChange={onContentChange} />
        </AdminContext>,
    );
    return onContentChange;
};

const picker = () => within(screen.getByTestId('node-rules')).getByRole('combobox', { name: 'Auto-reply with' });

describe("triage's auto-reply", () => {
    it('lets the ops lead pick a canned reply, which adds auto_reply with a first rule on a tag', async () => {
        const node = triage();
        const onContentChange = renderRules(node);
        expect(picker()).toHaveTextContent('No auto-reply');
        await userEvent.click(picker());
        await userEvent.click(await screen.findByRole('option', { name: 'Billing question received' }));
        expect(onContentChange).toHaveBeenLastCalledWith({
            ...node.content,
            auto_reply: { when: { in: ['billing', { var: 'tags' }] }, canned_reply_id: 'billing-received' },
        });
    });

    it('shows the rule of an existing auto-reply, keeps it when another reply is picked, and removes it all', async () => {
        const when = { in: ['outage', { var: 'tags' }] };
        const node = triage({ auto_reply: { when, canned_reply_id: 'billing-received' } });
        expect(ruleSlots(node).map(slot => slot.path)).toContain('/content/auto_reply/when');
        const onContentChange = renderRules(node);
        await waitFor(() => expect(picker()).toHaveTextContent('Billing question received'));
        expect(screen.getByText('auto_reply when')).toBeTruthy();
        await userEvent.click(picker());
        await userEvent.click(await screen.findByRole('option', { name: 'Known outage' }));
        expect(onContentChange).toHaveBeenLastCalledWith({ ...node.content, auto_reply: { when, canned_reply_id: 'outage-known' } });
        await userEvent.click(picker());
        await userEvent.click(await screen.findByRole('option', { name: 'No auto-reply' }));
        const { auto_reply: _gone, ...without } = node.content as Record<string, unknown>;
        expect(onContentChange).toHaveBeenLastCalledWith(without);
    });

    it('says when the named canned reply does not exist, with the engine error at its path', async () => {
        const node = triage({ auto_reply: { when: true, canned_reply_id: 'deleted-one' } });
        renderRules(node, path =>
            path === '/content/auto_reply/canned_reply_id' ? ["no canned reply 'deleted-one'"] : [],
        );
        await waitFor(() => expect(picker()).toHaveTextContent('deleted-one'));
        expect(screen.getByText("no canned reply 'deleted-one'")).toBeTruthy();
    });
});
