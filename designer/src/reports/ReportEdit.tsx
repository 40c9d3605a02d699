import { DeleteButton, Edit, SaveButton, SimpleForm, Toolbar, useRecordContext } from 'react-admin';
import type { SavedReport } from '../types';
import { ReportFields } from './ReportFields';
import { changeReportPayload, validateReport } from './reportForm';
import type { ReportFormValues } from './reportForm';

const EditToolbar = () => (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
        <SaveButton data-testid="report-save" />
        <DeleteButton mutationMode="pessimistic" data-testid="report-delete" />
    </Toolbar>
);

const PageTitle = () => {
    const record = useRecordContext<SavedReport>();
    return <span>Report{record ? `: ${record.name}` : ''}</span>;
};

/** A saved report's fields (its owner, or an admin); or its removal. */
export const ReportEdit = () => (
    <Edit<SavedReport>
        title={<PageTitle />}
        mutationMode="pessimistic"
        redirect="show"
        transform={(values: ReportFormValues) => changeReportPayload(values)}
    >
        <SimpleForm validate={validateReport as never} toolbar={<EditToolbar />}>
            <ReportFields />
        </SimpleForm>
    </Edit>
);

export default ReportEdit;
