// The API reports errors in two shapes: FastAPI's validation list
// (`{"detail": [{"loc": [...], "msg": "...", "type": "..."}]}`) and the
// project's typed error (`{"detail": {"code", "message", "path"}}`).
// This turns either into one sentence that can be shown to an agent.

interface ValidationItem {
    loc?: unknown[];
    msg?: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

const describeValidationItem = (item: ValidationItem): string => {
    // Drop FastAPI's leading "body"/"query" so the path reads as the field name.
    const loc = (item.loc ?? []).filter(part => part !== 'body' && part !== 'query' && part !== 'path');
    const where = loc.length ? `${loc.join('.')}: ` : '';
    return `${where}${item.msg ?? 'invalid value'}`;
};

export const apiErrorMessage = (body: unknown, fallback = 'Request failed'): string => {
    if (!isObject(body)) {
        return typeof body === 'string' && body.trim() ? body : fallback;
    }
    const detail = body.detail;
    if (typeof detail === 'string' && detail) {
        return detail;
    }
    if (Array.isArray(detail) && detail.length) {
        return detail
            .map(item => (isObject(item) ? describeValidationItem(item as ValidationItem) : String(item)))
            .join('; ');
    }
    if (isObject(detail) && typeof detail.message === 'string') {
        return detail.message;
    }
    if (typeof body.message === 'string' && body.message) {
        return body.message;
    }
    return fallback;
};
