import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useGetList } from 'react-admin';
import type { Agent } from '../types';

interface AgentSelectProps {
    value: string;
    onChange: (agentId: string) => void;
    disabled?: boolean;
    label?: string;
    testId?: string;
}

/** The agent on whose behalf a reply, a close or a note is sent. */
export const AgentSelect = ({ value, onChange, disabled, label = 'Agent', testId = 'reply-agent' }: AgentSelectProps) => {
    const { data = [] } = useGetList<Agent>('agents', {
        pagination: { page: 1, perPage: 200 },
        sort: { field: 'name', order: 'ASC' },
    });
    // MUI warns about a value without an option, e.g. while the list loads.
    const known = data.some(agent => agent.id === value);
    return (
        <TextField
            select
            size="small"
            label={label}
            value={known ? value : ''}
            onChange={event => onChange(event.target.value)}
            disabled={disabled}
            sx={{ minWidth: 200 }}
            slotProps={{ htmlInput: { 'data-testid': testId } }}
        >
            {data.map(agent => (
                <MenuItem key={agent.id} value={agent.id}>
                    {agent.name}
                    {agent.online ? '' : ' (offline)'}
                </MenuItem>
            ))}
        </TextField>
    );
};

export default AgentSelect;
