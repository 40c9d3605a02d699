import { Edit, SaveButton, SimpleForm, TextInput, Toolbar } from 'react-admin';
import { changeTeamPayload, validateTeam } from './teamForm';
import type { TeamFormValues, TeamRecord } from './teamForm';
import { TeamFields } from './TeamFields';

const EditToolbar = () => (
    <Toolbar>
        <SaveButton data-testid="team-save" />
    </Toolbar>
);

/** A team's name and how its queue works; members are added and moved on the team's page. */
export const TeamEdit = () => (
    <Edit<TeamRecord>
        mutationMode="pessimistic"
        redirect="show"
        transform={(values: TeamFormValues, options?: { previousData?: Partial<TeamRecord> }) =>
            changeTeamPayload(values, options?.previousData)
        }
    >
        <SimpleForm validate={validateTeam as never} toolbar={<EditToolbar />}>
            <TextInput source="id" readOnly helperText="Routing rules name the team by it; it cannot change" />
            <TeamFields />
        </SimpleForm>
    </Edit>
);

export default TeamEdit;
