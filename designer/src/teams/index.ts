import TeamIcon from '@mui/icons-material/Groups';
import type { Team } from '../types';
import { lazyPage } from '../common/lazyPage';

const TeamList = lazyPage(() => import('./TeamList'), m => m.TeamList);
const TeamShow = lazyPage(() => import('./TeamShow'), m => m.TeamShow);

export default {
    list: TeamList,
    show: TeamShow,
    icon: TeamIcon,
    recordRepresentation: (record: Team) => record.name,
};
