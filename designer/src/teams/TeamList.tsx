import Chip from '@mui/material/Chip';
import type { Theme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { CreateButton, DataTable, List, SearchInput, SimpleList, TopToolbar, useRecordContext } from 'react-admin';
import { useCan } from '../auth/useCan';
import { STRATEGY_CHOICES, waitedFor } from './teamForm';
import type { TeamRecord } from './teamForm';

const Column = DataTable.Col<TeamRecord>;

const ListActions = () => {
    const mayCreate = useCan('teams', 'create');
    return <TopToolbar>{mayCreate && <CreateButton label="New team" data-testid="team-create" />}</TopToolbar>;
};

const Waiting = (_props: { label?: string }) => {
    const team = useRecordContext<TeamRecord>();
    if (!team) return null;
    return <Chip size="small" color={team.waiting ? 'warning' : 'default'} variant="outlined" label={team.waiting} data-testid="team-list-waiting" />;
};

const Description = (_props: { label?: string }) => {
    const team = useRecordContext<TeamRecord>();
    return (
        <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 360 }} noWrap title={team?.description}>
            {team?.description}
        </Typography>
    );
};

const strategyName = (strategy: string) => STRATEGY_CHOICES.find(choice => choice.id === strategy)?.name ?? strategy;

/** Teams (queues) with their members, strategy and what waits; below 1200 px the description and department go. */
export const TeamList = () => {
    const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
    const wide = useMediaQuery((theme: Theme) => theme.breakpoints.up('lg'), { defaultMatches: true });
    const medium = useMediaQuery((theme: Theme) => theme.breakpoints.up('md'), { defaultMatches: true });
    return (
        <List<TeamRecord> filters={[<SearchInput key="q" source="q" alwaysOn />]} sort={{ field: 'name', order: 'ASC' }} perPage={25} actions={<ListActions />}>
            {phone ? (
                <SimpleList<TeamRecord>
                    primaryText={team => team.name}
                    secondaryText={team => `${team.members?.length ?? 0} members · ${team.waiting} waiting`}
                    linkType="show"
                />
            ) : (
                <DataTable<TeamRecord> rowClick="show" bulkActionButtons={false}>
                    <Column source="name" />
                    {wide && (
                        <Column source="description" disableSort>
                            <Description />
                        </Column>
                    )}
                    {wide && <Column source="department" />}
                    {medium && <Column source="strategy" render={team => strategyName(team.strategy)} />}
                    <Column source="members" label="Members" disableSort render={team => team.members?.length ?? 0} />
                    <Column source="waiting" label="Waiting" disableSort>
                        <Waiting />
                    </Column>
                    {medium && (
                        <Column source="oldest_waiting_since" label="Oldest waited" disableSort render={team => waitedFor(team.oldest_waiting_since)} />
                    )}
                </DataTable>
            )}
        </List>
    );
};

export default TeamList;
