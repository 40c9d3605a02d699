import SourceIcon from '@mui/icons-material/Input';
import type { Source } from '../types';
import { lazyPage } from '../common/lazyPage';

const SourceCreate = lazyPage(() => import('./SourceCreate'), m => m.SourceCreate);
const SourceEdit = lazyPage(() => import('./SourceEdit'), m => m.SourceEdit);
const SourceList = lazyPage(() => import('./SourceList'), m => m.SourceList);
const SourceShow = lazyPage(() => import('./SourceShow'), m => m.SourceShow);

export default {
    list: SourceList,
    show: SourceShow,
    create: SourceCreate,
    edit: SourceEdit,
    icon: SourceIcon,
    recordRepresentation: (record: Source) => record.name || record.id,
};
