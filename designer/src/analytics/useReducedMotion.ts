import { useEffect, useState } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

/** Whether the viewer asked for less motion (and screenshots do): charts then draw at once, without animating. */
export const useReducedMotion = (): boolean => {
    const [reduced, setReduced] = useState(() => globalThis.matchMedia?.(QUERY).matches ?? false);
    useEffect(() => {
        const media = globalThis.matchMedia?.(QUERY);
        if (!media) return;
        const changed = () => setReduced(media.matches);
        media.addEventListener?.('change', changed);
        return () => media.removeEventListener?.('change', changed);
    }, []);
    return reduced;
};
