import type { ReactNode } from 'react';
import { AppBar, Layout, LoadingIndicator } from 'react-admin';
import { SecondFactorSetup } from '../auth/SecondFactorSetup';
import { SwitchboardUserMenu } from '../auth/SwitchboardUserMenu';
import { useMe } from '../auth/useCan';
import { InboxProvider } from '../inbox/InboxContext';
import { SwitchboardMenu } from '../inbox/InboxMenu';
import { NotificationBell } from '../inbox/NotificationBell';

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
 * react-admin's layout, with the logged-in user's name and role in the app bar; a user who must set up an
 * authenticator first sees only that. The inbox (live stream, counts in the menu, notification bell) wraps it all.
 */
export const SwitchboardLayout = ({ children }: { children: ReactNode }) => {
    const me = useMe();
    if (me?.second_factor_required) {
        return <Layout appBar={SwitchboardAppBar}><SecondFactorSetup /></Layout>;
    }
    return (
        <InboxProvider>
            <Layout appBar={SwitchboardAppBar} menu={SwitchboardMenu}>
                {children}
            </Layout>
        </InboxProvider>
    );
};

export default SwitchboardLayout;
