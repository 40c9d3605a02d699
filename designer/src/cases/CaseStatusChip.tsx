import Chip from '@mui/material/Chip';
import { useRecordContext } from 'react-admin';
import type { Case } from '../types';
import { humanize, statusColor } from './format';

interface CaseStatusChipProps {
    /** Overrides the record from context, e.g. right after an action. */
    status?: Case['status'];
    size?: 'small' | 'medium';
    'data-testid'?: string;
}

/** Status of a case as a coloured chip; the closing reason is shown next to "closed". */
export const CaseStatusChip = ({ status, size = 'small', 'data-testid': testId = 'case-status' }: CaseStatusChipProps) => {
    const record = useRecordContext<Case>();
    const value = status ?? record?.status;
    if (!value) return null;
    const reason = value === 'closed' && record?.close_reason ? ` · ${humanize(record.close_reason)}` : '';
    return (
        <Chip
            size={size}
            color={statusColor(value)}
            variant={value === 'closed' ? 'outlined' : 'filled'}
            label={`${humanize(value)}${reason}`}
            data-testid={testId}
            data-status={value}
        />
    );
};

export default CaseStatusChip;
