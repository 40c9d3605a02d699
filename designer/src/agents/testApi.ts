import { vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import type { HttpClient } from '../dataProvider';

/**
 * The real data provider over a fake API (tests only): GETs list and read `records` (a list's `filter` is applied
 * on equal fields); writes go to `write`, which answers the API's JSON or throws its refusal.
 */
export const fakeApi = (
    records: Record<string, { id: string }[]>,
    write: (method: string, url: string, body: unknown) => unknown,
) => {
    const client = vi.fn<HttpClient>(async (url, options) => {
        const method = options?.method ?? 'GET';
        const [path, query = ''] = String(url).split('?');
        const [, , resource, id] = path.split('/');
        let json: unknown;
        if (method === 'GET') {
            const filter = JSON.parse(new URLSearchParams(query).get('filter') ?? '{}') as Record<string, unknown>;
            const all = (records[resource] ?? []).filter(record =>
                Object.entries(filter).every(([field, value]) => {
                    const actual = (record as Record<string, unknown>)[field];
                    return field === 'q' || (Array.isArray(value) ? value.includes(actual) : actual === value);
                }),
            );
            json = id ? all.find(record => record.id === decodeURIComponent(id)) : all;
        } else {
            json = write(method, String(url), options?.body ? JSON.parse(String(options.body)) : undefined);
        }
        const total = Array.isArray(json) ? json.length : 1;
        return {
            status: 200,
            headers: new Headers({ 'Content-Range': `${resource} 0-${total}/${total}` }),
            body: JSON.stringify(json),
            json,
        };
    });
    return { client, dataProvider: createDataProvider('/api', client) };
};

export const refusal = (code: string, message: string, path: string) => ({ detail: { code, message, path } });
