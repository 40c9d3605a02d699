import FlowIcon from '@mui/icons-material/AccountTree';
import type { Flow } from '../types';
import { LazyFlowShow } from './LazyFlowShow';
import { lazyPage } from '../common/lazyPage';

const FlowList = lazyPage(() => import('./FlowList'), m => m.FlowList);

export default {
    list: FlowList,
    show: LazyFlowShow,
    icon: FlowIcon,
    recordRepresentation: (record: Flow) => `${record.name} (${record.version?.slice(0, 8)})`,
};
