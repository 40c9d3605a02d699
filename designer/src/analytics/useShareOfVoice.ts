import { useCallback, useEffect, useState } from 'react';
import type { AnalyticsReport, ShareOfVoiceTerms } from '../types';
import type { AnalyticsApi } from './analyticsApi';
import type { Period } from './shaping';

export interface ShareOfVoiceState {
    terms: ShareOfVoiceTerms | null;
    report: AnalyticsReport | null;
    loading: boolean;
    error: string | null;
    /** Read the terms and figures again (after the terms were saved). */
    reload: () => void;
}

/** Share of voice's names and its figures over `period` (no figures when no name is set anywhere). */
export const useShareOfVoice = (api: AnalyticsApi, period: Period): ShareOfVoiceState => {
    const [version, setVersion] = useState(0);
    const [state, setState] = useState<Omit<ShareOfVoiceState, 'reload'>>({ terms: null, report: null, loading: true, error: null });
    const { since, until, tz } = period;
    useEffect(() => {
        let gone = false;
        setState(previous => ({ ...previous, loading: true, error: null }));
        const load = async () => {
            const terms = await api.voiceTerms();
            const report = terms.brand ? await api.mentions({ since, until, tz, metric: 'share_of_voice' }) : null;
            return { terms, report };
        };
        load().then(
            ({ terms, report }) => !gone && setState({ terms, report, loading: false, error: null }),
            (error: Error) => !gone && setState({ terms: null, report: null, loading: false, error: error.message }),
        );
        return () => {
            gone = true;
        };
    }, [api, since, until, tz, version]);
    const reload = useCallback(() => setVersion(v => v + 1), []);
    return { ...state, reload };
};
