import type { FlowDocument } from '../types';

/** A three-node flow shared by the flow draft tests. */
export const draftDocument = (): FlowDocument => ({
    nodes: [
        { id: 'discover', type: 'discovery', name: 'Discover', content: {}, position: { x: 0, y: 0 } },
        { id: 'tag', type: 'tag', name: 'Tag', content: { keywords: { billing: ['refund'] } }, position: { x: 200, y: 0 } },
        {
            id: 'triage',
            type: 'triage',
            name: 'Triage',
            content: { needs_response: { or: [true, { nope: [1] }] }, priority: 'normal' },
            position: { x: 400, y: 0 },
        },
    ],
    edges: [
        { id: 'e1', sourceId: 'discover', targetId: 'tag' },
        { id: 'e2', sourceId: 'tag', targetId: 'triage' },
    ],
});
