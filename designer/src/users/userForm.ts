// Pure helpers for the user forms: no React, so they are tested directly.
import { ROLE_LABELS } from '../auth/access';
import type { Role } from '../auth/access';
import type { UserChangePayload, UserCreatePayload } from '../dataProvider';
import type { User } from '../types';

/** What each role may do, in a line (api/auth/permissions.py). */
export const ROLE_SUMMARIES: Record<Role, string> = {
    agent: "works their teams' cases",
    supervisor: 'works cases; approves replies, takes over and transfers cases, merges customers',
    ops_lead: 'reads everything; edits flows, experts and agents',
    auditor: 'reads everything and changes nothing',
    admin: 'everything, users and sources included',
};

/** In the order of least to most power. */
export const ROLES: readonly Role[] = ['agent', 'supervisor', 'ops_lead', 'auditor', 'admin'];

export const roleChoices = ROLES.map(id => ({ id, name: ROLE_LABELS[id] }));

/** Roles that work cases need a team (the API refuses an agent without one). */
export const needsTeam = (role: string | undefined): boolean => role === 'agent';

export interface UserFormValues {
    email?: string;
    name?: string | null;
    role?: Role;
    teams?: string[] | null;
    disabled?: boolean;
    /** A new password (create: the first one); blank on edit: unchanged. */
    password?: string | null;
}

const teamList = (teams: readonly string[] | null | undefined): string[] => [...new Set(teams ?? [])];

/** POST /api/users: the password as typed (spaces count), the rest trimmed. */
export const createUserPayload = (values: UserFormValues): UserCreatePayload => ({
    email: (values.email ?? '').trim(),
    name: (values.name ?? '').trim(),
    role: values.role as Role,
    teams: teamList(values.teams),
    password: values.password ?? '',
});

const sameTeams = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && [...a].sort().every((team, index) => team === [...b].sort()[index]);

/**
 * PATCH /api/users/{id}: only what changed from `previous`, so an admin saving their own account never sends a
 * role or a disabled flag they cannot change; a blank password leaves it as it is.
 */
export const changeUserPayload = (values: UserFormValues, previous?: Partial<User>): UserChangePayload => {
    const out: UserChangePayload = {};
    const name = (values.name ?? '').trim();
    if (name !== (previous?.name ?? '')) out.name = name;
    if (values.role && values.role !== previous?.role) out.role = values.role;
    const teams = teamList(values.teams);
    if (!sameTeams(teams, previous?.teams ?? [])) out.teams = teams;
    if (values.disabled !== undefined && values.disabled !== (previous?.disabled ?? false)) out.disabled = values.disabled;
    if (values.password) out.password = values.password;
    return out;
};
