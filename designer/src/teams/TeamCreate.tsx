import { AutocompleteArrayInput, Create, ReferenceArrayInput, SimpleForm, TextInput } from 'react-admin';
import { createTeamPayload, validateTeam } from './teamForm';
import type { TeamFormValues } from './teamForm';
import { TeamFields } from './TeamFields';

/** A new team (a queue routing rules may send cases to) and the agents who move into it. */
export const TeamCreate = () => (
    <Create redirect="show" transform={(values: TeamFormValues) => createTeamPayload(values)}>
        <SimpleForm validate={validateTeam as never} defaultValues={{ strategy: 'round_robin', allow_pull: false, claim_idle_seconds: 900, relax_optional_after_seconds: 120 }}>
            <TeamFields />
            <TextInput source="id" label="Id" helperText="Routing rules name the team by it; empty: made from the name" />
            <ReferenceArrayInput source="members" reference="agents" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
                <AutocompleteArrayInput
                    optionText="name"
                    label="Members"
                    helperText="Agents who move to this team (an agent works in one team)"
                    data-testid="team-members-input"
                />
            </ReferenceArrayInput>
        </SimpleForm>
    </Create>
);

export default TeamCreate;
