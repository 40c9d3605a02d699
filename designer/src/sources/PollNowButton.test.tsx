import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, HttpError, Notification, RecordContextProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { fakeDataProvider } from '../test/fakeDataProvider';
import { makeSource, mastodonSource, webhookSource } from '../test/fixtures';
import type { Source } from '../types';
import { PollNowButton } from './PollNowButton';

const setup = (record: Source) => {
    const dataProvider = fakeDataProvider({ sources: [record] });
    render(
        <AdminContext dataProvider={dataProvider}>
            <RecordContextProvider value={record}>
                <PollNowButton />
            </RecordContextProvider>
            <Notification />
        </AdminContext>,
    );
    return { dataProvider, user: userEvent.setup() };
};

describe('PollNowButton', () => {
    it('asks the API to poll a feed and says so', async () => {
        const { dataProvider, user } = setup(makeSource());
        await user.click(screen.getByTestId('source-poll'));
        await waitFor(() => expect(dataProvider.pollSource).toHaveBeenCalledWith('acme-feed'));
        expect(await screen.findByText(/Polling Acme reviews now/)).toBeInTheDocument();
    });

    it("shows the API's message when it refuses", async () => {
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const { dataProvider, user } = setup(mastodonSource);
        dataProvider.pollSource.mockRejectedValueOnce(
            new HttpError('the source is disabled; enable it first', 409, {
                detail: { code: 'disabled', message: 'the source is disabled; enable it first', path: 'source_id' },
            }),
        );
        await user.click(screen.getByTestId('source-poll'));
        expect(await screen.findByText('the source is disabled; enable it first')).toBeInTheDocument();
        expect(screen.getByTestId('source-poll')).toBeEnabled();
        consoleError.mockRestore();
    });

    it('is not offered for sources that push their mentions', () => {
        setup(webhookSource);
        expect(screen.queryByTestId('source-poll')).toBeNull();
    });
});
