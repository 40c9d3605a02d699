import { HttpError } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import type { HttpClient } from '../dataProvider';

const clientReturning = (json: unknown) =>
    vi.fn<HttpClient>(async () => ({ status: 200, headers: new Headers(), body: JSON.stringify(json), json }));

describe('customer endpoints of the data provider', () => {
    it('posts a note and returns the profile', async () => {
        const client = clientReturning({ id: 'cus 1', notes: [{ text: 'Hi' }] });
        const { data } = await createDataProvider('/api', client).addCustomerNote('cus 1', { text: 'Hi' });
        const [url, options] = client.mock.calls[0];
        expect(url).toBe('/api/customers/cus%201/notes');
        expect(options?.method).toBe('POST');
        expect(JSON.parse(String(options?.body))).toEqual({ text: 'Hi' });
        expect(data.notes).toHaveLength(1);
    });

    it('merges into the customer kept and returns its profile', async () => {
        const client = clientReturning({ id: 'cus-1', identities: [] });
        const { data } = await createDataProvider('/api', client).mergeCustomers('cus-1', { other_id: 'cus-2' });
        const [url, options] = client.mock.calls[0];
        expect(url).toBe('/api/customers/cus-1/merge');
        expect(JSON.parse(String(options?.body))).toEqual({ other_id: 'cus-2' });
        expect(data.id).toBe('cus-1');
    });

    it("rethrows a refused merge with the API's message", async () => {
        const body = { detail: { code: 'same_customer', message: 'a customer cannot be merged into itself', path: 'other_id' } };
        const client = vi.fn<HttpClient>(async () => {
            throw new HttpError('Bad Request', 400, body);
        });
        const error = (await createDataProvider('/api', client)
            .mergeCustomers('cus-1', { other_id: 'cus-1' })
            .catch((caught: unknown) => caught)) as HttpError;
        expect(error).toBeInstanceOf(HttpError);
        expect(error.message).toBe('a customer cannot be merged into itself');
        expect(error.status).toBe(400);
    });
});
