import { DataTable, DateField, List, TextInput } from 'react-admin';
import type { AuditEntry } from '../types';
import { AuditAction, AuditActor, AuditTarget, EntryNumber } from './AuditFields';
import { AuditIntegrity } from './AuditIntegrity';

const Column = DataTable.Col<AuditEntry>;

// The API matches each filter exactly (an actor's id, `user.change`, `case`, a case's id).
const auditFilters = [
    <TextInput key="actor" source="actor" alwaysOn helperText={false} />,
    <TextInput key="action" source="action" alwaysOn helperText={false} placeholder="e.g. user.change" />,
    <TextInput key="target_type" source="target_type" label="Target type" alwaysOn helperText={false} placeholder="e.g. case" />,
    <TextInput key="target_id" source="target_id" label="Target id" alwaysOn helperText={false} />,
];

/** Who changed what, newest first (auditors and admins); a row opens the entry with what changed. */
export const AuditEntryList = () => (
    <>
        <AuditIntegrity />
        <List<AuditEntry>
            title="Audit log"
            filters={auditFilters}
            sort={{ field: 'id', order: 'DESC' }}
            perPage={50}
            empty={false}
        >
            <DataTable<AuditEntry> rowClick="show" bulkActionButtons={false}>
                <Column source="id" label="#">
                    <EntryNumber />
                </Column>
                <Column source="at" label="Time">
                    <DateField source="at" showTime />
                </Column>
                <Column source="actor">
                    <AuditActor />
                </Column>
                <Column source="action">
                    <AuditAction />
                </Column>
                <Column source="target_type" label="Target" disableSort>
                    <AuditTarget />
                </Column>
            </DataTable>
        </List>
    </>
);

export default AuditEntryList;
