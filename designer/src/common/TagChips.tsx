import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { useRecordContext } from 'react-admin';

/** An array of plain strings (e.g. a case's tags) as small chips. */
export const TagChips = ({ source = 'tags' }: { source?: string; label?: string }) => {
    const record = useRecordContext();
    const values: unknown = record?.[source];
    if (!Array.isArray(values) || values.length === 0) return null;
    return (
        <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="case-tags">
            {values.map(tag => (
                <Chip key={String(tag)} size="small" label={String(tag)} />
            ))}
        </Stack>
    );
};

export default TagChips;
