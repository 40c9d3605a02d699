import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { cannedReplies } from '../test/fixtures';
import { fakeDataProvider } from '../test/fakeDataProvider';
import { CannedReplyButton } from './CannedReplyButton';

const setup = (records = cannedReplies) => {
    const dataProvider = fakeDataProvider({ canned_replies: records });
    const onInsert = vi.fn();
    const user = userEvent.setup();
    render(
        <AdminContext dataProvider={dataProvider}>
            <CannedReplyButton caseId="c7" channel="twitter" customerName="@jane" agentName="Ada Lovelace" onInsert={onInsert} />
        </AdminContext>,
    );
    return { dataProvider, onInsert, user };
};

describe('CannedReplyButton', () => {
    it("loads the replies for the case's channel and inserts one with its variables filled in", async () => {
        const { dataProvider, onInsert, user } = setup();
        await user.click(screen.getByTestId('canned-replies'));
        await user.click(await screen.findByTestId('canned-follow-up'));
        expect(onInsert).toHaveBeenCalledWith('Hi jane, just checking in on case c7: is everything sorted now? Ada Lovelace');
        // The API narrows them to the channel (and to the agent's teams: its own rule).
        expect(dataProvider.getList).toHaveBeenCalledWith(
            'canned_replies',
            expect.objectContaining({ filter: { channel: 'twitter' }, sort: { field: 'title', order: 'ASC' } }),
        );
        await waitFor(() => expect(screen.queryByTestId('canned-follow-up')).toBeNull());
    });

    it('searches by title', async () => {
        const { onInsert, user } = setup();
        await user.click(screen.getByTestId('canned-replies'));
        expect(await screen.findAllByTestId(/^canned-(greeting|dm|refund|follow-up)$/)).toHaveLength(4);
        await user.type(screen.getByTestId('canned-search'), 'REF');
        expect(screen.getAllByTestId(/^canned-(greeting|dm|refund|follow-up)$/).map(item => item.dataset.testid)).toEqual([
            'canned-refund',
        ]);
        await user.click(screen.getByTestId('canned-refund'));
        expect(onInsert).toHaveBeenCalledWith(expect.stringMatching(/^Hi jane, your refund is on its way.* Ada Lovelace$/));

        await user.click(screen.getByTestId('canned-replies'));
        expect(screen.getByTestId('canned-search')).toHaveValue(''); // a new search each time
        await user.type(screen.getByTestId('canned-search'), 'nothing like it');
        expect(screen.getByTestId('canned-none')).toHaveTextContent('No canned reply is titled like "nothing like it".');
    });

    it('says when there are none for the channel', async () => {
        const { user } = setup([]);
        await user.click(screen.getByTestId('canned-replies'));
        expect(await screen.findByTestId('canned-none')).toHaveTextContent('No canned replies for this channel yet.');
    });
});
