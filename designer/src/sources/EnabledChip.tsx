import Chip from '@mui/material/Chip';
import { useRecordContext } from 'react-admin';
import type { Source } from '../types';

/** A disabled source takes no mentions and is not polled. */
export const EnabledChip = (_props: { label?: string }) => {
    const record = useRecordContext<Source>();
    if (!record) return null;
    return record.enabled ? (
        <Chip size="small" color="success" variant="outlined" label="Enabled" data-testid="source-enabled" />
    ) : (
        <Chip size="small" variant="outlined" label="Disabled" data-testid="source-enabled" />
    );
};

export default EnabledChip;
