import Chip from '@mui/material/Chip';
import { useRecordContext } from 'react-admin';
import type { Conversation } from '../types';

/** Actionable: triage found a mention in it that needs a response (so it has a case). */
export const ActionableChip = (_props: { label?: string }) => {
    const record = useRecordContext<Conversation>();
    if (!record) return null;
    return (
        <Chip
            size="small"
            variant={record.actionable ? 'filled' : 'outlined'}
            color={record.actionable ? 'warning' : 'default'}
            label={record.actionable ? 'Actionable' : 'No action'}
            data-testid="conversation-actionable"
            data-actionable={record.actionable}
        />
    );
};

export default ActionableChip;
