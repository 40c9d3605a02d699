import Typography from '@mui/material/Typography';
import {
    ArrayInput,
    BooleanInput,
    Edit,
    NumberInput,
    ReferenceInput,
    SaveButton,
    SelectInput,
    SimpleForm,
    SimpleFormIterator,
    TextArrayInput,
    TextInput,
    Toolbar,
    useGetList,
    useNotify,
    useRedirect,
    useRecordContext,
} from 'react-admin';
import { useCan } from '../auth/useCan';
import { changeAgentPayload, SKILL_LEVELS, toFormValues, validateAgent } from './agentForm';
import type { AgentFormValues, AgentProfile } from './agentForm';

const EditToolbar = () => (
    <Toolbar>
        <SaveButton data-testid="agent-save" />
    </Toolbar>
);

/** Channels are the sources' ids; someone who may not read sources types the id. */
const useChannels = () => {
    const canRead = useCan('sources', 'list');
    const { data } = useGetList(
        'sources',
        { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } },
        { enabled: canRead },
    );
    return canRead && data ? data.map(source => ({ id: source.id, name: source.name || source.id })) : null;
};

const ChannelInput = ({ choices }: { choices: { id: string; name: string }[] | null }) =>
    choices ? (
        <SelectInput source="channel" choices={choices} label="Channel" helperText={false} sx={{ minWidth: 180 }} />
    ) : (
        <TextInput source="channel" label="Channel" helperText="A source's id, e.g. twitter" />
    );

const AgentForm = () => {
    const record = useRecordContext<AgentProfile>();
    const channels = useChannels();
    const mayMove = useCan('agents', 'move');
    if (!record) return null;
    return (
        <SimpleForm record={toFormValues(record)} validate={validateAgent as never} toolbar={<EditToolbar />}>
            <Typography variant="h6">{record.name}</Typography>
            <Typography variant="body2" color="text.secondary" gutterBottom>
                {record.email} · {record.open_cases} open case{record.open_cases === 1 ? '' : 's'} now
            </Typography>
            <BooleanInput
                source="online"
                label="Online"
                helperText="Offline: no new work; their unstarted cases go back to the queue"
                data-testid="agent-online-input"
            />
            <ReferenceInput source="team_id" reference="teams" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
                <SelectInput
                    optionText="name"
                    label="Team"
                    readOnly={!mayMove}
                    helperText={
                        mayMove
                            ? 'The queue they take work from; cases they hold stay theirs'
                            : 'Moving an agent to another team takes teams:manage'
                    }
                    data-testid="agent-team-input"
                />
            </ReferenceInput>
            <NumberInput
                source="capacity"
                label="Capacity (open cases at once)"
                step={1}
                helperText="Over all channels; 0 takes nothing"
                slotProps={{ htmlInput: { 'data-testid': 'agent-capacity-input' } }}
            />
            <ArrayInput source="channel_capacity" label="Capacity per channel" helperText="Optional caps within the total">
                <SimpleFormIterator inline disableReordering data-testid="agent-channel-capacity">
                    <ChannelInput choices={channels} />
                    <NumberInput source="capacity" label="Most at once" step={1} helperText={false} />
                </SimpleFormIterator>
            </ArrayInput>
            <ArrayInput source="skills" label="Skills" helperText="Cases needing a skill go to agents with it at that level or above">
                <SimpleFormIterator inline disableReordering data-testid="agent-skills">
                    <TextInput source="skill" label="Skill" helperText={false} />
                    <SelectInput source="level" label="Level" choices={SKILL_LEVELS} helperText={false} sx={{ minWidth: 150 }} />
                </SimpleFormIterator>
            </ArrayInput>
            <TextArrayInput
                source="languages"
                label="Languages"
                helperText="Language tags (en, fr, pt-BR), Enter after each; none: any language"
                data-testid="agent-languages-input"
            />
            <TextArrayInput
                source="channels"
                label="Channels served"
                helperText={`None: every channel${channels ? ` (${channels.map(c => c.id).join(', ')})` : ''}`}
            />
        </SimpleForm>
    );
};

/** Presence, capacity (total and per channel), skills with levels, languages and team; pessimistic, so the API's
 * refusals land on their fields and routing has dispatched before the page says saved. */
export const AgentEdit = () => {
    const notify = useNotify();
    const redirect = useRedirect();
    return (
        <Edit<AgentProfile>
            mutationMode="pessimistic"
            mutationOptions={{
                onSuccess: (agent: AgentProfile) => {
                    notify(`${agent.name} saved: routing uses the new settings now`, { type: 'success' });
                    redirect('show', 'agents', agent.id);
                },
            }}
            transform={(values: AgentFormValues, options?: { previousData?: Partial<AgentProfile> }) =>
                changeAgentPayload(values, options?.previousData)
            }
        >
            <AgentForm />
        </Edit>
    );
};

export default AgentEdit;
