import { Create, required, SimpleForm, TextInput } from 'react-admin';
import type { FlowDocument } from '../types';

const EMPTY_DOCUMENT: FlowDocument = { nodes: [], edges: [] };

/** A new, empty draft; usually drafts start from a flow's "Edit as draft" button. */
export const FlowDraftCreate = () => (
    <Create
        redirect="edit"
        transform={(data: { name: string }) => ({ name: data.name, document: EMPTY_DOCUMENT })}
    >
        <SimpleForm>
            <TextInput source="name" validate={required()} />
        </SimpleForm>
    </Create>
);

export default FlowDraftCreate;
