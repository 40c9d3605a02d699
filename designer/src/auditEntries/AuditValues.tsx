import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { changeRows, formatAuditValue } from './auditFormat';

const valueSx = { wordBreak: 'break-word', whiteSpace: 'pre-wrap' } as const;

/** An entry's before, after or detail as key → value lines. */
export const ValueList = ({ values, testId }: { values: Record<string, unknown>; testId: string }) => (
    <Box
        component="dl"
        data-testid={testId}
        sx={{ display: 'grid', gridTemplateColumns: 'minmax(120px, max-content) 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}
    >
        {Object.entries(values).map(([key, value]) => (
            <Box key={key} sx={{ display: 'contents' }} data-testid={`${testId}-row`} data-key={key}>
                <Typography component="dt" variant="body2" color="text.secondary">
                    {key}
                </Typography>
                <Typography component="dd" variant="body2" sx={{ m: 0, ...valueSx }}>
                    {formatAuditValue(value)}
                </Typography>
            </Box>
        ))}
    </Box>
);

/** Before → after, key by key side by side; what changed stands out, what stayed the same is muted. */
export const ChangeTable = ({ before, after }: { before: Record<string, unknown>; after: Record<string, unknown> }) => (
    <Table size="small" data-testid="audit-changes">
        <TableHead>
            <TableRow>
                <TableCell>Field</TableCell>
                <TableCell>Before</TableCell>
                <TableCell>After</TableCell>
            </TableRow>
        </TableHead>
        <TableBody>
            {changeRows(before, after).map(row => {
                const color = row.changed ? 'text.primary' : 'text.secondary';
                return (
                    <TableRow
                        key={row.key}
                        data-testid="audit-change-row"
                        data-key={row.key}
                        data-changed={String(row.changed)}
                        sx={row.changed ? { bgcolor: 'action.hover' } : undefined}
                    >
                        <TableCell sx={{ color: 'text.secondary' }}>{row.key}</TableCell>
                        <TableCell sx={{ color, ...valueSx }} data-testid="audit-change-before">
                            {formatAuditValue(row.before)}
                        </TableCell>
                        <TableCell sx={{ color, fontWeight: row.changed ? 500 : undefined, ...valueSx }} data-testid="audit-change-after">
                            {formatAuditValue(row.after)}
                        </TableCell>
                    </TableRow>
                );
            })}
        </TableBody>
    </Table>
);
