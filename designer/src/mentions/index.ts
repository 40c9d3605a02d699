import MentionIcon from '@mui/icons-material/Forum';
import type { Mention } from '../types';
import { lazyPage } from '../common/lazyPage';

const MentionList = lazyPage(() => import('./MentionList'), m => m.MentionList);
const MentionShow = lazyPage(() => import('./MentionShow'), m => m.MentionShow);

const truncate = (text: string, length = 60) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

export default {
    list: MentionList,
    show: MentionShow,
    icon: MentionIcon,
    recordRepresentation: (record: Mention) => `${record.author}: ${truncate(record.text ?? '')}`,
};
