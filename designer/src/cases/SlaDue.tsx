import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import { DateField, useRecordContext } from 'react-admin';
import { COUNTDOWN_COLORS, slaCountdown } from '../inbox/slaCountdown';
import { useNow } from '../inbox/useNow';
import type { Case } from '../types';
import { humanize, SLA_STATE_COLORS, type SlaTargetState, slaState } from './format';

/**
 * A case's "SLA due", on its page and in the list: the earliest deadline of its running clocks (the API's
 * `sla_due_at`), "Paused" while they wait on the customer, nothing once closed (its outcomes say how it ended).
 */
export const SlaDue = () => {
    const record = useRecordContext<Case>();
    if (!record) return null;
    const state = slaState(record);
    return (
        <Box component="span" data-testid="sla-due" data-state={state} sx={{ display: 'inline-flex', gap: 0.5 }}>
            {state === 'due' ? <DateField source="sla_due_at" showTime /> : state === 'paused' ? 'Paused' : '—'}
            {record.sla_breached && <Chip size="small" color="error" label="Breached" />}
        </Box>
    );
};

/**
 * The list's live SLA column: time left to the case's next deadline, ticking every second, coloured by state
 * (ok, due soon within 30 minutes, overdue, paused while waiting on the customer, met), with the deadline on hover.
 */
export const SlaCountdown = () => {
    const record = useRecordContext<Case>();
    const now = useNow(1_000);
    if (!record) return null;
    const countdown = slaCountdown(record, now);
    const color = COUNTDOWN_COLORS[countdown.state];
    return (
        <Chip
            size="small"
            data-testid="sla-countdown"
            data-state={countdown.state}
            color={color}
            variant={countdown.state === 'ok' || countdown.state === 'met' || countdown.state === 'paused' ? 'outlined' : 'filled'}
            label={countdown.label}
            title={record.sla_due_at ? `Due ${new Date(record.sla_due_at).toLocaleString()}` : undefined}
            sx={{ fontVariantNumeric: 'tabular-nums', maxWidth: 170 }}
        />
    );
};

/** One SLA target's state as a chip, "First response: met" or "Resolution: running, due 02/01/2025, 11:00:00". */
export const SlaTargetChip = ({ label, state, dueAt }: { label: string; state: SlaTargetState; dueAt?: string | null }) => (
    <Chip
        size="small"
        color={SLA_STATE_COLORS[state]}
        variant={state === 'breached' ? 'filled' : 'outlined'}
        label={`${label}: ${humanize(state).toLowerCase()}${dueAt ? `, due ${new Date(dueAt).toLocaleString()}` : ''}`}
        data-outcome={state}
    />
);

export default SlaDue;
