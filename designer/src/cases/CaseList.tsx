import LockIcon from '@mui/icons-material/Lock';
import VisibilityIcon from '@mui/icons-material/Visibility';
import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { Theme } from '@mui/material/styles';
import { DataTable, DateField, List, ReferenceField, useRecordContext } from 'react-admin';
import { TagChips } from '../common/TagChips';
import { useInbox } from '../inbox/InboxContext';
import type { Case } from '../types';
import { useCaseFilters } from './caseFilters';
import { CaseMessageCell } from './CaseMessageCell';
import { CaseStatusChip } from './CaseStatusChip';
import { humanize } from './format';
import { PriorityChip } from './PriorityChip';
import { SlaCountdown } from './SlaDue';

const Column = DataTable.Col<Case>;

const ChannelField = () => {
    const record = useRecordContext<Case>();
    return record ? <Typography variant="body2">{humanize(record.source)}</Typography> : null;
};

const CustomerField = () => {
    const record = useRecordContext<Case>();
    if (!record) return null;
    return (
        <Typography variant="body2" noWrap sx={{ maxWidth: 140 }} title={record.author}>
            {record.author}
        </Typography>
    );
};

/** Others viewing the case now (the live stream's presence), as an eye with their number. */
const Watchers = ({ caseId, holder }: { caseId: string; holder: string | null }) => {
    const { viewers } = useInbox();
    const others = (viewers[caseId] ?? []).filter(viewer => viewer !== holder);
    if (others.length === 0) return null;
    return (
        <Tooltip title={`Viewing now: ${others.join(', ')}`}>
            <Box component="span" data-testid="case-viewers" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.25, color: 'info.main', fontSize: 12 }}>
                <VisibilityIcon fontSize="inherit" aria-label="viewing now" />
                {others.length}
            </Box>
        </Tooltip>
    );
};

/** Who holds the case: a lock while an agent has claimed it for work, else whom routing assigned it to. */
export const HolderField = () => {
    const record = useRecordContext<Case>();
    if (!record) return null;
    const holder = record.claimed_by ?? record.assignee_id;
    if (!holder) {
        return (
            <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, whiteSpace: 'nowrap' }}>
                <Typography variant="body2" color="text.secondary">
                    Unassigned
                </Typography>
                <Watchers caseId={record.id} holder={null} />
            </Box>
        );
    }
    return (
        <Box component="span" data-testid="case-holder" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, whiteSpace: 'nowrap' }}>
            {record.claimed_by && (
                <Tooltip title="Claimed: only the holder works it">
                    <LockIcon fontSize="inherit" color="action" data-testid="claim-lock" aria-label="claimed" />
                </Tooltip>
            )}
            <ReferenceField source={record.claimed_by ? 'claimed_by' : 'assignee_id'} reference="agents" link={false} />
            <Watchers caseId={record.id} holder={holder} />
        </Box>
    );
};

/** On narrow screens one column tells the case: its subject and last message, then priority, customer and channel. */
const CaseSummaryField = () => {
    const record = useRecordContext<Case>();
    if (!record) return null;
    return (
        <Box sx={{ minWidth: 0, maxWidth: { xs: 'calc(100vw - 400px)', md: 'calc(100vw - 660px)', lg: 360 } }}>
            <CaseMessageCell />
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 0.5, minWidth: 0 }}>
                <PriorityChip />
                <Typography variant="caption" color="text.secondary" noWrap>
                    {record.author} · {humanize(record.source)}
                </Typography>
            </Box>
        </Box>
    );
};

/**
 * The cases, as an inbox: a view from the menu (Mine, Unassigned, Breaching soon...) is the list's `view` filter,
 * combinable with the others and the search box. The SLA column counts down live; the list refetches by itself
 * when the live stream says a case changed (inbox/InboxContext).
 */
export const CaseList = () => {
    const filters = useCaseFilters();
    const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('lg'));
    const wide = useMediaQuery((theme: Theme) => theme.breakpoints.up('xl'));
    return (
        <List<Case> filters={filters} sort={{ field: 'opened_at', order: 'DESC' }} perPage={25}>
            {narrow ? (
                <DataTable<Case> rowClick="show" bulkActionButtons={false}>
                    <Column source="sla_due_at" label="SLA">
                        <SlaCountdown />
                    </Column>
                    <Column source="subject" label="Case" disableSort>
                        <CaseSummaryField />
                    </Column>
                    <Column source="assignee_id" label="Holder">
                        <HolderField />
                    </Column>
                </DataTable>
            ) : (
            <DataTable<Case> rowClick="show" bulkActionButtons={false}>
                <Column source="sla_due_at" label="SLA">
                    <SlaCountdown />
                </Column>
                <Column source="priority" label="Priority">
                    <PriorityChip />
                </Column>
                <Column source="status" label="Status">
                    <CaseStatusChip />
                </Column>
                <Column source="source" label="Channel">
                    <ChannelField />
                </Column>
                <Column source="author" label="Customer">
                    <CustomerField />
                </Column>
                <Column source="subject" label="Message" disableSort>
                    <Box sx={{ minWidth: 180, maxWidth: { lg: 340, xl: 420 } }}>
                        <CaseMessageCell />
                    </Box>
                </Column>
                {wide && (
                    <Column source="tags" disableSort>
                        <TagChips />
                    </Column>
                )}
                <Column source="assignee_id" label="Holder">
                    <HolderField />
                </Column>
                {wide && (
                    <Column source="opened_at" label="Opened">
                        <DateField source="opened_at" showTime />
                    </Column>
                )}
            </DataTable>
            )}
        </List>
    );
};

export default CaseList;
