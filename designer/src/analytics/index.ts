import InsightsIcon from '@mui/icons-material/Insights';
import { lazyPage } from '../common/lazyPage';

const Dashboard = lazyPage(() => import('./Dashboard'), m => m.Dashboard);

/** The dashboard, a resource only for its menu entry and route (`#/analytics`): it lists nothing. */
export default {
    list: Dashboard,
    icon: InsightsIcon,
    options: { label: 'Dashboard' },
};
