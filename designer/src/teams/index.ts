import TeamIcon from '@mui/icons-material/Groups';
import type { Team } from '../types';
import { lazyPage } from '../common/lazyPage';

const TeamList = lazyPage(() => import('./TeamList'), m => m.TeamList);
const TeamShow = lazyPage(() => import('./TeamShow'), m => m.TeamShow);
const TeamEdit = lazyPage(() => import('./TeamEdit'), m => m.TeamEdit);
const TeamCreate = lazyPage(() => import('./TeamCreate'), m => m.TeamCreate);

export default {
    list: TeamList,
    show: TeamShow,
    create: TeamCreate,
    edit: TeamEdit,
    icon: TeamIcon,
    recordRepresentation: (record: Team) => record.name,
};
