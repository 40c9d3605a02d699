import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { ReferenceField, RecordContextProvider, useRecordContext } from 'react-admin';
import { useCan, useMe } from '../auth/useCan';
import { ExpertLinkDialog } from '../experts/ExpertLinkDialog';
import type { Case, CloseReason } from '../types';
import { AskExpertButton } from './AskExpertButton';
import { CloseCaseButton } from './CloseCaseButton';
import { TransferCaseButton } from './TransferCaseButton';
import { useCaseAction } from './useCaseAction';

/** An agent by name (the raw id while unknown). */
const AgentName = ({ id }: { id: string }) => (
    <RecordContextProvider value={{ id, agent_id: id }}>
        <ReferenceField source="agent_id" reference="agents" link={false} empty={id} />
    </RecordContextProvider>
);

/**
 * Reply to the author (optionally resolving the case), ask an expert, or close it without a reply; claim it,
 * take it over or transfer it. The logged-in user acts: the API knows them by their session. Users who may not
 * work cases (auditors, ops leads) see no panel at all.
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
    const { run, pending } = useCaseAction();
    if (!record || !canWork) return null;

    const closed = record.status === 'closed';
    // With an expert, the case waits for their answer: no replies, but it can still be closed.
    const withExpert = record.status === 'with_expert';
    const holder = record.claimed_by ?? record.assignee_id;
    // Only the case's assignee (or whoever claimed it) replies; unknown without a login (component tests).
    const myAgent = me ? me.agent_id : undefined;
    const mine = myAgent === undefined || (myAgent !== null && [record.assignee_id, record.claimed_by].includes(myAgent));
    const canSend = !closed && !withExpert && !pending && mine && text.trim() !== '';
    const open = !closed && !withExpert;

    const send = async (close: boolean) => {
        const done = await run(
            dataProvider => dataProvider.replyToCase(record.id, { text: text.trim(), close }),
            // The flow's approval rule may hold the reply: then nothing was sent yet, and the agent must know.
            updated =>
                (updated.drafts_pending ?? 0) > (record.drafts_pending ?? 0)
                    ? 'Reply held for approval: it is sent once an approver approves it'
                    : close
                      ? 'Reply sent and case resolved'
                      : 'Reply sent',
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

    const claim = (takeover: boolean) =>
        run(
            dataProvider => dataProvider.claimCase(record.id, takeover ? { takeover: true } : {}),
            takeover ? 'You took the case over' : 'Case claimed: it is yours to work',
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
                    <TextField
                        label="Reply"
                        multiline
                        minRows={3}
                        value={text}
                        onChange={event => setText(event.target.value)}
                        disabled={closed || withExpert || pending || !mine}
                        slotProps={{ htmlInput: { 'data-testid': 'reply-text' } }}
                    />
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
                        {open && !mine && myAgent && !holder && (
                            <Button variant="outlined" disabled={pending} onClick={() => claim(false)} data-testid="case-claim">
                                Claim
                            </Button>
                        )}
                        {open && canTakeOver && holder && myAgent && holder !== myAgent && (
                            <Button
                                variant="outlined"
                                color="warning"
                                disabled={pending}
                                onClick={() => claim(true)}
                                data-testid="case-takeover"
                            >
                                Take over
                            </Button>
                        )}
                        <AskExpertButton disabled={closed || withExpert || pending} onConfirm={askExpert} />
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
