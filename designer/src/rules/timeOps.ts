// Time operators, mirroring engine/rules/library/times.py and business_hours.py.
// "now" is always an argument; nothing here reads the clock.

const ISO =
    /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]{1,9}))?)?(?:([Zz])|([+-])([0-9]{2}):?([0-9]{2}))?)?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const SHORT_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const CLOCK = /^(?:([01][0-9]|2[0-3]):([0-5][0-9])|24:00)$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const ZONE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;
const FIRST_MS = -62135596800000;
const LAST_MS = 253402300799999;

function daysFromCivil(y: number, month: number, day: number): number {
    const year = month <= 2 ? y - 1 : y;
    const era = Math.floor(year / 400);
    const yearOfEra = year - era * 400;
    const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
    const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

function validDate(year: number, month: number, day: number): boolean {
    if (month < 1 || month > 12 || day < 1) return false;
    const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0;
    return day <= DAYS_IN_MONTH[month - 1] + leap;
}

function parseIso(text: string): number | null {
    const match = ISO.exec(text);
    if (match === null) return null;
    const [year, month, day] = [1, 2, 3].map((i) => Number(match[i]));
    const [hour, minute, second] = [4, 5, 6].map((i) => Number(match[i] ?? 0));
    if (!validDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
    const millis = Number((match[7] ?? '0').slice(0, 3).padEnd(3, '0'));
    let offset = 0;
    if (match[9] !== undefined) {
        const offHours = Number(match[10]);
        const offMinutes = Number(match[11]);
        if (offHours > 23 || offMinutes > 59) return null;
        offset = (offHours * 60 + offMinutes) * (match[9] === '-' ? -1 : 1);
    }
    const seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + (minute - offset) * 60 + second;
    return seconds * 1000 + millis;
}

export function epochMs(value: unknown): number | null {
    if (typeof value === 'string') return parseIso(value);
    if (typeof value === 'number' && Number.isFinite(value)) return value * 1000;
    return null;
}

export function before(a: unknown, b: unknown): boolean {
    const x = epochMs(a);
    const y = epochMs(b);
    return x !== null && y !== null && x < y;
}

export function after(a: unknown, b: unknown): boolean {
    const x = epochMs(a);
    const y = epochMs(b);
    return x !== null && y !== null && x > y;
}

export function hoursSince(then: unknown, now: unknown): number | null {
    const x = epochMs(then);
    const y = epochMs(now);
    return x === null || y === null ? null : (y - x) / 3_600_000;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

type Hours = [number, number][];

function minutes(text: unknown): number {
    const match = typeof text === 'string' ? CLOCK.exec(text) : null;
    if (match === null) throw new Error(`opening times are 'HH:MM' strings, got ${JSON.stringify(text)}`);
    return match[1] === undefined ? 24 * 60 : Number(match[1]) * 60 + Number(match[2]);
}

function isDate(text: unknown): text is string {
    return typeof text === 'string' && DATE.test(text) &&
        validDate(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
}

// One day's intervals, checked like engine.calendars.BusinessCalendar: ordered, not overlapping.
function dayHours(intervals: unknown): Hours {
    if (!Array.isArray(intervals)) throw new Error('opening hours are a list of [start, end]');
    const hours = intervals.map((interval: unknown): [number, number] => {
        if (!Array.isArray(interval) || interval.length !== 2) throw new Error('an opening interval is [start, end]');
        const [start, end] = [minutes(interval[0]), minutes(interval[1])];
        if (start >= end) throw new Error('an opening interval must end after it starts');
        return [start, end];
    });
    const ordered = [...hours].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    ordered.slice(1).forEach(([start], i) => {
        if (start < ordered[i][1]) throw new Error('opening intervals overlap');
    });
    return hours;
}

interface Calendar {
    format: Intl.DateTimeFormat;
    weekly: Map<string, Hours>;
    holidays: Set<string>;
    exceptions: Map<string, Hours>;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function localFormat(zone: unknown): Intl.DateTimeFormat {
    if (typeof zone !== 'string' || !ZONE.test(zone) || zone === 'localtime') {
        throw new Error('calendar timezone must be an IANA zone name');
    }
    let format = formats.get(zone);
    if (format === undefined) {
        try {
            format = new Intl.DateTimeFormat('en-US', {
                timeZone: zone, hourCycle: 'h23', weekday: 'short',
                year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
            });
        } catch {
            throw new Error(`unknown timezone ${zone}`);
        }
        formats.set(zone, format);
    }
    return format;
}

// The checks of engine.calendars.BusinessCalendar that a designer can trip over.
function parseCalendar(calendar: unknown): Calendar {
    if (!isObject(calendar) || Object.keys(calendar).some((key) => !CALENDAR_KEYS.includes(key))) {
        throw new Error('the calendar is an object with timezone, weekly, holidays and exceptions');
    }
    const format = localFormat(calendar.timezone);
    const { weekly } = calendar;
    if (!isObject(weekly) || Object.keys(weekly).some((key) => !(DAYS as readonly string[]).includes(key))) {
        throw new Error(`calendar weekly hours must map days ${DAYS.join(', ')} to intervals`);
    }
    const holidays = 'holidays' in calendar ? calendar.holidays : [];
    if (!Array.isArray(holidays) || !holidays.every(isDate)) {
        throw new Error("calendar holidays must be a list of 'YYYY-MM-DD' dates");
    }
    const exceptions = 'exceptions' in calendar ? calendar.exceptions : {};
    if (!isObject(exceptions) || !Object.keys(exceptions).every(isDate)) {
        throw new Error("calendar exceptions must map 'YYYY-MM-DD' dates to intervals");
    }
    if (Object.keys(exceptions).some((day) => holidays.includes(day))) {
        throw new Error('a date is both a holiday and an exception');
    }
    return {
        format,
        weekly: new Map(DAYS.map((day) => [day, day in weekly ? dayHours(weekly[day]) : []])),
        holidays: new Set(holidays),
        exceptions: new Map(Object.entries(exceptions).map(([day, hours]) => [day, dayHours(hours)])),
    };
}

const CALENDAR_KEYS = ['timezone', 'weekly', 'holidays', 'exceptions'];

export function inBusinessHours(moment: unknown, calendar: unknown): boolean {
    const { format, weekly, holidays, exceptions } = parseCalendar(calendar);
    const ms = epochMs(moment);
    if (ms === null || ms < FIRST_MS || ms > LAST_MS) return false;
    const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
    const date = `${parts.year.padStart(4, '0')}-${parts.month}-${parts.day}`;
    const hours = holidays.has(date) ? [] : exceptions.get(date) ?? weekly.get(DAYS[SHORT_DAYS.indexOf(parts.weekday)]) ?? [];
    const now = Number(parts.hour) * 60 + Number(parts.minute);
    return hours.some(([start, end]) => start <= now && now < end);
}
