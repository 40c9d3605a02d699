// The team forms' values and the API bodies made from them (POST /api/teams, PATCH /api/teams/{id}).
import type { Team } from '../types';

export type Strategy = 'round_robin' | 'least_loaded' | 'skills' | 'manual';

/** A team as `GET /api/teams/{id}` answers: its settings, members and queue. */
export interface TeamRecord extends Team {
    department: string;
    strategy: Strategy;
    relax_optional_after_seconds: number | null;
    allow_pull: boolean;
    claim_idle_seconds: number;
    /** Its agents' ids, by name. */
    members: string[];
    /** Cases waiting for an agent. */
    waiting: number;
    /** When the case that has waited longest began waiting; null: none waits. */
    oldest_waiting_since: string | null;
}

export const STRATEGY_CHOICES: { id: Strategy; name: string; help: string }[] = [
    { id: 'round_robin', name: 'Round robin', help: 'Each agent in turn' },
    { id: 'least_loaded', name: 'Least loaded', help: 'The agent with the fewest open cases' },
    { id: 'skills', name: 'Best skills', help: 'The agent whose skills fit the case best' },
    { id: 'manual', name: 'Manual', help: 'Nobody is assigned: agents claim or a supervisor assigns' },
];

export interface TeamFormValues {
    id?: string;
    name: string;
    description?: string;
    department?: string;
    strategy?: Strategy;
    allow_pull?: boolean;
    claim_idle_seconds?: number | null;
    relax_optional_after_seconds?: number | null;
    members?: string[];
}

export interface TeamPayload {
    id?: string;
    name?: string;
    description?: string;
    department?: string;
    strategy?: Strategy;
    allow_pull?: boolean;
    claim_idle_seconds?: number;
    relax_optional_after_seconds?: number;
    never_relax?: boolean;
    members?: string[];
}

const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export const validateTeam = (values: TeamFormValues): Record<string, string> => {
    const errors: Record<string, string> = {};
    if (!values.name?.trim()) errors.name = 'Give the team a name';
    else if (values.name.trim().length > 100) errors.name = 'At most 100 characters';
    if (values.id && !ID_PATTERN.test(values.id)) errors.id = 'Lowercase letters, digits, - and _ (or leave empty)';
    const claim = values.claim_idle_seconds;
    if (claim !== null && claim !== undefined && (!Number.isInteger(Number(claim)) || claim < 60 || claim > 604800)) {
        errors.claim_idle_seconds = 'From 60 seconds to a week (604800)';
    }
    const relax = values.relax_optional_after_seconds;
    if (relax !== null && relax !== undefined && (!Number.isInteger(Number(relax)) || relax < 0 || relax > 604800)) {
        errors.relax_optional_after_seconds = 'From 0 to a week (604800); empty: never';
    }
    return errors;
};

/** `POST /api/teams`: what was filled in. */
export const createTeamPayload = (values: TeamFormValues): TeamPayload => {
    const payload: TeamPayload = { name: values.name.trim() };
    if (values.id) payload.id = values.id;
    if (values.description) payload.description = values.description;
    if (values.department) payload.department = values.department;
    if (values.strategy) payload.strategy = values.strategy;
    if (values.allow_pull !== undefined) payload.allow_pull = Boolean(values.allow_pull);
    if (values.claim_idle_seconds != null) payload.claim_idle_seconds = Number(values.claim_idle_seconds);
    if (values.relax_optional_after_seconds != null) {
        payload.relax_optional_after_seconds = Number(values.relax_optional_after_seconds);
    }
    if (values.members?.length) payload.members = [...values.members];
    return payload;
};

/** `PATCH /api/teams/{id}`: only what changed (an emptied "relax after" means never). */
export const changeTeamPayload = (values: TeamFormValues, previous?: Partial<TeamRecord>): TeamPayload => {
    const payload: TeamPayload = {};
    if (values.name?.trim() && values.name.trim() !== previous?.name) payload.name = values.name.trim();
    if ((values.description ?? '') !== (previous?.description ?? '')) payload.description = values.description ?? '';
    if ((values.department ?? '') !== (previous?.department ?? '')) payload.department = values.department ?? '';
    if (values.strategy && values.strategy !== previous?.strategy) payload.strategy = values.strategy;
    if (values.allow_pull !== undefined && Boolean(values.allow_pull) !== previous?.allow_pull) {
        payload.allow_pull = Boolean(values.allow_pull);
    }
    if (values.claim_idle_seconds != null && Number(values.claim_idle_seconds) !== previous?.claim_idle_seconds) {
        payload.claim_idle_seconds = Number(values.claim_idle_seconds);
    }
    const relax = values.relax_optional_after_seconds;
    if (relax == null || (relax as unknown) === '') {
        if (previous?.relax_optional_after_seconds != null) payload.never_relax = true;
    } else if (Number(relax) !== previous?.relax_optional_after_seconds) {
        payload.relax_optional_after_seconds = Number(relax);
    }
    return payload;
};

/** "12 min", "3 h 5 min", "2 d 4 h": how long the oldest case has waited. */
export const waitedFor = (since: string | null | undefined, now: Date = new Date()): string => {
    if (!since) return '—';
    const minutes = Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / 60000));
    if (minutes < 60) return `${minutes} min`;
    const hours = Math.floor(minutes / 60);
    if (hours < 24) return `${hours} h ${minutes % 60} min`;
    return `${Math.floor(hours / 24)} d ${hours % 24} h`;
};
