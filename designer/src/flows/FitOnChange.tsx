import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import type { RefObject } from 'react';

// Whole flow in view, never zoomed out so far that 14 px labels read under 12 px (a wider flow pans).
export const FIT_VIEW = { padding: 0.08, minZoom: 0.86, maxZoom: 1 };

/** Fits the flow again when a node is added or removed, and when the canvas changes size (a narrower window). */
export const FitOnChange = ({ count, box }: { count: number; box: RefObject<HTMLDivElement | null> }) => {
    const { fitView } = useReactFlow();
    useEffect(() => {
        const frame = requestAnimationFrame(() => void fitView(FIT_VIEW));
        return () => cancelAnimationFrame(frame);
    }, [count, fitView]);
    useEffect(() => {
        const element = box.current;
        if (!element || typeof ResizeObserver === 'undefined') return;
        const observer = new ResizeObserver(() => void fitView(FIT_VIEW));
        observer.observe(element);
        return () => observer.disconnect();
    }, [box, fitView]);
    return null;
};

export default FitOnChange;
