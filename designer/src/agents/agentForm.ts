// The agent form's values and the PATCH /api/agents/{id} body made from them: capacity per channel and skills are
// maps in the API (channel -> cap, skill -> level) and rows in the form, so each can be added and removed.
import type { Agent } from '../types';

/** An agent as `GET /api/agents/{id}` answers. */
export type AgentProfile = Agent;

export interface ChannelCapRow {
    channel: string;
    capacity: number | null;
}

export interface SkillRow {
    skill: string;
    level: number | null;
}

export interface AgentFormValues {
    id: string;
    online: boolean;
    capacity: number | null;
    channel_capacity: ChannelCapRow[];
    skills: SkillRow[];
    languages: string[];
    channels: string[];
    team_id: string;
}

/** `PATCH /api/agents/{id}`: only what changed. */
export interface AgentChangePayload {
    online?: boolean;
    capacity?: number;
    channel_capacity?: Record<string, number>;
    skills?: Record<string, number>;
    languages?: string[];
    channels?: string[];
    team_id?: string;
}

export const SKILL_LEVELS = [
    { id: 1, name: '1 · novice' },
    { id: 2, name: '2' },
    { id: 3, name: '3 · competent' },
    { id: 4, name: '4' },
    { id: 5, name: '5 · expert' },
];

const SKILL_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export const toFormValues = (agent: AgentProfile): AgentFormValues => ({
    id: agent.id,
    online: agent.online,
    capacity: agent.capacity ?? 0,
    channel_capacity: Object.entries(agent.channel_capacity ?? {}).map(([channel, capacity]) => ({ channel, capacity })),
    skills: Object.entries(agent.skills ?? {}).map(([skill, level]) => ({ skill, level })),
    languages: [...(agent.languages ?? [])],
    channels: [...(agent.channels ?? [])],
    team_id: agent.team_id,
});

const capacityError = (value: unknown, most = 1000): string | undefined => {
    if (value === null || value === undefined || value === '') return 'Give a number (0 takes nothing)';
    const n = Number(value);
    if (!Number.isInteger(n)) return 'A whole number of cases';
    if (n < 0) return 'Cannot be negative: 0 takes nothing';
    if (n > most) return `At most ${most}`;
    return undefined;
};

/** Errors per field, as react-admin's form `validate` returns them (nested for rows). */
export const validateAgent = (values: AgentFormValues): Record<string, unknown> => {
    const errors: Record<string, unknown> = {};
    const capacity = capacityError(values.capacity);
    if (capacity) errors.capacity = capacity;
    const seenChannels = new Set<string>();
    const channelErrors = (values.channel_capacity ?? []).map(row => {
        const rowErrors: Record<string, string> = {};
        if (!row?.channel) rowErrors.channel = 'Pick a channel';
        else if (seenChannels.has(row.channel)) rowErrors.channel = 'Already capped above';
        else seenChannels.add(row.channel);
        const cap = capacityError(row?.capacity);
        if (cap) rowErrors.capacity = cap;
        return rowErrors;
    });
    if (channelErrors.some(row => Object.keys(row).length)) errors.channel_capacity = channelErrors;
    const seenSkills = new Set<string>();
    const skillErrors = (values.skills ?? []).map(row => {
        const rowErrors: Record<string, string> = {};
        const skill = (row?.skill ?? '').trim();
        if (!skill) rowErrors.skill = 'Name the skill';
        else if (!SKILL_PATTERN.test(skill)) rowErrors.skill = 'Lowercase letters, digits, - and _ (e.g. billing)';
        else if (seenSkills.has(skill)) rowErrors.skill = 'Listed twice';
        else seenSkills.add(skill);
        const level = Number(row?.level);
        if (row?.level === null || row?.level === undefined || !Number.isInteger(level) || level < 1 || level > 5) {
            rowErrors.level = 'A level from 1 (novice) to 5 (expert)';
        }
        return rowErrors;
    });
    if (skillErrors.some(row => Object.keys(row).length)) errors.skills = skillErrors;
    const badLanguage = (values.languages ?? []).find(language => !LANGUAGE_PATTERN.test(language));
    if (badLanguage !== undefined) errors.languages = `"${badLanguage}" is not a language tag: use en, fr, pt-BR…`;
    return errors;
};

const sameMap = (a: Record<string, number>, b: Record<string, number>) =>
    Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([key, value]) => b[key] === value);
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((value, index) => b[index] === value);

/** What changed against `previous` (the agent as loaded), in the API's shapes. */
export const changeAgentPayload = (values: AgentFormValues, previous?: Partial<AgentProfile>): AgentChangePayload => {
    const payload: AgentChangePayload = {};
    const channelCapacity = Object.fromEntries(
        (values.channel_capacity ?? []).filter(row => row?.channel).map(row => [row.channel, Number(row.capacity)]),
    );
    const skills = Object.fromEntries(
        (values.skills ?? []).filter(row => row?.skill).map(row => [row.skill.trim(), Number(row.level)]),
    );
    if (values.online !== previous?.online) payload.online = Boolean(values.online);
    if (Number(values.capacity) !== previous?.capacity) payload.capacity = Number(values.capacity);
    if (!sameMap(channelCapacity, previous?.channel_capacity ?? {})) payload.channel_capacity = channelCapacity;
    if (!sameMap(skills, previous?.skills ?? {})) payload.skills = skills;
    if (!sameList(values.languages ?? [], previous?.languages ?? [])) payload.languages = [...(values.languages ?? [])];
    if (!sameList(values.channels ?? [], previous?.channels ?? [])) payload.channels = [...(values.channels ?? [])];
    if (values.team_id && values.team_id !== previous?.team_id) payload.team_id = values.team_id;
    return payload;
};
