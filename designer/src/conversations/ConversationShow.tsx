import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DateField, ReferenceField, Show, useRecordContext } from 'react-admin';
import { formatDuration } from '../cases/format';
import { Fact } from '../common/Fact';
import { Section } from '../common/Section';
import type { Conversation } from '../types';
import { ActionableChip } from './ActionableChip';
import { ConversationMentions } from './ConversationMentions';
import { SourceLink } from './SourceLink';

const Summary = () => {
    const record = useRecordContext<Conversation>();
    if (!record) return null;
    return (
        <Stack spacing={1}>
            <Typography variant="h6" data-testid="conversation-show-customer">
                {record.customer ?? 'Unknown customer'}
            </Typography>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3 }}>
                {record.customer_id && (
                    <Fact label="Customer" testId="conversation-customer-link">
                        <ReferenceField source="customer_id" reference="customers" link="show" />
                    </Fact>
                )}
                <Fact label="Source">
                    <SourceLink />
                </Fact>
                <Fact label="State">
                    <ActionableChip />
                </Fact>
                <Fact label="First">
                    <DateField source="first_at" showTime />
                </Fact>
                <Fact label="Last">
                    <DateField source="last_at" showTime />
                </Fact>
                <Fact label="In / out" testId="conversation-counts">
                    {record.inbound_count} / {record.outbound_count}
                </Fact>
                <Fact label="First response" testId="conversation-first-response">
                    {formatDuration(record.first_response_seconds)}
                </Fact>
                {record.thread_id && <Fact label="Thread">{record.thread_id}</Fact>}
            </Box>
        </Stack>
    );
};

export const ConversationShow = () => (
    <Show<Conversation> component="div">
        <Stack spacing={2}>
            <Section>
                <Summary />
            </Section>
            <Section title="Mentions">
                <ConversationMentions />
            </Section>
        </Stack>
    </Show>
);

export default ConversationShow;
