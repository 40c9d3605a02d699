import UserIcon from '@mui/icons-material/ManageAccounts';
import type { User } from '../types';
import { lazyPage } from '../common/lazyPage';

const UserCreate = lazyPage(() => import('./UserCreate'), m => m.UserCreate);
const UserEdit = lazyPage(() => import('./UserEdit'), m => m.UserEdit);
const UserList = lazyPage(() => import('./UserList'), m => m.UserList);

export default {
    list: UserList,
    create: UserCreate,
    edit: UserEdit,
    icon: UserIcon,
    recordRepresentation: (record: User) => record.name || record.email,
};
