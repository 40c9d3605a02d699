import { Edit, SaveButton, SimpleForm, TextInput, Toolbar, useNotify, useRedirect } from 'react-admin';
import { changeTeamPayload, validateTeam } from './teamForm';
import type { TeamFormValues, TeamRecord } from './teamForm';
import { TeamFields } from './TeamFields';

const EditToolbar = () => (
    <Toolbar>
        <SaveButton data-testid="team-save" />
    </Toolbar>
);

/** A team's name and how its queue works; members are added and moved on the team's page. */
export const TeamEdit = () => {
    const notify = useNotify();
    const redirect = useRedirect();
    return (
        <Edit<TeamRecord>
            mutationMode="pessimistic"
            mutationOptions={{
                onSuccess: (team: TeamRecord) => {
                    notify(`${team.name} saved`, { type: 'success' });
                    redirect('show', 'teams', team.id);
                },
            }}
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
};

export default TeamEdit;
