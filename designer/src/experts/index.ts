import ExpertIcon from '@mui/icons-material/Psychology';
import type { Expert } from '../types';
import { ExpertList } from './ExpertList';
import { ExpertShow } from './ExpertShow';

export default {
    list: ExpertList,
    show: ExpertShow,
    icon: ExpertIcon,
    recordRepresentation: (record: Expert) => record.name,
};
