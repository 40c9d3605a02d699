import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, RecordContextProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { agents, cannedReplies, makeCase } from '../test/fixtures';
import { fakeDataProvider } from '../test/fakeDataProvider';
import type { Case } from '../types';
import { fillCanned, unknownVariables } from './cannedReplies';
import { CaseComposer } from './CaseShow';
import { channelLimit, replyLength } from './channelLimits';

const Page = ({ record }: { record: Case }) => (
    <AdminContext dataProvider={fakeDataProvider({ agents, cases: [record] })}>
        <RecordContextProvider value={record}>
            <CaseComposer />
        </RecordContextProvider>
    </AdminContext>
);

describe('CaseComposer', () => {
    it('starts afresh on the next case: the draft does not carry over', async () => {
        const user = userEvent.setup();
        const { rerender } = render(<Page record={makeCase({ id: 'c1' })} />);
        await user.type(screen.getByTestId('reply-text'), 'For case one only');
        expect(screen.getByTestId('reply-text')).toHaveValue('For case one only');

        rerender(<Page record={makeCase({ id: 'c2', subject: 'Another case' })} />);
        expect(screen.getByTestId('reply-text')).toHaveValue('');
        expect(screen.getByTestId('reply-counter')).toHaveTextContent('0 / 280');

        // The same case again (a refresh after an action) keeps what is being written.
        await user.type(screen.getByTestId('reply-text'), 'Draft two');
        rerender(<Page record={makeCase({ id: 'c2', subject: 'Another case', updated_at: '2025-01-03T00:00:00Z' })} />);
        expect(screen.getByTestId('reply-text')).toHaveValue('Draft two');
    });
});

describe('channel limits and canned replies', () => {
    it('knows each channel limit in one place', () => {
        expect(channelLimit('twitter')).toBe(280);
        expect(channelLimit('instagram')).toBe(2200);
        expect(channelLimit('facebook')).toBe(8000);
        expect(channelLimit('email')).toBeNull();
        expect(channelLimit('webchat')).toBeNull();
        expect(replyLength('👍 ok')).toBe(4); // an emoji counts once
    });

    it('fills every variable and leaves unknown ones to be seen', () => {
        const variables = { 'customer.name': 'Jane', 'agent.name': 'Ada', 'case.id': 'c9' };
        expect(fillCanned('Hi {{customer.name}}, {{ agent.name }} on {{case.id}} {{order.id}}', variables)).toBe(
            'Hi Jane, Ada on c9 {{order.id}}',
        );
        for (const canned of cannedReplies) {
            expect(fillCanned(canned.text, variables)).not.toMatch(/\{\{/);
        }
    });

    it('finds the variables the API would refuse', () => {
        expect(unknownVariables('Hi {{customer.name}} {{ case.id }}')).toEqual([]);
        expect(unknownVariables('{{order.id}} and {{order.id}}, {{oops')).toEqual(['{{order.id}}', '{{oops']);
        expect(unknownVariables('{{{customer.name}}')).toEqual(['{{{customer.name}}']);
    });
});
