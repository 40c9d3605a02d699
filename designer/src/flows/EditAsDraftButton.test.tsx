import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, RecordContextProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { fakeDataProvider } from '../test/fakeDataProvider';
import type { Flow } from '../types';
import { EditAsDraftButton } from './EditAsDraftButton';

const flow: Flow = {
    id: 'f1',
    name: 'Support',
    version: 'abc123',
    active: true,
    published_at: '2025-01-01T00:00:00+00:00',
    published_by: 'olivia',
    activated_by: 'olivia',
    document: { nodes: [], edges: [] },
};

describe('EditAsDraftButton', () => {
    it('creates a draft from the flow version', async () => {
        const dataProvider = fakeDataProvider({ flows: [flow] });
        render(
            <AdminContext dataProvider={dataProvider}>
                <RecordContextProvider value={flow}>
                    <EditAsDraftButton />
                </RecordContextProvider>
            </AdminContext>,
        );
        await userEvent.setup().click(screen.getByTestId('flow-edit-as-draft'));
        await waitFor(() =>
            expect(dataProvider.create).toHaveBeenCalledWith(
                'flow_drafts',
                expect.objectContaining({ data: { name: 'Support', document: flow.document, based_on: 'f1' } }),
            ),
        );
    });
});
