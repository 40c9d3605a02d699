import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import Chip from '@mui/material/Chip';
import { useEffect, useState } from 'react';
import { ReferenceField, RecordContextProvider, useRecordContext } from 'react-admin';
import { useCan, useMe } from '../auth/useCan';
import { useSwitchboardDataProvider } from '../dataProvider';
import { ExpertLinkDialog } from '../experts/ExpertLinkDialog';
import type { Case, CloseReason } from '../types';
import { AskExpertButton } from './AskExpertButton';
import { CannedReplyButton } from './CannedReplyButton';
import { channelLimit, replyLength } from './channelLimits';
import { CaseTagsButton } from './CaseTagsButton';
import { CloseCaseButton } from './CloseCaseButton';
import { PendingButton } from './PendingButton';
import { TransferCaseButton } from './TransferCaseButton';
import { useCaseAction } from './useCaseAction';

/** An agent by name (the raw id while unknown). */
const AgentName = ({ id }: { id: string }) => (
    <RecordContextProvider value={{ id, agent_id: id }}>
        <ReferenceField source="agent_id" reference="agents" link={false} empty={id} />
    </RecordContextProvider>
);

/**
 * Reply to the author (optionally resolving the case) with a counter against the channel's limit and canned
 * replies; ask an expert, change the tags, wait on the customer, transfer, or close it without a reply (claiming,
 * releasing and taking over are in the case's header). The logged-in user acts: the API knows them by their
 * session. Users who may not work cases (auditors, ops leads) see no panel at all. Its state belongs to one case:
 * the page keys it by the case's id, so a draft never follows the agent to the next case.
 */
export const ReplyPanel = () => {
    const record = useRecordContext<Case>();
    const canWork = useCan('cases', 'work', record);
    const canTakeOver = useCan('cases', 'takeover', record);
    const canTransfer = useCan('cases', 'transfer', record);
    const me = useMe();
    const [text, setText] = useState('');
    // The request just handed to an expert: its link is offered at once, to send them.
    const [handedOff, setHandedOff] = useState<string | null>(null);
    // The last reply sent from here was held by the flow's approval rule: it waits in the thread.
    const [held, setHeld] = useState(false);
    const { run, pending } = useCaseAction();
    const dataProvider = useSwitchboardDataProvider();
    // The flow's approval rule, asked as the agent writes (debounced): will this reply wait for a supervisor?
    const [needsApproval, setNeedsApproval] = useState(false);
    const caseId = record?.id;
    const draft = text.trim();
    const mayWrite = Boolean(canWork && record && record.status !== 'closed' && record.status !== 'with_expert');
    useEffect(() => {
        if (!caseId || !mayWrite || draft === '') {
            setNeedsApproval(false);
            return;
        }
        let live = true;
        const timer = window.setTimeout(() => {
            dataProvider
                .checkReply(caseId, { text: draft })
                .then(({ data }) => {
                    if (live) setNeedsApproval(Boolean(data?.needs_approval));
                })
                .catch(() => undefined); // a hint only: the reply is checked again when sent
        }, 500);
        return () => {
            live = false;
            window.clearTimeout(timer);
        };
    }, [dataProvider, caseId, draft, mayWrite]);
    // Once the held replies are decided (approved or rejected elsewhere), the notice has done its job.
    const waiting = record?.drafts_pending ?? 0;
    const [wasWaiting, setWasWaiting] = useState(waiting);
    if (waiting !== wasWaiting) {
        setWasWaiting(waiting);
        if (waiting < wasWaiting && waiting === 0) setHeld(false);
    }
    if (!record || !canWork) return null;

    const closed = record.status === 'closed';
    // With an expert, the case waits for their answer: no replies, but it can still be closed.
    const withExpert = record.status === 'with_expert';
    const holder = record.claimed_by ?? record.assignee_id;
    // Only the case's assignee (or whoever claimed it) replies; unknown without a login (component tests).
    const myAgent = me ? me.agent_id : undefined;
    const mine = myAgent === undefined || (myAgent !== null && [record.assignee_id, record.claimed_by].includes(myAgent));
    const limit = channelLimit(record.source);
    const length = replyLength(text.trim());
    const tooLong = limit !== null && length > limit;
    const canSend = !closed && !withExpert && !pending && mine && text.trim() !== '' && !tooLong;
    const open = !closed && !withExpert;

    const send = async (close: boolean) => {
        const wasHeld = (updated: Case) => (updated.drafts_pending ?? 0) > (record.drafts_pending ?? 0);
        const done = await run(
            dataProvider => dataProvider.replyToCase(record.id, { text: text.trim(), close }),
            // The flow's approval rule may hold the reply: then nothing was sent yet, and the agent must know.
            updated =>
                wasHeld(updated)
                    ? 'Reply held for approval: it is sent once an approver approves it'
                    : close
                      ? 'Reply sent and case resolved'
                      : 'Reply sent',
            updated => setHeld(wasHeld(updated)),
        );
        if (done) setText('');
    };

    const closeCase = (reason: CloseReason) =>
        run(dataProvider => dataProvider.closeCase(record.id, { reason }), 'Case closed');

    const askExpert = (expertId: string, question: string) =>
        run(
            dataProvider => dataProvider.askExpert(record.id, { expert_id: expertId, question }),
            'Case handed to the expert',
            updated => setHandedOff(updated.expert_request_id ?? null),
        );

    const transfer = (teamId: string, note: string) =>
        run(dataProvider => dataProvider.transferCase(record.id, { team_id: teamId, note }), 'Case transferred');

    return (
        <Card variant="outlined" data-testid="case-reply">
            <CardContent>
                <Stack spacing={2}>
                    {closed && <Alert severity="info">This case is closed.</Alert>}
                    {withExpert && (
                        <Alert severity="warning" data-testid="case-with-expert">
                            This case is with an expert until they answer; it can still be closed.
                        </Alert>
                    )}
                    {open && !mine && (
                        <Alert severity="info" data-testid="reply-holder">
                            {myAgent === null ? (
                                'Only agents reply to customers: your account has no agent profile.'
                            ) : holder ? (
                                <>
                                    <AgentName id={holder} /> holds this case: only they reply
                                    {canTakeOver ? ', unless you take it over.' : '.'}
                                </>
                            ) : (
                                'Nobody holds this case yet: claim it to reply.'
                            )}
                        </Alert>
                    )}
                    {held && (
                        <Alert severity="warning" data-testid="reply-held">
                            Your reply is held for approval: it shows in the thread as waiting, and is sent once a
                            supervisor approves it.
                        </Alert>
                    )}
                    <TextField
                        label="Reply"
                        multiline
                        minRows={3}
                        value={text}
                        onChange={event => setText(event.target.value)}
                        disabled={closed || withExpert || pending || !mine}
                        error={tooLong}
                        slotProps={{ htmlInput: { 'data-testid': 'reply-text' } }}
                    />
                    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', justifyContent: 'space-between', mt: '4px !important' }}>
                        <CannedReplyButton
                            disabled={closed || withExpert || pending || !mine}
                            caseId={record.id}
                            channel={record.source}
                            customerName={record.author}
                            agentName={me?.name ?? ''}
                            onInsert={canned => setText(current => (current.trim() ? `${current.trimEnd()} ${canned}` : canned))}
                        />
                        {needsApproval && (
                            <Chip
                                size="small"
                                color="warning"
                                variant="outlined"
                                label="Will need approval"
                                title="The flow's approval rule holds this reply until a supervisor approves it"
                                data-testid="reply-needs-approval"
                            />
                        )}
                        <Typography
                            variant="caption"
                            sx={{ ml: 'auto' }}
                            color={tooLong ? 'error' : 'text.secondary'}
                            data-testid="reply-counter"
                            data-over={tooLong ? 'true' : 'false'}
                        >
                            {limit === null
                                ? `${length} characters (${record.source}: no limit)`
                                : `${length} / ${limit} (${record.source})${tooLong ? ` — ${length - limit} too many` : ''}`}
                        </Typography>
                    </Box>
                    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
                        <Button variant="contained" disabled={!canSend} onClick={() => send(false)} data-testid="reply-send">
                            Send
                        </Button>
                        <Button
                            variant="outlined"
                            disabled={!canSend}
                            onClick={() => send(true)}
                            data-testid="reply-send-resolve"
                        >
                            Send and resolve
                        </Button>
                        <AskExpertButton disabled={closed || withExpert || pending} onConfirm={askExpert} />
                        <CaseTagsButton disabled={closed || pending} />
                        <PendingButton disabled={closed || withExpert || pending || !holder} />
                        {canTransfer && (
                            <TransferCaseButton
                                currentTeam={record.team_id}
                                disabled={closed || withExpert || pending}
                                onConfirm={transfer}
                            />
                        )}
                        <CloseCaseButton disabled={closed || pending} onConfirm={closeCase} />
                    </Stack>
                </Stack>
                <ExpertLinkDialog
                    requestId={handedOff}
                    onClose={() => setHandedOff(null)}
                    intro="The case is with the expert now. Their answer comes back as a note, and the case returns to its team."
                />
            </CardContent>
        </Card>
    );
};

export default ReplyPanel;
