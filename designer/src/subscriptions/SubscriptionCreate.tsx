import { Create, SimpleForm } from 'react-admin';
import { SubscriptionFields } from './SubscriptionFields';
import { createSubscriptionPayload, validateSubscription } from './subscriptionForm';
import type { SubscriptionFormValues } from './subscriptionForm';

/** A new webhook subscription (admins). */
export const SubscriptionCreate = () => (
    <Create title="New webhook subscription" redirect="show" transform={(values: SubscriptionFormValues) => createSubscriptionPayload(values)}>
        <SimpleForm
            validate={validateSubscription(true) as never}
            defaultValues={{ name: '', url: '', event_types: ['case.opened', 'case.closed'], filter_text: '', secret: '', active: true }}
        >
            <SubscriptionFields creating />
        </SimpleForm>
    </Create>
);

export default SubscriptionCreate;
