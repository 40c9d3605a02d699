import TokenIcon from '@mui/icons-material/Key';
import type { ApiToken } from '../types';
import { TokenCreate } from './TokenCreate';
import { TokenList } from './TokenList';

export default {
    list: TokenList,
    create: TokenCreate,
    icon: TokenIcon,
    options: { label: 'API tokens' },
    recordRepresentation: (record: ApiToken) => record.name,
};
