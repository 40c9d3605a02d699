import EditIcon from '@mui/icons-material/EditNote';
import Button from '@mui/material/Button';
import { useCreate, useNotify, useRecordContext, useRedirect } from 'react-admin';
import { useCan } from '../auth/useCan';
import type { Flow, FlowDraft } from '../types';

/** Copies this (immutable) flow version into a new draft and opens the draft editor (needs `flows:write`). */
export const EditAsDraftButton = () => {
    const record = useRecordContext<Flow>();
    const canEdit = useCan('flow_drafts', 'create');
    const [create, { isPending }] = useCreate<FlowDraft>();
    const notify = useNotify();
    const redirect = useRedirect();
    if (!record || !canEdit) return null;
    const onClick = () =>
        create(
            'flow_drafts',
            { data: { name: record.name, document: record.document, based_on: record.id } },
            {
                onSuccess: draft => redirect('edit', 'flow_drafts', draft.id),
                onError: error => notify(error instanceof Error ? error.message : 'Could not create a draft', { type: 'error' }),
            },
        );
    return (
        <Button
            variant="outlined"
            size="small"
            startIcon={<EditIcon />}
            disabled={isPending}
            onClick={onClick}
            data-testid="flow-edit-as-draft"
        >
            Edit as draft
        </Button>
    );
};

export default EditAsDraftButton;
