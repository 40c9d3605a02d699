import { Drawer, useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import { useEffect, useState } from 'react';
import { Sidebar, useSidebarState } from 'react-admin';
import type { SidebarProps } from 'react-admin';

/** As wide as react-admin's open sidebar. */
const WIDTH = 240;

/**
 * react-admin's sidebar on a wide window. Below the `md` breakpoint (900 px: a tablet, a phone, a narrow window)
 * the menu is a drawer over the page, closed until the app bar's button opens it and closed again by picking a
 * page (react-admin's menu items do that below `md`), Escape or a click beside it, so the page has the whole width.
 */
export const SwitchboardSidebar = ({ children, ...props }: SidebarProps) => {
    const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'), { noSsr: true });
    const [open, setOpen] = useSidebarState();
    // A narrow window opens on the page, not on the menu (react-admin's stored default is open above 600 px):
    // closed before the drawer first shows, so it never slides in and out on its own.
    const [closedOnce, setClosedOnce] = useState(false);
    useEffect(() => {
        if (narrow) {
            setOpen(false);
            setClosedOnce(true);
        }
    }, [narrow, setOpen]);
    if (!narrow) return <Sidebar {...props}>{children}</Sidebar>;
    return (
        <Drawer
            variant="temporary"
            open={closedOnce && open}
            onClose={() => setOpen(false)}
            ModalProps={{ keepMounted: false }}
            slotProps={{ paper: { sx: { width: WIDTH, pt: 1 } } }}
            data-testid="menu-drawer"
        >
            {children}
        </Drawer>
    );
};

export default SwitchboardSidebar;
