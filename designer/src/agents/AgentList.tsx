import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import type { Theme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import {
    DataTable,
    EmailField,
    List,
    NullableBooleanInput,
    ReferenceField,
    ReferenceInput,
    SearchInput,
    SelectInput,
    SimpleList,
    useRecordContext,
} from 'react-admin';
import type { AgentProfile } from './agentForm';
import { OnlineChip } from './OnlineChip';

const Column = DataTable.Col<AgentProfile>;

const agentFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <ReferenceInput key="team_id" source="team_id" reference="teams" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
        <SelectInput optionText="name" label="Team" />
    </ReferenceInput>,
    <NullableBooleanInput key="online" source="online" />,
];

/** Load against capacity, "3 / 5". */
const LoadField = (_props: { label?: string }) => {
    const record = useRecordContext<AgentProfile>();
    if (!record) return null;
    const full = record.open_cases >= record.capacity;
    return (
        <Chip
            size="small"
            variant="outlined"
            color={full ? 'warning' : 'default'}
            label={`${record.open_cases} / ${record.capacity}`}
            data-testid="agent-load"
        />
    );
};

const SkillsField = (_props: { label?: string }) => {
    const record = useRecordContext<AgentProfile>();
    const skills = Object.entries(record?.skills ?? {}).sort((a, b) => b[1] - a[1]);
    return (
        <Stack direction="row" gap={0.5} flexWrap="wrap">
            {skills.map(([skill, level]) => (
                <Chip key={skill} size="small" label={`${skill} · ${level}`} />
            ))}
        </Stack>
    );
};

/**
 * Agents with their presence, load against capacity and skills; a row opens the agent. Below 1200 px the email and
 * languages go, below 900 px (a tablet, with the menu open) the team and skills; on a phone, a simple list.
 */
export const AgentList = () => {
    const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
    const wide = useMediaQuery((theme: Theme) => theme.breakpoints.up('lg'), { defaultMatches: true });
    const medium = useMediaQuery((theme: Theme) => theme.breakpoints.up('md'), { defaultMatches: true });
    return (
        <List<AgentProfile> filters={agentFilters} sort={{ field: 'name', order: 'ASC' }} perPage={25}>
            {phone ? (
                <SimpleList<AgentProfile>
                    primaryText={record => record.name}
                    secondaryText={record => `${record.online ? 'Online' : 'Offline'} · ${record.open_cases} / ${record.capacity} open`}
                    tertiaryText={record => record.team_id}
                    linkType="show"
                />
            ) : (
                <DataTable<AgentProfile> rowClick="show" bulkActionButtons={false}>
                    <Column source="name" />
                    {wide && (
                        <Column source="email">
                            <EmailField source="email" />
                        </Column>
                    )}
                    {medium && (
                        <Column source="team_id" label="Team">
                            <ReferenceField source="team_id" reference="teams" link={false} />
                        </Column>
                    )}
                    <Column source="online">
                        <OnlineChip />
                    </Column>
                    <Column source="capacity" label="Load">
                        <LoadField />
                    </Column>
                    {medium && (
                        <Column source="skills" label="Skills" disableSort>
                            <SkillsField />
                        </Column>
                    )}
                    {wide && (
                        <Column source="languages" label="Languages" disableSort>
                            <Lang />
                        </Column>
                    )}
                </DataTable>
            )}
        </List>
    );
};

const Lang = () => {
    const record = useRecordContext<AgentProfile>();
    return <>{record?.languages?.length ? record.languages.join(', ') : 'Any'}</>;
};

export default AgentList;
