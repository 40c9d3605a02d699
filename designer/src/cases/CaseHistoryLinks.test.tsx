import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, HttpError, Notification, RecordContextProvider, ResourceContextProvider } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../auth/access';
import { fakeAuthProvider, makeMe } from '../test/fakeAuthProvider';
import { fakeDataProvider } from '../test/fakeDataProvider';
import { makeCase } from '../test/fixtures';
import { CaseHistoryLinks } from './CaseHistoryLinks';

const TEMPORAL = { temporal_ui_url: 'http://127.0.0.1:8233', temporal_namespace: 'default' };

const setup = async (me: Me) => {
    const record = makeCase({ id: 'c1', workflow_id: 'case-c1' });
    const authProvider = fakeAuthProvider(me);
    const dataProvider = fakeDataProvider({ cases: [record] });
    render(
        <AdminContext dataProvider={dataProvider} authProvider={authProvider}>
            <ResourceContextProvider value="cases">
                <RecordContextProvider value={record}>
                    <CaseHistoryLinks />
                </RecordContextProvider>
            </ResourceContextProvider>
            <Notification />
        </AdminContext>,
    );
    await authProvider.settled();
    return { dataProvider };
};

// jsdom has no object URLs: this file lends URL its own (and keeps them: a download revokes its URL later).

/** What the page handed the browser to save: the file's name and its text. */
const capturedDownloads = () => {
    const saved: { name: string; blob: Blob }[] = [];
    const blobs = new Map<string, Blob>();
    URL.createObjectURL = (blob: Blob) => {
        const url = `blob:${blobs.size}`;
        blobs.set(url, blob);
        return url;
    };
    URL.revokeObjectURL = () => undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        saved.push({ name: this.download, blob: blobs.get(this.getAttribute('href') ?? '')! });
    });
    return saved;
};

afterEach(() => {
    vi.restoreAllMocks();
});

describe('CaseHistoryLinks', () => {
    it("links an auditor to the case's workflow in the Temporal UI and downloads its bundle as the API sent it", async () => {
        const saved = capturedDownloads();
        const user = userEvent.setup();
        const { dataProvider } = await setup(makeMe('auditor', TEMPORAL));
        const link = await screen.findByTestId('case-temporal-link');
        expect(link).toHaveAttribute('href', 'http://127.0.0.1:8233/namespaces/default/workflows/case-c1');
        expect(link).toHaveAttribute('target', '_blank');

        await user.click(screen.getByTestId('case-export-bundle'));
        expect(dataProvider.getCaseBundle).toHaveBeenCalledWith('c1');
        await vi.waitFor(() => expect(saved).toHaveLength(1));
        expect(saved[0].name).toBe('case-c1.json');
        expect(await saved[0].blob.text()).toBe('{"manifest": {"case_id": "c1"}}');
        expect(await screen.findByText('Saved case-c1.json')).toBeInTheDocument();
        expect(screen.getByTestId('case-export-bundle')).toBeEnabled();
    });

    it('offers the export without a link while the API does not know where the Temporal UI is', async () => {
        await setup(makeMe('admin'));
        expect(await screen.findByTestId('case-export-bundle')).toBeInTheDocument();
        expect(screen.queryByTestId('case-temporal-link')).toBeNull();
    });

    it('shows nothing to whoever may not read histories', async () => {
        await setup(makeMe('ops_lead', TEMPORAL));
        expect(screen.queryByTestId('case-history')).toBeNull();
        expect(screen.queryByTestId('case-export-bundle')).toBeNull();
    });

    it('says why an export failed, and saves nothing', async () => {
        const saved = capturedDownloads();
        vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const user = userEvent.setup();
        const { dataProvider } = await setup(makeMe('auditor'));
        const message = "the case's history could not be read (unavailable); try again";
        dataProvider.getCaseBundle.mockRejectedValueOnce(new HttpError(message, 503, {}));
        await user.click(await screen.findByTestId('case-export-bundle'));
        expect(await screen.findByText(message)).toBeInTheDocument();
        expect(saved).toEqual([]);
    });
});
