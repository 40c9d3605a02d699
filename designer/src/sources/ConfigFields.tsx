import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useEffect, useId, useRef } from 'react';
import { InputHelperText, maxValue, minValue, NumberInput, required, SelectInput, TextInput, useInput } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import type { MailSecurity, SourceKind } from '../types';
import { MappingInput } from './MappingInput';
import { SecretInput } from './SecretInput';
import {
    DEFAULT_POLL_SECONDS,
    DEFAULT_SIGNATURE_HEADER,
    EMAIL_ADDRESS_PATTERN,
    EMAIL_DEFAULTS,
    mailSecurityChoices,
    plainMailProtocols,
    webhookAuthChoices,
} from './sourceForm';

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

const MailSection = ({ title, testId, children }: { title: string; testId: string; children: ReactNode }) => (
    <Box data-testid={testId} sx={{ width: '100%', mt: 1 }}>
        <Typography variant="subtitle2">{title}</Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
            {children}
        </Typography>
    </Box>
);

const port = [minValue(1), maxValue(65_535)];

/** Blank passes (required() says so); otherwise what the API takes as an address. */
const emailAddress = (value: unknown) =>
    typeof value === 'string' && value.trim() && !EMAIL_ADDRESS_PATTERN.test(value.trim())
        ? 'An email address, e.g. support@example.com'
        : undefined;

/**
 * `config.allow_insecure`, offered only while IMAP or SMTP security is "none": the API refuses plain text
 * (the password would cross the network in the clear) unless this is ticked, and its refusal shows here.
 */
const AllowInsecureInput = () => {
    const [imap, smtp] = useWatch({ name: ['config.imap_security', 'config.smtp_security'] }) as [
        MailSecurity | undefined,
        MailSecurity | undefined,
    ];
    const plain = plainMailProtocols({ imap_security: imap, smtp_security: smtp });
    const helperId = useId();
    const { field, fieldState } = useInput({ source: 'config.allow_insecure', defaultValue: false });
    if (!plain.length) return null;
    // A variable, not a literal: MUI's slot props do not list data-* attributes.
    const checkboxInput = {
        'aria-describedby': helperId,
        'aria-invalid': fieldState.invalid,
        'data-testid': 'source-allow-insecure',
    };
    return (
        <FormControl error={fieldState.invalid} sx={{ width: '100%', mb: 1 }} data-testid="source-allow-insecure-field">
            <FormControlLabel
                label="Allow plain IMAP/SMTP (no TLS)"
                control={
                    <Checkbox
                        checked={field.value === true}
                        onChange={event => field.onChange(event.target.checked)}
                        onBlur={field.onBlur}
                        name={field.name}
                        inputRef={field.ref}
                        slotProps={{ input: checkboxInput }}
                    />
                }
            />
            <FormHelperText id={helperId}>
                <InputHelperText
                    error={fieldState.error?.message}
                    helperText={`${plain.join(' and ')} security is None: the password crosses the network in the clear. Only for a server on a network you trust.`}
                />
            </FormHelperText>
        </FormControl>
    );
};

/** A support mailbox: IMAP to read new mail, SMTP to send replies. The API's defaults are filled in. */
const EmailFields = () => (
    <>
        <MailSection title="Incoming mail (IMAP)" testId="source-email-incoming">
            Each new message becomes a mention, and a customer's answer to a reply joins its conversation. Mail
            is read without being marked read.
        </MailSection>
        <TextInput
            source="config.imap_host"
            label="IMAP host"
            validate={required()}
            helperText="e.g. imap.example.com"
            slotProps={{ htmlInput: { 'data-testid': 'source-imap-host' } }}
        />
        <NumberInput
            source="config.imap_port"
            label="IMAP port"
            defaultValue={EMAIL_DEFAULTS.imap_port}
            validate={port}
            helperText={`993 for SSL/TLS, 143 for STARTTLS; ${EMAIL_DEFAULTS.imap_port} if left empty`}
            slotProps={{ htmlInput: { 'data-testid': 'source-imap-port' } }}
        />
        <SelectInput
            source="config.imap_security"
            label="IMAP security"
            choices={mailSecurityChoices}
            defaultValue={EMAIL_DEFAULTS.imap_security}
            validate={required()}
            helperText="How the connection is encrypted"
            slotProps={{ htmlInput: { 'data-testid': 'source-imap-security' } }}
        />
        <TextInput
            source="config.username"
            label="Username"
            validate={required()}
            helperText="The mailbox's login, often its address"
            slotProps={{ htmlInput: { 'data-testid': 'source-username', autoComplete: 'off' } }}
        />
        <SecretInput
            source="config.password"
            label="Password"
            validate={required()}
            helperText="An app password where the provider asks for one"
            testId="source-password"
        />
        <TextInput
            source="config.mailbox"
            label="Mailbox"
            defaultValue={EMAIL_DEFAULTS.mailbox}
            helperText={`The folder to read; ${EMAIL_DEFAULTS.mailbox} if left empty`}
            slotProps={{ htmlInput: { 'data-testid': 'source-mailbox' } }}
        />
        <MailSection title="Outgoing mail (SMTP)" testId="source-email-outgoing">
            Replies go to the sender as Re: &lt;subject&gt;, threaded by Message-ID.
        </MailSection>
        <TextInput
            source="config.smtp_host"
            label="SMTP host"
            validate={required()}
            helperText="e.g. smtp.example.com"
            slotProps={{ htmlInput: { 'data-testid': 'source-smtp-host' } }}
        />
        <NumberInput
            source="config.smtp_port"
            label="SMTP port"
            defaultValue={EMAIL_DEFAULTS.smtp_port}
            validate={port}
            helperText={`587 for STARTTLS, 465 for SSL/TLS; ${EMAIL_DEFAULTS.smtp_port} if left empty`}
            slotProps={{ htmlInput: { 'data-testid': 'source-smtp-port' } }}
        />
        <SelectInput
            source="config.smtp_security"
            label="SMTP security"
            choices={mailSecurityChoices}
            defaultValue={EMAIL_DEFAULTS.smtp_security}
            validate={required()}
            helperText="How the connection is encrypted"
            slotProps={{ htmlInput: { 'data-testid': 'source-smtp-security' } }}
        />
        <AllowInsecureInput />
        <TextInput
            source="config.smtp_username"
            label="SMTP username"
            helperText="Leave empty to use the IMAP username"
            slotProps={{ htmlInput: { 'data-testid': 'source-smtp-username', autoComplete: 'off' } }}
        />
        <SecretInput
            source="config.smtp_password"
            label="SMTP password"
            helperText="Leave empty to use the IMAP password"
            testId="source-smtp-password"
        />
        <TextInput
            source="config.from_address"
            label="From address"
            validate={[required(), emailAddress]}
            helperText="The address replies are sent from, e.g. support@example.com"
            fullWidth
            slotProps={{ htmlInput: { 'data-testid': 'source-from-address' } }}
        />
        <PollSeconds kind="email" />
    </>
);

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
        case 'email':
            return <EmailFields />;
        case 'webhook':
            return (
                <>
                    <SelectInput
                        source="config.auth"
                        label="Senders prove who they are by"
                        choices={webhookAuthChoices}
                        emptyText="Automatic: HMAC when a signing secret is set, else a token"
                        helperText="A new token is shown once, when the source is saved; None only behind a gateway that checks senders"
                        slotProps={{ htmlInput: { 'data-testid': 'source-webhook-auth' } }}
                    />
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
