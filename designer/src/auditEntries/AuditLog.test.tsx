import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError } from 'react-admin';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { fakeAuthProvider, makeMe, ROLE_PERMISSIONS } from '../test/fakeAuthProvider';
import { fakeDataProvider } from '../test/fakeDataProvider';
import type { AuditEntry, AuditVerdict } from '../types';

// A whole admin renders each time: on a loaded 2-core box, the first answers can take seconds.
const BUSY = { timeout: 5_000 };

const hash = (digit: string) => digit.repeat(64);

const makeEntry = (overrides: Partial<AuditEntry> = {}): AuditEntry => ({
    id: 1,
    at: '2025-01-02T10:00:00+00:00',
    actor: 'admin',
    via: 'password+totp',
    action: 'auth.login',
    target_type: null,
    target_id: null,
    before: null,
    after: null,
    detail: { address: '203.0.113.7' },
    prev: hash('0'),
    hash: hash('1'),
    ...overrides,
});

// Newest first, as the API answers `sort=["id","DESC"]`.
const entries: AuditEntry[] = [
    makeEntry({
        id: 3,
        at: '2025-01-02T10:05:00+00:00',
        actor: 'a1',
        via: 'session',
        action: 'case.claimed',
        target_type: 'case',
        target_id: 'c1',
        detail: { event: 'ev2' },
        prev: hash('2'),
        hash: hash('3'),
    }),
    makeEntry({
        id: 2,
        at: '2025-01-02T10:01:00+00:00',
        via: 'token:be3f74b7ad75',
        action: 'user.change',
        target_type: 'user',
        target_id: 'a2',
        before: { role: 'agent', teams: ['t1'], disabled: false },
        after: { role: 'supervisor', teams: ['t1'], disabled: false },
        detail: { reason: 'promotion' },
        prev: hash('1'),
        hash: hash('2'),
    }),
    makeEntry(),
];

const intact: AuditVerdict = {
    intact: true,
    summary: 'intact: entries 1-3 (3), 2 signed checkpoints hold',
    entries: 3,
    first_id: 1,
    last_id: 3,
    head_id: 3,
    checkpoints: 2,
    broken_at: null,
    why: null,
};

const ALTERED = 'entry 2 (user.change by admin) was altered: its content no longer matches its hash';
const broken: AuditVerdict = {
    ...intact,
    intact: false,
    summary: `broken at entry 2: ${ALTERED}`,
    entries: 1,
    last_id: 1,
    checkpoints: 0,
    broken_at: 2,
    why: ALTERED,
};

const menuItems = () => {
    const menu = document.querySelector('.RaMenu-open, .RaMenu-closed');
    expect(menu).not.toBeNull();
    return within(menu as HTMLElement)
        .getAllByRole('menuitem')
        .map(item => item.textContent);
};

const open = (hashPath: string, authProvider = fakeAuthProvider(makeMe('auditor'))) => {
    window.location.hash = hashPath;
    const dataProvider = fakeDataProvider({ audit_entries: entries });
    const user = userEvent.setup();
    const view = render(<App dataProvider={dataProvider} authProvider={authProvider} />);
    return { dataProvider, authProvider, user, ...view };
};

describe('the audit log', () => {
    beforeEach(() => {
        vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    });

    afterEach(() => {
        window.location.hash = '';
        vi.restoreAllMocks();
    });

    it('lists entries newest first: who, how, what and on what; a case links to its page', async () => {
        const { dataProvider, user } = open('#/audit_entries');

        const ids = await screen.findAllByTestId('audit-id', {}, BUSY);
        expect(ids.map(id => id.textContent)).toEqual(['#3', '#2', '#1']);
        expect(dataProvider.getList).toHaveBeenCalledWith(
            'audit_entries',
            expect.objectContaining({ sort: { field: 'id', order: 'DESC' } }),
        );
        expect(screen.getAllByTestId('audit-actor').map(actor => actor.textContent)).toEqual(['a1', 'admin', 'admin']);
        expect(screen.getAllByTestId('audit-via').map(via => via.textContent)).toEqual([
            ' via session',
            ' via API token be3f74b7ad75',
            ' via password and authenticator code',
        ]);
        expect(screen.getAllByTestId('audit-action').map(action => action.textContent)).toEqual([
            'case.claimed',
            'user.change',
            'auth.login',
        ]);
        expect(screen.getByTestId('audit-target-case')).toHaveAttribute('href', '#/cases/c1/show');
        expect(screen.getByTestId('audit-target')).toHaveTextContent('user a2');

        // Each filter is sent to the API as typed (it matches exactly).
        await user.type(screen.getByLabelText('Action'), 'user.change');
        await user.type(screen.getByLabelText('Target type'), 'user');
        await waitFor(
            () =>
                expect(dataProvider.getList).toHaveBeenLastCalledWith(
                    'audit_entries',
                    expect.objectContaining({ filter: { action: 'user.change', target_type: 'user' } }),
                ),
            BUSY,
        );
        expect(screen.getByLabelText('Actor')).toBeInTheDocument();
        expect(screen.getByLabelText('Target id')).toBeInTheDocument();
    });

    it('opens an entry: before and after side by side, its detail, the raw JSON, and its place in the chain', async () => {
        const { user } = open('#/audit_entries');
        const [, second] = await screen.findAllByTestId('audit-id', {}, BUSY);
        await user.click(second);
        await waitFor(() => expect(window.location.hash).toBe('#/audit_entries/2/show'), BUSY);

        expect(await screen.findByTestId('audit-entry-title', {}, BUSY)).toHaveTextContent('Entry 2');
        const rows = screen.getAllByTestId('audit-change-row');
        expect(rows.map(row => [row.getAttribute('data-key'), row.getAttribute('data-changed')])).toEqual([
            ['role', 'true'],
            ['teams', 'false'],
            ['disabled', 'false'],
        ]);
        expect(within(rows[0]).getByTestId('audit-change-before')).toHaveTextContent('agent');
        expect(within(rows[0]).getByTestId('audit-change-after')).toHaveTextContent('supervisor');
        expect(within(rows[1]).getByTestId('audit-change-after')).toHaveTextContent('t1');
        expect(within(screen.getByTestId('audit-detail')).getByText('promotion')).toBeInTheDocument();
        expect(screen.getByTestId('audit-chain')).toHaveTextContent(`prev ${hash('1')} · hash ${hash('2')}`);

        expect(screen.queryByTestId('audit-raw-json')).toBeNull();
        await user.click(screen.getByTestId('audit-raw-toggle'));
        const raw = JSON.parse(screen.getByTestId('audit-raw-json').textContent ?? '');
        expect(raw).toEqual(entries[1]);
    });

    it('shows what an entry with only an "after" holds, and a case target as a link', async () => {
        window.location.hash = '#/audit_entries/3/show';
        const created = makeEntry({ id: 4, action: 'user.create', target_type: 'user', target_id: 'u9', after: { role: 'agent' } });
        const dataProvider = fakeDataProvider({ audit_entries: [created, ...entries] });
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('auditor'))} />);
        expect(await screen.findByTestId('audit-target-case', {}, BUSY)).toHaveAttribute('href', '#/cases/c1/show');
        expect(screen.queryByTestId('audit-changes')).toBeNull();
        expect(within(screen.getByTestId('audit-detail')).getByText('ev2')).toBeInTheDocument();

        window.location.hash = '#/audit_entries/4/show';
        const after = await screen.findByTestId('audit-after', {}, BUSY);
        expect(within(after).getByText('role')).toBeInTheDocument();
        expect(within(after).getByText('agent')).toBeInTheDocument();
        expect(screen.queryByTestId('audit-before')).toBeNull();
    });

    it('is in the menu only for whoever may read the audit log', async () => {
        // An ops lead reads everything else, but not the audit log.
        const opsLead = fakeAuthProvider(makeMe('ops_lead'));
        const lead = open('#/', opsLead);
        await waitFor(() => expect(menuItems()).toContain('Sources'), BUSY);
        await opsLead.settled();
        expect(menuItems()).not.toContain('Audit log');
        lead.unmount();

        open('#/audit_entries', opsLead);
        await waitFor(() => expect(window.location.hash).toBe('#/access-denied'), BUSY);
        expect(screen.queryByTestId('audit-id')).toBeNull();
        expect(screen.queryByTestId('audit-verify')).toBeNull();
    });

    it('verifies the log and says it is intact', async () => {
        const { dataProvider, user } = open('#/audit_entries');
        dataProvider.verifyAuditLog.mockResolvedValueOnce({ data: intact });
        await waitFor(() => expect(menuItems()).toContain('Audit log'), BUSY);
        await user.click(await screen.findByTestId('audit-verify', {}, BUSY));

        const verdict = await screen.findByTestId('audit-verdict', {}, BUSY);
        expect(verdict).toHaveAttribute('data-intact', 'true');
        expect(verdict).toHaveClass('MuiAlert-colorSuccess');
        expect(screen.getByTestId('audit-verdict-title')).toHaveTextContent('Intact: entries 1–3, 2 signed checkpoints');
        expect(screen.queryByTestId('audit-verdict-entry')).toBeNull();
        expect(dataProvider.verifyAuditLog).toHaveBeenCalledTimes(1);
    });

    it('says where the log breaks and why, with a link to that entry', async () => {
        const { dataProvider, user } = open('#/audit_entries');
        dataProvider.verifyAuditLog.mockResolvedValueOnce({ data: broken });
        await user.click(await screen.findByTestId('audit-verify', {}, BUSY));

        const verdict = await screen.findByTestId('audit-verdict', {}, BUSY);
        expect(verdict).toHaveAttribute('data-intact', 'false');
        expect(verdict).toHaveClass('MuiAlert-colorError');
        expect(screen.getByTestId('audit-verdict-title')).toHaveTextContent(`Broken at entry 2: ${ALTERED}`);
        const link = screen.getByTestId('audit-verdict-entry');
        expect(link).toHaveAttribute('href', '#/audit_entries/2/show');
        await user.click(link);
        await waitFor(() => expect(window.location.hash).toBe('#/audit_entries/2/show'), BUSY);
        expect(await screen.findByTestId('audit-entry-title', {}, BUSY)).toHaveTextContent('Entry 2');
    });

    it("shows the API's message when it cannot verify", async () => {
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const { dataProvider, user } = open('#/audit_entries');
        const message = 'your role (auditor) does not allow reading and verifying the audit log (auditlog:read)';
        dataProvider.verifyAuditLog.mockRejectedValueOnce(
            new HttpError(message, 403, { detail: { code: 'forbidden', message, path: '' } }),
        );
        await user.click(await screen.findByTestId('audit-verify', {}, BUSY));
        expect(await screen.findByTestId('audit-verify-error', {}, BUSY)).toHaveTextContent(message);
        expect(screen.queryByTestId('audit-verdict')).toBeNull();
        // The session stays: a refusal is not a logout.
        expect(screen.queryByTestId('login-form')).toBeNull();
        expect(screen.getByTestId('audit-verify')).toBeEnabled();
        consoleError.mockRestore();
    });

    it("signs a checkpoint and shows the entry and hash it pins; the API's refusal is notified", async () => {
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const { dataProvider, user } = open('#/audit_entries');
        await user.click(await screen.findByTestId('audit-sign-checkpoint', {}, BUSY));
        await waitFor(() => expect(dataProvider.signAuditCheckpoint).toHaveBeenCalledTimes(1), BUSY);

        const checkpoint = await screen.findByTestId('audit-checkpoint', {}, BUSY);
        expect(checkpoint).toHaveAttribute('data-seq', '3');
        expect(screen.getByTestId('audit-checkpoint-title')).toHaveTextContent('Checkpoint signed at entry 3');
        expect(screen.getByTestId('audit-checkpoint-hash')).toHaveTextContent(hash('3'));
        expect(checkpoint).toHaveTextContent('k1');

        const message = 'the database refused the checkpoint: disk full';
        dataProvider.signAuditCheckpoint.mockRejectedValueOnce(
            new HttpError(message, 503, { detail: { code: 'unavailable', message, path: '' } }),
        );
        await user.click(screen.getByTestId('audit-sign-checkpoint'));
        expect(await screen.findByText(message, {}, BUSY)).toBeInTheDocument();
        await waitFor(() => expect(screen.getByTestId('audit-sign-checkpoint')).toBeEnabled(), BUSY);
        consoleError.mockRestore();
    });

    it('offers no checkpoint to a reader without auditlog:checkpoint', async () => {
        const reader = fakeAuthProvider(
            makeMe('auditor', {
                permissions: ROLE_PERMISSIONS.auditor.filter(permission => permission !== 'auditlog:checkpoint'),
            }),
        );
        open('#/audit_entries', reader);
        expect(await screen.findByTestId('audit-verify', {}, BUSY)).toBeInTheDocument();
        await screen.findAllByTestId('audit-id', {}, BUSY);
        await reader.settled();
        expect(screen.queryByTestId('audit-sign-checkpoint')).toBeNull();
    });
});
