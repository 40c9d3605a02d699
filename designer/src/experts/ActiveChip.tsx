import Chip from '@mui/material/Chip';
import { useRecordContext } from 'react-admin';
import type { Expert } from '../types';

/** Only active experts can be asked. */
export const ActiveChip = (_props: { label?: string }) => {
    const record = useRecordContext<Expert>();
    if (!record) return null;
    return record.active ? (
        <Chip size="small" color="success" variant="outlined" label="Active" />
    ) : (
        <Chip size="small" variant="outlined" label="Inactive" />
    );
};

export default ActiveChip;
