import { Create, SimpleForm } from 'react-admin';
import { CannedReplyFields } from './CannedReplyFields';
import { createCannedPayload, validateCannedReply } from './cannedReplyForm';
import type { CannedReplyFormValues } from './cannedReplyForm';

/** A new canned reply (ops leads and admins), for everyone or one team, on every channel or some. */
export const CannedReplyCreate = () => (
    <Create title="New canned reply" redirect="list" transform={(values: CannedReplyFormValues) => createCannedPayload(values)}>
        <SimpleForm validate={validateCannedReply as never} defaultValues={{ title: '', text: '', team_id: null, channels: [] }}>
            <CannedReplyFields />
        </SimpleForm>
    </Create>
);

export default CannedReplyCreate;
