import { describe, expect, it } from 'vitest';
import { extractFlowErrors, mapFlowErrors, pointerSegments } from './flowErrors';
import { draftDocument } from './testDocument';

describe('pointerSegments', () => {
    it('splits and unescapes JSON Pointers, dropping a /document prefix', () => {
        expect(pointerSegments('/nodes/2/content/needs_response/or/1')).toEqual(['nodes', '2', 'content', 'needs_response', 'or', '1']);
        expect(pointerSegments('/document/edges/0')).toEqual(['edges', '0']);
        expect(pointerSegments('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
        expect(pointerSegments('')).toEqual([]);
        expect(pointerSegments(undefined)).toEqual([]);
    });
});

describe('mapFlowErrors', () => {
    it('gives node errors to the node at that index, edge errors to the edge', () => {
        const mapped = mapFlowErrors(
            [
                { code: 'unknown_operator', message: 'Unknown operator "nope"', path: '/nodes/2/content/needs_response/or/1' },
                { code: 'bad_priority', message: 'priority must be a rule', path: '/nodes/2/content/priority' },
                { code: 'bad_keyword', message: 'empty phrase', path: '/nodes/1/content/keywords/billing/0' },
                { code: 'cycle', message: 'Edge closes a cycle', path: '/edges/1/targetId' },
            ],
            draftDocument(),
        );
        expect(mapped.nodes).toEqual({
            triage: ['Unknown operator "nope"', 'priority must be a rule'],
            tag: ['empty phrase'],
        });
        expect(mapped.edges).toEqual({ e2: ['Edge closes a cycle'] });
        expect(mapped.graph).toEqual([]);
    });

    it('keeps whole-graph and out-of-range paths at graph level', () => {
        const mapped = mapFlowErrors(
            [
                { message: 'No discovery node', path: '/nodes' },
                { message: 'Dangling', path: '/edges/9/sourceId' },
                { message: 'Something off' },
                { message: 'Bad index', path: '/nodes/x/name' },
            ],
            draftDocument(),
        );
        expect(mapped.nodes).toEqual({});
        expect(mapped.edges).toEqual({});
        expect(mapped.graph).toEqual([
            'No discovery node (/nodes)',
            'Dangling (/edges/9/sourceId)',
            'Something off',
            'Bad index (/nodes/x/name)',
        ]);
    });
});

describe('extractFlowErrors', () => {
    it('reads the invalid_flow body', () => {
        const body = {
            detail: {
                code: 'invalid_flow',
                path: 'document',
                message: 'The flow has 1 error',
                errors: [{ code: 'unknown_operator', message: 'Unknown operator', path: '/nodes/2/content' }],
            },
        };
        expect(extractFlowErrors(body)).toEqual({
            message: 'The flow has 1 error',
            errors: [{ code: 'unknown_operator', message: 'Unknown operator', path: '/nodes/2/content' }],
        });
    });

    it('turns a single pointer error into a list, and ignores other shapes', () => {
        expect(extractFlowErrors({ detail: { code: 'x', message: 'Bad node', path: '/nodes/0' } })).toEqual({
            message: 'Bad node',
            errors: [{ code: undefined, message: 'Bad node', path: '/nodes/0' }],
        });
        expect(extractFlowErrors({ detail: 'Not found' })).toBeNull();
        expect(extractFlowErrors(null)).toBeNull();
    });
});
