import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useRecordContext } from 'react-admin';
import { useCan, useMe } from '../auth/useCan';
import { Section } from '../common/Section';
import { useSwitchboardDataProvider } from '../dataProvider';
import type { Case, ReplyDraft } from '../types';
import { ActorName } from './ActorName';
import { useCaseAction } from './useCaseAction';

interface TextDialogProps {
    open: boolean;
    title: string;
    label: string;
    initial: string;
    confirmLabel: string;
    testId: string;
    pending: boolean;
    onClose: () => void;
    onConfirm: (text: string) => void;
}

/** A dialog asking for one text: the edited reply, or why it is rejected. */
const TextDialog = ({ open, title, label, initial, confirmLabel, testId, pending, onClose, onConfirm }: TextDialogProps) => {
    const [text, setText] = useState(initial);
    useEffect(() => {
        if (open) setText(initial);
    }, [open, initial]);
    return (
        <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
            <DialogTitle>{title}</DialogTitle>
            <DialogContent>
                <TextField
                    label={label}
                    multiline
                    minRows={3}
                    fullWidth
                    value={text}
                    onChange={event => setText(event.target.value)}
                    disabled={pending}
                    sx={{ mt: 1 }}
                    slotProps={{ htmlInput: { 'data-testid': testId } }}
                />
            </DialogContent>
            <DialogActions>
                <Button onClick={onClose}>Cancel</Button>
                <Button
                    variant="contained"
                    disabled={pending || text.trim() === ''}
                    onClick={() => onConfirm(text.trim())}
                    data-testid={`${testId}-confirm`}
                >
                    {confirmLabel}
                </Button>
            </DialogActions>
        </Dialog>
    );
};

const DraftItem = ({ caseId, draft, canApprove }: { caseId: string; draft: ReplyDraft; canApprove: boolean }) => {
    const me = useMe();
    const { run, pending } = useCaseAction();
    const [dialog, setDialog] = useState<'edit' | 'reject' | null>(null);
    // The API refuses an approval by the reply's own author.
    const ownReply = me?.agent_id != null && me.agent_id === draft.agent_id;

    const approve = async (text?: string) => {
        const done = await run(
            dataProvider => dataProvider.approveReply(caseId, text === undefined ? { reply_id: draft.reply_id } : { reply_id: draft.reply_id, text }),
            text === undefined ? 'Reply approved and sent' : 'Edited reply approved and sent',
        );
        if (done) setDialog(null);
    };

    const reject = async (reason: string) => {
        const done = await run(
            dataProvider => dataProvider.rejectReply(caseId, { reply_id: draft.reply_id, reason }),
            'Reply rejected: its author is told why',
        );
        if (done) setDialog(null);
    };

    return (
        <Box
            component="li"
            data-testid="case-draft"
            data-reply-id={draft.reply_id}
            sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }}
        >
            <Typography variant="caption" color="text.secondary" component="div">
                <Chip size="small" color="warning" label="Waiting for approval" sx={{ mr: 1 }} data-testid="draft-status" />
                By <ActorName actor={draft.agent_id} /> · {new Date(draft.created_at).toLocaleString()}
                {draft.close && <Chip size="small" label="Resolves the case" sx={{ ml: 1 }} />}
            </Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', my: 1 }} data-testid="case-draft-text">
                {draft.text}
            </Typography>
            {canApprove ? (
                <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
                    <Button
                        size="small"
                        variant="contained"
                        color="success"
                        disabled={pending || ownReply}
                        onClick={() => approve()}
                        data-testid="draft-approve"
                    >
                        Approve
                    </Button>
                    <Button
                        size="small"
                        variant="outlined"
                        disabled={pending || ownReply}
                        onClick={() => setDialog('edit')}
                        data-testid="draft-edit"
                    >
                        Edit and approve…
                    </Button>
                    <Button
                        size="small"
                        variant="outlined"
                        color="error"
                        disabled={pending || ownReply}
                        onClick={() => setDialog('reject')}
                        data-testid="draft-reject"
                    >
                        Reject…
                    </Button>
                    {ownReply && (
                        <Typography variant="caption" color="text.secondary">
                            You wrote this reply: someone else approves it.
                        </Typography>
                    )}
                </Stack>
            ) : (
                <Typography variant="caption" color="text.secondary" data-testid="draft-waiting">
                    Waiting for a supervisor to approve it.
                </Typography>
            )}
            <TextDialog
                open={dialog === 'edit'}
                title="Edit the reply, then approve it"
                label="Reply"
                initial={draft.text}
                confirmLabel="Approve and send"
                testId="draft-edit-text"
                pending={pending}
                onClose={() => setDialog(null)}
                onConfirm={approve}
            />
            <TextDialog
                open={dialog === 'reject'}
                title="Reject the reply"
                label="Why (its author sees this)"
                initial=""
                confirmLabel="Reject"
                testId="draft-reject-reason"
                pending={pending}
                onClose={() => setDialog(null)}
                onConfirm={reject}
            />
        </Box>
    );
};

/**
 * Replies the flow's approval rule held (e.g. a junior agent's, or to the press), until someone who may approve
 * (`cases:approve`) sends or rejects them. Others see them waiting.
 */
export const CaseDrafts = () => {
    const record = useRecordContext<Case>();
    const dataProvider = useSwitchboardDataProvider();
    const canApprove = useCan('cases', 'approve', record);
    const [drafts, setDrafts] = useState<ReplyDraft[] | null>(null);
    const [error, setError] = useState<string | null>(null);
    const caseId = record?.id;
    const waiting = record?.drafts_pending ?? 0;
    const version = record?.updated_at;

    useEffect(() => {
        if (!caseId || waiting === 0) {
            setDrafts(null);
            return;
        }
        let live = true;
        dataProvider
            .getCaseDrafts(caseId)
            .then(({ data }) => {
                if (!live) return;
                setDrafts(Array.isArray(data) ? data : []);
                setError(null);
            })
            .catch((failure: unknown) => {
                if (live) setError(failure instanceof Error && failure.message ? failure.message : 'Could not load the drafts');
            });
        return () => {
            live = false;
        };
    }, [dataProvider, caseId, waiting, version]);

    if (!record || waiting === 0) return null;
    const pendingDrafts = (drafts ?? []).filter(draft => draft.status === 'pending');
    return (
        <Section title="Replies awaiting approval" testId="case-drafts">
            {error && <Alert severity="error">{error}</Alert>}
            <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
                {pendingDrafts.map(draft => (
                    <DraftItem key={draft.reply_id} caseId={record.id} draft={draft} canApprove={canApprove} />
                ))}
            </Box>
        </Section>
    );
};

export default CaseDrafts;
