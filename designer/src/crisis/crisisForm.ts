// Crisis mode's settings form: what the form holds (text for numbers, so a field can be empty while typed),
// the payload it sends (PUT /api/crisis/settings), and the checks made before sending (the API checks again).
import type { CrisisSettings, CrisisSettingsInput } from '../types';

export interface BackupRow {
    team_id: string;
    queues: string[];
}

export interface CrisisForm {
    enabled: boolean;
    interval_seconds: string;
    window_seconds: string;
    baseline_weeks: string;
    ratio: string;
    min_mentions: string;
    negative_ratio: string;
    min_negative: string;
    end_ratio: string;
    calm_checks: string;
    negative_below: string;
    topics: string;
    crisis_flow: string;
    backup: BackupRow[];
    notify_roles: string[];
    /** Users told besides the roles: not edited here, kept as they are. */
    notify_users: string[];
}

export const NOTIFY_ROLES = ['supervisor', 'ops_lead', 'admin', 'agent', 'auditor'] as const;

export const formOf = (settings: CrisisSettings): CrisisForm => ({
    enabled: settings.enabled,
    interval_seconds: String(settings.interval_seconds),
    window_seconds: String(settings.window_seconds),
    baseline_weeks: String(settings.baseline_weeks),
    ratio: String(settings.thresholds.ratio),
    min_mentions: String(settings.thresholds.min_mentions),
    negative_ratio: String(settings.thresholds.negative_ratio),
    min_negative: String(settings.thresholds.min_negative),
    end_ratio: String(settings.thresholds.end_ratio),
    calm_checks: String(settings.thresholds.calm_checks),
    negative_below: String(settings.thresholds.negative_below),
    topics: settings.topics.join(', '),
    crisis_flow: settings.crisis_flow ?? '',
    backup: settings.backup.map(row => ({ team_id: row.team_id, queues: [...row.queues] })),
    notify_roles: [...settings.notify_roles],
    notify_users: [...settings.notify_users],
});

type Ranges = Record<string, [number, number, boolean]>; // [min, max, whole number]
const RANGES: Ranges = {
    interval_seconds: [30, 3600, true],
    window_seconds: [60, 86400, true],
    baseline_weeks: [1, 12, true],
    ratio: [1.01, 1000, false],
    min_mentions: [1, 1_000_000, true],
    negative_ratio: [1.01, 1000, false],
    min_negative: [1, 1_000_000, true],
    end_ratio: [0, 1000, false],
    calm_checks: [1, 100, true],
    negative_below: [-1, 0, false],
};

/** A message per field that is out of range (empty: all fine). Keys are the API's paths (thresholds.ratio...). */
export const validateCrisis = (form: CrisisForm): Record<string, string> => {
    const errors: Record<string, string> = {};
    for (const [field, [min, max, whole]] of Object.entries(RANGES)) {
        const text = form[field as keyof CrisisForm] as string;
        const value = Number(text);
        const path = field in { interval_seconds: 1, window_seconds: 1, baseline_weeks: 1 } ? field : `thresholds.${field}`;
        if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max || (whole && !Number.isInteger(value))) {
            errors[path] = `${whole ? 'A whole number' : 'A number'} from ${min === 1.01 ? 'above 1' : min} to ${max}`;
        }
    }
    form.backup.forEach((row, n) => {
        if (!row.team_id) errors[`backup.${n}.team_id`] = 'Pick the backup team';
        else if (!row.queues.length) errors[`backup.${n}.queues`] = 'Pick the queues it joins';
        else if (row.queues.includes(row.team_id)) errors[`backup.${n}.queues`] = 'Not its own queue: the queues it helps';
    });
    return errors;
};

export const payloadOf = (form: CrisisForm): CrisisSettingsInput => ({
    enabled: form.enabled,
    interval_seconds: Number(form.interval_seconds),
    window_seconds: Number(form.window_seconds),
    baseline_weeks: Number(form.baseline_weeks),
    thresholds: {
        ratio: Number(form.ratio),
        min_mentions: Number(form.min_mentions),
        negative_ratio: Number(form.negative_ratio),
        min_negative: Number(form.min_negative),
        end_ratio: Number(form.end_ratio),
        calm_checks: Number(form.calm_checks),
        negative_below: Number(form.negative_below),
    },
    topics: form.topics
        .split(',')
        .map(topic => topic.trim())
        .filter(Boolean),
    crisis_flow: form.crisis_flow || null,
    backup: form.backup.map(row => ({ team_id: row.team_id, queues: row.queues })),
    notify_roles: form.notify_roles as CrisisSettingsInput['notify_roles'],
    notify_users: form.notify_users,
});

/** "4 min", "1 h 30 min": a duration in seconds as the page says it. */
export const duration = (seconds: number): string => {
    if (seconds < 60) return `${seconds} s`;
    const minutes = Math.round(seconds / 60);
    if (minutes < 60) return `${minutes} min`;
    const hours = Math.floor(minutes / 60);
    return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
};
