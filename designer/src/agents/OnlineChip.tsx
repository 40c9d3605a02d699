import Chip from '@mui/material/Chip';
import { useRecordContext } from 'react-admin';
import type { Agent } from '../types';

export const OnlineChip = () => {
    const record = useRecordContext<Agent>();
    if (!record) return null;
    return record.online ? (
        <Chip size="small" color="success" label="Online" />
    ) : (
        <Chip size="small" variant="outlined" label="Offline" />
    );
};

export default OnlineChip;
