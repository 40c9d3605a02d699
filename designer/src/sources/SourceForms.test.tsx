import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { createDataProvider } from '../dataProvider';
import type { HttpClient } from '../dataProvider';
import { fakeAuthProvider } from '../test/fakeAuthProvider';
import { fakeDataProvider } from '../test/fakeDataProvider';
import { emailSource, makeSource, mastodonSource, webhookSource } from '../test/fixtures';

/** The real data provider over a fake HTTP client: `refuse` answers the write with the API's 422. */
const apiRefusing = (records: Record<string, unknown>[], refusal: unknown) => {
    const client = vi.fn<HttpClient>(async (url, options) => {
        const method = options?.method ?? 'GET';
        if (method !== 'GET') throw new HttpError('Unprocessable Entity', 422, refusal);
        const id = decodeURIComponent(String(url).split('?')[0].split('/').pop() ?? '');
        const record = records.find(r => r.id === id);
        const json = record ?? records;
        return { status: 200, headers: new Headers({ 'Content-Range': `sources 0-9/${records.length}` }), body: JSON.stringify(json), json };
    });
    return { client, dataProvider: createDataProvider('/api', client) };
};

const invalidConfig = (path: string, message: string) => ({
    detail: { code: 'invalid_config', message, path, errors: [{ code: 'invalid_config', path, message }] },
});

const pickKind = async (user: ReturnType<typeof userEvent.setup>, label: string) => {
    await user.click(screen.getByRole('combobox', { name: /Kind/ }));
    await user.click(await screen.findByRole('option', { name: label }));
};

describe('source forms', () => {
    afterEach(() => {
        window.location.hash = '';
    });

    it("creates an RSS source with the kind's fields and default poll interval", async () => {
        window.location.hash = '#/sources/create';
        const dataProvider = fakeDataProvider({ sources: [] });
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider()} />);

        await user.type(await screen.findByTestId('source-id'), 'acme-feed');
        expect(screen.queryByTestId('source-url')).toBeNull();
        await pickKind(user, 'RSS feed');
        expect(screen.getByTestId('source-poll-seconds')).toHaveValue(300);
        expect(screen.queryByTestId('source-access-token')).toBeNull();
        await user.type(screen.getByTestId('source-url'), 'https://reviews.example.com/feed.xml');
        await user.click(screen.getByRole('button', { name: 'Save' }));

        await waitFor(() =>
            expect(dataProvider.create).toHaveBeenCalledWith(
                'sources',
                expect.objectContaining({
                    data: {
                        id: 'acme-feed',
                        kind: 'rss',
                        enabled: true,
                        config: { url: 'https://reviews.example.com/feed.xml', poll_seconds: 300 },
                    },
                }),
            ),
        );
    });

    it('switching kind keeps only the new kind\'s config, and Mastodon polls every 60 s by default', async () => {
        window.location.hash = '#/sources/create';
        const dataProvider = fakeDataProvider({ sources: [] });
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider()} />);

        await user.type(await screen.findByTestId('source-id'), 'acme-mastodon');
        await pickKind(user, 'RSS feed');
        await user.type(screen.getByTestId('source-url'), 'https://x.example/feed.xml');
        await pickKind(user, 'Mastodon');
        expect(screen.getByTestId('source-poll-seconds')).toHaveValue(60);
        await user.type(screen.getByTestId('source-base-url'), 'https://mastodon.example');
        await user.type(screen.getByTestId('source-access-token'), 's3cret');
        await user.click(screen.getByRole('button', { name: 'Save' }));

        await waitFor(() => expect(dataProvider.create).toHaveBeenCalled());
        expect(dataProvider.create.mock.calls[0][1].data).toEqual({
            id: 'acme-mastodon',
            kind: 'mastodon',
            enabled: true,
            config: { base_url: 'https://mastodon.example', access_token: 's3cret', poll_seconds: 60 },
        });
    });

    it("shows the API's refusal on the field it names", async () => {
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        window.location.hash = '#/sources/create';
        const message = 'Input should be a valid URL, relative URL without a base';
        const { client, dataProvider } = apiRefusing([], invalidConfig('config.base_url', message));
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider()} />);

        await user.type(await screen.findByTestId('source-id'), 'acme-mastodon');
        await pickKind(user, 'Mastodon');
        await user.type(screen.getByTestId('source-base-url'), 'not a url');
        await user.type(screen.getByTestId('source-access-token'), 's3cret');
        await user.click(screen.getByRole('button', { name: 'Save' }));

        const baseUrl = screen.getByTestId('source-base-url');
        await waitFor(() => expect(baseUrl).toHaveAttribute('aria-invalid', 'true'));
        expect(baseUrl).toHaveAccessibleDescription(message);
        expect(screen.getByTestId('source-access-token')).toHaveAttribute('aria-invalid', 'false');
        // The notification says it too, and the form stays, as typed.
        expect(await screen.findByRole('alert')).toHaveTextContent(message);
        expect(baseUrl).toHaveValue('not a url');
        const [url, options] = client.mock.calls.find(([, o]) => o?.method === 'POST') ?? [];
        expect(url).toBe('/api/sources');
        expect(JSON.parse(String(options?.body)).config.base_url).toBe('not a url');

        // Fixing the field clears its error.
        await user.clear(baseUrl);
        await user.type(baseUrl, 'https://mastodon.example');
        await waitFor(() => expect(baseUrl).toHaveAttribute('aria-invalid', 'false'));
        consoleError.mockRestore();
    });

    it('keeps a stored secret unless it is edited', async () => {
        window.location.hash = '#/sources/acme-mastodon';
        const dataProvider = fakeDataProvider({ sources: [mastodonSource] });
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider()} />);

        const token = await screen.findByTestId('source-access-token');
        expect(token).toHaveAttribute('type', 'password');
        expect(token).toHaveValue('********');
        expect(token).toHaveAttribute('data-masked', 'true');
        expect(screen.getByText(/A secret is stored/)).toBeInTheDocument();
        await user.clear(screen.getByTestId('source-poll-seconds'));
        await user.type(screen.getByTestId('source-poll-seconds'), '120');
        await user.click(screen.getByRole('button', { name: 'Save' }));

        await waitFor(() => expect(dataProvider.update).toHaveBeenCalledTimes(1));
        expect(dataProvider.update.mock.calls[0][1]).toMatchObject({
            id: 'acme-mastodon',
            data: {
                name: 'Acme on Mastodon',
                enabled: true,
                config: { base_url: 'https://mastodon.example', access_token: '********', poll_seconds: 120 },
            },
        });
    });

    it('sends a new secret when one is typed over the mask', async () => {
        window.location.hash = '#/sources/acme-mastodon';
        const dataProvider = fakeDataProvider({ sources: [mastodonSource] });
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider()} />);

        const token = await screen.findByTestId('source-access-token');
        // Focusing the mask selects it: typing replaces the whole secret.
        await user.click(token);
        await user.keyboard('new-token-456');
        expect(token).toHaveValue('new-token-456');
        expect(token).toHaveAttribute('data-masked', 'false');
        await user.click(screen.getByRole('button', { name: 'Save' }));

        await waitFor(() => expect(dataProvider.update).toHaveBeenCalledTimes(1));
        expect(dataProvider.update.mock.calls[0][1].data.config).toEqual({
            base_url: 'https://mastodon.example',
            access_token: 'new-token-456',
            poll_seconds: 60,
        });
    });

    it("edits a webhook's field mapping, keeping its signing secret", async () => {
        window.location.hash = '#/sources/acme-hook';
        const dataProvider = fakeDataProvider({ sources: [webhookSource] });
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider()} />);

        const mapping = await screen.findByTestId('source-mapping');
        expect(within(mapping).getAllByTestId('source-mapping-row')).toHaveLength(1);
        expect(within(mapping).getByTestId('source-mapping-path')).toHaveValue('user.handle');
        expect(screen.getByTestId('source-hmac-secret')).toHaveValue('********');

        await user.click(within(mapping).getByTestId('source-mapping-add'));
        const rows = within(mapping).getAllByTestId('source-mapping-row');
        expect(rows).toHaveLength(2);
        // The new row offers the first field not mapped yet; pick "text" instead.
        await user.click(within(rows[1]).getByRole('combobox', { name: 'Our field' }));
        const listbox = await screen.findByRole('listbox');
        expect(within(listbox).getByRole('option', { name: 'author' })).toHaveAttribute('aria-disabled', 'true');
        await user.click(within(listbox).getByRole('option', { name: 'text' }));
        await user.type(within(rows[1]).getByTestId('source-mapping-path'), 'message.body');
        await user.click(screen.getByRole('button', { name: 'Save' }));

        await waitFor(() => expect(dataProvider.update).toHaveBeenCalledTimes(1));
        expect(dataProvider.update.mock.calls[0][1].data.config).toEqual({
            mapping: { author: 'user.handle', text: 'message.body' },
            hmac_secret: '********',
            signature_header: 'X-Signature-256',
        });
    });

    it("shows the API's refusal of a change on its field", async () => {
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        window.location.hash = '#/sources/acme-feed';
        const message = "URL scheme should be 'http' or 'https'";
        const { client, dataProvider } = apiRefusing([makeSource()], invalidConfig('config.url', message));
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider()} />);

        const url = await screen.findByTestId('source-url');
        await user.clear(url);
        await user.type(url, 'ftp://reviews.example.com/feed.xml');
        await user.click(screen.getByRole('button', { name: 'Save' }));

        await waitFor(() => expect(url).toHaveAttribute('aria-invalid', 'true'));
        expect(url).toHaveAccessibleDescription(message);
        expect(screen.getByTestId('source-poll-seconds')).toHaveAttribute('aria-invalid', 'false');
        const [path, options] = client.mock.calls.find(([, o]) => o?.method === 'PATCH') ?? [];
        expect(path).toBe('/api/sources/acme-feed');
        expect(JSON.parse(String(options?.body))).toEqual({
            name: 'Acme reviews',
            enabled: true,
            config: { url: 'ftp://reviews.example.com/feed.xml', poll_seconds: 300 },
        });
        consoleError.mockRestore();
    });

    it("creates an email source with the API's defaults filled in and the optional SMTP login left out", async () => {
        window.location.hash = '#/sources/create';
        const dataProvider = fakeDataProvider({ sources: [] });
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider()} />);

        await user.type(await screen.findByTestId('source-id'), 'acme-support');
        // Something typed for another kind first: only the email fields go out.
        await pickKind(user, 'RSS feed');
        await user.type(screen.getByTestId('source-url'), 'https://x.example/feed.xml');
        await pickKind(user, 'Email (IMAP/SMTP)');

        expect(screen.getByTestId('source-email-incoming')).toHaveTextContent('Incoming mail (IMAP)');
        expect(screen.getByTestId('source-email-incoming')).toHaveTextContent('Mail is read without being marked read');
        expect(screen.getByTestId('source-email-outgoing')).toHaveTextContent('Outgoing mail (SMTP)');
        expect(screen.getByTestId('source-email-outgoing')).toHaveTextContent(
            'Replies go to the sender as Re: <subject>, threaded by Message-ID',
        );
        expect(screen.queryByTestId('source-url')).toBeNull();
        expect(screen.getByTestId('source-imap-port')).toHaveValue(993);
        expect(screen.getByTestId('source-imap-security')).toHaveValue('ssl');
        expect(screen.getByRole('combobox', { name: /IMAP security/ })).toHaveTextContent('SSL/TLS');
        expect(screen.getByTestId('source-mailbox')).toHaveValue('INBOX');
        expect(screen.getByTestId('source-smtp-port')).toHaveValue(587);
        expect(screen.getByTestId('source-smtp-security')).toHaveValue('starttls');
        expect(screen.getByRole('combobox', { name: /SMTP security/ })).toHaveTextContent('STARTTLS');
        expect(screen.getByTestId('source-poll-seconds')).toHaveValue(60);
        expect(screen.getByTestId('source-password')).toHaveAttribute('type', 'password');
        expect(screen.getByTestId('source-smtp-password')).toHaveAttribute('type', 'password');

        await user.type(screen.getByTestId('source-imap-host'), 'imap.acme.example');
        await user.type(screen.getByTestId('source-username'), 'support@acme.example');
        await user.type(screen.getByTestId('source-password'), ' app pass ');
        await user.type(screen.getByTestId('source-smtp-host'), 'smtp.acme.example');
        await user.type(screen.getByTestId('source-from-address'), 'support@acme.example');
        await user.click(screen.getByRole('button', { name: 'Save' }));

        await waitFor(() => expect(dataProvider.create).toHaveBeenCalled());
        expect(dataProvider.create.mock.calls[0][1].data).toEqual({
            id: 'acme-support',
            kind: 'email',
            enabled: true,
            config: {
                imap_host: 'imap.acme.example',
                imap_port: 993,
                imap_security: 'ssl',
                username: 'support@acme.example',
                password: ' app pass ',
                mailbox: 'INBOX',
                smtp_host: 'smtp.acme.example',
                smtp_port: 587,
                smtp_security: 'starttls',
                from_address: 'support@acme.example',
                poll_seconds: 60,
            },
        });
    });

    it('checks an email source: required fields, the from address, the ports, before asking the API', async () => {
        window.location.hash = '#/sources/create';
        const dataProvider = fakeDataProvider({ sources: [] });
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider()} />);

        await user.type(await screen.findByTestId('source-id'), 'acme-support');
        await pickKind(user, 'Email (IMAP/SMTP)');
        await user.type(screen.getByTestId('source-from-address'), 'support at acme');
        await user.clear(screen.getByTestId('source-smtp-port'));
        await user.type(screen.getByTestId('source-smtp-port'), '70000');
        await user.click(screen.getByRole('button', { name: 'Save' }));

        const from = screen.getByTestId('source-from-address');
        await waitFor(() => expect(from).toHaveAttribute('aria-invalid', 'true'));
        expect(from).toHaveAccessibleDescription(/An email address/);
        for (const testId of ['source-imap-host', 'source-username', 'source-password', 'source-smtp-host']) {
            expect(screen.getByTestId(testId)).toHaveAttribute('aria-invalid', 'true');
        }
        expect(screen.getByTestId('source-smtp-port')).toHaveAccessibleDescription(/65535/);
        expect(screen.getByTestId('source-smtp-username')).toHaveAttribute('aria-invalid', 'false');
        expect(screen.getByTestId('source-smtp-password')).toHaveAttribute('aria-invalid', 'false');
        expect(dataProvider.create).not.toHaveBeenCalled();
    });

    it("shows the API's refusal of an email source on the IMAP host", async () => {
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        window.location.hash = '#/sources/create';
        const message = 'String should have at most 255 characters';
        const { client, dataProvider } = apiRefusing([], invalidConfig('config.imap_host', message));
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider()} />);

        await user.type(await screen.findByTestId('source-id'), 'acme-support');
        await pickKind(user, 'Email (IMAP/SMTP)');
        await user.type(screen.getByTestId('source-imap-host'), 'imap.acme.example');
        await user.type(screen.getByTestId('source-username'), 'support@acme.example');
        await user.type(screen.getByTestId('source-password'), 's3cret');
        await user.type(screen.getByTestId('source-smtp-host'), 'smtp.acme.example');
        await user.type(screen.getByTestId('source-from-address'), 'support@acme.example');
        await user.click(screen.getByRole('button', { name: 'Save' }));

        const host = screen.getByTestId('source-imap-host');
        await waitFor(() => expect(host).toHaveAttribute('aria-invalid', 'true'));
        expect(host).toHaveAccessibleDescription(message);
        expect(screen.getByTestId('source-smtp-host')).toHaveAttribute('aria-invalid', 'false');
        expect(screen.getByTestId('source-from-address')).toHaveAttribute('aria-invalid', 'false');
        expect(await screen.findByRole('alert')).toHaveTextContent(message);
        expect(host).toHaveValue('imap.acme.example');
        const [, options] = client.mock.calls.find(([, o]) => o?.method === 'POST') ?? [];
        const sent = JSON.parse(String(options?.body));
        expect(sent.kind).toBe('email');
        expect(sent.config).not.toHaveProperty('smtp_username');
        expect(sent.config).not.toHaveProperty('smtp_password');

        await user.clear(host);
        await user.type(host, 'mail.acme.example');
        await waitFor(() => expect(host).toHaveAttribute('aria-invalid', 'false'));
        consoleError.mockRestore();
    });

    it("keeps an email source's two stored passwords unless they are edited", async () => {
        window.location.hash = '#/sources/acme-support';
        const dataProvider = fakeDataProvider({ sources: [emailSource] });
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider()} />);

        const password = await screen.findByTestId('source-password');
        const smtpPassword = screen.getByTestId('source-smtp-password');
        for (const secret of [password, smtpPassword]) {
            expect(secret).toHaveAttribute('type', 'password');
            expect(secret).toHaveValue('********');
            expect(secret).toHaveAttribute('data-masked', 'true');
        }
        expect(screen.getAllByText(/A secret is stored/)).toHaveLength(2);
        expect(screen.getByTestId('source-imap-security')).toHaveValue('ssl');
        expect(screen.getByTestId('source-smtp-username')).toHaveValue('relay-user');

        await user.clear(screen.getByTestId('source-mailbox'));
        await user.type(screen.getByTestId('source-mailbox'), 'Support');
        await user.click(screen.getByRole('combobox', { name: /SMTP security/ }));
        await user.click(await screen.findByRole('option', { name: 'SSL/TLS' }));
        await user.clear(screen.getByTestId('source-smtp-port'));
        await user.type(screen.getByTestId('source-smtp-port'), '465');
        await user.click(screen.getByRole('button', { name: 'Save' }));

        await waitFor(() => expect(dataProvider.update).toHaveBeenCalledTimes(1));
        expect(dataProvider.update.mock.calls[0][1]).toMatchObject({ id: 'acme-support' });
        // Plain text is allowed only while a protocol asks for it: false is the API's default, left out.
        const { allow_insecure: _default, ...config } = emailSource.config;
        expect(dataProvider.update.mock.calls[0][1].data).toEqual({
            name: 'Acme support mailbox',
            enabled: true,
            config: {
                ...config,
                mailbox: 'Support',
                smtp_security: 'ssl',
                smtp_port: 465,
                password: '********',
                smtp_password: '********',
            },
        });
    });

    it("sends an email source's new SMTP password, keeps the IMAP one, and leaves out a cleared SMTP login", async () => {
        window.location.hash = '#/sources/acme-support';
        const dataProvider = fakeDataProvider({ sources: [emailSource] });
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider()} />);

        const smtpPassword = await screen.findByTestId('source-smtp-password');
        await user.click(smtpPassword);
        await user.keyboard('relay-pass-2');
        expect(smtpPassword).toHaveValue('relay-pass-2');
        expect(smtpPassword).toHaveAttribute('data-masked', 'false');
        expect(screen.getByTestId('source-password')).toHaveAttribute('data-masked', 'true');
        await user.clear(screen.getByTestId('source-smtp-username'));
        await user.click(screen.getByRole('button', { name: 'Save' }));

        await waitFor(() => expect(dataProvider.update).toHaveBeenCalledTimes(1));
        const { smtp_username: _cleared, allow_insecure: _default, ...rest } = emailSource.config;
        expect(dataProvider.update.mock.calls[0][1].data.config).toEqual({
            ...rest,
            password: '********',
            smtp_password: 'relay-pass-2',
        });
    });

    it('checks the poll interval before asking the API', async () => {
        window.location.hash = '#/sources/acme-feed';
        const dataProvider = fakeDataProvider({ sources: [makeSource()] });
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider()} />);

        const seconds = await screen.findByTestId('source-poll-seconds');
        await user.clear(seconds);
        await user.type(seconds, '1');
        await user.click(screen.getByRole('button', { name: 'Save' }));
        await waitFor(() => expect(seconds).toHaveAttribute('aria-invalid', 'true'));
        expect(seconds).toHaveAccessibleDescription(/at least 5/);
        expect(dataProvider.update).not.toHaveBeenCalled();
    });

    it('offers "Allow plain IMAP/SMTP" only for security None, shows the API\'s refusal on it, and sends it once ticked', async () => {
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        window.location.hash = '#/sources/acme-support';
        const message =
            "imap_security 'none' would send the password in the clear: use ssl or starttls, or set allow_insecure for a server on a network you trust";
        // As the API answers: the checkbox's field is named.
        const refusal = { detail: { code: 'invalid_config', message, path: 'config.allow_insecure', errors: [{ code: 'invalid_config', path: 'config.allow_insecure', message }] } };
        let refuse = true;
        const client = vi.fn<HttpClient>(async (url, options) => {
            if ((options?.method ?? 'GET') !== 'GET') {
                if (refuse) throw new HttpError('Unprocessable Entity', 422, refusal);
                const json = { ...emailSource, ...JSON.parse(String(options?.body)) };
                return { status: 200, headers: new Headers(), body: JSON.stringify(json), json };
            }
            const json = String(url).includes('/sources/acme-support') ? emailSource : [emailSource];
            return { status: 200, headers: new Headers({ 'Content-Range': 'sources 0-0/1' }), body: JSON.stringify(json), json };
        });
        const user = userEvent.setup();
        render(<App dataProvider={createDataProvider('/api', client)} authProvider={fakeAuthProvider()} />);

        await screen.findByTestId('source-imap-host');
        expect(screen.queryByTestId('source-allow-insecure')).toBeNull();
        await user.click(screen.getByRole('combobox', { name: /IMAP security/ }));
        await user.click(await screen.findByRole('option', { name: 'None (plain text)' }));
        const allow = await screen.findByTestId('source-allow-insecure');
        expect(allow).not.toBeChecked();
        expect(allow).toHaveAccessibleDescription(/IMAP security is None: the password crosses the network in the clear/);
        await user.click(screen.getByRole('button', { name: 'Save' }));

        const clean = message;
        await waitFor(() => expect(allow).toHaveAttribute('aria-invalid', 'true'));
        expect(allow).toHaveAccessibleDescription(clean);
        expect(screen.getByTestId('source-imap-host')).toHaveAttribute('aria-invalid', 'false');
        const sent = client.mock.calls.filter(([, o]) => o?.method === 'PATCH').map(([, o]) => JSON.parse(String(o?.body)));
        expect(sent[0].config.imap_security).toBe('none');
        expect(sent[0].config).not.toHaveProperty('allow_insecure');

        refuse = false;
        await user.click(allow);
        await waitFor(() => expect(allow).toHaveAttribute('aria-invalid', 'false'));
        // Back to SSL/TLS: nothing to allow, and the checkbox goes; None again brings it back, as ticked.
        await user.click(screen.getByRole('combobox', { name: /IMAP security/ }));
        await user.click(await screen.findByRole('option', { name: 'SSL/TLS' }));
        await waitFor(() => expect(screen.queryByTestId('source-allow-insecure')).toBeNull());
        await user.click(screen.getByRole('combobox', { name: /IMAP security/ }));
        await user.click(await screen.findByRole('option', { name: 'None (plain text)' }));
        expect(await screen.findByTestId('source-allow-insecure')).toBeChecked();
        await user.click(screen.getByRole('button', { name: 'Save' }));
        await waitFor(() => expect(client.mock.calls.filter(([, o]) => o?.method === 'PATCH')).toHaveLength(2));
        const second = JSON.parse(String(client.mock.calls.filter(([, o]) => o?.method === 'PATCH')[1][1]?.body));
        expect(second.config).toMatchObject({ imap_security: 'none', smtp_security: 'starttls', allow_insecure: true });
        consoleError.mockRestore();
    });
});
