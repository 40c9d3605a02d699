// The SLA node's content as the flow document holds it (engine/slas/policy.py, engine/calendars/model.py):
// `policies` (targets in business seconds, a calendar by name, an escalation ladder) and `calendars` (weekly hours in
// an IANA time zone, holidays, exceptional days). Errors are keyed by JSON pointer relative to the part edited
// (`/0/first_response_seconds`, `/support_hours/weekly/mon/0`), as the API's flow errors name them under the node.

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_LABELS: Record<Weekday, string> = {
    mon: 'Monday',
    tue: 'Tuesday',
    wed: 'Wednesday',
    thu: 'Thursday',
    fri: 'Friday',
    sat: 'Saturday',
    sun: 'Sunday',
};

export type Interval = [string, string];

export interface CalendarDoc {
    timezone: string;
    weekly: Partial<Record<Weekday, Interval[]>>;
    holidays?: string[];
    exceptions?: Record<string, Interval[]>;
}

export type Calendars = Record<string, CalendarDoc>;

export type EscalationActionType = 'raise_priority' | 'reassign' | 'notify' | 'move_queue';

export interface EscalationAction {
    type: EscalationActionType;
    to?: string | null;
}

export interface EscalationLevel {
    after_seconds: number;
    actions: EscalationAction[];
}

export interface SlaPolicyDoc {
    id: string;
    first_response_seconds?: number | null;
    next_response_seconds?: number | null;
    resolution_seconds?: number | null;
    warn_before_seconds?: number | null;
    /** A calendar's name in the node's `calendars`; none: 24/7. */
    calendar?: string | null;
    escalation?: EscalationLevel[];
}

/** Messages by JSON pointer relative to the value edited. */
export type SettingsErrors = Record<string, string>;

export interface EditorProps<T> {
    value: T;
    onChange: (value: T) => void;
    errors?: SettingsErrors;
}

export const ACTION_LABELS: Record<EscalationActionType, string> = {
    raise_priority: 'Raise priority',
    reassign: 'Reassign',
    notify: 'Notify',
    move_queue: 'Move to queue',
};

export const TARGET_FIELDS = [
    ['first_response_seconds', 'First response'],
    ['next_response_seconds', 'Next response'],
    ['resolution_seconds', 'Resolution'],
] as const;

/** "15 min", "4 h", "1 d 2 h", "90 s". */
export const formatSeconds = (seconds: number | null | undefined): string => {
    if (seconds == null) return '—';
    if (seconds < 60) return `${seconds} s`;
    const minutes = Math.round(seconds / 60);
    if (minutes < 60) return `${minutes} min`;
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    if (hours < 24) return rest ? `${hours} h ${rest} min` : `${hours} h`;
    const days = Math.floor(hours / 24);
    return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
};

const CLOCK = /^(?:[01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the engine would refuse in the calendars, found before saving. */
export const validateCalendars = (calendars: Calendars): SettingsErrors => {
    const errors: SettingsErrors = {};
    for (const [name, calendar] of Object.entries(calendars ?? {})) {
        if (!name.trim()) errors[`/${name}`] = 'Name the calendar';
        if (!calendar.timezone?.trim()) errors[`/${name}/timezone`] = 'Pick a time zone, e.g. Europe/London';
        for (const day of WEEKDAYS) {
            const intervals = calendar.weekly?.[day] ?? [];
            intervals.forEach(([start, end], index) => {
                const at = `/${name}/weekly/${day}/${index}`;
                if (!CLOCK.test(start) || !CLOCK.test(end)) errors[at] = 'Times are HH:MM, from 00:00 to 24:00';
                else if (start >= end) errors[at] = 'Must end after it starts';
            });
            const sorted = [...intervals].sort((a, b) => a[0].localeCompare(b[0]));
            sorted.slice(1).forEach((interval, index) => {
                if (interval[0] < sorted[index][1]) errors[`/${name}/weekly/${day}`] = `${WEEKDAY_LABELS[day]}: hours overlap`;
            });
        }
        (calendar.holidays ?? []).forEach((holiday, index) => {
            if (!DATE.test(holiday)) errors[`/${name}/holidays/${index}`] = 'A date, YYYY-MM-DD';
        });
        if (!Object.values(calendar.weekly ?? {}).some(intervals => intervals?.length)) {
            errors[`/${name}/weekly`] = 'Open on at least one day (an SLA on a calendar that never opens never ends)';
        }
    }
    return errors;
};

/** What the engine would refuse in the policies, found before saving; `calendars` are the names policies may use. */
export const validateSlaPolicies = (policies: SlaPolicyDoc[], calendars: string[] = []): SettingsErrors => {
    const errors: SettingsErrors = {};
    const seen = new Set<string>();
    (policies ?? []).forEach((policy, index) => {
        const at = `/${index}`;
        if (!policy.id?.trim()) errors[`${at}/id`] = 'Name the policy';
        else if (seen.has(policy.id)) errors[`${at}/id`] = `Another policy is called ${policy.id}`;
        seen.add(policy.id);
        for (const [field] of [...TARGET_FIELDS, ['warn_before_seconds', ''] as const]) {
            const seconds = policy[field];
            if (seconds != null && (!Number.isInteger(seconds) || seconds <= 0)) {
                errors[`${at}/${field}`] = 'More than 0 (empty: no target)';
            }
        }
        const warn = policy.warn_before_seconds;
        if (warn != null && !errors[`${at}/warn_before_seconds`]) {
            const shortest = TARGET_FIELDS.map(([field]) => policy[field]).filter((s): s is number => s != null);
            if (shortest.some(target => target <= warn)) {
                errors[`${at}/warn_before_seconds`] = 'The warning must come before every deadline: shorter than each target';
            }
        }
        if (policy.calendar && !calendars.includes(policy.calendar)) {
            errors[`${at}/calendar`] = `No calendar ${policy.calendar}: pick one or 24/7`;
        }
        (policy.escalation ?? []).forEach((level, levelIndex, levels) => {
            const levelAt = `${at}/escalation/${levelIndex}`;
            if (!Number.isInteger(level.after_seconds) || level.after_seconds < 0) {
                errors[`${levelAt}/after_seconds`] = '0 or more';
            } else if (levelIndex > 0 && level.after_seconds <= levels[levelIndex - 1].after_seconds) {
                errors[`${levelAt}/after_seconds`] = 'Must come after the level before';
            }
            if (!level.actions?.length) errors[`${levelAt}/actions`] = 'Give the level at least one action';
            (level.actions ?? []).forEach((action, actionIndex) => {
                if ((action.type === 'notify' || action.type === 'move_queue') && !action.to?.trim()) {
                    errors[`${levelAt}/actions/${actionIndex}/to`] =
                        action.type === 'notify' ? 'Who: a role (supervisor) or a user id' : 'Which queue (a team id)';
                }
            });
        });
    });
    return errors;
};

/**
 * The errors of one part of the SLA node, relative to it, from the draft's flow errors (JSON pointers from the
 * document's root): `errorsUnder(flowErrors, '/nodes/4/content/policies')`.
 */
export const errorsUnder = (
    flowErrors: { path?: string; message: string }[],
    prefix: string,
): SettingsErrors => {
    const errors: SettingsErrors = {};
    for (const { path: given, message } of flowErrors) {
        // The API may root its pointers at the request body's `document`.
        const path = given?.startsWith('/document/') ? given.slice('/document'.length) : given;
        if (path === prefix || path?.startsWith(`${prefix}/`)) {
            const rest = path.slice(prefix.length) || '/';
            errors[rest] = errors[rest] ? `${errors[rest]}; ${message}` : message;
        }
    }
    return errors;
};

/** Messages at `path` or under it (a row shows what none of its fields does). */
export const messagesUnder = (errors: SettingsErrors | undefined, path: string, except: string[] = []): string[] =>
    Object.entries(errors ?? {})
        .filter(([key]) => (key === path || key.startsWith(`${path}/`)) && !except.some(field => key === `${path}/${field}`))
        .map(([, message]) => message);
