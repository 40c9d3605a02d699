import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { WEEKDAY_LABELS, WEEKDAYS } from './model';
import type { CalendarDoc, Calendars, EditorProps, Interval, SettingsErrors, Weekday } from './model';

/** IANA zone names the browser knows (the engine checks the name against its own tz database). */
const timeZones = (): string[] => {
    const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
    try {
        return intl.supportedValuesOf?.('timeZone') ?? [];
    } catch {
        return [];
    }
};

const DayRow = ({
    day,
    intervals,
    at,
    errors,
    onChange,
}: {
    day: Weekday;
    intervals: Interval[];
    at: string;
    errors: SettingsErrors;
    onChange: (intervals: Interval[]) => void;
}) => {
    const dayError = errors[at];
    return (
        <Stack
            direction={{ xs: 'column', sm: 'row' }}
            gap={1}
            alignItems={{ sm: 'flex-start' }}
            sx={{ py: 0.5, borderBottom: 1, borderColor: 'divider' }}
            data-testid="calendar-day"
            data-day={day}
        >
            <Typography sx={{ width: 110, mt: { sm: 1 } }} variant="body2" fontWeight={500}>
                {WEEKDAY_LABELS[day]}
            </Typography>
            <Stack gap={1} sx={{ flex: 1 }}>
                {intervals.length === 0 && (
                    <Typography variant="body2" color="text.secondary" sx={{ mt: { sm: 1 } }}>
                        Closed
                    </Typography>
                )}
                {intervals.map(([start, end], index) => {
                    const error = errors[`${at}/${index}`];
                    const set = (next: Interval) => onChange(intervals.map((interval, i) => (i === index ? next : interval)));
                    return (
                        <Stack key={index} direction="row" gap={1} alignItems="flex-start" flexWrap="wrap">
                            <TextField
                                size="small"
                                label="Opens"
                                value={start}
                                onChange={event => set([event.target.value, end])}
                                error={Boolean(error)}
                                placeholder="HH:MM"
                                sx={{ width: 110 }}
                                slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': `opens-${day}-${index}` } }}
                            />
                            <TextField
                                size="small"
                                label="Closes"
                                value={end}
                                onChange={event => set([start, event.target.value])}
                                error={Boolean(error)}
                                helperText={error}
                                placeholder="HH:MM or 24:00"
                                sx={{ width: 150 }}
                                slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': `closes-${day}-${index}` } }}
                            />
                            <Tooltip title="Remove these hours">
                                <IconButton aria-label={`Remove ${WEEKDAY_LABELS[day]} hours ${index + 1}`} size="small" sx={{ mt: 0.5 }} onClick={() => onChange(intervals.filter((_x, i) => i !== index))}>
                                    <DeleteIcon fontSize="small" />
                                </IconButton>
                            </Tooltip>
                        </Stack>
                    );
                })}
                {dayError && (
                    <Typography color="error" variant="caption">
                        {dayError}
                    </Typography>
                )}
            </Stack>
            <Box>
                <Button
                    size="small"
                    startIcon={<AddIcon />}
                    aria-label={`Add hours on ${WEEKDAY_LABELS[day]}`}
                    onClick={() => {
                        const last = intervals[intervals.length - 1];
                        onChange([...intervals, last ? [last[1] < '23:00' ? last[1] : '23:00', '24:00'] : ['09:00', '17:00']]);
                    }}
                >
                    Hours
                </Button>
            </Box>
        </Stack>
    );
};

const Holidays = ({
    holidays,
    at,
    errors,
    onChange,
}: {
    holidays: string[];
    at: string;
    errors: SettingsErrors;
    onChange: (holidays: string[]) => void;
}) => {
    const [day, setDay] = useState('');
    const wrong = holidays.map((_h, index) => errors[`${at}/${index}`]).filter(Boolean);
    return (
        <Stack gap={1}>
            <Typography variant="subtitle2">Holidays (closed all day)</Typography>
            <Stack direction="row" gap={0.5} flexWrap="wrap" data-testid="calendar-holidays">
                {holidays.length === 0 && (
                    <Typography variant="body2" color="text.secondary">
                        None
                    </Typography>
                )}
                {[...holidays]
                    .map((holiday, index) => ({ holiday, index }))
                    .sort((a, b) => a.holiday.localeCompare(b.holiday))
                    .map(({ holiday, index }) => (
                        <Chip
                            key={`${holiday}-${index}`}
                            label={holiday}
                            color={errors[`${at}/${index}`] ? 'error' : 'default'}
                            onDelete={() => onChange(holidays.filter((_h, i) => i !== index))}
                            data-testid="calendar-holiday"
                        />
                    ))}
            </Stack>
            {wrong.length > 0 && <Typography color="error" variant="caption">{wrong.join('; ')}</Typography>}
            <Stack direction="row" gap={1} alignItems="center">
                <TextField
                    type="date"
                    size="small"
                    label="Date"
                    value={day}
                    onChange={event => setDay(event.target.value)}
                    slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'calendar-holiday-date' } }}
                />
                <Button
                    size="small"
                    startIcon={<AddIcon />}
                    disabled={!day || holidays.includes(day)}
                    data-testid="calendar-holiday-add"
                    onClick={() => {
                        onChange([...holidays, day]);
                        setDay('');
                    }}
                >
                    Holiday
                </Button>
            </Stack>
        </Stack>
    );
};

const CalendarCard = ({
    name,
    calendar,
    errors,
    zones,
    taken,
    onRename,
    onChange,
    onRemove,
}: {
    name: string;
    calendar: CalendarDoc;
    errors: SettingsErrors;
    zones: string[];
    taken: string[];
    onRename: (name: string) => void;
    onChange: (calendar: CalendarDoc) => void;
    onRemove: () => void;
}) => {
    const at = `/${name}`;
    const [draftName, setDraftName] = useState(name);
    const nameError = !draftName.trim()
        ? 'Name the calendar'
        : draftName !== name && taken.includes(draftName)
          ? 'Another calendar has this name'
          : errors[at];
    const exceptions = Object.keys(calendar.exceptions ?? {});
    return (
        <Card variant="outlined" data-testid="calendar" data-calendar={name}>
            <CardContent>
                <Stack gap={2}>
                    {errors[`${at}/weekly`] && <Alert severity="error">{errors[`${at}/weekly`]}</Alert>}
                    <Stack direction="row" gap={1} alignItems="flex-start" flexWrap="wrap">
                        <TextField
                            size="small"
                            label="Calendar"
                            value={draftName}
                            onChange={event => setDraftName(event.target.value)}
                            onBlur={() => {
                                if (draftName.trim() && draftName !== name && !taken.includes(draftName)) onRename(draftName.trim());
                            }}
                            error={Boolean(nameError)}
                            helperText={nameError ?? 'SLA policies name it'}
                            sx={{ width: 200 }}
                            slotProps={{ htmlInput: { 'data-testid': 'calendar-name' } }}
                        />
                        <Autocomplete
                            freeSolo
                            options={zones}
                            value={calendar.timezone ?? ''}
                            onInputChange={(_event, timezone) => onChange({ ...calendar, timezone })}
                            sx={{ width: 260 }}
                            renderInput={params => (
                                <TextField
                                    {...params}
                                    size="small"
                                    label="Time zone"
                                    error={Boolean(errors[`${at}/timezone`])}
                                    helperText={errors[`${at}/timezone`] ?? 'Hours and holidays are in this zone'}
                                    slotProps={{ htmlInput: { ...params.inputProps, 'data-testid': 'calendar-timezone' } }}
                                />
                            )}
                        />
                        <Box sx={{ flex: 1 }} />
                        <Tooltip title="Remove this calendar">
                            <IconButton aria-label={`Remove calendar ${name}`} onClick={onRemove}>
                                <DeleteIcon />
                            </IconButton>
                        </Tooltip>
                    </Stack>
                    <Box>
                        <Typography variant="subtitle2" gutterBottom>
                            Weekly hours
                        </Typography>
                        {WEEKDAYS.map(day => (
                            <DayRow
                                key={day}
                                day={day}
                                intervals={calendar.weekly?.[day] ?? []}
                                at={`${at}/weekly/${day}`}
                                errors={errors}
                                onChange={intervals => {
                                    const weekly = { ...calendar.weekly };
                                    if (intervals.length) weekly[day] = intervals;
                                    else delete weekly[day];
                                    onChange({ ...calendar, weekly });
                                }}
                            />
                        ))}
                    </Box>
                    <Holidays
                        holidays={calendar.holidays ?? []}
                        at={`${at}/holidays`}
                        errors={errors}
                        onChange={holidays => onChange({ ...calendar, holidays })}
                    />
                    {exceptions.length > 0 && (
                        <Typography variant="body2" color="text.secondary">
                            Exceptional days kept as they are: {exceptions.sort().join(', ')}
                        </Typography>
                    )}
                </Stack>
            </CardContent>
        </Card>
    );
};

const newName = (calendars: Calendars) => {
    let n = Object.keys(calendars).length + 1;
    while (`hours-${n}` in calendars) n += 1;
    return `hours-${n}`;
};

/**
 * The SLA node's `calendars`: per calendar its name, IANA time zone, weekly opening hours per day (several
 * intervals a day; none: closed) and holidays. Exceptional days are kept as they are. Controlled: `value` in, every
 * change out by `onChange`; `errors` (JSON pointers under `calendars`, e.g. `/support_hours/weekly/mon/0`) land on
 * their fields.
 */
export const CalendarsEditor = ({ value, onChange, errors = {} }: EditorProps<Calendars>) => {
    const calendars = value ?? {};
    const zones = useMemo(timeZones, []);
    const names = Object.keys(calendars);
    return (
        <Stack gap={2} data-testid="calendars-editor">
            {names.length === 0 && (
                <Typography variant="body2" color="text.secondary">
                    No calendars: every SLA clock runs 24/7.
                </Typography>
            )}
            {names.map(name => (
                <CalendarCard
                    key={name}
                    name={name}
                    calendar={calendars[name]}
                    errors={errors}
                    zones={zones}
                    taken={names}
                    onRename={next =>
                        onChange(Object.fromEntries(Object.entries(calendars).map(([key, doc]) => [key === name ? next : key, doc])))
                    }
                    onChange={doc => onChange({ ...calendars, [name]: doc })}
                    onRemove={() => onChange(Object.fromEntries(Object.entries(calendars).filter(([key]) => key !== name)))}
                />
            ))}
            <Box>
                <Button
                    variant="outlined"
                    startIcon={<AddIcon />}
                    data-testid="calendar-add"
                    onClick={() =>
                        onChange({
                            ...calendars,
                            [newName(calendars)]: {
                                timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
                                weekly: Object.fromEntries(WEEKDAYS.slice(0, 5).map(day => [day, [['09:00', '17:00']]])),
                                holidays: [],
                            },
                        })
                    }
                >
                    Calendar
                </Button>
            </Box>
        </Stack>
    );
};

export default CalendarsEditor;
