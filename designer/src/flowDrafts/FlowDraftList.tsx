import Chip from '@mui/material/Chip';
import { DataTable, DateField, List, ReferenceField, useRecordContext } from 'react-admin';
import { useCan } from '../auth/useCan';
import type { FlowDraft } from '../types';

const Column = DataTable.Col<FlowDraft>;

type ListedDraft = FlowDraft & { published_version?: string | null; published_active?: boolean };

/** Published: the draft's document is a published version (versions are content-addressed), maybe the active one. */
const PublishedChip = () => {
    const record = useRecordContext<ListedDraft>();
    if (!record?.published_version) return <Chip size="small" variant="outlined" label="Draft" />;
    return (
        <Chip
            size="small"
            color={record.published_active ? 'success' : 'default'}
            label={record.published_active ? 'Published, active' : 'Published'}
            title={`version ${record.published_version}`}
            data-testid="flow-draft-published-chip"
        />
    );
};

/** Drafts, latest first; a row opens the editor for those who may edit flows (`flows:write`). */
export const FlowDraftList = () => {
    const canEdit = useCan('flow_drafts', 'edit');
    return (
        <List<FlowDraft> sort={{ field: 'updated_at', order: 'DESC' }} perPage={25}>
            <DataTable<FlowDraft> rowClick={canEdit ? 'edit' : false} bulkActionButtons={false}>
                <Column source="name" />
                <Column source="published_version" label="Status" disableSort>
                    <PublishedChip />
                </Column>
                <Column source="based_on" label="Based on" disableSort>
                    <ReferenceField source="based_on" reference="flows" link="show" emptyText="—" />
                </Column>
                <Column source="updated_at" label="Updated">
                    <DateField source="updated_at" showTime emptyText="—" />
                </Column>
            </DataTable>
        </List>
    );
};

export default FlowDraftList;
