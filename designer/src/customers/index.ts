import CustomerIcon from '@mui/icons-material/People';
import type { Customer } from '../types';
import { CustomerList } from './CustomerList';
import { CustomerShow } from './CustomerShow';

export default {
    list: CustomerList,
    show: CustomerShow,
    icon: CustomerIcon,
    recordRepresentation: (record: Customer) => record.name || record.id,
};
