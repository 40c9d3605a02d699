import { EmailField, NumberField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { RelatedCases } from '../cases/RelatedCases';
import { OnlineChip } from './OnlineChip';

export const AgentShow = () => (
    <Show>
        <SimpleShowLayout>
            <TextField source="name" />
            <EmailField source="email" />
            <ReferenceField source="team_id" reference="teams" label="Team" />
            <OnlineChip />
            <NumberField source="open_cases" label="Open cases" />
            <RelatedCases target="assignee_id" label="Assigned cases" />
        </SimpleShowLayout>
    </Show>
);

export default AgentShow;
