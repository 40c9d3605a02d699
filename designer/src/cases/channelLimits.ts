/**
 * How many characters a reply may have on each channel (null: no practical limit). The one place the
 * designer keeps them: the composer counts against these.
 */
export const CHANNEL_LIMITS: Readonly<Record<string, number | null>> = {
    twitter: 280,
    x: 280,
    instagram: 2200,
    facebook: 8000,
    email: null,
};

/** The channel's limit; null for a channel without one (email) or one we do not know. */
export const channelLimit = (source: string | null | undefined): number | null =>
    source ? (CHANNEL_LIMITS[source.toLowerCase()] ?? null) : null;

/** Characters as the channels count them: by code point, so an emoji is one, not two. */
export const replyLength = (text: string): number => Array.from(text).length;
