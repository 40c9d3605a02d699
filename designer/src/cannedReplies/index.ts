import CannedIcon from '@mui/icons-material/QuickreplyOutlined';
import { lazyPage } from '../common/lazyPage';
import type { CannedReply } from '../types';

const CannedReplyList = lazyPage(() => import('./CannedReplyList'), m => m.CannedReplyList);
const CannedReplyEdit = lazyPage(() => import('./CannedReplyEdit'), m => m.CannedReplyEdit);
const CannedReplyCreate = lazyPage(() => import('./CannedReplyCreate'), m => m.CannedReplyCreate);

export default {
    list: CannedReplyList,
    create: CannedReplyCreate,
    edit: CannedReplyEdit,
    icon: CannedIcon,
    options: { label: 'Canned replies' },
    recordRepresentation: (record: CannedReply) => record.title,
};
