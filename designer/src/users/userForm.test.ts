import { describe, expect, it } from 'vitest';
import { USER_FORM_FIELDS } from '../dataProvider';
import { changeUserPayload, createUserPayload, needsTeam, roleChoices } from './userForm';

const grace = {
    id: 'grace',
    email: 'grace@example.com',
    name: 'Grace Hopper',
    role: 'agent' as const,
    teams: ['support'],
    disabled: false,
};

describe('createUserPayload', () => {
    it('sends what POST /api/users takes: trimmed, teams once each, the password as typed', () => {
        expect(
            createUserPayload({
                email: ' zed@example.com ',
                name: ' Zed ',
                role: 'agent',
                teams: ['support', 'support', 'marketing'],
                password: ' spaces count ',
            }),
        ).toEqual({
            email: 'zed@example.com',
            name: 'Zed',
            role: 'agent',
            teams: ['support', 'marketing'],
            password: ' spaces count ',
        });
        expect(createUserPayload({ email: 'a@b.c', role: 'auditor', teams: null })).toEqual({
            email: 'a@b.c',
            name: '',
            role: 'auditor',
            teams: [],
            password: '',
        });
    });
});

describe('changeUserPayload', () => {
    it('sends only what changed', () => {
        expect(changeUserPayload({ ...grace }, grace)).toEqual({});
        expect(changeUserPayload({ ...grace, role: 'supervisor', teams: ['marketing', 'support'] }, grace)).toEqual({
            role: 'supervisor',
            teams: ['marketing', 'support'],
        });
        // The same teams in another order are no change.
        expect(changeUserPayload({ ...grace, teams: ['support'] }, grace)).toEqual({});
        expect(changeUserPayload({ ...grace, name: ' Grace B. Hopper ', disabled: true }, grace)).toEqual({
            name: 'Grace B. Hopper',
            disabled: true,
        });
    });

    it('sends a new password only when one is typed', () => {
        expect(changeUserPayload({ ...grace, password: '' }, grace)).toEqual({});
        expect(changeUserPayload({ ...grace, password: null }, grace)).toEqual({});
        expect(changeUserPayload({ ...grace, password: 'a long new one' }, grace)).toEqual({ password: 'a long new one' });
    });

    it('can empty the teams (every team), and never sends the email', () => {
        const payload = changeUserPayload({ ...grace, email: 'other@example.com', role: 'auditor', teams: [] }, grace);
        expect(payload).toEqual({ role: 'auditor', teams: [] });
    });
});

describe('user roles', () => {
    it('offers the five roles, and asks a team of agents only', () => {
        expect(roleChoices.map(choice => choice.id)).toEqual(['agent', 'supervisor', 'ops_lead', 'auditor', 'admin']);
        expect(needsTeam('agent')).toBe(true);
        expect(needsTeam('supervisor')).toBe(false);
    });

    it("names every field the API's refusals do", () => {
        for (const field of ['email', 'password', 'teams', 'role', 'disabled']) expect(USER_FORM_FIELDS).toContain(field);
    });
});
