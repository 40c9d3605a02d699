import AuditIcon from '@mui/icons-material/Policy';
import type { AuditEntry } from '../types';
import { lazyPage } from '../common/lazyPage';

const AuditEntryList = lazyPage(() => import('./AuditEntryList'), m => m.AuditEntryList);
const AuditEntryShow = lazyPage(() => import('./AuditEntryShow'), m => m.AuditEntryShow);

export default {
    list: AuditEntryList,
    show: AuditEntryShow,
    icon: AuditIcon,
    options: { label: 'Audit log' },
    recordRepresentation: (record: AuditEntry) => `Entry ${record.id}`,
};
