import Chip from '@mui/material/Chip';
import { useRecordContext } from 'react-admin';
import type { Subscription } from '../types';

/** Paused (by someone, or after failing), failing (retrying), or healthy. */
export const subscriptionHealth = (record: Subscription): { label: string; color: 'success' | 'warning' | 'error' | 'default' } => {
    if (!record.active) return { label: record.healthy ? 'Paused' : 'Paused: failing', color: record.healthy ? 'default' : 'error' };
    if (!record.healthy) return { label: 'Unhealthy', color: 'error' };
    if (record.consecutive_failures > 0) return { label: 'Retrying', color: 'warning' };
    return { label: 'Healthy', color: 'success' };
};

export const HealthChip = (_props: { label?: string }) => {
    const record = useRecordContext<Subscription>();
    if (!record) return null;
    const { label, color } = subscriptionHealth(record);
    return <Chip size="small" label={label} color={color} data-testid="subscription-health" title={record.paused_reason ?? undefined} />;
};

export default HealthChip;
