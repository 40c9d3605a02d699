import { AutocompleteArrayInput, ReferenceArrayInput, ReferenceInput, SelectInput, TextInput } from 'react-admin';
import { CannedTextInput } from './CannedTextInput';
import { TITLE_MAX } from './cannedReplyForm';

/** A canned reply's title, text, team and channels (create and edit alike). */
export const CannedReplyFields = () => (
    <>
        <TextInput
            source="title"
            required
            sx={{ width: '100%', maxWidth: 480 }}
            helperText={`What agents pick it by and search for, up to ${TITLE_MAX} characters`}
            slotProps={{ htmlInput: { 'data-testid': 'canned-title', maxLength: TITLE_MAX } }}
        />
        <CannedTextInput />
        <ReferenceInput source="team_id" reference="teams" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
            <SelectInput
                optionText="name"
                label="Team"
                emptyText="Everyone"
                // null (everyone) shows as the empty choice, "Everyone"
                format={(value: string | null | undefined) => value ?? ''}
                slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
                helperText="Only this team's agents are offered it; Everyone: all agents"
                sx={{ width: '100%', maxWidth: 480 }}
                data-testid="canned-team"
            />
        </ReferenceInput>
        <ReferenceArrayInput source="channels" reference="sources" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
            <AutocompleteArrayInput
                optionText="name"
                label="Channels"
                helperText="Offered on cases from these sources only; none: every channel"
                sx={{ width: '100%', maxWidth: 480 }}
                data-testid="canned-channels"
            />
        </ReferenceArrayInput>
    </>
);
