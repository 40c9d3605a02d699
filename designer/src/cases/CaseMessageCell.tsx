import ReplyIcon from '@mui/icons-material/Reply';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useGetIdentity, useRecordContext } from 'react-admin';
import { RecordName } from '../common/RecordName';
import { useNow } from '../inbox/useNow';
import type { Case, LastMessage } from '../types';
import { shortAgo } from './format';

const when = (at: string): string => new Date(at).toLocaleString();

const folded = (text: string): string => text.split(/\s+/).filter(Boolean).join(' ');

/**
 * Whether the message is the one the case opened with: the case holds no other mention and its subject is that
 * message's start (the API cuts both). Its text would only repeat the subject's.
 */
export const isOpeningMessage = (record: Pick<Case, 'subject' | 'mention_count'>, message: LastMessage): boolean => {
    if (message.direction !== 'inbound' || record.mention_count > 1) return false;
    const start = folded(record.subject);
    const cut = message.text.endsWith('…');
    const text = folded(cut ? message.text.slice(0, -1) : message.text);
    return start.length > 0 && (text.startsWith(start) || (cut && start.startsWith(text)));
};

/**
 * The conversation's newest message on one line under the subject: a reply we sent starts with a reply arrow and
 * "You:" (or the agent's name); how long ago it was written ends the line, the exact time is on hover. While the
 * newest message is still the one the case opened with, the line says "No reply yet" rather than repeat it.
 */
export const LastMessageLine = ({ record }: { record: Pick<Case, 'subject' | 'mention_count' | 'last_message'> }) => {
    const message = record.last_message;
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
    const opening = isOpeningMessage(record, message);
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
            {opening ? (
                <Box component="span" sx={{ fontStyle: 'italic', whiteSpace: 'nowrap' }} data-testid="case-no-reply">
                    No reply yet
                </Box>
            ) : (
                <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0, flex: '0 1 auto' }}>
                    {message.text}
                </Box>
            )}
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
            <LastMessageLine record={record} />
        </Box>
    );
};

export default CaseMessageCell;
