import AgentIcon from '@mui/icons-material/Person';
import type { Agent } from '../types';
import { AgentList } from './AgentList';
import { AgentShow } from './AgentShow';

export default {
    list: AgentList,
    show: AgentShow,
    icon: AgentIcon,
    recordRepresentation: (record: Agent) => record.name,
};
