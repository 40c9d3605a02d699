import { BooleanInput, Create, regex, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { ConfigFields } from './ConfigFields';
import { createPayload, ID_PATTERN, kindChoices } from './sourceForm';

/** A new source; the API checks its config, and a polling source is polled right away. */
export const SourceCreate = () => (
    <Create redirect="show" transform={createPayload}>
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
);

export default SourceCreate;
