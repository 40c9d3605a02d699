import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useGetOne, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useCan, useMe } from '../auth/useCan';
import { RecordName } from '../common/RecordName';
import { useSwitchboardDataProvider } from '../dataProvider';
import type { Agent, Case } from '../types';
import { CaseStatusChip } from './CaseStatusChip';
import { CaseViewers } from './CaseViewers';
import { PriorityChip } from './PriorityChip';
import { SlaClocks } from './SlaClocks';

const errorCode = (error: unknown): string | undefined => {
    const body = (error as { body?: { detail?: { code?: unknown } } } | null)?.body;
    const code = body?.detail?.code;
    return typeof code === 'string' ? code : undefined;
};

/** Which of Claim, Release and Take over the logged-in user is offered on the case. */
export const holderActions = (
    record: Pick<Case, 'status' | 'claimed_by' | 'assignee_id'>,
    myAgent: string | null | undefined,
    { canWork, canTakeOver }: { canWork: boolean; canTakeOver: boolean },
): { claim: boolean; release: boolean; takeover: boolean } => {
    const none = { claim: false, release: false, takeover: false };
    if (!canWork || !myAgent || record.status === 'closed' || record.status === 'with_expert') return none;
    const holder = record.claimed_by ?? record.assignee_id;
    if (!holder) return { ...none, claim: true };
    if (holder === myAgent) return { ...none, claim: record.claimed_by !== myAgent, release: true };
    return { claim: false, release: canTakeOver, takeover: canTakeOver };
};

/**
 * The top of the case page: its subject (wrapped on word boundaries, the full text on hover), status, priority,
 * each SLA target's live clock, who holds it by name with Claim / Release / Take over, and who else is viewing.
 */
export const CaseHeader = () => {
    const record = useRecordContext<Case>();
    const me = useMe();
    const canWork = useCan('cases', 'work', record);
    const canTakeOver = useCan('cases', 'takeover', record);
    const dataProvider = useSwitchboardDataProvider();
    const notify = useNotify();
    const refresh = useRefresh();
    const [pending, setPending] = useState(false);
    const [refusal, setRefusal] = useState<{ caseId: string; message: string } | null>(null);
    const holder = record ? (record.claimed_by ?? record.assignee_id) : null;
    const { data: holderAgent } = useGetOne<Agent>('agents', { id: holder ?? '' }, { enabled: Boolean(holder) });
    if (!record) return null;
    const actions = holderActions(record, me?.agent_id, { canWork, canTakeOver });

    const act = async (call: () => Promise<unknown>, success: string) => {
        setPending(true);
        setRefusal(null);
        try {
            await call();
            notify(success, { type: 'success', messageArgs: { _: success } });
        } catch (error) {
            const message = error instanceof Error && error.message ? error.message : 'The action failed';
            if (errorCode(error) === 'claimed' || errorCode(error) === 'not_assignee') {
                setRefusal({ caseId: record.id, message });
            }
            notify(message, { type: 'error', messageArgs: { _: message } });
        } finally {
            setPending(false);
            refresh();
        }
    };

    const claim = (takeover: boolean) =>
        act(
            () => dataProvider.claimCase(record.id, takeover ? { takeover: true } : {}),
            takeover ? 'You took the case over' : 'Case claimed: it is yours to work',
        );
    const release = () => act(() => dataProvider.releaseCase(record.id), "Case released: it is back in its team's queue");

    return (
        <Stack spacing={1.5} data-testid="case-header">
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start', justifyContent: 'space-between' }}>
                <Typography
                    variant="h6"
                    component="h1"
                    title={record.subject}
                    data-testid="case-title"
                    sx={{
                        flex: '1 1 320px',
                        minWidth: 0,
                        // Whole words: wraps between them, and past three lines ends in an ellipsis.
                        overflowWrap: 'break-word',
                        wordBreak: 'normal',
                        display: '-webkit-box',
                        WebkitLineClamp: 3,
                        WebkitBoxOrient: 'vertical',
                        overflow: 'hidden',
                    }}
                >
                    {record.subject || '(no subject)'}
                </Typography>
                <CaseViewers caseId={record.id} me={me?.id} enabled={canWork} />
            </Box>
            <Typography variant="body2" color="text.secondary">
                {record.author} on {record.source} · {record.mention_count} mention{record.mention_count === 1 ? '' : 's'}
            </Typography>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
                <CaseStatusChip size="medium" data-testid="case-header-status" />
                <PriorityChip size="medium" />
                {record.needs_response && <Chip size="small" label="Needs response" />}
                <SlaClocks record={record} />
            </Box>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
                <Typography variant="body2" data-testid="case-holder" data-holder={holder ?? ''}>
                    {holder ? (
                        <>
                            {record.claimed_by ? 'Claimed by ' : 'Assigned to '}
                            <Box component="strong">{holderAgent?.name ?? <RecordName reference="agents" id={holder} />}</Box>
                            {record.claimed_by === me?.agent_id && me?.agent_id ? ' (you)' : ''}
                        </>
                    ) : (
                        <Box component="span" sx={{ color: 'text.secondary' }}>
                            Unassigned: waiting in its team's queue
                        </Box>
                    )}
                </Typography>
                {actions.claim && (
                    <Button size="small" variant="contained" disabled={pending} onClick={() => claim(false)} data-testid="case-claim">
                        Claim
                    </Button>
                )}
                {actions.release && (
                    <Button size="small" variant="outlined" disabled={pending} onClick={release} data-testid="case-release">
                        Release
                    </Button>
                )}
                {actions.takeover && (
                    <Button size="small" variant="outlined" color="warning" disabled={pending} onClick={() => claim(true)} data-testid="case-takeover">
                        Take over
                    </Button>
                )}
            </Box>
            {refusal && refusal.caseId === record.id && (
                <Alert severity="warning" onClose={() => setRefusal(null)} data-testid="case-claim-refused">
                    {holder && holder !== me?.agent_id ? (
                        <>
                            <strong>{holderAgent?.name ?? <RecordName reference="agents" id={holder} />}</strong> got this
                            case first; it is theirs now.{' '}
                        </>
                    ) : null}
                    {refusal.message}
                </Alert>
            )}
        </Stack>
    );
};

export default CaseHeader;
