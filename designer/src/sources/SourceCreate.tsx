import { useState } from 'react';
import {
    BooleanInput,
    Create,
    regex,
    required,
    SelectInput,
    SimpleForm,
    TextInput,
    useNotify,
    useRedirect,
} from 'react-admin';
import type { Source } from '../types';
import { ConfigFields } from './ConfigFields';
import { createPayload, ID_PATTERN, kindChoices } from './sourceForm';
import { WebhookTokenDialog } from './WebhookToken';

/**
 * A new source; the API checks its config, and a polling source is polled right away. A webhook source that
 * takes a token gets it in the answer, shown once before its page opens.
 */
export const SourceCreate = () => {
    const notify = useNotify();
    const redirect = useRedirect();
    const [created, setCreated] = useState<Source | null>(null);

    const opened = (source: Source) => {
        notify('ra.notification.created', { type: 'info', messageArgs: { smart_count: 1 } });
        redirect('show', 'sources', source.id);
    };

    return (
        <>
            <Create
                transform={createPayload}
                mutationOptions={{
                    onSuccess: (source: Source) => (source.webhook_token ? setCreated(source) : opened(source)),
                }}
            >
                <SimpleForm defaultValues={{ enabled: true, config: {} }}>
                    <TextInput
                        source="id"
                        label="Id"
                        validate={[
                            required(),
                            regex(ID_PATTERN, 'Lower-case letters, digits, - and _, starting with a letter or a digit'),
                        ]}
                        helperText="Names the source in webhooks and imports (/api/webhooks/{id}); it cannot change later"
                        slotProps={{ htmlInput: { 'data-testid': 'source-id' } }}
                    />
                    <TextInput
                        source="name"
                        helperText="Shown to agents; the id if left empty"
                        slotProps={{ htmlInput: { 'data-testid': 'source-name-input' } }}
                    />
                    <SelectInput source="kind" choices={kindChoices} validate={required()} />
                    <BooleanInput source="enabled" helperText="A disabled source takes no mentions and is not polled" />
                    <ConfigFields />
                </SimpleForm>
            </Create>
            <WebhookTokenDialog
                sourceId={String(created?.id ?? '')}
                token={created?.webhook_token ?? null}
                onClose={() => created && opened(created)}
            />
        </>
    );
};

export default SourceCreate;
