import TokenIcon from '@mui/icons-material/Key';
import type { ApiToken } from '../types';
import { lazyPage } from '../common/lazyPage';

const TokenCreate = lazyPage(() => import('./TokenCreate'), m => m.TokenCreate);
const TokenList = lazyPage(() => import('./TokenList'), m => m.TokenList);

export default {
    list: TokenList,
    create: TokenCreate,
    icon: TokenIcon,
    options: { label: 'API tokens' },
    recordRepresentation: (record: ApiToken) => record.name,
};
