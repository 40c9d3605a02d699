import Chip from '@mui/material/Chip';
import type { ChipProps } from '@mui/material/Chip';
import { useRecordContext } from 'react-admin';
import { roleLabel } from '../auth/access';
import type { Role } from '../auth/access';
import type { User } from '../types';

const COLORS: Record<Role, ChipProps['color']> = {
    admin: 'error',
    ops_lead: 'warning',
    supervisor: 'secondary',
    agent: 'primary',
    auditor: 'default',
};

/** A user's role, coloured by how much it may do. */
export const RoleChip = (_props: { label?: string }) => {
    const record = useRecordContext<User>();
    if (!record) return null;
    return (
        <Chip
            size="small"
            variant="outlined"
            color={COLORS[record.role] ?? 'default'}
            label={roleLabel(record.role)}
            data-testid="user-role-chip"
            data-role={record.role}
        />
    );
};

export default RoleChip;
