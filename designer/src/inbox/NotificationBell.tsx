import NotificationsIcon from '@mui/icons-material/Notifications';
import Badge from '@mui/material/Badge';
import IconButton from '@mui/material/IconButton';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useInbox } from './InboxContext';
import type { Notification } from './types';

const KIND_LABELS: Record<Notification['kind'], string> = {
    escalated: 'Escalation',
    approval: 'Approval',
    assigned: 'Assigned',
    transferred: 'Transfer',
    crisis: 'Crisis mode',
};

const ago = (at: string, now = Date.now()): string => {
    const minutes = Math.round((now - Date.parse(at)) / 60_000);
    if (minutes < 1) return 'just now';
    if (minutes < 60) return `${minutes} min ago`;
    const hours = Math.round(minutes / 60);
    return hours < 24 ? `${hours} h ago` : `${Math.round(hours / 24)} d ago`;
};

/**
 * The bell in the app bar: the unread count, and a menu of the latest notifications, each opening its case.
 * Opening the menu marks them read (up to the newest).
 */
export const NotificationBell = () => {
    const { notifications, markRead } = useInbox();
    const [anchor, setAnchor] = useState<HTMLElement | null>(null);
    const navigate = useNavigate();
    const open = (target: HTMLElement) => {
        setAnchor(target);
        const newest = notifications.data[0];
        if (newest && notifications.unread > 0) void markRead(newest.id);
    };
    const label = notifications.unread ? `${notifications.unread} unread notifications` : 'Notifications';
    return (
        <>
            <Tooltip title={label}>
                <IconButton color="inherit" aria-label={label} data-testid="notification-bell" onClick={e => open(e.currentTarget)}>
                    <Badge badgeContent={notifications.unread} color="error" max={99}>
                        <NotificationsIcon />
                    </Badge>
                </IconButton>
            </Tooltip>
            <Menu
                anchorEl={anchor}
                open={Boolean(anchor)}
                onClose={() => setAnchor(null)}
                slotProps={{ paper: { sx: { width: 380, maxWidth: 'calc(100vw - 32px)', maxHeight: 480 } } }}
            >
                {notifications.data.length === 0 && (
                    <MenuItem disabled>
                        <Typography variant="body2">No notifications</Typography>
                    </MenuItem>
                )}
                {notifications.data.map(note => (
                    <MenuItem
                        key={note.id}
                        data-testid="notification"
                        data-read={note.read}
                        onClick={() => {
                            setAnchor(null);
                            navigate(note.kind === 'crisis' ? '/crisis' : `/cases/${encodeURIComponent(note.case_id)}/show`);
                        }}
                        sx={{ whiteSpace: 'normal', alignItems: 'flex-start', fontWeight: note.read ? 400 : 600 }}
                    >
                        <ListItemText
                            primary={note.title}
                            secondary={note.subject}
                            slotProps={{
                                primary: { variant: 'body2', fontWeight: 'inherit' },
                                secondary: { noWrap: true },
                            }}
                            sx={{ minWidth: 0 }}
                        />
                        <Typography variant="caption" color="text.secondary" sx={{ ml: 1, mt: 0.5, whiteSpace: 'nowrap' }} title={KIND_LABELS[note.kind]}>
                            {ago(note.at)}
                        </Typography>
                    </MenuItem>
                ))}
            </Menu>
        </>
    );
};
