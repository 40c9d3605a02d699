import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useDataProvider, useGetList, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useCan } from '../auth/useCan';
import type { AgentProfile } from '../agents/agentForm';
import type { SwitchboardDataProvider } from '../dataProvider';
import type { TeamRecord } from './teamForm';

/**
 * The team's agents; those who may manage teams add agents (who leave their team) and move members to another
 * team (an agent works in exactly one, so "remove" means "move to").
 */
export const TeamMembers = () => {
    const team = useRecordContext<TeamRecord>();
    const mayManage = useCan('teams', 'edit');
    const dataProvider = useDataProvider<SwitchboardDataProvider>();
    const notify = useNotify();
    const refresh = useRefresh();
    const [adding, setAdding] = useState<AgentProfile | null>(null);
    const [moveTo, setMoveTo] = useState<Record<string, string>>({});
    const [busy, setBusy] = useState(false);
    const agents = useGetList<AgentProfile>('agents', {
        pagination: { page: 1, perPage: 500 },
        sort: { field: 'name', order: 'ASC' },
    });
    const teams = useGetList<TeamRecord>('teams', {
        pagination: { page: 1, perPage: 200 },
        sort: { field: 'name', order: 'ASC' },
    });
    if (!team) return null;
    const members = (agents.data ?? []).filter(agent => agent.team_id === team.id);
    const others = (agents.data ?? []).filter(agent => agent.team_id !== team.id);
    const otherTeams = (teams.data ?? []).filter(other => other.id !== team.id);
    const teamName = (id: string) => teams.data?.find(other => other.id === id)?.name ?? id;

    const run = async (action: () => Promise<unknown>, done: string) => {
        setBusy(true);
        try {
            await action();
            notify(done, { type: 'success' });
            refresh();
        } catch (error) {
            notify(error instanceof Error ? error.message : String(error), { type: 'error' });
        } finally {
            setBusy(false);
        }
    };

    return (
        <Box data-testid="team-members">
            {members.length === 0 && (
                <Typography variant="body2" color="text.secondary">
                    No agents yet: cases routed here wait until one joins.
                </Typography>
            )}
            <List dense disablePadding>
                {members.map(agent => (
                    <ListItem
                        key={agent.id}
                        disableGutters
                        data-testid="team-member"
                        data-agent={agent.id}
                        sx={{ flexWrap: 'wrap', gap: 1 }}
                        secondaryAction={undefined}
                    >
                        <ListItemText
                            sx={{ minWidth: 160, flex: '1 1 160px' }}
                            primary={<Link href={`#/agents/${encodeURIComponent(agent.id)}/show`}>{agent.name}</Link>}
                            secondary={`${agent.open_cases} / ${agent.capacity} open`}
                        />
                        <Chip size="small" color={agent.online ? 'success' : 'default'} variant={agent.online ? 'filled' : 'outlined'} label={agent.online ? 'Online' : 'Offline'} />
                        {mayManage && (
                            <Stack direction="row" gap={1} alignItems="center">
                                <TextField
                                    select
                                    size="small"
                                    label="Move to"
                                    value={moveTo[agent.id] ?? ''}
                                    onChange={event => setMoveTo({ ...moveTo, [agent.id]: event.target.value })}
                                    sx={{ minWidth: 160 }}
                                    slotProps={{ htmlInput: { 'data-testid': `move-${agent.id}` } }}
                                >
                                    {otherTeams.map(other => (
                                        <MenuItem key={other.id} value={other.id}>
                                            {other.name}
                                        </MenuItem>
                                    ))}
                                </TextField>
                                <Button
                                    size="small"
                                    disabled={busy || !moveTo[agent.id]}
                                    data-testid={`remove-${agent.id}`}
                                    onClick={() =>
                                        run(
                                            () => dataProvider.removeTeamMember(team.id, agent.id, moveTo[agent.id]),
                                            `${agent.name} moved to ${teamName(moveTo[agent.id])}`,
                                        )
                                    }
                                >
                                    Remove
                                </Button>
                            </Stack>
                        )}
                    </ListItem>
                ))}
            </List>
            {mayManage && (
                <Stack gap={1} alignItems="flex-start" sx={{ mt: 1 }}>
                    <Autocomplete
                        options={others}
                        value={adding}
                        onChange={(_event, value) => setAdding(value)}
                        getOptionLabel={agent => `${agent.name} (${teamName(agent.team_id)})`}
                        isOptionEqualToValue={(a, b) => a.id === b.id}
                        sx={{ width: '100%', maxWidth: 360 }}
                        size="small"
                        renderInput={params => <TextField {...params} label="Add an agent" data-testid="team-add-member-input" />}
                    />
                    <Button
                        variant="outlined"
                        size="small"
                        disabled={busy || !adding}
                        data-testid="team-add-member"
                        sx={{ whiteSpace: 'nowrap' }}
                        onClick={() =>
                            adding &&
                            run(async () => {
                                await dataProvider.addTeamMember(team.id, adding.id);
                                setAdding(null);
                            }, `${adding.name} joined ${team.name}`)
                        }
                    >
                        Add member
                    </Button>
                </Stack>
            )}
        </Box>
    );
};

export default TeamMembers;
