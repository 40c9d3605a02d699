import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useGetList } from 'react-admin';
import type { CannedReply } from '../types';

const NONE = '';

const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

interface AutoReplyFieldProps {
    /** The triage node's content. */
    content: Record<string, unknown>;
    /** Tags the flow knows, for the first `when` rule of a new auto-reply. */
    tags: string[];
    /** The engine's errors at `/content/auto_reply/canned_reply_id` (a canned reply that does not exist). */
    errors: string[];
    onContentChange: (content: Record<string, unknown>) => void;
}

/**
 * Triage's auto-reply: the canned reply sent at once to a case whose first mention matches its `when` rule
 * (edited below it like the node's other rules). Picking one adds `auto_reply` with a first rule on a tag;
 * "No auto-reply" removes it. A reply named but no longer there is listed as such, and the save says so.
 */
export const AutoReplyField = ({ content, tags, errors, onContentChange }: AutoReplyFieldProps) => {
    const { data: replies, isPending } = useGetList<CannedReply>('canned_replies', {
        pagination: { page: 1, perPage: 200 },
        sort: { field: 'title', order: 'ASC' },
    });
    const auto = isObject(content.auto_reply) ? content.auto_reply : undefined;
    const current = typeof auto?.canned_reply_id === 'string' ? auto.canned_reply_id : NONE;
    const known = replies ?? [];
    const unlisted = current !== NONE && !known.some(reply => reply.id === current);
    const missing = unlisted && !isPending;

    const pick = (id: string) => {
        if (id === NONE) {
            const { auto_reply: _removed, ...rest } = content;
            onContentChange(rest);
            return;
        }
        const when = auto && 'when' in auto ? auto.when : { in: [tags[0] ?? '', { var: 'tags' }] };
        onContentChange({ ...content, auto_reply: { when, canned_reply_id: id } });
    };

    const problem = errors.length ? errors.join('; ') : missing ? `No canned reply "${current}": pick another one` : undefined;
    return (
        <TextField
            select
            size="small"
            label="Auto-reply with"
            value={current}
            onChange={event => pick(event.target.value)}
            error={Boolean(problem)}
            helperText={
                problem ??
                (current === NONE
                    ? 'Sent once to a new case whose first mention matches the rule; never counted as its first response'
                    : 'Sent once, as "system", when the auto_reply rule below holds for the case\'s first mention')
            }
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'auto-reply-select' } }}
        >
            <MenuItem value={NONE}>
                <em>No auto-reply</em>
            </MenuItem>
            {unlisted && (
                <MenuItem value={current}>
                    {current}
                    {missing ? ' (no such canned reply)' : ''}
                </MenuItem>
            )}
            {known.map(reply => (
                <MenuItem key={reply.id} value={reply.id}>
                    {reply.title}
                </MenuItem>
            ))}
        </TextField>
    );
};

export default AutoReplyField;
