import { useGetOne } from 'react-admin';
import { useCan } from '../../auth/useCan';
import type { Flow, FlowDocument } from '../../types';

/**
 * The document of a flow version, to read a decision's conditions as written; undefined until it is loaded, for
 * no version, or for whoever may not read flows. Every event of one version shares the one request.
 */
export const useFlowDocument = (version: string | null): FlowDocument | undefined => {
    const canRead = useCan('flows', 'show');
    const { data } = useGetOne<Flow>('flows', { id: version ?? '' }, { enabled: Boolean(version) && canRead });
    return data?.document;
};
