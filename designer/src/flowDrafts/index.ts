import DraftIcon from '@mui/icons-material/EditNote';
import type { FlowDraft } from '../types';
import { FlowDraftCreate } from './FlowDraftCreate';
import { FlowDraftList } from './FlowDraftList';
import { LazyFlowDraftEdit } from './LazyFlowDraftEdit';

export default {
    list: FlowDraftList,
    edit: LazyFlowDraftEdit,
    create: FlowDraftCreate,
    icon: DraftIcon,
    options: { label: 'Flow drafts' },
    recordRepresentation: (record: FlowDraft) => record.name,
};
