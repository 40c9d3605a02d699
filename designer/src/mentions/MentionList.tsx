import Typography from '@mui/material/Typography';
import type { Theme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import {
    DataTable,
    DateField,
    List,
    ReferenceField,
    SearchInput,
    SimpleList,
    TextInput,
    useRecordContext,
} from 'react-admin';
import type { Case, Mention } from '../types';
import { DirectionChip } from './DirectionChip';

const Column = DataTable.Col<Mention>;

const mentionFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <TextInput key="source" source="source" />,
    <TextInput key="conversation_id" source="conversation_id" label="Conversation" />,
];

const TextPreview = (_props: { label?: string }) => {
    const record = useRecordContext<Mention>();
    if (!record) return null;
    return (
        <Typography variant="body2" noWrap sx={{ maxWidth: { xs: 220, lg: 300, xl: 440 } }} title={record.text}>
            {record.text}
        </Typography>
    );
};

/** The case's subject on one line, cut with an ellipsis (whole in its tooltip), not one word per line. */
const CaseSubject = ({ inline = false }: { inline?: boolean }) => {
    const record = useRecordContext<Case>();
    if (!record) return null;
    const subject = record.subject || `Case ${record.id}`;
    if (inline) return <>{subject}</>;
    return (
        <Typography variant="body2" component="span" noWrap title={subject} sx={{ display: 'block', maxWidth: { xs: 160, lg: 200, xl: 260 } }} data-testid="mention-case">
            {subject}
        </Typography>
    );
};

/**
 * Mentions, newest first. Below 1536 px the direction and source columns go, below 1200 px the customer (the mention's page has
 * them); below 900 px (a tablet, with the menu open), a simple list with the case under the text.
 */
export const MentionList = () => {
    const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
    const wide = useMediaQuery((theme: Theme) => theme.breakpoints.up('lg'), { defaultMatches: true });
    const xwide = useMediaQuery((theme: Theme) => theme.breakpoints.up('xl'), { defaultMatches: true });
    return (
        <List<Mention> filters={mentionFilters} sort={{ field: 'created_at', order: 'DESC' }} perPage={25}>
            {narrow ? (
                <SimpleList<Mention>
                    primaryText={record => record.author}
                    secondaryText={record => (
                        <>
                            {record.text}
                            {record.case_id && (
                                <Typography variant="caption" component="span" sx={{ display: 'block' }}>
                                    Case:{' '}
                                    <ReferenceField source="case_id" reference="cases" link={false} sx={{ display: 'inline' }}>
                                        <CaseSubject inline />
                                    </ReferenceField>
                                </Typography>
                            )}
                        </>
                    )}
                    tertiaryText={record => new Date(record.created_at).toLocaleString()}
                    linkType="show"
                />
            ) : (
                <DataTable<Mention> rowClick="show" bulkActionButtons={false}>
                    <Column source="created_at" label="Created">
                        <DateField source="created_at" showTime sx={{ whiteSpace: 'nowrap' }} />
                    </Column>
                    {xwide && (
                        <Column source="direction">
                            <DirectionChip />
                        </Column>
                    )}
                    {xwide && <Column source="source" />}
                    <Column source="author" />
                    {wide && (
                        <Column source="customer_id" label="Customer" disableSort>
                            <ReferenceField source="customer_id" reference="customers" link="show" emptyText="—" />
                        </Column>
                    )}
                    <Column source="text" disableSort>
                        <TextPreview />
                    </Column>
                    <Column source="case_id" label="Case">
                        <ReferenceField source="case_id" reference="cases" link="show" emptyText="—">
                            <CaseSubject />
                        </ReferenceField>
                    </Column>
                </DataTable>
            )}
        </List>
    );
};

export default MentionList;
