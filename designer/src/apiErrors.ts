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

/** pydantic prefixes a check's own message with "Value error, ": the message alone reads better. */
export const cleanMessage = (message: string): string => message.replace(/^(Value|Assertion) error, /, '');

const describeValidationItem = (item: ValidationItem): string => {
    // Drop FastAPI's leading "body"/"query" so the path reads as the field name.
    const loc = (item.loc ?? []).filter(part => part !== 'body' && part !== 'query' && part !== 'path');
    const where = loc.length ? `${loc.join('.')}: ` : '';
    return `${where}${cleanMessage(item.msg ?? 'invalid value')}`;
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
        return cleanMessage(detail.message);
    }
    if (typeof body.message === 'string' && body.message) {
        return body.message;
    }
    return fallback;
};

/** One error the API ties to a field of the request body, e.g. `config.url`. */
export interface ApiFieldError {
    path: string;
    message: string;
}

/** `/config/url`, `config.url` and `["body", "config", "url"]` all name the field `config.url`. */
const fieldPath = (path: unknown): string => {
    if (Array.isArray(path)) {
        return path
            .filter(part => part !== 'body' && part !== 'query' && part !== 'path')
            .map(String)
            .join('.');
    }
    if (typeof path !== 'string') return '';
    return path.replace(/^#?\//, '').replace(/\//g, '.');
};

/**
 * The field errors of an API error body, in the API's order: the typed error's `errors`
 * (or its own `path`), or FastAPI's validation list. Errors without a field have path ''.
 */
export const apiFieldErrors = (body: unknown): ApiFieldError[] => {
    const detail = isObject(body) ? body.detail : undefined;
    if (Array.isArray(detail)) {
        return detail.filter(isObject).map(item => ({
            path: fieldPath(item.loc),
            message: typeof item.msg === 'string' ? cleanMessage(item.msg) : 'invalid value',
        }));
    }
    if (!isObject(detail)) return [];
    const message = typeof detail.message === 'string' ? cleanMessage(detail.message) : 'invalid value';
    if (Array.isArray(detail.errors) && detail.errors.length) {
        return detail.errors.filter(isObject).map(item => ({
            path: fieldPath(item.path),
            message: typeof item.message === 'string' ? cleanMessage(item.message) : message,
        }));
    }
    return [{ path: fieldPath(detail.path), message }];
};

/**
 * react-admin's server-side validation shape (`HttpError.body.errors`): a message per form field,
 * nested (`{config: {url: "..."}}`), plus `root.serverError`, which react-admin notifies.
 * Only fields the form has are named (`fields`): an error left on a field the form lacks
 * would block the next submit; those stay in the notification.
 */
export const submissionErrors = (
    body: unknown,
    fields: readonly string[],
    fallback = 'The request was refused',
): Record<string, unknown> | null => {
    const found = apiFieldErrors(body);
    if (!found.length) return null;
    const errors: Record<string, unknown> = {};
    const rest: string[] = [];
    for (const { path, message } of found) {
        // A nested path (`config.mapping.author`) lands on the closest field the form has.
        const field = fields
            .filter(name => path === name || path.startsWith(`${name}.`))
            .sort((a, b) => b.length - a.length)[0];
        if (!field) {
            rest.push(path ? `${path}: ${message}` : message);
            continue;
        }
        const parts = field.split('.');
        let target = errors;
        for (const part of parts.slice(0, -1)) {
            target = (target[part] ??= {}) as Record<string, unknown>;
        }
        const last = parts[parts.length - 1];
        target[last] ??= message;
    }
    const summary = rest.length ? rest.join('; ') : apiErrorMessage(body, fallback);
    return { ...errors, root: { serverError: summary } };
};
