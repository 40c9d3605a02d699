import WebhookIcon from '@mui/icons-material/Webhook';
import { lazyPage } from '../common/lazyPage';
import type { Subscription } from '../types';

const SubscriptionList = lazyPage(() => import('./SubscriptionList'), m => m.SubscriptionList);
const SubscriptionShow = lazyPage(() => import('./SubscriptionShow'), m => m.SubscriptionShow);
const SubscriptionEdit = lazyPage(() => import('./SubscriptionEdit'), m => m.SubscriptionEdit);
const SubscriptionCreate = lazyPage(() => import('./SubscriptionCreate'), m => m.SubscriptionCreate);

export default {
    list: SubscriptionList,
    show: SubscriptionShow,
    edit: SubscriptionEdit,
    create: SubscriptionCreate,
    icon: WebhookIcon,
    options: { label: 'Webhooks' },
    recordRepresentation: (record: Subscription) => record.name,
};
