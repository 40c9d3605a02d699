import { DataTable, DateField, FunctionField, TextField } from 'react-admin';
import { formatDuration } from '../cases/format';
import type { Conversation } from '../types';
import { ActionableChip } from './ActionableChip';
import { SourceLink } from './SourceLink';

const Column = DataTable.Col<Conversation>;

interface ConversationColumnsOptions {
    /** The header of the customer column; left out, the field's own label. */
    customerLabel?: string;
    customerTestId: string;
    firstResponseTestId?: string;
    /** Narrow screens: leave out the first message's time and the in/out counts. */
    compact?: boolean;
}

/**
 * The columns of a conversation table (the conversation list, a customer's conversations), as an array so that the
 * DataTable still counts one child per column.
 */
export const conversationColumns = ({ customerLabel, customerTestId, firstResponseTestId, compact = false }: ConversationColumnsOptions) => [
    <Column key="source" source="source">
        <SourceLink />
    </Column>,
    <Column key="customer" source="customer" label={customerLabel}>
        <TextField source="customer" emptyText="—" data-testid={customerTestId} />
    </Column>,
    compact ? null : (
        <Column key="first_at" source="first_at" label="First">
            <DateField source="first_at" showTime />
        </Column>
    ),
    <Column key="last_at" source="last_at" label="Last">
        <DateField source="last_at" showTime />
    </Column>,
    compact ? null : <DataTable.NumberCol key="inbound_count" source="inbound_count" label="In" />,
    compact ? null : <DataTable.NumberCol key="outbound_count" source="outbound_count" label="Out" />,
    <Column key="first_response_seconds" source="first_response_seconds" label="First response">
        <FunctionField<Conversation>
            render={record => formatDuration(record.first_response_seconds)}
            data-testid={firstResponseTestId}
        />
    </Column>,
    <Column key="actionable" source="actionable">
        <ActionableChip />
    </Column>,
].filter(column => column !== null);
