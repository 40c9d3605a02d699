import {
    DataTable,
    DateField,
    EmailField,
    FunctionField,
    ReferenceField,
    ReferenceManyField,
    Show,
    SimpleShowLayout,
    TextField,
} from 'react-admin';
import { useCan } from '../auth/useCan';
import { formatDuration } from '../cases/format';
import type { Expert, ExpertRequest } from '../types';
import { ActiveChip } from './ActiveChip';
import { RequestStateChip } from './RequestStateChip';

const Column = DataTable.Col<ExpertRequest>;

/**
 * What the expert was asked, newest first; a row opens the case (where whoever may work it copies the expert's
 * link: the request's own page needs the link's token).
 */
const ExpertRequests = ({ label = 'Requests' }: { label?: string }) => (
    <ReferenceManyField<Expert, ExpertRequest>
        label={label}
        reference="expert-requests"
        target="expert_id"
        sort={{ field: 'asked_at', order: 'DESC' }}
        perPage={25}
    >
        <DataTable<ExpertRequest>
            rowClick={(_id, _resource, record) => `/cases/${encodeURIComponent(String(record.case_id))}/show`}
            bulkActionButtons={false}
            empty={<span>No requests yet.</span>}
        >
            <Column source="state" label="State" disableSort>
                <RequestStateChip />
            </Column>
            <Column source="case_id" label="Case" disableSort>
                <ReferenceField source="case_id" reference="cases" link="show" />
            </Column>
            <Column source="question" disableSort />
            <Column source="asked_at" label="Asked">
                <DateField source="asked_at" showTime />
            </Column>
            <Column source="due_at" label="Due">
                <DateField source="due_at" showTime />
            </Column>
        </DataTable>
    </ReferenceManyField>
);

export const ExpertShow = () => {
    // Ops leads read experts but not the requests sent to them.
    const canReadRequests = useCan('expert-requests', 'list');
    return (
        <Show>
            <SimpleShowLayout>
                <TextField source="name" />
                <EmailField source="email" />
                <TextField source="department" />
                <FunctionField<Expert> label="Answers within" render={record => formatDuration(record.response_seconds)} />
                <ActiveChip label="Active" />
                {canReadRequests && <ExpertRequests label="Requests" />}
            </SimpleShowLayout>
        </Show>
    );
};

export default ExpertShow;
