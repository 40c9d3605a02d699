import { Show, SimpleShowLayout, TextField } from 'react-admin';
import { RelatedCases } from '../cases/RelatedCases';

export const TeamShow = () => (
    <Show>
        <SimpleShowLayout>
            <TextField source="name" />
            <TextField source="description" />
            <RelatedCases target="team_id" label="Team cases" />
        </SimpleShowLayout>
    </Show>
);

export default TeamShow;
