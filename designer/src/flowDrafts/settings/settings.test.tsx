import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { FlowDocument } from '../../types';
import { CalendarsEditor } from './CalendarsEditor';
import { errorsUnder, formatSeconds, validateCalendars, validateSlaPolicies } from './model';
import type { Calendars, SlaPolicyDoc } from './model';
import { SlaPoliciesEditor } from './SlaPoliciesEditor';
import { SlaSettingsTab } from './SlaSettingsTab';

const hours: Calendars = {
    support_hours: {
        timezone: 'Europe/London',
        weekly: { mon: [['09:00', '18:00']], tue: [['09:00', '18:00']] },
        holidays: ['2026-12-25'],
    },
};
const policies: SlaPolicyDoc[] = [
    {
        id: 'urgent',
        first_response_seconds: 900,
        resolution_seconds: 14400,
        warn_before_seconds: 300,
        escalation: [{ after_seconds: 0, actions: [{ type: 'notify', to: 'supervisor' }] }],
    },
    { id: 'low', first_response_seconds: 28800, calendar: 'support_hours' },
];

/** A controlled editor as the draft editor mounts it: state above, changes recorded. */
const Controlled = <T,>({ initial, render: draw, seen }: { initial: T; render: (value: T, set: (v: T) => void) => React.ReactNode; seen: (v: T) => void }) => {
    const [value, setValue] = useState(initial);
    return (
        <>
            {draw(value, next => {
                seen(next);
                setValue(next);
            })}
        </>
    );
};

describe('SLA settings: checks', () => {
    it('finds what the engine would refuse in policies, with JSON pointers', () => {
        const bad: SlaPolicyDoc[] = [
            { id: 'a', first_response_seconds: 600, warn_before_seconds: 600, calendar: 'nowhere' },
            { id: 'a', escalation: [{ after_seconds: 60, actions: [{ type: 'move_queue', to: '' }] }, { after_seconds: 30, actions: [] }] },
        ];
        expect(validateSlaPolicies(bad, ['support_hours'])).toEqual({
            '/0/warn_before_seconds': 'The warning must come before every deadline: shorter than each target',
            '/0/calendar': 'No calendar nowhere: pick one or 24/7',
            '/1/id': 'Another policy is called a',
            '/1/escalation/0/actions/0/to': 'Which queue (a team id)',
            '/1/escalation/1/after_seconds': 'Must come after the level before',
            '/1/escalation/1/actions': 'Give the level at least one action',
        });
        expect(validateSlaPolicies(policies, ['support_hours'])).toEqual({});
    });

    it('finds bad hours, overlaps, bad holidays and a calendar that never opens', () => {
        expect(
            validateCalendars({
                x: { timezone: '', weekly: { mon: [['10:00', '09:00']], tue: [['09:00', '12:00'], ['11:00', '13:00']] }, holidays: ['25/12'] },
                closed: { timezone: 'UTC', weekly: {} },
            }),
        ).toEqual({
            '/x/timezone': 'Pick a time zone, e.g. Europe/London',
            '/x/weekly/mon/0': 'Must end after it starts',
            '/x/weekly/tue': 'Tuesday: hours overlap',
            '/x/holidays/0': 'A date, YYYY-MM-DD',
            '/closed/weekly': 'Open on at least one day (an SLA on a calendar that never opens never ends)',
        });
        expect(validateCalendars(hours)).toEqual({});
    });

    it("takes the API's errors under a part of the node, relative to it", () => {
        const errors = [
            { path: '/nodes/4/content/policies/1/first_response_seconds', message: 'must be > 0' },
            { path: '/nodes/4/content/calendars/support_hours/timezone', message: 'unknown IANA time zone' },
            { path: '/nodes/2/content', message: 'elsewhere' },
            { path: '/document/nodes/4/content/policies/0/id', message: 'duplicate policy id' },
        ];
        expect(errorsUnder(errors, '/nodes/4/content/policies')).toEqual({
            '/1/first_response_seconds': 'must be > 0',
            '/0/id': 'duplicate policy id',
        });
        expect(errorsUnder(errors, '/nodes/4/content/calendars')).toEqual({ '/support_hours/timezone': 'unknown IANA time zone' });
        expect(formatSeconds(14400)).toBe('4 h');
        expect(formatSeconds(90000)).toBe('1 d 1 h');
    });
});

describe('SlaPoliciesEditor', () => {
    it('edits a target in minutes, kept in seconds, adds an escalation level and a policy, and shows errors on fields', () => {
        const seen = vi.fn();
        render(
            <Controlled
                initial={policies}
                seen={seen}
                render={(value, set) => (
                    <SlaPoliciesEditor value={value} onChange={set} calendars={['support_hours']} errors={{ '/1/first_response_seconds': 'must be more than 0' }} />
                )}
            />,
        );
        const cards = screen.getAllByTestId('sla-policy');
        expect(cards.map(card => card.dataset.policy)).toEqual(['urgent', 'low']);
        const first = within(cards[0]).getByTestId('sla-first_response_seconds');
        expect(first).toHaveValue('15');
        fireEvent.change(first, { target: { value: '30' } });
        expect(seen.mock.lastCall?.[0][0].first_response_seconds).toBe(1800);
        expect(within(cards[0]).getByText('30 min')).toBeInTheDocument();
        // Emptied: no such target (left out of the document).
        fireEvent.change(within(cards[0]).getByTestId('sla-resolution_seconds'), { target: { value: '' } });
        expect(seen.mock.lastCall?.[0][0]).not.toHaveProperty('resolution_seconds');

        expect(within(cards[1]).getByTestId('sla-first_response_seconds')).toHaveAccessibleDescription('must be more than 0');
        fireEvent.click(within(cards[0]).getByRole('button', { name: 'Escalation level' }));
        expect(seen.mock.lastCall?.[0][0].escalation).toEqual([
            { after_seconds: 0, actions: [{ type: 'notify', to: 'supervisor' }] },
            { after_seconds: 900, actions: [{ type: 'notify', to: 'supervisor' }] },
        ]);
        fireEvent.click(screen.getByTestId('sla-policy-add'));
        expect(seen.mock.lastCall?.[0].map((p: SlaPolicyDoc) => p.id)).toEqual(['urgent', 'low', 'policy-3']);
        fireEvent.click(screen.getByRole('button', { name: 'Remove policy low' }));
        expect(seen.mock.lastCall?.[0].map((p: SlaPolicyDoc) => p.id)).toEqual(['urgent', 'policy-3']);
    });
});

describe('CalendarsEditor', () => {
    it('edits weekly hours per day, adds a holiday, closes a day and shows an error on its interval', () => {
        const seen = vi.fn();
        render(
            <Controlled
                initial={hours}
                seen={seen}
                render={(value, set) => (
                    <CalendarsEditor value={value} onChange={set} errors={{ '/support_hours/weekly/tue/0': 'intervals overlap' }} />
                )}
            />,
        );
        const monday = screen.getAllByTestId('calendar-day').find(day => day.dataset.day === 'mon')!;
        fireEvent.change(within(monday).getByTestId('closes-mon-0'), { target: { value: '17:30' } });
        expect(seen.mock.lastCall?.[0].support_hours.weekly.mon).toEqual([['09:00', '17:30']]);
        fireEvent.click(screen.getByRole('button', { name: 'Add hours on Saturday' }));
        expect(seen.mock.lastCall?.[0].support_hours.weekly.sat).toEqual([['09:00', '17:00']]);
        fireEvent.click(screen.getByRole('button', { name: 'Remove Monday hours 1' }));
        expect(seen.mock.lastCall?.[0].support_hours.weekly).not.toHaveProperty('mon');
        expect(within(monday).getByText('Closed')).toBeInTheDocument();
        expect(screen.getByTestId('closes-tue-0')).toHaveAccessibleDescription('intervals overlap');

        fireEvent.change(screen.getByTestId('calendar-holiday-date'), { target: { value: '2026-12-26' } });
        fireEvent.click(screen.getByTestId('calendar-holiday-add'));
        expect(seen.mock.lastCall?.[0].support_hours.holidays).toEqual(['2026-12-25', '2026-12-26']);
        expect(screen.getAllByTestId('calendar-holiday').map(chip => chip.textContent)).toEqual(['2026-12-25', '2026-12-26']);
        expect(screen.getByTestId('calendar-timezone')).toHaveValue('Europe/London');

        fireEvent.click(screen.getByTestId('calendar-add'));
        expect(Object.keys(seen.mock.lastCall?.[0])).toEqual(['support_hours', 'hours-2']);
    });
});

describe('SlaSettingsTab', () => {
    it("edits only the SLA node's policies and calendars; a renamed calendar's policies follow it", () => {
        const document: FlowDocument = {
            nodes: [
                { id: 't', type: 'triage', name: 'Triage', content: { priority: 'normal' }, position: { x: 0, y: 0 } },
                { id: 'sla', type: 'sla', name: 'SLA', content: { policies, calendars: hours, select: { default: 'low' } }, position: { x: 1, y: 0 } },
            ],
            edges: [],
        } as unknown as FlowDocument;
        const seen = vi.fn();
        render(<Controlled initial={document} seen={seen} render={(value, set) => <SlaSettingsTab document={value} onChange={set} errors={[{ path: '/nodes/1/content/calendars/support_hours/timezone', message: 'unknown IANA time zone' }]} />} />);
        expect(screen.getByTestId('calendar-timezone')).toHaveAccessibleDescription('unknown IANA time zone');
        const name = screen.getByTestId('calendar-name');
        fireEvent.change(name, { target: { value: 'office' } });
        fireEvent.blur(name);
        const changed = seen.mock.lastCall?.[0] as FlowDocument;
        expect(changed.nodes[0]).toBe(document.nodes[0]);
        const content = changed.nodes[1].content as { calendars: Calendars; policies: SlaPolicyDoc[]; select: unknown };
        expect(Object.keys(content.calendars)).toEqual(['office']);
        expect(content.policies[1].calendar).toBe('office');
        expect(content.select).toEqual({ default: 'low' });
    });
});
