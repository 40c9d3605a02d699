import { vi } from 'vitest';
import type { DataProvider, RaRecord } from 'react-admin';
import type { SwitchboardDataProvider } from '../dataProvider';
import type { Case, ExpertRequest, Flow } from '../types';

/** An in-memory data provider: `records` per resource, case actions as spies. */
export const fakeDataProvider = (records: Record<string, RaRecord[]>) => {
    const all = (resource: string) => records[resource] ?? [];
    const base = {
        getList: vi.fn(async (resource: string) => ({ data: all(resource), total: all(resource).length })),
        getOne: vi.fn(async (resource: string, { id }: { id: unknown }) => ({
            data: all(resource).find(record => record.id === id),
        })),
        getMany: vi.fn(async (resource: string, { ids }: { ids: unknown[] }) => ({
            data: all(resource).filter(record => ids.includes(record.id)),
        })),
        getManyReference: vi.fn(
            async (resource: string, { target, id }: { target: string; id: unknown }) => {
                const data = all(resource).filter(record => record[target] === id);
                return { data, total: data.length };
            },
        ),
        create: vi.fn(async (_resource: string, { data }: { data: Record<string, unknown> }) => ({
            data: { id: 'new', ...data },
        })),
        update: vi.fn(async (_resource: string, { id, data }: { id: unknown; data: Record<string, unknown> }) => ({
            data: { ...data, id },
        })),
        delete: vi.fn(async (_resource: string, { id }: { id: unknown }) => ({ data: { id } })),
        pollSource: vi.fn(async () => ({ data: { status: 'polling' } })),
        publishFlowDraft: vi.fn(async () => ({ data: { id: 'f-new' } as Flow })),
        replyToCase: vi.fn(async (caseId: string) => ({ data: { id: caseId } as Case })),
        closeCase: vi.fn(async (caseId: string) => ({ data: { id: caseId } as Case })),
        addCaseNote: vi.fn(async (caseId: string) => ({ data: { id: caseId } as Case })),
        askExpert: vi.fn(async (caseId: string) => ({ data: { id: caseId } as Case })),
        answerExpertRequest: vi.fn(async (requestId: string, { text }: { text: string }) => ({
            data: {
                ...all('expert-requests').find(record => record.id === requestId),
                id: requestId,
                answer: text,
                answered_at: '2025-01-02T12:00:00+00:00',
            } as ExpertRequest,
        })),
    };
    return base as unknown as SwitchboardDataProvider & DataProvider & typeof base;
};
