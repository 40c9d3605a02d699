import { Edit } from 'react-admin';
import { DraftEditor } from './DraftEditor';

export const FlowDraftEdit = () => (
    <Edit actions={false} queryOptions={{ refetchOnWindowFocus: false }}>
        <DraftEditor />
    </Edit>
);

export default FlowDraftEdit;
