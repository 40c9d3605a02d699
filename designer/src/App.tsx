import { Admin, Resource } from 'react-admin';
import type { DataProvider } from 'react-admin';
import agents from './agents';
import cases from './cases';
import { dataProvider as defaultDataProvider } from './dataProvider';
import flowDrafts from './flowDrafts';
import flows from './flows';
import mentions from './mentions';
import teams from './teams';

export const App = ({ dataProvider = defaultDataProvider }: { dataProvider?: DataProvider }) => (
    <Admin title="Switchboard" dataProvider={dataProvider} disableTelemetry>
        <Resource name="cases" {...cases} />
        <Resource name="mentions" {...mentions} />
        <Resource name="agents" {...agents} />
        <Resource name="teams" {...teams} />
        <Resource name="flows" {...flows} />
        <Resource name="flow_drafts" {...flowDrafts} />
        {/* Read through cases only: no menu entry. */}
        <Resource name="case_events" />
    </Admin>
);

export default App;
