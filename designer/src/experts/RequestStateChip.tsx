import Chip from '@mui/material/Chip';
import { useRecordContext } from 'react-admin';
import type { ExpertRequest } from '../types';
import { requestState } from './requests';

const CHIPS = {
    answered: { color: 'success', label: 'Answered' },
    overdue: { color: 'error', label: 'Overdue' },
    waiting: { color: 'info', label: 'Waiting for answer' },
} as const;

/** Whether an expert request was answered, is waiting, or is past its due time. */
export const RequestStateChip = ({ record: explicit }: { record?: ExpertRequest }) => {
    const context = useRecordContext<ExpertRequest>();
    const record = explicit ?? context;
    if (!record) return null;
    const state = requestState(record);
    return (
        <Chip
            size="small"
            variant={state === 'answered' ? 'outlined' : 'filled'}
            color={CHIPS[state].color}
            label={CHIPS[state].label}
            data-testid="expert-request-state"
            data-state={state}
        />
    );
};

export default RequestStateChip;
