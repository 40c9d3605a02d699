// A Server-Sent Events stream that stays connected: an EventSource retries by itself while the server is away; when
// it gives up (a refusal, e.g. a session that ended and came back), a new one is opened a little later.
const RECONNECT_MS = 5_000;

/**
 * Listens to `types` of events at `url()` (asked again at each reconnection, so a stream can resume where it left
 * off) and tells `onStatus` whether it is connected; answers the function that closes it for good.
 */
export const connectEvents = (
    url: () => string,
    types: readonly string[],
    onMessage: (type: string, message: MessageEvent<string>) => void,
    onStatus: (connected: boolean) => void,
    Source: typeof EventSource | undefined = globalThis.EventSource,
): (() => void) => {
    if (!Source) return () => undefined;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let closed = false;
    const open = () => {
        source = new Source(url(), { withCredentials: true });
        source.onopen = () => onStatus(true);
        source.onerror = () => {
            onStatus(false);
            if (source?.readyState === 2 && !closed) {
                source.close();
                timer = setTimeout(open, RECONNECT_MS);
            }
        };
        for (const type of types) {
            source.addEventListener(type, message => onMessage(type, message as MessageEvent<string>));
        }
    };
    open();
    return () => {
        closed = true;
        if (timer) clearTimeout(timer);
        source?.close();
    };
};
