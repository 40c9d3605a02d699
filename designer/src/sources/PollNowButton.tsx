import RefreshIcon from '@mui/icons-material/Refresh';
import Button from '@mui/material/Button';
import { useRecordContext } from 'react-admin';
import { useCan } from '../auth/useCan';
import { useCaseAction } from '../cases/useCaseAction';
import type { Source } from '../types';
import { isPollingKind } from './sourceForm';

/** Asks the API to poll a feed or a Mastodon account now (`sources:write`); the poll itself runs in the background. */
export const PollNowButton = () => {
    const record = useRecordContext<Source>();
    const canPoll = useCan('sources', 'poll');
    const { run, pending } = useCaseAction();
    if (!record || !isPollingKind(record.kind) || !canPoll) return null;
    const poll = () =>
        run(
            dataProvider => dataProvider.pollSource(String(record.id)),
            `Polling ${record.name || record.id} now: its health updates when the poll ends`,
        );
    return (
        <Button size="small" startIcon={<RefreshIcon />} disabled={pending} onClick={poll} data-testid="source-poll">
            Poll now
        </Button>
    );
};

export default PollNowButton;
