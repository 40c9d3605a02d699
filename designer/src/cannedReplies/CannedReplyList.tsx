import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import type { Theme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import {
    CreateButton,
    DataTable,
    DateField,
    List,
    ReferenceField,
    ReferenceInput,
    SearchInput,
    SelectInput,
    SimpleList,
    TopToolbar,
    useRecordContext,
} from 'react-admin';
import { useCan } from '../auth/useCan';
import type { CannedReply } from '../types';

const Column = DataTable.Col<CannedReply>;

const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder="Search titles" />,
    <ReferenceInput key="team_id" source="team_id" reference="teams" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
        <SelectInput optionText="name" label="Team" />
    </ReferenceInput>,
    <ReferenceInput key="channel" source="channel" reference="sources" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
        <SelectInput optionText="name" label="Channel" />
    </ReferenceInput>,
];

const ListActions = () => {
    const mayCreate = useCan('canned_replies', 'create');
    return <TopToolbar>{mayCreate && <CreateButton label="New canned reply" data-testid="canned-create" />}</TopToolbar>;
};

const TextPreview = (_props: { label?: string }) => {
    const record = useRecordContext<CannedReply>();
    return (
        <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 480 }} noWrap title={record?.text}>
            {record?.text}
        </Typography>
    );
};

const TeamName = (_props: { label?: string }) => {
    const record = useRecordContext<CannedReply>();
    if (!record) return null;
    if (!record.team_id) return <Typography variant="body2" color="text.secondary">Everyone</Typography>;
    return <ReferenceField source="team_id" reference="teams" link={false} />;
};

const Channels = (_props: { label?: string }) => {
    const record = useRecordContext<CannedReply>();
    if (!record) return null;
    if (!record.channels?.length) return <Typography variant="body2" color="text.secondary">All channels</Typography>;
    return (
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
            {record.channels.map(channel => <Chip key={channel} size="small" label={channel} />)}
        </Stack>
    );
};

/** The canned replies agents insert into their replies (ops leads and admins keep them); below 1200 px the text
 * and last change go, below 600 px a simple list. */
export const CannedReplyList = () => {
    const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
    const wide = useMediaQuery((theme: Theme) => theme.breakpoints.up('lg'), { defaultMatches: true });
    return (
        <List<CannedReply> filters={filters} sort={{ field: 'title', order: 'ASC' }} perPage={25} actions={<ListActions />}>
            {phone ? (
                <SimpleList<CannedReply> primaryText={reply => reply.title} secondaryText={reply => reply.text} linkType="edit" />
            ) : (
                <DataTable<CannedReply> rowClick="edit" bulkActionButtons={false}>
                    <Column source="title" />
                    {wide && (
                        <Column source="text" disableSort>
                            <TextPreview />
                        </Column>
                    )}
                    <Column source="team_id" label="Team">
                        <TeamName />
                    </Column>
                    <Column source="channels" label="Channels" disableSort>
                        <Channels />
                    </Column>
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

export default CannedReplyList;
