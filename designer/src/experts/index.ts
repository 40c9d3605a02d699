import ExpertIcon from '@mui/icons-material/Psychology';
import type { Expert } from '../types';
import { lazyPage } from '../common/lazyPage';

const ExpertList = lazyPage(() => import('./ExpertList'), m => m.ExpertList);
const ExpertShow = lazyPage(() => import('./ExpertShow'), m => m.ExpertShow);

export default {
    list: ExpertList,
    show: ExpertShow,
    icon: ExpertIcon,
    recordRepresentation: (record: Expert) => record.name,
};
