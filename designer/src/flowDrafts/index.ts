import DraftIcon from '@mui/icons-material/EditNote';
import type { FlowDraft } from '../types';
import { LazyFlowDraftEdit } from './LazyFlowDraftEdit';
import { lazyPage } from '../common/lazyPage';

const FlowDraftCreate = lazyPage(() => import('./FlowDraftCreate'), m => m.FlowDraftCreate);
const FlowDraftList = lazyPage(() => import('./FlowDraftList'), m => m.FlowDraftList);

export default {
    list: FlowDraftList,
    edit: LazyFlowDraftEdit,
    create: FlowDraftCreate,
    icon: DraftIcon,
    options: { label: 'Flow drafts' },
    recordRepresentation: (record: FlowDraft) => record.name,
};
