import { lazy, Suspense } from 'react';
import { Loading } from 'react-admin';

// React Flow and its stylesheet only load when a flow is opened.
const FlowShow = lazy(() => import('./FlowShow'));

export const LazyFlowShow = () => (
    <Suspense fallback={<Loading />}>
        <FlowShow />
    </Suspense>
);

export default LazyFlowShow;
