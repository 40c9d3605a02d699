// Maps the API's 422 `invalid_flow` errors (JSON Pointers into the saved
// document) onto the canvas: `/nodes/2/...` belongs to the node at index 2,
// `/edges/1/...` to the edge at index 1, anything else to the whole graph.
import type { FlowDocument } from '../types';

export interface FlowError {
    code?: string;
    message: string;
    path?: string;
}

export interface MappedFlowErrors {
    nodes: Record<string, string[]>;
    edges: Record<string, string[]>;
    graph: string[];
    /** Per node, each error with its path inside the node (`/content/routing/rules/0/when/in/1`), for the rule it concerns. */
    at?: Record<string, { path: string; message: string }[]>;
}

export const EMPTY_ERRORS: MappedFlowErrors = { nodes: {}, edges: {}, graph: [] };

/** The errors of a node at a rule's path (or inside it). */
export const errorsAt = (errors: MappedFlowErrors, nodeId: string, path: string): string[] =>
    (errors.at?.[nodeId] ?? []).filter(item => item.path === path || item.path.startsWith(`${path}/`)).map(item => item.message);

const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON Pointer segments (RFC 6901 unescaping), tolerating a `/document` prefix. */
export const pointerSegments = (path: string | undefined): string[] => {
    if (!path) return [];
    const segments = path
        .replace(/^#/, '')
        .split('/')
        .filter((segment, index) => index > 0 || segment !== '')
        .map(segment => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
    return segments[0] === 'document' ? segments.slice(1) : segments;
};

const push = (target: Record<string, string[]>, key: string, message: string) => {
    (target[key] ??= []).push(message);
};

export const mapFlowErrors = (errors: FlowError[], document: FlowDocument): MappedFlowErrors => {
    const mapped: MappedFlowErrors = { nodes: {}, edges: {}, graph: [], at: {} };
    for (const error of errors) {
        const [collection, index] = pointerSegments(error.path);
        const position = index !== undefined && /^\d+$/.test(index) ? Number(index) : -1;
        if (collection === 'nodes' && document.nodes[position]) {
            const id = document.nodes[position].id;
            push(mapped.nodes, id, error.message);
            const rest = pointerSegments(error.path).slice(2).map(s => s.replace(/~/g, '~0').replace(/\//g, '~1'));
            (mapped.at![id] ??= []).push({ path: rest.length ? `/${rest.join('/')}` : '', message: error.message });
        } else if (collection === 'edges' && document.edges[position]) {
            push(mapped.edges, document.edges[position].id, error.message);
        } else {
            mapped.graph.push(error.path ? `${error.message} (${error.path})` : error.message);
        }
    }
    return mapped;
};

/** The message and error list of a 422 body (`{"detail": {code, message, errors}}`). */
export const extractFlowErrors = (body: unknown): { message: string; errors: FlowError[] } | null => {
    const detail = isObject(body) ? body.detail : undefined;
    if (!isObject(detail)) return null;
    const message = typeof detail.message === 'string' ? detail.message : 'The flow is invalid';
    const errors = Array.isArray(detail.errors)
        ? detail.errors.filter(isObject).map(item => ({
              code: typeof item.code === 'string' ? item.code : undefined,
              message: typeof item.message === 'string' ? item.message : String(item.code ?? 'invalid'),
              path: typeof item.path === 'string' ? item.path : undefined,
          }))
        : [];
    if (!errors.length && typeof detail.path === 'string' && detail.path.startsWith('/')) {
        errors.push({ code: undefined, message, path: detail.path });
    }
    return { message, errors };
};
