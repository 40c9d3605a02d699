import { Admin, AuthContext, CustomRoutes, Resource } from 'react-admin';
import type { AuthProvider, DataProvider } from 'react-admin';
import { useMemo } from 'react';
import { createHashRouter, Route, RouterProvider } from 'react-router-dom';
import agents from './agents';
import analytics from './analytics';
import auditEntries from './auditEntries';
import cannedReplies from './cannedReplies';
import subscriptions from './subscriptions';
import { authProvider as defaultAuthProvider } from './auth/authProvider';
import { LoginPage } from './auth/LoginPage';
import cases from './cases';
import conversations from './conversations';
import crisis from './crisis';
import customers from './customers';
import { dataProvider as defaultDataProvider } from './dataProvider';
import experts from './experts';
import { ExpertRequestPage } from './experts/ExpertRequestPage';
import flowDrafts from './flowDrafts';
import flows from './flows';
import { InboxHome } from './inbox/InboxHome';
import { SwitchboardLayout } from './layout/SwitchboardLayout';
import mentions from './mentions';
import reports from './reports';
import sources from './sources';
import teams from './teams';
import { darkTheme, lightTheme } from './theme';
import tokens from './tokens';
import users from './users';

/**
 * The expert's link works without a login (the token in it is what lets them in): no authProvider here,
 * so an API refusal shows on the page instead of sending the expert to the contact centre's login.
 */
const PublicExpertRequestPage = () => (
    <AuthContext.Provider value={undefined}>
        <ExpertRequestPage />
    </AuthContext.Provider>
);

interface AppProps {
    dataProvider?: DataProvider;
    authProvider?: AuthProvider;
}

/**
 * Nothing renders before a login (`requireAuth`); the menu lists what the user's role may read and pages offer
 * only what it may do (the authProvider's `canAccess`, on the API's permissions).
 */
const SwitchboardAdmin = ({ dataProvider = defaultDataProvider, authProvider = defaultAuthProvider }: AppProps) => (
    <Admin
        title="Switchboard"
        dataProvider={dataProvider}
        authProvider={authProvider}
        loginPage={LoginPage}
        layout={SwitchboardLayout}
        dashboard={InboxHome}
        theme={lightTheme}
        darkTheme={darkTheme}
        requireAuth
        disableTelemetry
    >
        {/* Those who manage the work (analytics:read): live figures and charts. */}
        <Resource name="analytics" {...analytics} />
        <Resource name="cases" {...cases} />
        <Resource name="mentions" {...mentions} />
        <Resource name="conversations" {...conversations} />
        <Resource name="customers" {...customers} />
        <Resource name="agents" {...agents} />
        <Resource name="teams" {...teams} />
        <Resource name="experts" {...experts} />
        <Resource name="sources" {...sources} />
        <Resource name="flows" {...flows} />
        <Resource name="flow_drafts" {...flowDrafts} />
        {/* Ops leads and admins (canned:manage); agents read them in the reply composer. */}
        <Resource name="canned_replies" {...cannedReplies} />
        {/* Saved reports: read and run with analytics:read, kept with reports:manage. */}
        <Resource name="reports" {...reports} />
        {/* Admins only (users:manage); everyone has their own API tokens (tokens:own). */}
        <Resource name="users" {...users} />
        <Resource name="tokens" {...tokens} />
        {/* Admins only (subscriptions:manage): webhooks out, their health and delivery log. */}
        <Resource name="subscriptions" {...subscriptions} />
        <Resource name="subscription_deliveries" />
        {/* Auditors and admins (auditlog:read); signing a checkpoint needs auditlog:checkpoint. */}
        <Resource name="audit_entries" {...auditEntries} />
        {/* Crisis mode: its state for crisis:read, its settings, start and end for crisis:manage. */}
        <Resource name="crisis" {...crisis} />
        {/* Read through cases only: no menu entry. */}
        <Resource name="case_events" />
        {/* Read through experts; each request's own page is the link sent to the expert. */}
        <Resource name="expert-requests" />
        <CustomRoutes noLayout>
            <Route path="/expert-requests/:id" element={<PublicExpertRequestPage />} />
        </CustomRoutes>
    </Admin>
);

/**
 * react-admin in a hash router that moves between pages at once. The router react-admin makes itself moves in React
 * transitions (react-router 7's default, though react-admin asks for none): when a session ends, the old page stays
 * on screen while react-admin sends the user to the login page, checks the session again, logs out again, and so on
 * for seconds.
 */
export const App = ({ dataProvider, authProvider }: AppProps) => {
    const router = useMemo(
        () => createHashRouter([{ path: '*', element: <SwitchboardAdmin dataProvider={dataProvider} authProvider={authProvider} /> }]),
        [dataProvider, authProvider],
    );
    return <RouterProvider router={router} useTransitions={false} />;
};

export default App;
