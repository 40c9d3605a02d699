import { useEffect, useRef, useState } from 'react';
import type { AnalyticsReport } from '../types';
import type { AnalyticsApi } from './analyticsApi';
import type { Period } from './shaping';

export interface Reports {
    opened?: AnalyticsReport;
    closed?: AnalyticsReport;
    firstResponse?: AnalyticsReport;
    resolution?: AnalyticsReport;
    sla?: AnalyticsReport;
    /** Auto-replies sent to the cases opened each day, and the cases closed each day they resolved alone. */
    autoReplies?: AnalyticsReport;
    resolvedByAutoReply?: AnalyticsReport;
    /** Per channel, its mentions per day. */
    mentions: Record<string, AnalyticsReport>;
}

export interface ReportsState {
    reports: Reports;
    loading: boolean;
    error: string | null;
}

const EMPTY: Reports = { mentions: {} };

/**
 * The charts' reports for `period` (and `teamId`, which case metrics are filtered by; mentions are not a team's
 * until a case takes them, so their volume is every channel's): one request per metric, grouped by day.
 * A new `refreshed` (a time) reads them again in place: the charts shown stay until the new figures replace them.
 */
export const useReports = (api: AnalyticsApi, period: Period, teamId: string | null, refreshed = 0): ReportsState => {
    const [state, setState] = useState<ReportsState>({ reports: EMPTY, loading: true, error: null });
    const { since, until, tz } = period;
    const shown = useRef<string | null>(null);
    useEffect(() => {
        let gone = false;
        const what = JSON.stringify([since, until, tz, teamId]);
        const again = shown.current === what; // the same charts, read again: no loading state, no flicker
        shown.current = what;
        if (!again) setState(previous => ({ ...previous, loading: true, error: null }));
        const base = { since, until, tz, team_id: teamId ?? undefined };
        const day = { ...base, group_by: 'day' as const };
        const load = async (): Promise<Reports> => {
            const [opened, closed, firstResponse, resolution, sla, autoReplies, resolvedByAutoReply, channels] = await Promise.all([
                api.cases({ ...day, metric: 'opened' }),
                api.cases({ ...day, metric: 'closed' }),
                api.cases({ ...day, metric: 'first_response' }),
                api.cases({ ...day, metric: 'resolution' }),
                api.cases({ ...base, metric: 'sla' }),
                api.cases({ ...day, metric: 'auto_replies' }),
                api.cases({ ...day, metric: 'resolved_by_auto_reply' }),
                api.mentions({ since, until, tz, group_by: 'channel' }),
            ]);
            const names = channels.rows.filter(row => row.count > 0 && row.group).map(row => row.group as string);
            const perChannel = await Promise.all(names.map(channel => api.mentions({ since, until, tz, group_by: 'day', channel })));
            return { opened, closed, firstResponse, resolution, sla, autoReplies, resolvedByAutoReply, mentions: Object.fromEntries(names.map((name, i) => [name, perChannel[i]])) };
        };
        load().then(
            reports => !gone && setState({ reports, loading: false, error: null }),
            (error: Error) => !gone && !again && setState({ reports: EMPTY, loading: false, error: error.message }),
        );
        return () => {
            gone = true;
        };
    }, [api, since, until, tz, teamId, refreshed]);
    return state;
};
