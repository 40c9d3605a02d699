import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DateField, RecordContextProvider, ReferenceManyField, useListContext } from 'react-admin';
import type { Mention } from '../types';

const MentionBubble = ({ mention }: { mention: Mention }) => {
    const outbound = mention.direction === 'outbound';
    return (
        <RecordContextProvider value={mention}>
            <Box
                data-testid="mention"
                data-direction={mention.direction}
                sx={{
                    alignSelf: outbound ? 'flex-end' : 'flex-start',
                    maxWidth: '80%',
                    px: 2,
                    py: 1,
                    borderRadius: 2,
                    bgcolor: outbound ? 'primary.main' : 'action.hover',
                    color: outbound ? 'primary.contrastText' : 'text.primary',
                }}
            >
                <Typography variant="caption" component="div" sx={{ opacity: 0.8 }}>
                    {mention.author} · <DateField source="created_at" showTime sx={{ fontSize: 'inherit', color: 'inherit' }} />
                </Typography>
                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                    {mention.text}
                </Typography>
            </Box>
        </RecordContextProvider>
    );
};

const Thread = () => {
    const { data, isPending } = useListContext<Mention>();
    if (isPending) return null;
    if (!data?.length) {
        return (
            <Typography variant="body2" color="text.secondary">
                No mentions yet.
            </Typography>
        );
    }
    return (
        <Stack spacing={1} data-testid="case-conversation">
            {data.map(mention => (
                <MentionBubble key={mention.id} mention={mention} />
            ))}
        </Stack>
    );
};

/** The mentions of a case, oldest first: inbound on the left, our replies on the right. */
export const CaseConversation = () => (
    <ReferenceManyField<Mention>
        reference="mentions"
        target="case_id"
        sort={{ field: 'created_at', order: 'ASC' }}
        perPage={200}
    >
        <Thread />
    </ReferenceManyField>
);

export default CaseConversation;
