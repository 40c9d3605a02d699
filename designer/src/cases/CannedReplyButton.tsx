import SearchIcon from '@mui/icons-material/Search';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import InputAdornment from '@mui/material/InputAdornment';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useGetList } from 'react-admin';
import type { CannedReply } from '../types';
import { fillCanned } from './cannedReplies';

interface CannedReplyButtonProps {
    caseId: string;
    /** The case's channel (its source's id): replies kept for other channels are not offered. */
    channel: string;
    /** How the customer is addressed: their name, else their handle without the @. */
    customerName: string;
    agentName: string;
    disabled?: boolean;
    onInsert: (text: string) => void;
}

/**
 * "Canned replies": the replies ops leads keep (`GET /api/canned_replies`: everyone's and the agent's teams', as
 * the API decides) that suit the case's channel, searched by title; the one picked has its variables filled in
 * and goes to the composer.
 */
export const CannedReplyButton = ({ caseId, channel, customerName, agentName, disabled, onInsert }: CannedReplyButtonProps) => {
    const [anchor, setAnchor] = useState<HTMLElement | null>(null);
    const [search, setSearch] = useState('');
    const { data: replies = [], isPending, error } = useGetList<CannedReply>(
        'canned_replies',
        { filter: { channel }, sort: { field: 'title', order: 'ASC' }, pagination: { page: 1, perPage: 200 } },
        { enabled: !disabled },
    );
    const variables = {
        'customer.name': customerName.replace(/^@/, ''),
        'agent.name': agentName,
        'case.id': caseId,
    };
    const wanted = search.trim().toLowerCase();
    const shown = wanted ? replies.filter(reply => reply.title.toLowerCase().includes(wanted)) : replies;
    const close = () => {
        setAnchor(null);
        setSearch('');
    };
    return (
        <>
            <Button
                size="small"
                disabled={disabled}
                onClick={event => setAnchor(event.currentTarget)}
                data-testid="canned-replies"
                aria-haspopup="menu"
            >
                Canned replies
            </Button>
            <Menu
                anchorEl={anchor}
                open={anchor !== null}
                onClose={close}
                autoFocus={false}
                slotProps={{ paper: { sx: { width: 440, maxWidth: 'calc(100vw - 32px)', maxHeight: 420 } } }}
            >
                <li style={{ padding: '4px 12px 8px' }}>
                    <TextField
                        size="small"
                        fullWidth
                        autoFocus
                        placeholder="Search by title"
                        value={search}
                        onChange={event => setSearch(event.target.value)}
                        // The menu's type-ahead would take the keys otherwise.
                        onKeyDown={event => event.key !== 'Escape' && event.stopPropagation()}
                        slotProps={{
                            htmlInput: { 'data-testid': 'canned-search', 'aria-label': 'Search canned replies by title' },
                            input: {
                                startAdornment: (
                                    <InputAdornment position="start">
                                        <SearchIcon fontSize="small" />
                                    </InputAdornment>
                                ),
                            },
                        }}
                    />
                </li>
                <Divider component="li" />
                {shown.map(canned => (
                    <MenuItem
                        key={canned.id}
                        data-testid={`canned-${canned.id}`}
                        onClick={() => {
                            onInsert(fillCanned(canned.text, variables));
                            close();
                        }}
                        sx={{ whiteSpace: 'normal', alignItems: 'flex-start' }}
                    >
                        <ListItemText
                            primary={canned.title}
                            secondary={canned.text}
                            slotProps={{ secondary: { sx: { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' } } }}
                        />
                    </MenuItem>
                ))}
                {!isPending && shown.length === 0 && (
                    <li>
                        <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1 }} data-testid="canned-none">
                            {error
                                ? 'The canned replies could not be loaded.'
                                : wanted
                                  ? `No canned reply is titled like "${search.trim()}".`
                                  : 'No canned replies for this channel yet.'}
                        </Typography>
                    </li>
                )}
            </Menu>
        </>
    );
};

export default CannedReplyButton;
