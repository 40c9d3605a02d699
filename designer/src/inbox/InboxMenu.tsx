import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import GroupsIcon from '@mui/icons-material/Groups';
import HourglassBottomIcon from '@mui/icons-material/HourglassBottom';
import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import ReportIcon from '@mui/icons-material/Report';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import type { Theme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { ReactElement } from 'react';
import { Menu, useResourceDefinitions, useSidebarState } from 'react-admin';
import { Link, useLocation } from 'react-router-dom';
import { useInbox } from './InboxContext';
import type { InboxView } from './types';
import { ALL_CASES_PATH, badgeCount, currentView, viewPath } from './views';

const ICONS: Record<string, ReactElement> = {
    mine: <AssignmentIndIcon />,
    unassigned: <MoveToInboxIcon />,
    breaching: <HourglassBottomIcon />,
    overdue: <ReportIcon />,
    approvals: <FactCheckIcon />,
};

/** Views whose count asks for attention: a non-zero count shows in colour. */
const URGENT: Record<string, 'error' | 'warning' | 'primary'> = { overdue: 'error', breaching: 'warning', approvals: 'warning' };

const InboxMenuItem = ({ view, selected }: { view: InboxView; selected: boolean }) => {
    const [open, setOpen] = useSidebarState();
    // Below 900 px the menu is a drawer over the page (layout/SwitchboardSidebar): picking a view closes it.
    const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'), { noSsr: true });
    const color = view.count > 0 ? URGENT[view.id] ?? 'primary' : 'default';
    const icon = ICONS[view.id] ?? <GroupsIcon />;
    return (
        <MenuItem
            component={Link}
            to={viewPath(view.id)}
            selected={selected}
            onClick={() => narrow && setOpen(false)}
            data-testid={`inbox-view-${view.id}`}
            aria-label={`${view.label}: ${view.count}`}
            sx={{ color: 'text.secondary', '&.Mui-selected': { color: 'text.primary', fontWeight: 600 } }}
        >
            <ListItemIcon sx={{ minWidth: 40 }}>
                {open ? icon : <Badge badgeContent={view.count} color={color === 'default' ? 'primary' : color} max={999}>{icon}</Badge>}
            </ListItemIcon>
            <ListItemText primary={view.label} slotProps={{ primary: { noWrap: true, variant: 'body2' } }} />
            {open && (
                <Box
                    component="span"
                    data-testid="inbox-count"
                    sx={{
                        ml: 1,
                        px: 1,
                        minWidth: 24,
                        textAlign: 'center',
                        borderRadius: 12,
                        fontSize: 12,
                        fontWeight: 600,
                        lineHeight: '20px',
                        bgcolor: color === 'default' ? 'action.selected' : `${color}.main`,
                        color: color === 'default' ? 'text.secondary' : `${color}.contrastText`,
                    }}
                >
                    {badgeCount(view.count)}
                </Box>
            )}
        </MenuItem>
    );
};

/** The inbox views with live counts, first in the menu; nothing until the API has answered. */
export const InboxMenuItems = () => {
    const { inbox } = useInbox();
    const location = useLocation();
    if (!inbox || inbox.views.length === 0) return null;
    const current = currentView(location.pathname, location.search);
    return (
        <Box component="nav" aria-label="Inbox" data-testid="inbox-menu">
            {inbox.views.map(view => (
                <InboxMenuItem key={view.id} view={view} selected={current === view.id} />
            ))}
            <Divider sx={{ my: 1 }} />
        </Box>
    );
};

/** react-admin's menu with the inbox views first (folded to icons with count badges when the sidebar is), then the resources. */
export const SwitchboardMenu = () => {
    const resources = useResourceDefinitions();
    return (
        <Menu>
            <InboxMenuItems />
            {Object.keys(resources)
                .filter(name => resources[name].hasList)
                .map(name =>
                    // Cases opens every case, not the inbox view the list was last left on.
                    name === 'cases' ? <Menu.ResourceItem key={name} name={name} to={ALL_CASES_PATH} /> : <Menu.ResourceItem key={name} name={name} />,
                )}
        </Menu>
    );
};
