import { useQuery } from '@tanstack/react-query';
import { useSwitchboardDataProvider } from '../dataProvider';
import type { FlowField, StageFields } from '../rules/builder/fields';

/** The fields the rules of each stage read (GET /api/flows/fields), fetched once per session. */
export const useFlowFields = (stage: string | undefined): FlowField[] => {
    const dataProvider = useSwitchboardDataProvider();
    const { data } = useQuery({
        queryKey: ['flows', 'fields'],
        queryFn: async () => (await dataProvider.flowFields()).data as { stages: StageFields[] },
        staleTime: 5 * 60_000,
    });
    return data?.stages.find(item => item.stage === stage)?.fields ?? [];
};
