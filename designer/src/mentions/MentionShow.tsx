import { DateField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { DirectionChip } from './DirectionChip';

export const MentionShow = () => (
    <Show>
        <SimpleShowLayout>
            <TextField source="author" />
            <ReferenceField source="customer_id" reference="customers" link="show" emptyText="—" label="Customer" />
            <DirectionChip />
            <TextField source="text" sx={{ whiteSpace: 'pre-wrap' }} />
            <ReferenceField source="case_id" reference="cases" link="show" emptyText="—" />
            <TextField source="source" />
            <TextField source="external_id" label="External id" />
            <TextField source="conversation_id" label="Conversation" />
            <ReferenceField source="reply_to_id" reference="mentions" link="show" emptyText="—" label="Reply to" />
            <DateField source="created_at" showTime />
            <DateField source="received_at" showTime />
        </SimpleShowLayout>
    </Show>
);

export default MentionShow;
