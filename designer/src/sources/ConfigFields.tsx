import Typography from '@mui/material/Typography';
import { useEffect, useRef } from 'react';
import { maxValue, minValue, NumberInput, required, TextInput } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import type { SourceKind } from '../types';
import { MappingInput } from './MappingInput';
import { SecretInput } from './SecretInput';
import { DEFAULT_POLL_SECONDS, DEFAULT_SIGNATURE_HEADER } from './sourceForm';

const PollSeconds = ({ kind }: { kind: SourceKind }) => (
    <NumberInput
        source="config.poll_seconds"
        label="Poll every (seconds)"
        helperText={`Between 5 and 86400; ${DEFAULT_POLL_SECONDS[kind]} if left empty`}
        validate={[minValue(5), maxValue(86_400)]}
        slotProps={{ htmlInput: { 'data-testid': 'source-poll-seconds' } }}
    />
);

/** A new source starts from its kind's poll interval; a value typed for another kind is kept if changed. */
const usePollDefault = (kind: SourceKind | undefined) => {
    const { getValues, setValue } = useFormContext();
    const previous = useRef(kind);
    useEffect(() => {
        if (previous.current === kind) return;
        previous.current = kind;
        const current = getValues('config.poll_seconds');
        const untouched =
            current === null || current === undefined || current === '' || Object.values(DEFAULT_POLL_SECONDS).includes(current);
        const next = kind ? DEFAULT_POLL_SECONDS[kind] : undefined;
        if (untouched && next !== undefined) setValue('config.poll_seconds', next);
    }, [kind, getValues, setValue]);
};

/** The config inputs of the kind picked in the form (`kind`). */
export const ConfigFields = () => {
    const kind = useWatch({ name: 'kind' }) as SourceKind | undefined;
    usePollDefault(kind);
    switch (kind) {
        case 'rss':
            return (
                <>
                    <TextInput
                        source="config.url"
                        label="Feed URL"
                        validate={required()}
                        helperText="An RSS or Atom feed, e.g. https://example.com/reviews.xml"
                        fullWidth
                        slotProps={{ htmlInput: { 'data-testid': 'source-url' } }}
                    />
                    <PollSeconds kind={kind} />
                </>
            );
        case 'mastodon':
            return (
                <>
                    <TextInput
                        source="config.base_url"
                        label="Instance URL"
                        validate={required()}
                        helperText="The account's instance, e.g. https://mastodon.social"
                        fullWidth
                        slotProps={{ htmlInput: { 'data-testid': 'source-base-url' } }}
                    />
                    <SecretInput
                        source="config.access_token"
                        label="Access token"
                        validate={required()}
                        helperText="A token with read:notifications and write:statuses"
                        testId="source-access-token"
                    />
                    <PollSeconds kind={kind} />
                </>
            );
        case 'webhook':
            return (
                <>
                    <SecretInput
                        source="config.hmac_secret"
                        label="Signing secret (HMAC)"
                        helperText="When set, each request must carry an HMAC-SHA256 of its body; leave empty for none"
                        testId="source-hmac-secret"
                    />
                    <TextInput
                        source="config.signature_header"
                        label="Signature header"
                        helperText={`The header carrying the signature; ${DEFAULT_SIGNATURE_HEADER} if left empty`}
                        placeholder={DEFAULT_SIGNATURE_HEADER}
                        slotProps={{ htmlInput: { 'data-testid': 'source-signature-header' } }}
                    />
                    <MappingInput />
                </>
            );
        case 'file':
            return (
                <Typography variant="body2" color="text.secondary" data-testid="source-file-note">
                    File sources take mentions only from <code>switchboard import</code>: nothing to configure.
                </Typography>
            );
        default:
            return (
                <Typography variant="body2" color="text.secondary">
                    Pick a kind to configure the source.
                </Typography>
            );
    }
};

export default ConfigFields;
