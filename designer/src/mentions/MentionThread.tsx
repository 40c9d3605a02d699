import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ComponentType } from 'react';
import { ReferenceManyField, useListContext } from 'react-admin';
import type { Mention } from '../types';

interface ThreadProps {
    /** Renders one mention. */
    item: ComponentType<{ mention: Mention }>;
    spacing: number;
    testId: string;
    /** Reorders the mentions fetched; left out, they show as the API sorted them. */
    order?: (mentions: readonly Mention[]) => Mention[];
}

const Thread = ({ item: Item, spacing, testId, order }: ThreadProps) => {
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
        <Stack spacing={spacing} data-testid={testId}>
            {(order ? order(data) : data).map(mention => (
                <Item key={mention.id} mention={mention} />
            ))}
        </Stack>
    );
};

interface MentionThreadProps extends ThreadProps {
    /** The mention field that points to the record shown: `case_id`, `conversation_id`. */
    target: string;
}

/** The mentions of the record shown (a case, a conversation), fetched oldest first, each rendered by `item`. */
export const MentionThread = ({ target, ...thread }: MentionThreadProps) => (
    <ReferenceManyField<Mention>
        reference="mentions"
        target={target}
        sort={{ field: 'created_at', order: 'ASC' }}
        perPage={200}
    >
        <Thread {...thread} />
    </ReferenceManyField>
);

export default MentionThread;
