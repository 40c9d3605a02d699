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

    it("posts an expert's answer to the request", async () => {
        const client = clientReturning({ id: 'r 1', answer: 'Yes' });
        const { data } = await createDataProvider('/api', client).answerExpertRequest('r 1', { text: 'Yes' });
        const [url, options] = client.mock.calls[0];
        expect(url).toBe('/api/expert-requests/r%201/answer');
        expect(options?.method).toBe('POST');
        expect(JSON.parse(String(options?.body))).toEqual({ text: 'Yes' });
        expect(data.answer).toBe('Yes');
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
});
