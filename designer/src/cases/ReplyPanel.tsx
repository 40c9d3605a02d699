import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useRecordContext } from 'react-admin';
import type { Case, CloseReason } from '../types';
import { AgentSelect } from './AgentSelect';
import { AskExpertButton } from './AskExpertButton';
import { CloseCaseButton } from './CloseCaseButton';
import { useCaseAction } from './useCaseAction';

/** Reply to the author (optionally resolving the case), ask an expert, or close it without a reply. */
export const ReplyPanel = () => {
    const record = useRecordContext<Case>();
    const [pickedAgent, setPickedAgent] = useState('');
    const [text, setText] = useState('');
    const { run, pending } = useCaseAction();
    if (!record) return null;

    const agentId = pickedAgent || record.assignee_id || '';
    const closed = record.status === 'closed';
    // With an expert, the case waits for their answer: no replies, but it can still be closed.
    const withExpert = record.status === 'with_expert';
    const canSend = !closed && !withExpert && !pending && agentId !== '' && text.trim() !== '';

    const send = async (close: boolean) => {
        const done = await run(
            dataProvider => dataProvider.replyToCase(record.id, { agent_id: agentId, text: text.trim(), close }),
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
        run(dataProvider => dataProvider.closeCase(record.id, { reason, agent_id: agentId }), 'Case closed');

    const askExpert = (expertId: string, question: string) =>
        run(
            dataProvider => dataProvider.askExpert(record.id, { agent_id: agentId, expert_id: expertId, question }),
            'Case handed to the expert',
        );

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
                    <AgentSelect value={agentId} onChange={setPickedAgent} disabled={closed || pending} />
                    <TextField
                        label="Reply"
                        multiline
                        minRows={3}
                        value={text}
                        onChange={event => setText(event.target.value)}
                        disabled={closed || withExpert || pending}
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
                        <AskExpertButton
                            disabled={closed || withExpert || pending || agentId === ''}
                            onConfirm={askExpert}
                        />
                        <CloseCaseButton disabled={closed || pending || agentId === ''} onConfirm={closeCase} />
                    </Stack>
                </Stack>
            </CardContent>
        </Card>
    );
};

export default ReplyPanel;
