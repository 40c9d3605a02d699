import { useEffect, useState } from 'react';
import type { LiveSnapshot } from '../types';
import type { AnalyticsApi } from './analyticsApi';

export interface Live {
    snapshot: LiveSnapshot | null;
    connected: boolean;
    error: string | null;
}

/** The live figures: the snapshot at once, then each the stream sends (a later one always replaces an earlier). */
export const useLiveSnapshot = (api: AnalyticsApi): Live => {
    const [live, setLive] = useState<Live>({ snapshot: null, connected: false, error: null });
    useEffect(() => {
        let gone = false;
        const take = (snapshot: LiveSnapshot) =>
            setLive(previous =>
                gone || (previous.snapshot && previous.snapshot.at > snapshot.at) ? previous : { ...previous, snapshot, error: null },
            );
        api.snapshot().then(take, (error: Error) => !gone && setLive(previous => ({ ...previous, error: error.message })));
        const close = api.live(take, connected => !gone && setLive(previous => ({ ...previous, connected })));
        return () => {
            gone = true;
            close();
        };
    }, [api]);
    return live;
};
