import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import { formatSeconds } from './model';

interface SecondsInputProps {
    label: string;
    /** Business seconds; null: not set. */
    value: number | null | undefined;
    onChange: (seconds: number | null) => void;
    error?: string;
    /** Empty allowed (no target). */
    optional?: boolean;
    testId?: string;
}

/** A duration typed in minutes, kept in seconds, read back as "4 h" under the field. */
export const SecondsInput = ({ label, value, onChange, error, optional = true, testId }: SecondsInputProps) => {
    const [text, setText] = useState(value == null ? '' : String(value / 60));
    useEffect(() => {
        setText(current => (Number(current) * 60 === value || (value == null && current === '') ? current : value == null ? '' : String(value / 60)));
    }, [value]);
    return (
        <TextField
            label={`${label} (minutes)`}
            size="small"
            value={text}
            onChange={event => {
                const next = event.target.value;
                setText(next);
                if (next.trim() === '') onChange(null);
                else if (!Number.isNaN(Number(next))) onChange(Math.round(Number(next) * 60));
            }}
            error={Boolean(error)}
            helperText={error ?? (value != null ? formatSeconds(value) : optional ? 'Empty: none' : ' ')}
            sx={{ width: 190 }}
            slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': testId } }}
        />
    );
};

export default SecondsInput;
