import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Collapse from '@mui/material/Collapse';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { DateField, Show, useRecordContext } from 'react-admin';
import { Fact } from '../common/Fact';
import { JsonBlock } from '../common/JsonBlock';
import { Section } from '../common/Section';
import type { AuditEntry } from '../types';
import { AuditAction, AuditActor, AuditTarget } from './AuditFields';
import { hasValues } from './auditFormat';
import { ChangeTable, ValueList } from './AuditValues';

const Summary = () => {
    const record = useRecordContext<AuditEntry>();
    if (!record) return null;
    return (
        <Stack spacing={1}>
            <Typography variant="h6" data-testid="audit-entry-title">
                Entry {record.id}
            </Typography>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3 }}>
                <Fact label="Time">
                    <DateField source="at" showTime />
                </Fact>
                <Fact label="Actor">
                    <AuditActor />
                </Fact>
                <Fact label="Action">
                    <AuditAction />
                </Fact>
                <Fact label="Target">
                    <AuditTarget />
                </Fact>
            </Box>
        </Stack>
    );
};

/** Before → after side by side when the entry has both; else whichever it has. */
const Changes = () => {
    const record = useRecordContext<AuditEntry>();
    if (!record) return null;
    const { before, after } = record;
    if (hasValues(before) && hasValues(after)) {
        return (
            <Section title="Change">
                <ChangeTable before={before} after={after} />
            </Section>
        );
    }
    return (
        <>
            {hasValues(before) && (
                <Section title="Before">
                    <ValueList values={before} testId="audit-before" />
                </Section>
            )}
            {hasValues(after) && (
                <Section title="After">
                    <ValueList values={after} testId="audit-after" />
                </Section>
            )}
        </>
    );
};

const Detail = () => {
    const record = useRecordContext<AuditEntry>();
    if (!record || !hasValues(record.detail)) return null;
    return (
        <Section title="Detail">
            <ValueList values={record.detail} testId="audit-detail" />
        </Section>
    );
};

/** The entry exactly as the API gives it: what its hash covers (with `prev`), and the hash itself. */
const RawJson = () => {
    const record = useRecordContext<AuditEntry>();
    const [open, setOpen] = useState(false);
    if (!record) return null;
    return (
        <Box>
            <Button size="small" onClick={() => setOpen(value => !value)} data-testid="audit-raw-toggle">
                {open ? 'Hide the raw JSON' : 'Show the raw JSON'}
            </Button>
            <Collapse in={open} unmountOnExit>
                <Box sx={{ mt: 1 }}>
                    <JsonBlock value={record} testId="audit-raw-json" />
                </Box>
            </Collapse>
        </Box>
    );
};

/** Where the entry sits in the chain. */
const ChainLine = () => {
    const record = useRecordContext<AuditEntry>();
    if (!record) return null;
    return (
        <Typography
            variant="caption"
            color="text.secondary"
            component="div"
            sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
            data-testid="audit-chain"
        >
            prev {record.prev} · hash {record.hash}
        </Typography>
    );
};

/** One entry of the audit log: who did what to which thing, what changed, and its place in the chain. */
export const AuditEntryShow = () => (
    <Show<AuditEntry> component="div">
        <Stack spacing={2}>
            <Section>
                <Stack spacing={2}>
                    <Summary />
                    <ChainLine />
                </Stack>
            </Section>
            <Changes />
            <Detail />
            <RawJson />
        </Stack>
    </Show>
);

export default AuditEntryShow;
