import ReplyIcon from '@mui/icons-material/Reply';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useGetIdentity, useRecordContext } from 'react-admin';
import { RecordName } from '../common/RecordName';
import { useNow } from '../inbox/useNow';
import type { Case, LastMessage } from '../types';
import { shortAgo } from './format';

const when = (at: string): string => new Date(at).toLocaleString();

/**
 * The conversation's newest message on one line under the subject: a reply we sent starts with a reply arrow and
 * "You:" (or the agent's name); how long ago it was written ends the line, the exact time is on hover.
 */
export const LastMessageLine = ({ message }: { message: LastMessage | null | undefined }) => {
    const { identity } = useGetIdentity();
    const now = useNow(60_000);
    if (!message) {
        return (
            <Typography variant="caption" color="text.disabled" component="div" data-testid="case-last-message" noWrap>
                No messages yet
            </Typography>
        );
    }
    const outbound = message.direction === 'outbound';
    const mine = outbound && identity?.id !== undefined && String(identity.id) === message.author;
    const ago = shortAgo(message.at, now);
    const title = `${outbound ? `Reply sent by ${mine ? 'you' : message.author}` : `From ${message.author}`}, ${when(message.at)}:\n${message.text}`;
    return (
        <Box
            data-testid="case-last-message"
            data-direction={message.direction}
            title={title}
            sx={{ display: 'flex', alignItems: 'center', gap: 0.5, minWidth: 0, color: 'text.secondary', typography: 'caption' }}
        >
            {outbound && (
                <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.25, flexShrink: 0, color: 'primary.main', fontWeight: 500, '& *': { font: 'inherit', color: 'inherit' } }}>
                    <ReplyIcon sx={{ fontSize: 14 }} aria-label="reply sent" />
                    {mine ? 'You' : <RecordName reference="agents" id={message.author} />}:
                </Box>
            )}
            <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0, flex: '0 1 auto' }}>
                {message.text}
            </Box>
            {ago && (
                <Box component="span" sx={{ flexShrink: 0, color: 'text.disabled', whiteSpace: 'nowrap' }} data-testid="case-last-message-ago">
                    · {ago}
                </Box>
            )}
        </Box>
    );
};

/** The case's subject in bold, its last message below: the list's "Message" column. */
export const CaseMessageCell = () => {
    const record = useRecordContext<Case>();
    if (!record) return null;
    return (
        <Box sx={{ minWidth: 0 }}>
            <Typography variant="body2" fontWeight={600} data-testid="case-subject" noWrap title={record.subject}>
                {record.subject}
            </Typography>
            <LastMessageLine message={record.last_message} />
        </Box>
    );
};

export default CaseMessageCell;
