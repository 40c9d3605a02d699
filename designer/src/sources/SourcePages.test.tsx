import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../App';
import { fakeAuthProvider } from '../test/fakeAuthProvider';
import { fakeDataProvider } from '../test/fakeDataProvider';
import { emailSource, makeSource, mastodonSource, webhookSource } from '../test/fixtures';

const failing = makeSource({
    id: 'broken-feed',
    name: 'Broken feed',
    healthy: false,
    last_error: 'feed https://broken.example/feed.xml answered 503',
    consecutive_failures: 4,
});

describe('source pages', () => {
    afterEach(() => {
        window.location.hash = '';
    });

    it('lists sources with their kind, health and failures', async () => {
        window.location.hash = '#/sources';
        const dataProvider = fakeDataProvider({ sources: [makeSource(), failing, webhookSource] });
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider()} />);

        const names = await screen.findAllByTestId('source-name', {}, { timeout: 5_000 }); // the whole App renders first
        expect(names.map(name => name.textContent)).toEqual(['Acme reviews', 'Broken feed', 'Acme webhook']);
        const health = screen.getAllByTestId('source-health');
        expect(health.map(chip => chip.getAttribute('data-health'))).toEqual(['healthy', 'unhealthy', 'healthy']);
        expect(health[1]).toHaveAttribute('title', 'feed https://broken.example/feed.xml answered 503');
        const rows = screen.getAllByRole('row').slice(1);
        expect(within(rows[1]).getByText('4')).toBeInTheDocument();
        expect(within(rows[2]).getByText('Not polled')).toBeInTheDocument();
        expect(within(rows[2]).getByText('Webhook')).toBeInTheDocument();
        expect(dataProvider.getList).toHaveBeenCalledWith(
            'sources',
            expect.objectContaining({ sort: { field: 'name', order: 'ASC' } }),
        );
    });

    it('shows an unhealthy source with its error, and polls it on demand', async () => {
        window.location.hash = '#/sources/broken-feed/show';
        const dataProvider = fakeDataProvider({ sources: [failing] });
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider()} />);

        expect(await screen.findByTestId('source-last-error', {}, { timeout: 5_000 })).toHaveTextContent('answered 503');
        expect(screen.getByTestId('source-health')).toHaveTextContent('Unhealthy');
        expect(screen.getByTestId('source-failures')).toHaveTextContent('4');
        expect(screen.getByTestId('source-config')).toHaveTextContent('https://reviews.example.com/feed.xml');
        await user.click(await screen.findByTestId('source-poll', {}, { timeout: 5_000 }));
        await waitFor(() => expect(dataProvider.pollSource).toHaveBeenCalledWith('broken-feed'));
        expect(await screen.findByText(/Polling Broken feed now/)).toBeInTheDocument();
    });

    it('never shows a secret, and offers no poll for a webhook', async () => {
        window.location.hash = '#/sources/acme-mastodon/show';
        const dataProvider = fakeDataProvider({ sources: [mastodonSource, webhookSource] });
        const { unmount } = render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider()} />);
        const config = await screen.findByTestId('source-config', {}, { timeout: 5_000 });
        expect(config).toHaveTextContent('stored (hidden)');
        expect(config).not.toHaveTextContent('********');
        expect(await screen.findByTestId('source-poll', {}, { timeout: 5_000 })).toBeInTheDocument();
        unmount();

        window.location.hash = '#/sources/acme-hook/show';
        const admin = fakeAuthProvider();
        render(<App dataProvider={dataProvider} authProvider={admin} />);
        expect(await screen.findByTestId('source-config', {}, { timeout: 5_000 })).toHaveTextContent('author ← user.handle');
        // A webhook pushes: nothing to poll, but its token can be replaced.
        expect(await screen.findByTestId('source-new-token', {}, { timeout: 5_000 })).toBeInTheDocument();
        await admin.settled();
        expect(screen.queryByTestId('source-poll')).toBeNull();
    });

    it("shows an email source's config with its passwords hidden and the SMTP login it falls back to", async () => {
        window.location.hash = '#/sources/acme-support/show';
        const source = { ...emailSource, config: { ...emailSource.config, smtp_username: null, smtp_password: null } };
        const dataProvider = fakeDataProvider({ sources: [source] });
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider()} />);

        const config = await screen.findByTestId('source-config', {}, { timeout: 5_000 });
        expect(config).toHaveTextContent('imap.acme.example');
        expect(config).toHaveTextContent('SSL/TLS');
        expect(config).toHaveTextContent('STARTTLS');
        expect(config).toHaveTextContent('stored (hidden)');
        expect(config).not.toHaveTextContent('********');
        expect(config).toHaveTextContent('same as username');
        expect(config).toHaveTextContent('same as password');
        expect(config).toHaveTextContent(/allow insecure\s*no/);
        expect(screen.getByText('Email (IMAP/SMTP)')).toBeInTheDocument();
        expect(await screen.findByTestId('source-poll', {}, { timeout: 5_000 })).toBeInTheDocument();
        expect(screen.getByTestId('source-last-polled')).toBeInTheDocument();
    });
});
