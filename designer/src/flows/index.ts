import FlowIcon from '@mui/icons-material/AccountTree';
import type { Flow } from '../types';
import { FlowList } from './FlowList';
import { LazyFlowShow } from './LazyFlowShow';

export default {
    list: FlowList,
    show: LazyFlowShow,
    icon: FlowIcon,
    recordRepresentation: (record: Flow) => `${record.name} (${record.version?.slice(0, 8)})`,
};
