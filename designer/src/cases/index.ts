import CaseIcon from '@mui/icons-material/SupportAgent';
import type { Case } from '../types';
import { CaseList } from './CaseList';
import { CaseShow } from './CaseShow';

export default {
    list: CaseList,
    show: CaseShow,
    icon: CaseIcon,
    recordRepresentation: (record: Case) => record.subject || `Case ${record.id}`,
};
