import CustomerIcon from '@mui/icons-material/People';
import type { Customer } from '../types';
import { lazyPage } from '../common/lazyPage';

const CustomerList = lazyPage(() => import('./CustomerList'), m => m.CustomerList);
const CustomerShow = lazyPage(() => import('./CustomerShow'), m => m.CustomerShow);

export default {
    list: CustomerList,
    show: CustomerShow,
    icon: CustomerIcon,
    recordRepresentation: (record: Customer) => record.name || record.id,
};
