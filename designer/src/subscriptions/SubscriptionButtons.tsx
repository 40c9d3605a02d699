import PauseIcon from '@mui/icons-material/PauseCircleOutline';
import PlayIcon from '@mui/icons-material/PlayCircleOutline';
import SendIcon from '@mui/icons-material/Send';
import Button from '@mui/material/Button';
import { useRecordContext } from 'react-admin';
import { useCan } from '../auth/useCan';
import { useCaseAction } from '../cases/useCaseAction';
import type { Subscription, SubscriptionDelivery } from '../types';

/** Sends a signed test event now and says how the target answered. */
export const SendTestButton = () => {
    const record = useRecordContext<Subscription>();
    const may = useCan('subscriptions', 'test');
    const { run, pending } = useCaseAction();
    if (!record || !may) return null;
    const send = () =>
        run<SubscriptionDelivery>(
            dataProvider => dataProvider.testSubscription(String(record.id)),
            delivery =>
                delivery.ok
                    ? `Test event delivered: HTTP ${delivery.status_code} in ${Math.round(delivery.latency_ms ?? 0)} ms`
                    : `Test event not delivered: ${delivery.error ?? 'no answer'}`,
        );
    return (
        <Button size="small" startIcon={<SendIcon />} disabled={pending} onClick={send} data-testid="subscription-test">
            Send test event
        </Button>
    );
};

/** Pauses delivery (the backlog is kept) or resumes it (the backlog is delivered, the failures forgotten). */
export const PauseResumeButton = () => {
    const record = useRecordContext<Subscription>();
    const may = useCan('subscriptions', 'edit');
    const { run, pending } = useCaseAction();
    if (!record || !may) return null;
    const resume = !record.active;
    const toggle = () =>
        run<Subscription>(
            dataProvider => dataProvider.setSubscriptionActive(String(record.id), resume),
            resume ? `Resumed: ${record.backlog} waiting event(s) go now` : 'Paused: new events wait in its backlog',
        );
    return (
        <Button
            size="small"
            startIcon={resume ? <PlayIcon /> : <PauseIcon />}
            disabled={pending}
            onClick={toggle}
            data-testid={resume ? 'subscription-resume' : 'subscription-pause'}
        >
            {resume ? 'Resume' : 'Pause'}
        </Button>
    );
};
