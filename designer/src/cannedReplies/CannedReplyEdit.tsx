import Typography from '@mui/material/Typography';
import { DeleteButton, Edit, SaveButton, SimpleForm, Toolbar, useRecordContext } from 'react-admin';
import type { CannedReply } from '../types';
import { CannedReplyFields } from './CannedReplyFields';
import { changeCannedPayload, validateCannedReply } from './cannedReplyForm';
import type { CannedReplyFormValues } from './cannedReplyForm';

const EditToolbar = () => (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
        <SaveButton data-testid="canned-save" />
        <DeleteButton mutationMode="pessimistic" data-testid="canned-delete" />
    </Toolbar>
);

const LastChange = () => {
    const record = useRecordContext<CannedReply>();
    if (!record) return null;
    return (
        <Typography variant="caption" color="text.secondary" sx={{ mb: 1 }} data-testid="canned-last-change">
            Last changed by {record.updated_by} on {new Date(record.updated_at).toLocaleString()}
        </Typography>
    );
};

const PageTitle = () => {
    const record = useRecordContext<CannedReply>();
    return <span>Canned reply{record ? `: ${record.title}` : ''}</span>;
};

/** A canned reply's title, text, team and channels; or its removal. */
export const CannedReplyEdit = () => (
    <Edit<CannedReply>
        title={<PageTitle />}
        mutationMode="pessimistic"
        redirect="list"
        transform={(values: CannedReplyFormValues) => changeCannedPayload(values)}
    >
        <SimpleForm validate={validateCannedReply as never} toolbar={<EditToolbar />}>
            <LastChange />
            <CannedReplyFields />
        </SimpleForm>
    </Edit>
);

export default CannedReplyEdit;
