// What each role is offered on the source and flow pages (the case and customer pages have their own tests).
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../test/reactFlow';
import { App } from '../App';
import { fakeAuthProvider, makeMe } from '../test/fakeAuthProvider';
import { fakeDataProvider } from '../test/fakeDataProvider';
import { makeSource, webhookSource } from '../test/fixtures';
import type { Flow, FlowDraft } from '../types';

const flow = (overrides: Partial<Flow> = {}): Flow => ({
    id: 'f1',
    name: 'Default care flow',
    version: 'f1f1f1f1f1f1f1f1',
    active: true,
    published_at: '2025-01-01T00:00:00+00:00',
    published_by: 'olivia',
    activated_by: 'olivia',
    document: { nodes: [], edges: [] },
    ...overrides,
});
const oldFlow = flow({ id: 'f0', version: 'f0f0f0f0f0f0f0f0', active: false });
const draft: FlowDraft = { id: 'd1', name: 'Tweaks', document: { nodes: [], edges: [] }, based_on: 'f1', updated_at: '2025-01-02T00:00:00+00:00', updated_by: 'olivia' };

const open = (hash: string, authProvider: ReturnType<typeof fakeAuthProvider>, sources = [makeSource(), webhookSource]) => {
    window.location.hash = hash;
    const dataProvider = fakeDataProvider({
        sources,
        flows: [flow(), oldFlow],
        flow_drafts: [draft],
    });
    const user = userEvent.setup();
    const view = render(<App dataProvider={dataProvider} authProvider={authProvider} />);
    return { dataProvider, user, ...view };
};

describe('what each role is offered', () => {
    beforeEach(() => {
        vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    });

    afterEach(() => {
        window.location.hash = '';
        vi.restoreAllMocks();
    });

    it('lets an admin edit and poll a source; an ops lead and an auditor only read it', async () => {
        const admin = fakeAuthProvider(makeMe('admin'));
        const { unmount } = open('#/sources/acme-feed/show', admin);
        expect(await screen.findByTestId('source-poll', {}, { timeout: 5_000 })).toBeInTheDocument();
        expect(await screen.findByRole('link', { name: 'Edit' })).toBeInTheDocument();
        unmount();

        for (const role of ['ops_lead', 'auditor'] as const) {
            const reader = fakeAuthProvider(makeMe(role));
            const view = open('#/sources/acme-feed/show', reader);
            expect(await screen.findByTestId('source-config', {}, { timeout: 5_000 })).toBeInTheDocument();
            await reader.settled();
            expect(screen.queryByTestId('source-poll')).toBeNull();
            expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull();
            view.unmount();

            const list = open('#/sources', reader);
            expect(await screen.findAllByTestId('source-name', {}, { timeout: 5_000 })).toHaveLength(2);
            await reader.settled();
            expect(screen.queryByRole('link', { name: 'Create' })).toBeNull();
            list.unmount();
        }
    });

    it("sends an agent away from a source's page", async () => {
        open('#/sources/acme-feed/show', fakeAuthProvider(makeMe('agent')));
        await waitFor(() => expect(window.location.hash).toBe('#/access-denied'), { timeout: 5_000 });
        expect(screen.queryByTestId('source-config')).toBeNull();
    });

    it("shows a new webhook source's token once, then its page", async () => {
        const created = { ...webhookSource, id: 'shop-hook', name: 'Shop hook' };
        const { dataProvider, user } = open('#/sources/create', fakeAuthProvider(makeMe('admin')), [created]);
        dataProvider.create.mockResolvedValueOnce({ data: { ...created, webhook_token: 'tok-123' } });
        await user.type(await screen.findByTestId('source-id', {}, { timeout: 5_000 }), 'shop-hook');
        await user.click(screen.getByRole('combobox', { name: /Kind/ }));
        await user.click(await screen.findByRole('option', { name: 'Webhook' }));
        await user.click(screen.getByRole('button', { name: 'Save' }));
        expect(await screen.findByTestId('source-webhook-token')).toHaveValue('tok-123');
        expect(window.location.hash).toBe('#/sources/create');
        await user.click(screen.getByTestId('source-webhook-token-done'));
        await waitFor(() => expect(window.location.hash).toBe('#/sources/shop-hook/show'));
        expect(await screen.findByTestId('source-show-name')).toHaveTextContent('Shop hook');
        expect(screen.queryByTestId('source-webhook-token')).toBeNull();
    });

    it('makes a new token for a webhook source after asking', async () => {
        const { dataProvider, user } = open('#/sources/acme-hook/show', fakeAuthProvider(makeMe('admin')));
        await user.click(await screen.findByTestId('source-new-token', {}, { timeout: 5_000 }));
        await user.click(await screen.findByTestId('source-new-token-confirm'));
        await waitFor(() => expect(dataProvider.newWebhookToken).toHaveBeenCalledWith('acme-hook'));
        expect(await screen.findByTestId('source-webhook-token')).toHaveValue('new-webhook-token');
    });

    it('lets an ops lead draft, publish and activate flows, but not an agent', async () => {
        const opsLead = fakeAuthProvider(makeMe('ops_lead'));
        const lead = open('#/flows/f0/show', opsLead);
        expect(await screen.findByTestId('flow-edit-as-draft', {}, { timeout: 5_000 })).toBeInTheDocument();
        await lead.user.click(await screen.findByTestId('flow-activate'));
        await waitFor(() => expect(lead.dataProvider.activateFlow).toHaveBeenCalledWith('f0'));
        lead.unmount();

        const agent = fakeAuthProvider(makeMe('agent'));
        const view = open('#/flows/f0/show', agent);
        expect(await screen.findByText('Default care flow', {}, { timeout: 5_000 })).toBeInTheDocument();
        await agent.settled();
        expect(screen.queryByTestId('flow-edit-as-draft')).toBeNull();
        expect(screen.queryByTestId('flow-activate')).toBeNull();
        view.unmount();

        // The drafts list reads, but opens no editor and offers no new draft.
        const list = open('#/flow_drafts', agent);
        const name = await screen.findByText('Tweaks', {}, { timeout: 5_000 });
        await agent.settled();
        expect(screen.queryByRole('link', { name: 'Create' })).toBeNull();
        await list.user.click(name);
        expect(window.location.hash).toBe('#/flow_drafts');
    });
});
