import AgentIcon from '@mui/icons-material/Person';
import type { Agent } from '../types';
import { lazyPage } from '../common/lazyPage';

const AgentList = lazyPage(() => import('./AgentList'), m => m.AgentList);
const AgentShow = lazyPage(() => import('./AgentShow'), m => m.AgentShow);
const AgentEdit = lazyPage(() => import('./AgentEdit'), m => m.AgentEdit);

export default {
    list: AgentList,
    show: AgentShow,
    edit: AgentEdit,
    icon: AgentIcon,
    recordRepresentation: (record: Agent) => record.name,
};
