import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useGetList } from 'react-admin';
import { formatDuration } from '../cases/format';
import type { Expert } from '../types';

interface ExpertSelectProps {
    value: string;
    onChange: (expertId: string) => void;
    disabled?: boolean;
}

/** An active expert, with their department and how fast they answer. */
export const ExpertSelect = ({ value, onChange, disabled }: ExpertSelectProps) => {
    const { data = [] } = useGetList<Expert>('experts', {
        pagination: { page: 1, perPage: 200 },
        sort: { field: 'name', order: 'ASC' },
        filter: { active: true },
    });
    // MUI warns about a value without an option, e.g. while the list loads.
    const known = data.some(expert => expert.id === value);
    return (
        <TextField
            select
            size="small"
            label="Expert"
            value={known ? value : ''}
            onChange={event => onChange(event.target.value)}
            disabled={disabled}
            sx={{ minWidth: 280 }}
            slotProps={{ htmlInput: { 'data-testid': 'ask-expert-select' } }}
        >
            {data.map(expert => (
                <MenuItem key={expert.id} value={expert.id}>
                    {`${expert.name}${expert.department ? ` · ${expert.department}` : ''}`}
                    {` (answers within ${formatDuration(expert.response_seconds)})`}
                </MenuItem>
            ))}
        </TextField>
    );
};

export default ExpertSelect;
