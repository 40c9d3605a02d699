import ConversationIcon from '@mui/icons-material/QuestionAnswer';
import type { Conversation } from '../types';
import { ConversationList } from './ConversationList';
import { ConversationShow } from './ConversationShow';

export default {
    list: ConversationList,
    show: ConversationShow,
    icon: ConversationIcon,
    recordRepresentation: (record: Conversation) => `${record.customer ?? 'Unknown'} on ${record.source}`,
};
