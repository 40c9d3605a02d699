import type { ReactNode } from 'react';
import { AppBar, Layout, LoadingIndicator } from 'react-admin';
import { SecondFactorSetup } from '../auth/SecondFactorSetup';
import { SwitchboardUserMenu } from '../auth/SwitchboardUserMenu';
import { useMe } from '../auth/useCan';
import { InboxProvider } from '../inbox/InboxContext';
import { SwitchboardMenu } from '../inbox/InboxMenu';
import { NotificationBell } from '../inbox/NotificationBell';
import { SwitchboardSidebar } from './SwitchboardSidebar';

const SwitchboardAppBar = () => (
    <AppBar
        userMenu={<SwitchboardUserMenu />}
        toolbar={
            <>
                <NotificationBell />
                <LoadingIndicator />
            </>
        }
    />
);

/**
 * react-admin's layout, with the logged-in user's name and role in the app bar and the menu a drawer on narrow
 * windows; a user who must set up an authenticator first sees only that. The inbox (live stream, counts in the
 * menu, notification bell) wraps it all.
 */
export const SwitchboardLayout = ({ children }: { children: ReactNode }) => {
    const me = useMe();
    if (me?.second_factor_required) {
        return <Layout appBar={SwitchboardAppBar} sidebar={SwitchboardSidebar}><SecondFactorSetup /></Layout>;
    }
    return (
        <InboxProvider>
            <Layout appBar={SwitchboardAppBar} sidebar={SwitchboardSidebar} menu={SwitchboardMenu}>
                {children}
            </Layout>
        </InboxProvider>
    );
};

export default SwitchboardLayout;
