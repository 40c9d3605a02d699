import LinkIcon from '@mui/icons-material/Link';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { CopyField } from '../common/CopyField';
import { useSwitchboardDataProvider } from '../dataProvider';
import type { ExpertLink } from '../types';
import { expertLinkUrl, formatLinkExpiry } from './requests';

type LinkState = { state: 'loading' } | { state: 'ready'; link: ExpertLink } | { state: 'failed'; message: string };

/** Asks the API for a request's link (`GET /api/expert-requests/{id}/link`) while `requestId` is set. */
const useExpertLink = (requestId: string | null) => {
    const dataProvider = useSwitchboardDataProvider();
    const [answer, setAnswer] = useState<LinkState>({ state: 'loading' });
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
        if (!requestId) return;
        let current = true;
        setAnswer({ state: 'loading' });
        dataProvider.getExpertLink(requestId).then(
            ({ data }) => {
                // A lost session answers nothing: the login page says why.
                if (current && data?.url) setAnswer({ state: 'ready', link: data });
            },
            (error: unknown) => {
                const message = error instanceof Error && error.message ? error.message : 'The link could not be made';
                if (current) setAnswer({ state: 'failed', message });
            },
        );
        return () => {
            current = false;
        };
    }, [dataProvider, requestId, attempt]);
    const retry = useCallback(() => setAttempt(count => count + 1), []);
    return { answer, retry };
};

interface ExpertLinkDialogProps {
    /** The request whose link to show; null: closed. */
    requestId: string | null;
    onClose: () => void;
    /** Said above the link (e.g. right after the hand-off). */
    intro?: ReactNode;
}

/**
 * The link to send the expert: the full URL with its token, a copy button, and when it stops working. The
 * expert needs no login; the link lets them read and answer this one request only.
 */
export const ExpertLinkDialog = ({ requestId, onClose, intro }: ExpertLinkDialogProps) => {
    const { answer, retry } = useExpertLink(requestId);
    return (
        <Dialog open={requestId !== null} onClose={onClose} fullWidth maxWidth="md" data-testid="expert-link-dialog">
            <DialogTitle>The expert's link</DialogTitle>
            <DialogContent>
                <Stack spacing={2}>
                    {intro && <DialogContentText data-testid="expert-link-intro">{intro}</DialogContentText>}
                    <DialogContentText>
                        Send this link to the expert (by email or chat): it opens the question without a login, for this
                        request only. Anyone who has it can answer, so send it to the expert alone.
                    </DialogContentText>
                    {answer.state === 'loading' && <CircularProgress size={24} aria-label="Making the link" />}
                    {answer.state === 'failed' && (
                        <Alert
                            severity="error"
                            data-testid="expert-link-error"
                            action={
                                <Button color="inherit" size="small" onClick={retry}>
                                    Try again
                                </Button>
                            }
                        >
                            {answer.message}
                        </Alert>
                    )}
                    {answer.state === 'ready' && (
                        <>
                            <CopyField
                                label="Link"
                                what="Link"
                                value={expertLinkUrl(answer.link.url)}
                                testId="expert-link-url"
                            />
                            <Typography
                                variant="body2"
                                color="text.secondary"
                                data-testid="expert-link-expires"
                                data-expires-at={answer.link.expires_at}
                            >
                                It works until {formatLinkExpiry(answer.link.expires_at)}; after that, copy a new one here.
                            </Typography>
                        </>
                    )}
                </Stack>
            </DialogContent>
            <DialogActions>
                <Button onClick={onClose} data-testid="expert-link-close">
                    Close
                </Button>
            </DialogActions>
        </Dialog>
    );
};

/** "Copy the expert's link" on a case handed to an expert: the link comes from the API each time. */
export const ExpertLinkButton = ({ requestId }: { requestId: string }) => {
    const [open, setOpen] = useState(false);
    return (
        <>
            <Button
                size="small"
                startIcon={<LinkIcon />}
                onClick={() => setOpen(true)}
                data-testid="case-expert-link"
                sx={{ whiteSpace: 'nowrap' }}
            >
                Copy the expert's link
            </Button>
            <ExpertLinkDialog requestId={open ? requestId : null} onClose={() => setOpen(false)} />
        </>
    );
};

export default ExpertLinkDialog;
