import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { EditButton, Show, TopToolbar, useRecordContext } from 'react-admin';
import { useCan } from '../auth/useCan';
import { STRATEGY_CHOICES, waitedFor } from './teamForm';
import type { TeamRecord } from './teamForm';
import { TeamMembers } from './TeamMembers';
import { TeamQueue } from './TeamQueue';

const ShowActions = () => {
    const mayEdit = useCan('teams', 'edit');
    return <TopToolbar>{mayEdit && <EditButton label="Edit team" data-testid="team-edit" />}</TopToolbar>;
};

const Summary = () => {
    const team = useRecordContext<TeamRecord>();
    if (!team) return null;
    const strategy = STRATEGY_CHOICES.find(choice => choice.id === team.strategy);
    return (
        <Stack gap={1}>
            <Typography variant="h5" data-testid="team-name">
                {team.name}
            </Typography>
            {team.description && <Typography color="text.secondary">{team.description}</Typography>}
            <Stack direction="row" gap={1} flexWrap="wrap">
                {team.department && <Chip size="small" variant="outlined" label={team.department} />}
                <Chip size="small" variant="outlined" label={strategy ? strategy.name : team.strategy} title={strategy?.help} />
                {team.allow_pull && <Chip size="small" variant="outlined" label="Agents may pull" />}
                <Chip size="small" variant="outlined" label={`Id: ${team.id}`} />
            </Stack>
            <Stack direction="row" gap={1} flexWrap="wrap" data-testid="team-queue-summary">
                <Chip
                    color={team.waiting ? 'warning' : 'success'}
                    label={`${team.waiting} waiting`}
                    data-testid="team-waiting"
                    data-waiting={team.waiting}
                />
                {team.oldest_waiting_since && <Chip variant="outlined" label={`Oldest waited ${waitedFor(team.oldest_waiting_since)}`} />}
            </Stack>
        </Stack>
    );
};

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
    <Card variant="outlined" sx={{ height: '100%' }}>
        <CardContent>
            <Typography variant="h6" gutterBottom>
                {title}
            </Typography>
            {children}
        </CardContent>
    </Card>
);

/** A team: its settings, its members (added and moved by those who manage teams) and its queue, oldest first. */
export const TeamShow = () => (
    <Show actions={<ShowActions />}>
        <Stack gap={2} sx={{ p: 2 }}>
            <Summary />
            <Grid container spacing={2}>
                <Grid size={{ xs: 12, lg: 4 }}>
                    <Section title="Members">
                        <TeamMembers />
                    </Section>
                </Grid>
                <Grid size={{ xs: 12, lg: 8 }}>
                    <Section title="Queue">
                        <TeamQueue />
                    </Section>
                </Grid>
            </Grid>
        </Stack>
    </Show>
);

export default TeamShow;
