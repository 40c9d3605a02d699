import Alert from '@mui/material/Alert';
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
import { DateField, RecordContextProvider, useGetOne, useParams } from 'react-admin';
import { useCaseAction } from '../cases/useCaseAction';
import { Fact } from '../common/Fact';
import type { ExpertRequest } from '../types';
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

const AnswerForm = ({ requestId, onAnswered }: { requestId: string; onAnswered: (request: ExpertRequest) => void }) => {
    const [text, setText] = useState('');
    const { run, pending } = useCaseAction();
    const send = () =>
        run(
            dataProvider => dataProvider.answerExpertRequest(requestId, { text: text.trim() }),
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

/** The request behind an expert's link: the question and the case's subject, and the answer form (or the answer). */
export const ExpertRequestView = ({ id }: { id: string }) => {
    const { data, isPending, error } = useGetOne<ExpertRequest>('expert-requests', { id }, { retry: false });
    // The answer as the API returned it: the list behind GET may take a moment to show it.
    const [answered, setAnswered] = useState<ExpertRequest | null>(null);
    if (isPending) return <CircularProgress aria-label="Loading" />;
    if (error || !data) {
        const message = error instanceof Error && error.message ? error.message : 'This request could not be found';
        return (
            <Alert severity="error" data-testid="expert-request-error">
                {message}
            </Alert>
        );
    }
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
                            <AnswerForm requestId={request.id} onAnswered={setAnswered} />
                        )}
                    </Stack>
                </CardContent>
            </Card>
        </RecordContextProvider>
    );
};

/** `/#/expert-requests/{id}`: the page the expert's link opens, outside the contact centre's layout. */
export const ExpertRequestPage = () => {
    const { id = '' } = useParams<{ id: string }>();
    return (
        <Container maxWidth="md" sx={{ py: 4 }}>
            <Typography variant="h5" gutterBottom>
                Switchboard · Expert request
            </Typography>
            <ExpertRequestView id={id} />
        </Container>
    );
};

export default ExpertRequestPage;
