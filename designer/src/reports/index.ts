import ReportIcon from '@mui/icons-material/AssessmentOutlined';
import { lazyPage } from '../common/lazyPage';
import type { SavedReport } from '../types';

const ReportList = lazyPage(() => import('./ReportList'), m => m.ReportList);
const ReportShow = lazyPage(() => import('./ReportShow'), m => m.ReportShow);
const ReportEdit = lazyPage(() => import('./ReportEdit'), m => m.ReportEdit);
const ReportCreate = lazyPage(() => import('./ReportCreate'), m => m.ReportCreate);

export default {
    list: ReportList,
    show: ReportShow,
    create: ReportCreate,
    edit: ReportEdit,
    icon: ReportIcon,
    options: { label: 'Reports' },
    recordRepresentation: (record: SavedReport) => record.name,
};
