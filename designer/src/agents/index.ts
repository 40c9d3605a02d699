import AgentIcon from '@mui/icons-material/Person';
import type { Agent } from '../types';
import { AgentEdit } from './AgentEdit';
import { AgentList } from './AgentList';
import { AgentShow } from './AgentShow';

export default {
    list: AgentList,
    show: AgentShow,
    edit: AgentEdit,
    icon: AgentIcon,
    recordRepresentation: (record: Agent) => record.name,
};
