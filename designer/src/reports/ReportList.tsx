import LockIcon from '@mui/icons-material/LockOutlined';
import PublicIcon from '@mui/icons-material/PublicOutlined';
import Chip from '@mui/material/Chip';
import type { Theme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { CreateButton, DataTable, DateField, List, SearchInput, SelectInput, SimpleList, TopToolbar, useRecordContext } from 'react-admin';
import { useCan } from '../auth/useCan';
import type { SavedReport } from '../types';
import { KINDS, describeReport, periodName } from './reportForm';

const Column = DataTable.Col<SavedReport>;

const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder="Search names" />,
    <SelectInput key="kind" source="kind" choices={KINDS} label="Kind" />,
];

const ListActions = () => {
    const mayCreate = useCan('reports', 'create');
    return <TopToolbar>{mayCreate && <CreateButton label="New report" data-testid="report-create" />}</TopToolbar>;
};

const What = (_props: { label?: string }) => {
    const record = useRecordContext<SavedReport>();
    return record ? <span>{describeReport(record)}</span> : null;
};

const Period = (_props: { label?: string }) => {
    const record = useRecordContext<SavedReport>();
    if (!record) return null;
    return <span>{record.period === 'custom' ? 'Custom dates' : periodName(record.period)}</span>;
};

const Sharing = (_props: { label?: string }) => {
    const record = useRecordContext<SavedReport>();
    if (!record) return null;
    return record.shared ? (
        <Chip size="small" icon={<PublicIcon />} label="Shared" variant="outlined" />
    ) : (
        <Chip size="small" icon={<LockIcon />} label="Private" variant="outlined" />
    );
};

/** Saved reports: the shared ones and the caller's own; a row opens its result. Below 600 px a simple list. */
export const ReportList = () => {
    const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
    const wide = useMediaQuery((theme: Theme) => theme.breakpoints.up('lg'), { defaultMatches: true });
    return (
        <List<SavedReport> filters={filters} sort={{ field: 'name', order: 'ASC' }} perPage={25} actions={<ListActions />} empty={false}>
            {phone ? (
                <SimpleList<SavedReport>
                    primaryText={report => report.name}
                    secondaryText={report => `${describeReport(report)}, ${periodName(report.period)}`}
                    linkType="show"
                />
            ) : (
                <DataTable<SavedReport> rowClick="show" bulkActionButtons={false}>
                    <Column source="name" />
                    <Column source="metric" label="Measures">
                        <What />
                    </Column>
                    <Column source="period" disableSort>
                        <Period />
                    </Column>
                    <Column source="shared" label="Sharing">
                        <Sharing />
                    </Column>
                    <Column source="owner_id" label="Owner" />
                    {wide && (
                        <Column source="updated_at" label="Changed">
                            <DateField source="updated_at" showTime />
                        </Column>
                    )}
                </DataTable>
            )}
        </List>
    );
};

export default ReportList;
