import Box from '@mui/material/Box';

/** Pretty-printed JSON (rule results, traces, node content). */
export const formatJson = (value: unknown): string => {
    if (value === undefined) return '';
    try {
        return JSON.stringify(value, null, 2);
    } catch {
        return String(value);
    }
};

export const JsonBlock = ({ value, testId }: { value: unknown; testId?: string }) => (
    <Box
        component="pre"
        data-testid={testId}
        sx={{
            m: 0,
            p: 1.5,
            fontSize: 12,
            lineHeight: 1.5,
            bgcolor: 'action.hover',
            borderRadius: 1,
            overflow: 'auto',
            maxHeight: 480,
            whiteSpace: 'pre',
        }}
    >
        {formatJson(value)}
    </Box>
);

export default JsonBlock;
