// Pure helpers for the source forms and pages: no React, so they are tested directly.
import { MAIL_SECURITIES, MAPPABLE_FIELDS, POLLING_KINDS, SECRET_MASK, SOURCE_KINDS } from '../types';
import type { MailSecurity, Source, SourceConfig, SourceKind, WebhookAuth } from '../types';

export const KIND_LABELS: Record<SourceKind, string> = {
    webhook: 'Webhook',
    rss: 'RSS feed',
    mastodon: 'Mastodon',
    email: 'Email (IMAP/SMTP)',
    file: 'File import',
};

export const kindChoices = SOURCE_KINDS.map(id => ({ id, name: KIND_LABELS[id] }));

export const kindLabel = (kind: string | undefined): string =>
    (kind && KIND_LABELS[kind as SourceKind]) || kind || '';

export const isPollingKind = (kind: string | undefined): boolean => POLLING_KINDS.includes(kind as SourceKind);

/** The config keys each kind takes (the API forbids others). */
export const CONFIG_FIELDS: Record<SourceKind, readonly (keyof SourceConfig)[]> = {
    webhook: ['auth', 'mapping', 'hmac_secret', 'signature_header'],
    rss: ['url', 'poll_seconds'],
    mastodon: ['base_url', 'access_token', 'poll_seconds'],
    email: [
        'imap_host',
        'imap_port',
        'imap_security',
        'username',
        'password',
        'mailbox',
        'smtp_host',
        'smtp_port',
        'smtp_security',
        'smtp_username',
        'smtp_password',
        'from_address',
        'poll_seconds',
        'allow_insecure',
    ],
    file: [],
};

export const SECRET_FIELDS: readonly string[] = ['access_token', 'hmac_secret', 'password', 'smtp_password'];

/** The API's defaults, shown in the form. */
export const DEFAULT_POLL_SECONDS: Partial<Record<SourceKind, number>> = { rss: 300, mastodon: 60, email: 60 };
export const DEFAULT_SIGNATURE_HEADER = 'X-Signature-256';

/** The API's defaults for an email source (besides its poll interval), filled in by the form. */
export const EMAIL_DEFAULTS = {
    imap_port: 993,
    imap_security: 'ssl',
    mailbox: 'INBOX',
    smtp_port: 587,
    smtp_security: 'starttls',
} as const satisfies Partial<SourceConfig>;

export const MAIL_SECURITY_LABELS: Record<MailSecurity, string> = {
    ssl: 'SSL/TLS',
    starttls: 'STARTTLS',
    none: 'None (plain text)',
};

/** How a webhook's senders prove who they are (`config.auth`). */
export const WEBHOOK_AUTH_LABELS: Record<WebhookAuth, string> = {
    token: 'Token (X-Switchboard-Token header)',
    hmac: 'HMAC signature of each body',
    none: 'None: anyone who reaches the API may post',
};

export const webhookAuthChoices = (Object.keys(WEBHOOK_AUTH_LABELS) as WebhookAuth[]).map(id => ({
    id,
    name: WEBHOOK_AUTH_LABELS[id],
}));

export const mailSecurityChoices = MAIL_SECURITIES.map(id => ({ id, name: MAIL_SECURITY_LABELS[id] }));

/** Optional config fields that fall back to another one when left out (shown on the source's page). */
export const CONFIG_FALLBACKS: Partial<Record<keyof SourceConfig, string>> = {
    smtp_username: 'same as username',
    smtp_password: 'same as password',
};

/** The API's check of a from address (api/connectors/config.py EmailConfig.from_address). */
export const EMAIL_ADDRESS_PATTERN = /^[^@\s]+@[^@\s]+$/;

export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

export type MappingRow = { field: string; path: string };

/** Editor rows -> the API's mapping: rows without a field or a path are left out, the last row of a field wins. */
export const rowsToMapping = (rows: readonly MappingRow[]): Record<string, string> => {
    const mapping: Record<string, string> = {};
    for (const { field, path } of rows) {
        if (field && path.trim()) mapping[field] = path.trim();
    }
    return mapping;
};

/** The API's mapping -> editor rows, in the order of our fields (unknown fields last). */
export const mappingToRows = (mapping: Record<string, string> | null | undefined): MappingRow[] => {
    const order = (field: string) => {
        const index = (MAPPABLE_FIELDS as readonly string[]).indexOf(field);
        return index === -1 ? MAPPABLE_FIELDS.length : index;
    };
    return Object.entries(mapping ?? {})
        .sort(([a], [b]) => order(a) - order(b))
        .map(([field, path]) => ({ field, path: String(path) }));
};

/** Which of an email source's protocols are set to plain text (security "none"), as "IMAP" and "SMTP". */
export const plainMailProtocols = (config: Pick<SourceConfig, 'imap_security' | 'smtp_security'> | null | undefined) =>
    [config?.imap_security === 'none' && 'IMAP', config?.smtp_security === 'none' && 'SMTP'].filter(
        (name): name is string => Boolean(name),
    );

const isBlank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && !value.trim());

/**
 * The config to send for `kind`: only the kind's keys (a form keeps what was typed for another kind),
 * blanks left out so the API's defaults apply, secrets as typed (the mask keeps the stored one).
 */
export const configPayload = (kind: SourceKind, config: SourceConfig | null | undefined): SourceConfig => {
    const out: Record<string, unknown> = {};
    for (const key of CONFIG_FIELDS[kind] ?? []) {
        const value = config?.[key];
        if (key === 'allow_insecure') {
            // Only while a protocol is plain text: otherwise the API's default (false) applies.
            if (value === true && plainMailProtocols(config).length) out.allow_insecure = true;
        } else if (key === 'mapping') {
            const mapping = rowsToMapping(mappingToRows(value as Record<string, string> | undefined));
            if (Object.keys(mapping).length) out.mapping = mapping;
        } else if (!isBlank(value)) {
            out[key] = typeof value === 'string' && !SECRET_FIELDS.includes(key) ? value.trim() : value;
        }
    }
    return out as SourceConfig;
};

export interface SourceFormValues {
    id?: string;
    kind?: SourceKind;
    name?: string | null;
    enabled?: boolean;
    config?: SourceConfig | null;
}

/** POST /api/sources */
export const createPayload = (values: SourceFormValues) => {
    const kind = values.kind as SourceKind;
    const name = values.name?.trim();
    return {
        id: (values.id ?? '').trim(),
        kind,
        ...(name ? { name } : {}),
        enabled: values.enabled ?? true,
        config: configPayload(kind, values.config),
    };
};

/** PATCH /api/sources/{id}: the id and kind cannot change; a secret still showing the mask is kept. */
export const editPayload = (values: SourceFormValues) => {
    const name = values.name?.trim();
    return {
        ...(name ? { name } : {}),
        enabled: values.enabled ?? true,
        config: configPayload(values.kind as SourceKind, values.config),
    };
};

export const isMasked = (value: unknown): boolean => value === SECRET_MASK;

export type SourceHealth = 'healthy' | 'unhealthy' | 'pending';

/** Unhealthy after a failed poll; a polling source that has not been polled yet is pending. */
export const sourceHealth = (source: Pick<Source, 'healthy' | 'polls' | 'last_polled_at'>): SourceHealth => {
    if (!source.healthy) return 'unhealthy';
    if (source.polls && !source.last_polled_at) return 'pending';
    return 'healthy';
};
