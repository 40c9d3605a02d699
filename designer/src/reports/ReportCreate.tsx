import { Create, SimpleForm } from 'react-admin';
import { ReportFields } from './ReportFields';
import { browserZone, createReportPayload, validateReport } from './reportForm';
import type { ReportFormValues } from './reportForm';

/** A new saved report (supervisors, ops leads, admins); the caller owns it. */
export const ReportCreate = () => (
    <Create title="New report" redirect="show" transform={(values: ReportFormValues) => createReportPayload(values)}>
        <SimpleForm
            validate={validateReport as never}
            defaultValues={{ name: '', kind: 'cases', metric: 'opened', group_by: 'day', period: 'last_7_days', tz: browserZone(), shared: false, filters: {} }}
        >
            <ReportFields />
        </SimpleForm>
    </Create>
);

export default ReportCreate;
