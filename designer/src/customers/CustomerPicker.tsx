import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useGetList } from 'react-admin';
import type { Customer } from '../types';

interface CustomerPickerProps {
    value: Customer | null;
    onChange: (customer: Customer | null) => void;
    /** Left out of the options (the customer whose page this is). */
    excludeId?: string;
    disabled?: boolean;
    label?: string;
    testId?: string;
}

const useDebounced = <T,>(value: T, ms: number): T => {
    const [debounced, setDebounced] = useState(value);
    useEffect(() => {
        const timer = setTimeout(() => setDebounced(value), ms);
        return () => clearTimeout(timer);
    }, [value, ms]);
    return debounced;
};

const lastSeen = (customer: Customer) => {
    const at = Date.parse(customer.last_seen_at);
    return Number.isNaN(at) ? '' : `last seen ${new Date(at).toLocaleString()}`;
};

/** Search customers by name (`q` on /api/customers; merged customers are not offered). */
export const CustomerPicker = ({
    value,
    onChange,
    excludeId,
    disabled,
    label = 'Customer',
    testId = 'customer-picker',
}: CustomerPickerProps) => {
    const [input, setInput] = useState('');
    const q = useDebounced(input.trim(), 250);
    const { data = [], isFetching } = useGetList<Customer>('customers', {
        filter: q ? { q } : {},
        pagination: { page: 1, perPage: 20 },
        sort: { field: 'name', order: 'ASC' },
    });
    const options = data.filter(customer => customer.id !== excludeId);
    return (
        <Autocomplete<Customer>
            value={value}
            onChange={(_event, customer) => onChange(customer)}
            inputValue={input}
            onInputChange={(_event, text) => setInput(text)}
            options={value && !options.some(option => option.id === value.id) ? [value, ...options] : options}
            // The API searched already: show what it found.
            filterOptions={found => found}
            getOptionLabel={customer => customer.name}
            isOptionEqualToValue={(option, picked) => option.id === picked.id}
            loading={isFetching}
            disabled={disabled}
            noOptionsText={q ? `No customer named like “${q}”` : 'No other customers'}
            renderOption={(props, customer) => {
                const { key, ...rest } = props;
                return (
                    <Box component="li" key={key} {...rest} data-testid={`${testId}-option`} data-id={customer.id}>
                        <Box>
                            <Typography variant="body2">{customer.name}</Typography>
                            <Typography variant="caption" color="text.secondary">
                                {lastSeen(customer)}
                            </Typography>
                        </Box>
                    </Box>
                );
            }}
            renderInput={params => (
                <TextField
                    {...params}
                    label={label}
                    size="small"
                    slotProps={{ htmlInput: { ...params.inputProps, 'data-testid': testId } }}
                />
            )}
        />
    );
};

export default CustomerPicker;
