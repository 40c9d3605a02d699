import { lazy, Suspense } from 'react';
import { Loading } from 'react-admin';

// React Flow only loads when a draft is opened.
const FlowDraftEdit = lazy(() => import('./FlowDraftEdit'));

export const LazyFlowDraftEdit = () => (
    <Suspense fallback={<Loading />}>
        <FlowDraftEdit />
    </Suspense>
);

export default LazyFlowDraftEdit;
