import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import { useRecordContext } from 'react-admin';
import type { Source } from '../types';
import { sourceHealth } from './sourceForm';

const CHIPS = {
    healthy: { color: 'success', label: 'Healthy' },
    unhealthy: { color: 'error', label: 'Unhealthy' },
    pending: { color: 'default', label: 'Not polled yet' },
} as const;

/** A source's health; an unhealthy one shows its last error on hover. */
export const SourceHealthChip = ({ record: explicit }: { record?: Source; label?: string }) => {
    const context = useRecordContext<Source>();
    const record = explicit ?? context;
    if (!record) return null;
    const health = sourceHealth(record);
    const chip = (
        <Chip
            size="small"
            variant={health === 'unhealthy' ? 'filled' : 'outlined'}
            color={CHIPS[health].color}
            label={CHIPS[health].label}
            data-testid="source-health"
            data-health={health}
        />
    );
    if (health !== 'unhealthy' || !record.last_error) return chip;
    return (
        <Tooltip title={record.last_error} describeChild>
            {chip}
        </Tooltip>
    );
};

export default SourceHealthChip;
