import TeamIcon from '@mui/icons-material/Groups';
import type { Team } from '../types';
import { TeamCreate } from './TeamCreate';
import { TeamEdit } from './TeamEdit';
import { TeamList } from './TeamList';
import { TeamShow } from './TeamShow';

export default {
    list: TeamList,
    show: TeamShow,
    create: TeamCreate,
    edit: TeamEdit,
    icon: TeamIcon,
    recordRepresentation: (record: Team) => record.name,
};
