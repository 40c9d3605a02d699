import ConversationIcon from '@mui/icons-material/QuestionAnswer';
import type { Conversation } from '../types';
import { lazyPage } from '../common/lazyPage';

const ConversationList = lazyPage(() => import('./ConversationList'), m => m.ConversationList);
const ConversationShow = lazyPage(() => import('./ConversationShow'), m => m.ConversationShow);

export default {
    list: ConversationList,
    show: ConversationShow,
    icon: ConversationIcon,
    recordRepresentation: (record: Conversation) => `${record.customer ?? 'Unknown'} on ${record.source}`,
};
