import type { ReactNode } from 'react';
import { AppBar, Layout } from 'react-admin';
import { SecondFactorSetup } from '../auth/SecondFactorSetup';
import { SwitchboardUserMenu } from '../auth/SwitchboardUserMenu';
import { useMe } from '../auth/useCan';
import { SwitchboardSidebar } from './SwitchboardSidebar';

const SwitchboardAppBar = () => <AppBar userMenu={<SwitchboardUserMenu />} />;

/**
 * react-admin's layout, with the logged-in user's name and role in the app bar and the menu a drawer on narrow
 * windows; a user who must set up an authenticator first sees only that.
 */
export const SwitchboardLayout = ({ children }: { children: ReactNode }) => {
    const me = useMe();
    return (
        <Layout appBar={SwitchboardAppBar} sidebar={SwitchboardSidebar}>
            {me?.second_factor_required ? <SecondFactorSetup /> : children}
        </Layout>
    );
};

export default SwitchboardLayout;
