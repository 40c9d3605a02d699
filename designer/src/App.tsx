import { Admin, CustomRoutes, Resource } from 'react-admin';
import type { DataProvider } from 'react-admin';
import { Route } from 'react-router-dom';
import agents from './agents';
import cases from './cases';
import conversations from './conversations';
import customers from './customers';
import { dataProvider as defaultDataProvider } from './dataProvider';
import experts from './experts';
import { ExpertRequestPage } from './experts/ExpertRequestPage';
import flowDrafts from './flowDrafts';
import flows from './flows';
import mentions from './mentions';
import sources from './sources';
import teams from './teams';

export const App = ({ dataProvider = defaultDataProvider }: { dataProvider?: DataProvider }) => (
    <Admin title="Switchboard" dataProvider={dataProvider} disableTelemetry>
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
        {/* Read through cases only: no menu entry. */}
        <Resource name="case_events" />
        {/* Read through experts; each request's own page is the link sent to the expert. */}
        <Resource name="expert-requests" />
        <CustomRoutes noLayout>
            <Route path="/expert-requests/:id" element={<ExpertRequestPage />} />
        </CustomRoutes>
    </Admin>
);

export default App;
