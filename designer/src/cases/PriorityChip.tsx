import Chip from '@mui/material/Chip';
import { useRecordContext } from 'react-admin';
import type { Case } from '../types';
import { humanize, priorityColor } from './format';

export const PriorityChip = ({ size = 'small' }: { size?: 'small' | 'medium' }) => {
    const record = useRecordContext<Case>();
    if (!record?.priority) return null;
    return (
        <Chip
            size={size}
            variant="outlined"
            color={priorityColor(record.priority)}
            label={humanize(record.priority)}
            data-testid="case-priority"
        />
    );
};

export default PriorityChip;
