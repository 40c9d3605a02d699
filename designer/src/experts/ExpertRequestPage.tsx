import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CircularProgress from '@mui/material/CircularProgress';
import Container from '@mui/material/Container';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { DateField, HttpError, RecordContextProvider, useGetOne, useParams } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { apiErrorCode } from '../auth/authProvider';
import { useCaseAction } from '../cases/useCaseAction';
import { Fact } from '../common/Fact';
import type { ExpertRequestMeta } from '../dataProvider';
import type { ExpertRequest } from '../types';
import { expertLinkToken, linkProblemTitle } from './requests';
import { RequestStateChip } from './RequestStateChip';

const Quote = ({ children, testId }: { children: string; testId: string }) => (
    <Box
        data-testid={testId}
        sx={{
            typography: 'body1',
            whiteSpace: 'pre-wrap',
            px: 2,
            py: 1.5,
            borderLeft: 3,
            borderColor: 'divider',
            bgcolor: 'action.hover',
        }}
    >
        {children}
    </Box>
);

interface AnswerFormProps {
    requestId: string;
    token: string;
    onAnswered: (request: ExpertRequest) => void;
}

const AnswerForm = ({ requestId, token, onAnswered }: AnswerFormProps) => {
    const [text, setText] = useState('');
    const { run, pending } = useCaseAction();
    const send = () =>
        run(
            dataProvider => dataProvider.answerExpertRequest(requestId, { text: text.trim() }, token),
            'Thank you: your answer is with the contact centre',
            onAnswered,
        );
    return (
        <Stack spacing={2}>
            <TextField
                label="Your answer"
                helperText="The agents see it as a note on the case; the customer does not."
                multiline
                minRows={5}
                value={text}
                onChange={event => setText(event.target.value)}
                disabled={pending}
                slotProps={{ htmlInput: { 'data-testid': 'expert-answer-text' } }}
            />
            <Box>
                <Button
                    variant="contained"
                    disabled={pending || text.trim() === ''}
                    onClick={send}
                    data-testid="expert-answer-send"
                >
                    Send answer
                </Button>
            </Box>
        </Stack>
    );
};

/**
 * Why the page cannot show the request: a link without its token, a wrong one or an old one (the API's
 * `link_missing`, `link_invalid`, `link_expired`) says so in its own words, with the API's message.
 */
const RequestError = ({ error }: { error: unknown }) => {
    const code = error instanceof HttpError ? apiErrorCode(error.body) : undefined;
    const message = error instanceof Error && error.message ? error.message : 'This request could not be found';
    const title = linkProblemTitle(code);
    return (
        <Alert severity={code === 'link_expired' ? 'warning' : 'error'} data-testid="expert-request-error" data-code={code ?? ''}>
            {title && <AlertTitle data-testid="expert-request-error-title">{title}</AlertTitle>}
            {message}
        </Alert>
    );
};

/**
 * The request behind an expert's link: the question and the case's subject, and the answer form (or the answer).
 * `token` is the link's (`?token=`): the API lets the expert in by it, with no login.
 */
export const ExpertRequestView = ({ id, token }: { id: string; token: string }) => {
    const meta: ExpertRequestMeta = { expertToken: token };
    const { data, isPending, error } = useGetOne<ExpertRequest>('expert-requests', { id, meta }, { retry: false });
    // The answer as the API returned it: the list behind GET may take a moment to show it.
    const [answered, setAnswered] = useState<ExpertRequest | null>(null);
    if (isPending) return <CircularProgress aria-label="Loading" />;
    if (error || !data) return <RequestError error={error} />;
    const request = answered ?? data;
    return (
        <RecordContextProvider value={request}>
            <Card variant="outlined" data-testid="expert-request">
                <CardContent>
                    <Stack spacing={3}>
                        <Box>
                            <Typography variant="overline" color="text.secondary">
                                A question from the contact centre
                            </Typography>
                            <Quote testId="expert-request-question">{request.question}</Quote>
                        </Box>
                        <Box>
                            <Typography variant="overline" color="text.secondary">
                                About the case
                            </Typography>
                            <Typography variant="body1" data-testid="expert-request-subject">
                                {request.subject}
                            </Typography>
                            <Typography variant="body2" color="text.secondary">
                                {request.author} on {request.source}
                            </Typography>
                        </Box>
                        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3 }}>
                            <Fact label="State">
                                <RequestStateChip />
                            </Fact>
                            <Fact label="Asked">
                                <DateField source="asked_at" showTime />
                            </Fact>
                            <Fact label="Answer due">
                                <DateField source="due_at" showTime />
                            </Fact>
                            {request.answered_at && (
                                <Fact label="Answered">
                                    <DateField source="answered_at" showTime />
                                </Fact>
                            )}
                        </Box>
                        {request.answered_at ? (
                            <Box>
                                <Typography variant="overline" color="text.secondary">
                                    Your answer
                                </Typography>
                                <Quote testId="expert-request-answer">{request.answer ?? ''}</Quote>
                            </Box>
                        ) : (
                            <AnswerForm requestId={request.id} token={token} onAnswered={setAnswered} />
                        )}
                    </Stack>
                </CardContent>
            </Card>
        </RecordContextProvider>
    );
};

/** `/#/expert-requests/{id}?token=...`: the page the expert's link opens, outside the contact centre's layout. */
export const ExpertRequestPage = () => {
    const { id = '' } = useParams<{ id: string }>();
    const token = expertLinkToken(useLocation().search);
    return (
        <Container maxWidth="md" sx={{ py: 4 }}>
            <Typography variant="h5" gutterBottom>
                Switchboard · Expert request
            </Typography>
            <ExpertRequestView id={id} token={token} />
        </Container>
    );
};

export default ExpertRequestPage;
