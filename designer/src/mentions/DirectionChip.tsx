import Chip from '@mui/material/Chip';
import { useRecordContext } from 'react-admin';
import type { Mention } from '../types';

export const DirectionChip = () => {
    const record = useRecordContext<Mention>();
    if (!record) return null;
    const outbound = record.direction === 'outbound';
    return (
        <Chip
            size="small"
            variant={outbound ? 'filled' : 'outlined'}
            color={outbound ? 'primary' : 'default'}
            label={outbound ? 'Outbound' : 'Inbound'}
        />
    );
};

export default DirectionChip;
