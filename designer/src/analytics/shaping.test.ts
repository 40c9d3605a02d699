import { describe, expect, it } from 'vitest';
import { durationsPerDay, formatAge, mentionsPerChannel, mergeDays, periodOf, slaPerTarget, toCsv } from './shaping';
import { caseAnswer, mentionAnswer, report, row } from './testApi';

describe('the dashboard data shaping', () => {
    it('asks for whole local days, today included', () => {
        // In the test's time zone (vitest runs in the machine's; the figures hold in any zone).
        const now = new Date(2026, 11, 4, 15, 30);
        const period = periodOf(7, now, 'Europe/Paris');
        expect(new Date(period.since)).toEqual(new Date(2026, 10, 28));
        expect(new Date(period.until)).toEqual(new Date(2026, 11, 5));
        expect(period.tz).toBe('Europe/Paris');
        expect(new Date(periodOf(90, now).since)).toEqual(new Date(2026, 8, 6));
    });

    it('puts day reports side by side, a day missing from one as null', () => {
        const opened = report('opened', 'day', [row('2026-11-28', 4), row('2026-11-29', 6)]);
        const closed = report('closed', 'day', [row('2026-11-29', 1), row('2026-11-30', 2)]);
        expect(mergeDays({ opened: { report: opened, pick: r => r.count }, closed: { report: closed, pick: r => r.count } })).toEqual([
            { key: '2026-11-28', opened: 4, closed: null },
            { key: '2026-11-29', opened: 6, closed: 1 },
            { key: '2026-11-30', opened: null, closed: 2 },
        ]);
    });

    it('turns durations into minutes or hours and SLA attainment into percent', () => {
        expect(durationsPerDay(caseAnswer({ metric: 'first_response', since: '', until: '' }), 60)).toEqual([
            { key: '2026-11-28', median: 10, p90: 30 },
            { key: '2026-11-29', median: null, p90: null },
        ]);
        expect(durationsPerDay(caseAnswer({ metric: 'resolution', since: '', until: '' }), 3600)[0]).toEqual({ key: '2026-11-28', median: 2, p90: 10 });
        expect(slaPerTarget(caseAnswer({ metric: 'sla', since: '', until: '' }))).toEqual([
            { key: 'First response', attainment: 66.7, met: 2, breached: 1 },
            { key: 'Next response', attainment: null, met: 0, breached: 0 },
            { key: 'Resolution', attainment: 75, met: 3, breached: 1 },
        ]);
    });

    it('makes one series per channel', () => {
        const perChannel = {
            facebook: mentionAnswer({ since: '', until: '', group_by: 'day', channel: 'facebook' }),
            twitter: mentionAnswer({ since: '', until: '', group_by: 'day', channel: 'twitter' }),
        };
        expect(mentionsPerChannel(perChannel)).toEqual([
            { key: '2026-11-28', facebook: 2, twitter: 1 },
            { key: '2026-11-29', facebook: 0, twitter: 2 },
        ]);
    });

    it('writes CSV with a header, empty cells for nothing, quotes where needed and no formulas', () => {
        const csv = toCsv(
            [
                { key: '2026-11-28', median: 10, p90: null },
                { key: 'a, "b"', median: -3, p90: 1 },
                { key: '=HYPERLINK("x")', median: 0, p90: 0 },
            ],
            { key: 'day', median: 'median minutes', p90: 'p90 minutes' },
        );
        expect(csv).toBe(
            'day,median minutes,p90 minutes\r\n2026-11-28,10,\r\n"a, ""b""",-3,1\r\n"\'=HYPERLINK(""x"")",0,0\r\n',
        );
    });

    it('says a wait in the largest units that fit', () => {
        expect([formatAge(null), formatAge(42), formatAge(600), formatAge(3600), formatAge(3900), formatAge(90000)]).toEqual([
            '—',
            '42 s',
            '10 min',
            '1 h',
            '1 h 5 min',
            '1 d 1 h',
        ]);
    });
});
