import { DeleteButton, Edit, SaveButton, SimpleForm, Toolbar, useRecordContext } from 'react-admin';
import type { Subscription } from '../types';
import { SubscriptionFields } from './SubscriptionFields';
import { changeSubscriptionPayload, subscriptionFormValues, validateSubscription } from './subscriptionForm';
import type { SubscriptionFormValues } from './subscriptionForm';

const EditToolbar = () => (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
        <SaveButton data-testid="subscription-save" />
        <DeleteButton mutationMode="pessimistic" />
    </Toolbar>
);

const PageTitle = () => {
    const record = useRecordContext<Subscription>();
    return <span>Webhook subscription{record ? `: ${record.name}` : ''}</span>;
};

const Form = () => {
    const record = useRecordContext<Subscription>();
    if (!record) return null;
    return (
        <SimpleForm
            validate={validateSubscription(false) as never}
            toolbar={<EditToolbar />}
            record={{ ...record, ...subscriptionFormValues(record), secret: '' }}
        >
            <SubscriptionFields creating={false} />
        </SimpleForm>
    );
};

/** A subscription's target, types, filter, secret and pause. */
export const SubscriptionEdit = () => (
    <Edit<Subscription>
        title={<PageTitle />}
        mutationMode="pessimistic"
        redirect="show"
        transform={(values: SubscriptionFormValues) => changeSubscriptionPayload(values)}
    >
        <Form />
    </Edit>
);

export default SubscriptionEdit;
