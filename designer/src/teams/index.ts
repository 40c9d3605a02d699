import TeamIcon from '@mui/icons-material/Groups';
import type { Team } from '../types';
import { TeamList } from './TeamList';
import { TeamShow } from './TeamShow';

export default {
    list: TeamList,
    show: TeamShow,
    icon: TeamIcon,
    recordRepresentation: (record: Team) => record.name,
};
