import CrisisIcon from '@mui/icons-material/CrisisAlertOutlined';
import { lazyPage } from '../common/lazyPage';

const CrisisPage = lazyPage(() => import('./CrisisPage'), m => m.CrisisPage);

/** Crisis mode: one page (its state, start and end, the settings), in the menu for those with crisis:read. */
export default {
    list: CrisisPage,
    icon: CrisisIcon,
    options: { label: 'Crisis' },
};
