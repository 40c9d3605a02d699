import CaseIcon from '@mui/icons-material/SupportAgent';
import type { Case } from '../types';
import { lazyPage } from '../common/lazyPage';

const CaseList = lazyPage(() => import('./CaseList'), m => m.CaseList);
const CaseShow = lazyPage(() => import('./CaseShow'), m => m.CaseShow);

export default {
    list: CaseList,
    show: CaseShow,
    icon: CaseIcon,
    recordRepresentation: (record: Case) => record.subject || `Case ${record.id}`,
};
