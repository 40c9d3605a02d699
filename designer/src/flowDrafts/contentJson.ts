// Node content is edited as formatted JSON text; it must parse to an object.
export type ParsedContent =
    | { ok: true; value: Record<string, unknown> }
    | { ok: false; error: string };

export const formatContent = (content: unknown): string => JSON.stringify(content ?? {}, null, 2);

export const parseContent = (text: string): ParsedContent => {
    if (!text.trim()) return { ok: false, error: 'Content is empty: use {} for no content' };
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return { ok: false, error: 'Content must be a JSON object' };
    }
    return { ok: true, value: value as Record<string, unknown> };
};
