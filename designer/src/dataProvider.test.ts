import { HttpError } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { createDataProvider } from './dataProvider';
import type { HttpClient } from './dataProvider';

const response = (json: unknown, headers: Record<string, string> = {}) => ({
    status: 200,
    headers: new Headers(headers),
    body: JSON.stringify(json),
    json,
});

const clientReturning = (json: unknown, headers?: Record<string, string>) =>
    vi.fn<HttpClient>(async () => response(json, headers));

describe('dataProvider', () => {
    it('lists with the simple REST conventions under /api', async () => {
        const client = clientReturning([{ id: 'c1' }], { 'Content-Range': 'cases 0-24/123' });
        const result = await createDataProvider('/api', client).getList('cases', {
            pagination: { page: 1, perPage: 25 },
            sort: { field: 'opened_at', order: 'DESC' },
            filter: { status: 'assigned' },
        });
        expect(result).toEqual({ data: [{ id: 'c1' }], total: 123 });
        const url = new URL(client.mock.calls[0][0], 'http://localhost');
        expect(url.pathname).toBe('/api/cases');
        expect(url.searchParams.get('sort')).toBe('["opened_at","DESC"]');
        expect(url.searchParams.get('range')).toBe('[0,24]');
        expect(url.searchParams.get('filter')).toBe('{"status":"assigned"}');
    });

    it('fetches references in one request with an id filter', async () => {
        const client = clientReturning([{ id: 'a1' }, { id: 'a2' }]);
        const result = await createDataProvider('/api', client).getMany('agents', { ids: ['a1', 'a2'] });
        const url = new URL(client.mock.calls[0][0], 'http://localhost');
        expect(url.pathname).toBe('/api/agents');
        expect(url.searchParams.get('filter')).toBe('{"id":["a1","a2"]}');
        expect(result.data.map(agent => agent.id)).toEqual(['a1', 'a2']);
    });

    it('posts a reply and returns the updated case', async () => {
        const client = clientReturning({ id: 'c1', status: 'closed' });
        const result = await createDataProvider('/api', client).replyToCase('c1', { text: 'Thanks', close: true });
        expect(result.data.status).toBe('closed');
        const [url, options] = client.mock.calls[0];
        expect(url).toBe('/api/cases/c1/replies');
        expect(options?.method).toBe('POST');
        expect(JSON.parse(String(options?.body))).toEqual({ text: 'Thanks', close: true });
    });

    it('posts a close with its reason', async () => {
        const client = clientReturning({ id: 'c1' });
        await createDataProvider('/api', client).closeCase('c1', { reason: 'spam' });
        const [url, options] = client.mock.calls[0];
        expect(url).toBe('/api/cases/c1/close');
        expect(JSON.parse(String(options?.body))).toEqual({ reason: 'spam' });
    });

    it('posts notes and expert hand-overs to the case', async () => {
        const client = clientReturning({ id: 'c1', status: 'with_expert' });
        const provider = createDataProvider('/api', client);
        await provider.addCaseNote('c1', { text: 'Called the bank' });
        const { data } = await provider.askExpert('c1', { expert_id: 'priya', question: 'Refund both?' });
        expect(data.status).toBe('with_expert');
        const [[noteUrl, noteOptions], [expertUrl, expertOptions]] = client.mock.calls;
        expect(noteUrl).toBe('/api/cases/c1/notes');
        expect(noteOptions?.method).toBe('POST');
        expect(JSON.parse(String(noteOptions?.body))).toEqual({ text: 'Called the bank' });
        expect(expertUrl).toBe('/api/cases/c1/expert');
        expect(JSON.parse(String(expertOptions?.body))).toEqual({ expert_id: 'priya', question: 'Refund both?' });
    });

    it('sends no actor on any case action: the session says who acts', async () => {
        const client = clientReturning({ id: 'c 1' });
        const provider = createDataProvider('/api', client);
        await provider.claimCase('c 1', {});
        await provider.claimCase('c 1', { takeover: true });
        await provider.approveReply('c 1', { reply_id: 'r1' });
        await provider.approveReply('c 1', { reply_id: 'r2', text: 'Edited' });
        await provider.rejectReply('c 1', { reply_id: 'r3', reason: 'Tone' });
        await provider.transferCase('c 1', { team_id: 'marketing', note: 'Press' });
        await provider.setCasePending('c 1', { waiting: true });
        await provider.changeCaseTags('c 1', { add: ['vip'], remove: [] });
        await provider.casePresence('c 1');
        const sent = client.mock.calls.map(([url, options]) => [url, options?.method, JSON.parse(String(options?.body))]);
        expect(sent).toEqual([
            ['/api/cases/c%201/claim', 'POST', {}],
            ['/api/cases/c%201/claim', 'POST', { takeover: true }],
            ['/api/cases/c%201/approve', 'POST', { reply_id: 'r1' }],
            ['/api/cases/c%201/approve', 'POST', { reply_id: 'r2', text: 'Edited' }],
            ['/api/cases/c%201/reject', 'POST', { reply_id: 'r3', reason: 'Tone' }],
            ['/api/cases/c%201/transfer', 'POST', { team_id: 'marketing', note: 'Press' }],
            ['/api/cases/c%201/pending', 'POST', { waiting: true }],
            ['/api/cases/c%201/tags', 'POST', { add: ['vip'], remove: [] }],
            ['/api/cases/c%201/presence', 'POST', {}],
        ]);
    });

    it("reads a case's drafts", async () => {
        const drafts = [{ reply_id: 'r1', agent_id: 'linus', text: 'Hi', status: 'pending' }];
        const client = clientReturning(drafts);
        const { data } = await createDataProvider('/api', client).getCaseDrafts('c1');
        const [url, options] = client.mock.calls[0];
        expect(url).toBe('/api/cases/c1/drafts');
        expect(options?.method ?? 'GET').toBe('GET');
        expect(data).toEqual(drafts);
    });

    it('activates a flow version and asks for a new webhook token', async () => {
        const client = clientReturning({ id: 'x' });
        const provider = createDataProvider('/api', client);
        await provider.activateFlow('f1');
        await provider.newWebhookToken('shop hook');
        expect(client.mock.calls.map(([url, options]) => [url, options?.method])).toEqual([
            ['/api/flows/f1/activate', 'POST'],
            ['/api/sources/shop%20hook/webhook-token', 'POST'],
        ]);
    });

    it("posts an expert's answer to the request, with the link's token", async () => {
        const client = clientReturning({ id: 'r 1', answer: 'Yes' });
        const { data } = await createDataProvider('/api', client).answerExpertRequest('r 1', { text: 'Yes' }, 'tok.en');
        const [url, options] = client.mock.calls[0];
        expect(url).toBe('/api/expert-requests/r%201/answer');
        expect(options?.method).toBe('POST');
        expect(JSON.parse(String(options?.body))).toEqual({ text: 'Yes' });
        expect(new Headers(options?.headers).get('X-Expert-Token')).toBe('tok.en');
        expect(data.answer).toBe('Yes');
    });

    it("reads an expert's request with the link's token, and without one sends no header", async () => {
        const client = clientReturning({ id: 'r1', question: 'Refund both?' });
        const provider = createDataProvider('/api', client);
        const { data } = await provider.getOne('expert-requests', { id: 'r1', meta: { expertToken: '1797.abc' } });
        expect(data.question).toBe('Refund both?');
        const [url, options] = client.mock.calls[0];
        expect(url).toBe('/api/expert-requests/r1');
        expect(options?.method ?? 'GET').toBe('GET');
        expect(new Headers(options?.headers).get('X-Expert-Token')).toBe('1797.abc');

        await provider.getOne('expert-requests', { id: 'r1' });
        expect(new Headers(client.mock.calls[1][1]?.headers).has('X-Expert-Token')).toBe(false);
    });

    it("asks for the expert's link of a request", async () => {
        const link = { url: '/#/expert-requests/r1?token=t', token: 't', expires_at: '2026-12-17T07:05:09Z' };
        const client = clientReturning(link);
        const { data } = await createDataProvider('/api', client).getExpertLink('r1');
        expect(client.mock.calls[0][0]).toBe('/api/expert-requests/r1/link');
        expect(data).toEqual(link);
    });

    it("gives a case's bundle as the API's very text, which parsing would change", async () => {
        const text = '{"case_id": "c 1", "sentiment": 1.0, "seq": 12345678901234567890}';
        const client = vi.fn<HttpClient>(async () => ({ status: 200, headers: new Headers(), body: text, json: JSON.parse(text) }));
        const { data } = await createDataProvider('/api', client).getCaseBundle('c 1');
        expect(client.mock.calls[0][0]).toBe('/api/cases/c%201/bundle');
        expect(data).toBe(text);
    });

    it('changes a user with PATCH, and resets their second factor', async () => {
        const client = clientReturning({ id: 'grace', email: 'grace@example.com' });
        const provider = createDataProvider('/api', client);
        await provider.update('users', { id: 'grace', data: { role: 'supervisor' }, previousData: { id: 'grace' } });
        await provider.resetSecondFactor('grace');
        expect(client.mock.calls.map(([url, options]) => [url, options?.method, JSON.parse(String(options?.body))])).toEqual([
            ['/api/users/grace', 'PATCH', { role: 'supervisor' }],
            ['/api/users/grace', 'PATCH', { reset_second_factor: true }],
        ]);
    });

    it('revokes a token with DELETE, answering the token with when it was revoked', async () => {
        const client = clientReturning({ id: 'be3f', name: 'nightly', revoked_at: '2026-12-03T07:05:33Z' });
        const { data } = await createDataProvider('/api', client).revokeToken('be3f');
        const [url, options] = client.mock.calls[0];
        expect(url).toBe('/api/tokens/be3f');
        expect(options?.method).toBe('DELETE');
        expect(data.revoked_at).toBe('2026-12-03T07:05:33Z');
    });

    it('publishes a flow draft and activates it', async () => {
        const client = clientReturning({ id: 'f9', version: 'abc', active: true });
        const { data } = await createDataProvider('/api', client).publishFlowDraft('d1');
        const [url, options] = client.mock.calls[0];
        expect(url).toBe('/api/flow_drafts/d1/publish');
        expect(options?.method).toBe('POST');
        expect(JSON.parse(String(options?.body))).toEqual({ activate: true });
        expect(data.id).toBe('f9');
    });

    it('rethrows API errors with the message from the body', async () => {
        const body = { detail: { code: 'case_closed', message: 'Case c1 is already closed', path: '/status' } };
        const client = vi.fn<HttpClient>(async () => {
            throw new HttpError('Conflict', 409, body);
        });
        const error = await createDataProvider('/api', client)
            .closeCase('c1', { reason: 'resolved' })
            .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(HttpError);
        expect((error as HttpError).message).toBe('Case c1 is already closed');
        expect((error as HttpError).status).toBe(409);
        expect((error as HttpError).body).toEqual(body);
    });

    it('changes a source with PATCH, sending only what the API lets change', async () => {
        const client = clientReturning({ id: 'acme', kind: 'mastodon', name: 'Acme' });
        const { data } = await createDataProvider('/api', client).update('sources', {
            id: 'acme',
            data: { name: 'Acme', enabled: true, config: { access_token: '********' } },
            previousData: { id: 'acme' },
        });
        const [url, options] = client.mock.calls[0];
        expect(url).toBe('/api/sources/acme');
        expect(options?.method).toBe('PATCH');
        expect(JSON.parse(String(options?.body))).toEqual({
            name: 'Acme',
            enabled: true,
            config: { access_token: '********' },
        });
        expect(data.name).toBe('Acme');
    });

    it('still PUTs other resources', async () => {
        const client = clientReturning({ id: 'd1' });
        await createDataProvider('/api', client).update('flow_drafts', { id: 'd1', data: { name: 'x' }, previousData: { id: 'd1' } });
        expect(client.mock.calls[0][1]?.method).toBe('PUT');
    });

    it("turns a refused source config into react-admin's field errors", async () => {
        const body = {
            detail: {
                code: 'invalid_config',
                message: 'Input should be a valid URL, relative URL without a base',
                path: 'config.url',
                errors: [{ code: 'invalid_config', path: 'config.url', message: 'Input should be a valid URL, relative URL without a base' }],
            },
        };
        const client = vi.fn<HttpClient>(async () => {
            throw new HttpError('Unprocessable Entity', 422, body);
        });
        const error = (await createDataProvider('/api', client)
            .create('sources', { data: { id: 'feed', kind: 'rss', config: { url: 'nope' } } })
            .catch((caught: unknown) => caught)) as HttpError;
        expect(error).toBeInstanceOf(HttpError);
        expect(error.status).toBe(422);
        expect(error.message).toBe('Input should be a valid URL, relative URL without a base');
        expect(error.body.detail).toEqual(body.detail);
        expect(error.body.errors).toEqual({
            config: { url: 'Input should be a valid URL, relative URL without a base' },
            root: { serverError: 'Input should be a valid URL, relative URL without a base' },
        });
    });

    it('asks a source to poll now', async () => {
        const client = clientReturning({ status: 'polling' });
        const { data } = await createDataProvider('/api', client).pollSource('acme feed');
        const [url, options] = client.mock.calls[0];
        expect(url).toBe('/api/sources/acme%20feed/poll');
        expect(options?.method).toBe('POST');
        expect(data.status).toBe('polling');
    });

    it('verifies the audit log, from a checkpoint when asked, and signs its head with an empty POST', async () => {
        const verdict = { intact: true, entries: 3, first_id: 1, last_id: 3, head_id: 3, checkpoints: 1 };
        const client = clientReturning(verdict);
        const dataProvider = createDataProvider('/api', client);
        expect((await dataProvider.verifyAuditLog()).data).toEqual(verdict);
        expect(client.mock.calls[0][0]).toBe('/api/audit/verify');
        await dataProvider.verifyAuditLog('2025-01-02T10:00:00+01:00');
        expect(client.mock.calls[1][0]).toBe('/api/audit/verify?since=2025-01-02T10%3A00%3A00%2B01%3A00');

        const checkpoint = clientReturning({ id: 2, seq: 3, hash: 'ab'.repeat(32), key_id: 'k1' });
        const { data } = await createDataProvider('/api', checkpoint).signAuditCheckpoint();
        const [url, options] = checkpoint.mock.calls[0];
        expect(url).toBe('/api/audit/checkpoints');
        expect(options?.method).toBe('POST');
        expect(options?.body).toBeUndefined();
        expect(data.seq).toBe(3);
    });

    it("rethrows a refused verification with the API's message", async () => {
        const message = 'your role (ops_lead) does not allow reading and verifying the audit log (auditlog:read)';
        const client = vi.fn<HttpClient>(async () => {
            throw new HttpError('Forbidden', 403, { detail: { code: 'forbidden', message, path: '' } });
        });
        const refused = (await createDataProvider('/api', client)
            .verifyAuditLog()
            .catch((caught: unknown) => caught)) as HttpError;
        expect(refused.status).toBe(403);
        expect(refused.message).toBe(message);
    });

    const refusing = (status: number, body: unknown) =>
        vi.fn<HttpClient>(async () => {
            throw new HttpError('Refused', status, body);
        });

    it("puts a refused user's messages on the fields they name: a weak password, a taken email, the teams", async () => {
        const weak = { detail: { code: 'weak_password', message: 'a password has at least 12 characters; this one has 5', path: 'password' } };
        const refused = (await createDataProvider('/api', refusing(422, weak))
            .create('users', { data: { email: 'n@example.com', role: 'agent', teams: ['support'], password: 'short' } })
            .catch((caught: unknown) => caught)) as HttpError;
        expect(refused.message).toBe('a password has at least 12 characters; this one has 5');
        expect(refused.body.errors).toEqual({
            password: 'a password has at least 12 characters; this one has 5',
            root: { serverError: 'a password has at least 12 characters; this one has 5' },
        });

        const taken = { detail: { code: 'exists', message: 'a user with email ada@example.com exists', path: 'email' } };
        const conflict = (await createDataProvider('/api', refusing(409, taken))
            .create('users', { data: { email: 'ada@example.com' } })
            .catch((caught: unknown) => caught)) as HttpError;
        expect(conflict.body.errors.email).toBe('a user with email ada@example.com exists');

        const own = { detail: { code: 'own_account', message: 'you cannot disable or demote yourself; another admin can', path: 'disabled' } };
        const self = (await createDataProvider('/api', refusing(409, own))
            .update('users', { id: 'admin', data: { disabled: true }, previousData: { id: 'admin' } })
            .catch((caught: unknown) => caught)) as HttpError;
        expect(self.body.errors.disabled).toBe('you cannot disable or demote yourself; another admin can');
    });

    it("puts a refused token scope on the scopes field, and keeps a 403 without a field a plain refusal", async () => {
        const beyond = {
            detail: {
                code: 'forbidden',
                message: "ada@example.com (agent) cannot hold 'sources:write': their role does not allow it",
                path: 'scopes/1',
            },
        };
        const refused = (await createDataProvider('/api', refusing(403, beyond))
            .create('tokens', { data: { name: 'x', scopes: ['cases:read', 'sources:write'] } })
            .catch((caught: unknown) => caught)) as HttpError;
        expect(refused.status).toBe(403);
        expect(refused.body.errors.scopes).toBe("ada@example.com (agent) cannot hold 'sources:write': their role does not allow it");

        const forbidden = { detail: { code: 'forbidden', message: 'a token cannot make tokens; log in to make one', path: '' } };
        const plain = (await createDataProvider('/api', refusing(403, forbidden))
            .create('tokens', { data: { name: 'x', scopes: ['cases:read'] } })
            .catch((caught: unknown) => caught)) as HttpError;
        expect(plain.message).toBe('a token cannot make tokens; log in to make one');
        expect(plain.body.errors).toBeUndefined();
    });

    it('puts the refusal of plain IMAP/SMTP on the allow_insecure checkbox', async () => {
        const message =
            "imap_security 'none' would send the password in the clear: use ssl or starttls, or set allow_insecure for a server on a network you trust";
        const body = { detail: { code: 'invalid_config', message, path: 'config.allow_insecure', errors: [{ code: 'invalid_config', path: 'config.allow_insecure', message }] } };
        const refused = (await createDataProvider('/api', refusing(422, body))
            .update('sources', { id: 'mail', data: { config: { imap_security: 'none' } }, previousData: { id: 'mail' } })
            .catch((caught: unknown) => caught)) as HttpError;
        const clean = message;
        expect(refused.message).toBe(clean);
        expect(refused.body.errors).toEqual({ config: { allow_insecure: clean }, root: { serverError: clean } });
        // The API's body itself is kept as it came.
        expect(refused.body.detail.path).toBe('config.allow_insecure');
    });
});
