import { BooleanInput, Edit, SaveButton, SimpleForm, TextInput, Toolbar } from 'react-admin';
import type { Source } from '../types';
import { ConfigFields } from './ConfigFields';
import { editPayload, kindLabel } from './sourceForm';

// The API has no DELETE for sources: disable one instead.
const EditToolbar = () => (
    <Toolbar>
        <SaveButton />
    </Toolbar>
);

/**
 * Name, enabled and config; the id and kind are fixed. Pessimistic, so the API's check of the
 * config lands on the form's fields before anything is shown as saved.
 */
export const SourceEdit = () => (
    <Edit<Source> mutationMode="pessimistic" redirect="show" transform={editPayload}>
        <SimpleForm toolbar={<EditToolbar />}>
            <TextInput source="id" label="Id" readOnly />
            <TextInput source="kind" format={kindLabel} readOnly />
            <TextInput source="name" slotProps={{ htmlInput: { 'data-testid': 'source-name-input' } }} />
            <BooleanInput source="enabled" helperText="A disabled source takes no mentions and is not polled" />
            <ConfigFields />
        </SimpleForm>
    </Edit>
);

export default SourceEdit;
