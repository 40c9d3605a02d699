import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../App';
import { fakeAuthProvider, makeMe } from '../test/fakeAuthProvider';
import { agents, makeCase } from '../test/fixtures';
import { fakeDataProvider } from '../test/fakeDataProvider';

describe('a role that must use an authenticator', () => {
    afterEach(() => {
        window.location.hash = '';
    });

    it('sets one up before anything else, then works as usual', async () => {
        window.location.hash = '#/cases';
        const authProvider = fakeAuthProvider(makeMe('admin', { second_factor_required: true }));
        const dataProvider = fakeDataProvider({ agents, cases: [makeCase()] });
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={authProvider} />);

        await user.click(await screen.findByTestId('second-factor-start', {}, { timeout: 5_000 }));
        expect(dataProvider.getList).not.toHaveBeenCalledWith('cases', expect.anything());
        expect(await screen.findByTestId('second-factor-secret')).toHaveValue('JBSWY3DPEHPK3PXP');
        expect(screen.getByTestId('second-factor-uri')).toHaveAttribute('href', expect.stringMatching(/^otpauth:/));

        await user.type(screen.getByTestId('second-factor-code'), '000000');
        await user.click(screen.getByTestId('second-factor-confirm'));
        expect(await screen.findByTestId('second-factor-error')).toHaveTextContent('that code does not match');

        await user.clear(screen.getByTestId('second-factor-code'));
        await user.type(screen.getByTestId('second-factor-code'), '123456');
        await user.click(screen.getByTestId('second-factor-confirm'));
        expect(await screen.findByTestId('case-subject', {}, { timeout: 5_000 })).toHaveTextContent('My card was charged twice');
        expect(screen.queryByTestId('second-factor-setup')).toBeNull();
        await waitFor(() => expect(authProvider.fetch).toHaveBeenCalledWith('/api/auth/totp/confirm', expect.anything()));
    });
});
