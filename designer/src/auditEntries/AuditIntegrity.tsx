import SignIcon from '@mui/icons-material/Draw';
import VerifyIcon from '@mui/icons-material/FactCheck';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { DateField, Link, RecordContextProvider, useCreatePath } from 'react-admin';
import { useCan } from '../auth/useCan';
import { loggedOutAnswer, useCaseAction } from '../cases/useCaseAction';
import { Section } from '../common/Section';
import { useSwitchboardDataProvider } from '../dataProvider';
import type { AuditCheckpoint, AuditVerdict } from '../types';
import { checkpointTitle, verdictDetail, verdictTitle } from './auditFormat';

type VerifyState =
    | { state: 'idle' }
    | { state: 'checking' }
    | { state: 'done'; verdict: AuditVerdict }
    | { state: 'failed'; message: string };

/** `GET /api/audit/verify` on demand: the verdict, or why the API could not give one. */
const useVerify = () => {
    const dataProvider = useSwitchboardDataProvider();
    const [answer, setAnswer] = useState<VerifyState>({ state: 'idle' });
    const verify = async () => {
        setAnswer({ state: 'checking' });
        try {
            const { data } = await dataProvider.verifyAuditLog();
            // A lost session answers nothing: the login page says why.
            setAnswer(loggedOutAnswer(data) ? { state: 'idle' } : { state: 'done', verdict: data });
        } catch (error) {
            const message = error instanceof Error && error.message ? error.message : 'The log could not be verified';
            setAnswer({ state: 'failed', message });
        }
    };
    return { answer, verify };
};

const EntryLink = ({ id }: { id: number }) => {
    const createPath = useCreatePath();
    return (
        <Link to={createPath({ resource: 'audit_entries', id, type: 'show' })} data-testid="audit-verdict-entry">
            Open entry {id}
        </Link>
    );
};

/** Green when the chain, its head and every checkpoint hold; red with the first break and a link to its entry. */
const Verdict = ({ verdict }: { verdict: AuditVerdict }) => (
    <Alert severity={verdict.intact ? 'success' : 'error'} data-testid="audit-verdict" data-intact={String(verdict.intact)}>
        <AlertTitle data-testid="audit-verdict-title">{verdictTitle(verdict)}</AlertTitle>
        <Stack spacing={0.5}>
            {verdict.broken_at != null && <EntryLink id={verdict.broken_at} />}
            <Typography variant="caption" component="div">
                {verdictDetail(verdict)}
            </Typography>
        </Stack>
    </Alert>
);

const Mono = ({ children, testId }: { children: string; testId?: string }) => (
    <Typography variant="body2" component="code" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} data-testid={testId}>
        {children}
    </Typography>
);

/** The checkpoint just signed: the entry it pins, its hash, when, and the key that signed it. */
const CheckpointResult = ({ checkpoint }: { checkpoint: AuditCheckpoint }) => (
    <RecordContextProvider value={checkpoint}>
        <Alert severity="info" data-testid="audit-checkpoint" data-seq={checkpoint.seq}>
            <AlertTitle data-testid="audit-checkpoint-title">{checkpointTitle(checkpoint)}</AlertTitle>
            <Stack spacing={0.5}>
                <Box>
                    Hash <Mono testId="audit-checkpoint-hash">{checkpoint.hash}</Mono>
                </Box>
                <Typography variant="caption" component="div">
                    Signed <DateField source="at" showTime sx={{ fontSize: 'inherit' }} /> with key{' '}
                    <Mono>{checkpoint.key_id}</Mono> (Ed25519)
                </Typography>
            </Stack>
        </Alert>
    </RecordContextProvider>
);

/**
 * Whether the log still is what was written: verify it (anyone who reads it), and sign its head now
 * (`auditlog:checkpoint`), e.g. before and after a review. The API records the checkpoint in the log itself.
 */
export const AuditIntegrity = () => {
    const { answer, verify } = useVerify();
    const canSign = useCan('audit_entries', 'checkpoint');
    const { run, pending: signing } = useCaseAction();
    const [checkpoint, setCheckpoint] = useState<AuditCheckpoint | null>(null);
    const sign = () =>
        run<AuditCheckpoint>(dataProvider => dataProvider.signAuditCheckpoint(), checkpointTitle, setCheckpoint);

    return (
        <Box sx={{ mt: 2 }}>
            <Section testId="audit-integrity">
                <Stack spacing={2}>
                    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
                        <Button
                            variant="outlined"
                            startIcon={<VerifyIcon />}
                            onClick={verify}
                            disabled={answer.state === 'checking'}
                            data-testid="audit-verify"
                        >
                            {answer.state === 'checking' ? 'Verifying…' : 'Verify the log'}
                        </Button>
                        {canSign && (
                            <Button
                                variant="outlined"
                                startIcon={<SignIcon />}
                                onClick={sign}
                                disabled={signing}
                                data-testid="audit-sign-checkpoint"
                            >
                                Sign a checkpoint
                            </Button>
                        )}
                        <Typography variant="caption" color="text.secondary">
                            Each entry carries the hash of the one before it; signed checkpoints pin the chain.
                        </Typography>
                    </Stack>
                    {answer.state === 'done' && <Verdict verdict={answer.verdict} />}
                    {answer.state === 'failed' && (
                        <Alert severity="error" data-testid="audit-verify-error">
                            {answer.message}
                        </Alert>
                    )}
                    {checkpoint && <CheckpointResult checkpoint={checkpoint} />}
                </Stack>
            </Section>
        </Box>
    );
};

export default AuditIntegrity;
