import AuditIcon from '@mui/icons-material/Policy';
import type { AuditEntry } from '../types';
import { AuditEntryList } from './AuditEntryList';
import { AuditEntryShow } from './AuditEntryShow';

export default {
    list: AuditEntryList,
    show: AuditEntryShow,
    icon: AuditIcon,
    options: { label: 'Audit log' },
    recordRepresentation: (record: AuditEntry) => `Entry ${record.id}`,
};
