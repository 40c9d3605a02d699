import SourceIcon from '@mui/icons-material/Input';
import type { Source } from '../types';
import { SourceCreate } from './SourceCreate';
import { SourceEdit } from './SourceEdit';
import { SourceList } from './SourceList';
import { SourceShow } from './SourceShow';

export default {
    list: SourceList,
    show: SourceShow,
    create: SourceCreate,
    edit: SourceEdit,
    icon: SourceIcon,
    recordRepresentation: (record: Source) => record.name || record.id,
};
