import { describe, expect, it } from 'vitest';
import { SOURCE_FORM_FIELDS } from '../dataProvider';
import {
    CONFIG_FIELDS,
    configPayload,
    createPayload,
    editPayload,
    mappingToRows,
    plainMailProtocols,
    rowsToMapping,
    sourceHealth,
} from './sourceForm';

describe('configPayload', () => {
    it('sends allow_insecure only when ticked and a protocol is plain text', () => {
        const mail = { imap_host: 'imap.x', username: 'u', password: 'p', smtp_host: 'smtp.x', from_address: 'a@x' };
        expect(configPayload('email', { ...mail, imap_security: 'none', allow_insecure: true })).toMatchObject({
            imap_security: 'none',
            allow_insecure: true,
        });
        expect(configPayload('email', { ...mail, smtp_security: 'none', allow_insecure: true })).toHaveProperty(
            'allow_insecure',
            true,
        );
        // Not ticked, or nothing plain: the API's default (false) applies.
        expect(configPayload('email', { ...mail, imap_security: 'none', allow_insecure: false })).not.toHaveProperty(
            'allow_insecure',
        );
        expect(configPayload('email', { ...mail, imap_security: 'ssl', smtp_security: 'starttls', allow_insecure: true })).not.toHaveProperty(
            'allow_insecure',
        );
        // Other kinds never send it.
        expect(configPayload('rss', { url: 'http://x/feed', allow_insecure: true })).toEqual({ url: 'http://x/feed' });
    });

    it('names the protocols set to plain text', () => {
        expect(plainMailProtocols({ imap_security: 'none', smtp_security: 'none' })).toEqual(['IMAP', 'SMTP']);
        expect(plainMailProtocols({ imap_security: 'ssl', smtp_security: 'none' })).toEqual(['SMTP']);
        expect(plainMailProtocols({ imap_security: 'ssl', smtp_security: 'starttls' })).toEqual([]);
        expect(plainMailProtocols(undefined)).toEqual([]);
    });

    it("sends only the kind's keys, so what was typed for another kind is left out", () => {
        const typed = { url: 'http://feed.example/x.xml', base_url: 'https://mastodon.social', poll_seconds: 60 };
        expect(configPayload('rss', typed)).toEqual({ url: 'http://feed.example/x.xml', poll_seconds: 60 });
        expect(configPayload('mastodon', typed)).toEqual({ base_url: 'https://mastodon.social', poll_seconds: 60 });
        expect(configPayload('file', typed)).toEqual({});
    });

    it("leaves blanks out so the API's defaults apply, and trims URLs but not secrets", () => {
        expect(
            configPayload('mastodon', { base_url: ' https://m.example ', access_token: ' tok ', poll_seconds: undefined }),
        ).toEqual({ base_url: 'https://m.example', access_token: ' tok ' });
        expect(configPayload('webhook', { hmac_secret: null, signature_header: '', mapping: {} })).toEqual({});
    });

    it('sends the mask back as it came, which keeps the stored secret', () => {
        expect(configPayload('mastodon', { base_url: 'https://m.example', access_token: '********' })).toEqual({
            base_url: 'https://m.example',
            access_token: '********',
        });
    });

    it("sends an email source's fields, leaving out the optional SMTP login when blank", () => {
        const typed = {
            url: 'http://feed.example/x.xml',
            imap_host: ' imap.acme.example ',
            imap_port: 993,
            imap_security: 'ssl' as const,
            username: 'support@acme.example',
            password: ' p ',
            mailbox: 'INBOX',
            smtp_host: 'smtp.acme.example',
            smtp_port: 587,
            smtp_security: 'starttls' as const,
            smtp_username: '',
            smtp_password: null,
            from_address: ' support@acme.example ',
            poll_seconds: 60,
        };
        expect(configPayload('email', typed)).toEqual({
            imap_host: 'imap.acme.example',
            imap_port: 993,
            imap_security: 'ssl',
            username: 'support@acme.example',
            password: ' p ',
            mailbox: 'INBOX',
            smtp_host: 'smtp.acme.example',
            smtp_port: 587,
            smtp_security: 'starttls',
            from_address: 'support@acme.example',
            poll_seconds: 60,
        });
        expect(configPayload('email', { ...typed, smtp_username: ' relay ', smtp_password: ' q ' })).toMatchObject({
            smtp_username: 'relay',
            smtp_password: ' q ',
        });
    });

    it("names every kind's config field among those a 422 can land on", () => {
        for (const keys of Object.values(CONFIG_FIELDS)) {
            for (const key of keys) expect(SOURCE_FORM_FIELDS).toContain(`config.${key}`);
        }
    });

    it("sends a webhook's way of authenticating senders when one is picked, else lets the API choose", () => {
        expect(configPayload('webhook', { auth: 'none', mapping: {} })).toEqual({ auth: 'none' });
        expect(configPayload('webhook', { auth: 'hmac', hmac_secret: 'k' })).toEqual({ auth: 'hmac', hmac_secret: 'k' });
        expect(configPayload('webhook', { hmac_secret: 'k' })).toEqual({ hmac_secret: 'k' });
        expect(configPayload('rss', { auth: 'token', url: 'https://x.example/feed' } as never)).toEqual({
            url: 'https://x.example/feed',
        });
    });

    it("drops a mapping's empty paths", () => {
        expect(configPayload('webhook', { mapping: { author: ' user.handle ', text: '' } })).toEqual({
            mapping: { author: 'user.handle' },
        });
    });
});

describe('create and edit payloads', () => {
    it('creates with the id, the kind and the name (the id if empty)', () => {
        expect(
            createPayload({ id: ' acme-feed ', kind: 'rss', name: '', enabled: true, config: { url: 'http://x/f.xml' } }),
        ).toEqual({ id: 'acme-feed', kind: 'rss', enabled: true, config: { url: 'http://x/f.xml' } });
    });

    it('edits name, enabled and config only', () => {
        expect(
            editPayload({ id: 'm', kind: 'mastodon', name: 'Acme', enabled: false, config: { base_url: 'https://m.example' } }),
        ).toEqual({ name: 'Acme', enabled: false, config: { base_url: 'https://m.example' } });
    });
});

describe('mapping rows', () => {
    it('round-trips in the order of our fields, the last row of a field winning', () => {
        expect(mappingToRows({ text: 'body', author: 'user.handle' })).toEqual([
            { field: 'author', path: 'user.handle' },
            { field: 'text', path: 'body' },
        ]);
        expect(
            rowsToMapping([
                { field: 'author', path: 'a' },
                { field: '', path: 'ignored' },
                { field: 'text', path: '  ' },
                { field: 'author', path: 'b' },
            ]),
        ).toEqual({ author: 'b' });
    });
});

describe('sourceHealth', () => {
    it('is unhealthy after failures, pending before the first poll, healthy otherwise', () => {
        expect(sourceHealth({ healthy: false, polls: true, last_polled_at: '2025-01-01T00:00:00Z' })).toBe('unhealthy');
        expect(sourceHealth({ healthy: true, polls: true, last_polled_at: null })).toBe('pending');
        expect(sourceHealth({ healthy: true, polls: true, last_polled_at: '2025-01-01T00:00:00Z' })).toBe('healthy');
        expect(sourceHealth({ healthy: true, polls: false, last_polled_at: null })).toBe('healthy');
    });
});
